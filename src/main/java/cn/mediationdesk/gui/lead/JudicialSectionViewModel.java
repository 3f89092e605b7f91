package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * 司法确认: the parties asked a court to confirm the agreement (within 30 days of it), and what the
 * court decided. Saving again replaces what was recorded, e.g. when the decision arrives.
 */
public final class JudicialSectionViewModel implements Draft {
    /** The court's decision as the form offers it. */
    public enum Decision {
        PENDING, CONFIRMED, REJECTED
    }

    /** The day of the decision, a second date beside the day of the application. */
    private static final String DECIDED_ON = "DECIDED_ON";

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final StringProperty appliedOn = new SimpleStringProperty("");
    private final StringProperty court = new SimpleStringProperty("");
    private final StringProperty decidedOn = new SimpleStringProperty("");
    private final ObjectProperty<Decision> decision = new SimpleObjectProperty<>(Decision.PENDING);
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");

    JudicialSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.DATE, Field.JUDICIAL_CONFIRMATION).slot(DECIDED_ON)
                .routedBy(this::slotOf);
        baseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(appliedOn.get()),
                FormInput.orEmpty(court.get()).strip(), FormInput.orEmpty(decidedOn.get()).strip(), decision.get()),
                appliedOn, court, decidedOn, decision);
        BooleanBinding open = Bindings.createBooleanBinding(
                () -> editor.lead() != null && editor.lead().outcome() == Outcome.RESOLVED, editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    /**
     * Both days are "dates" to the rules; a problem naming the decision's day (its first argument)
     * belongs beside that day, as does a decision given without its day or the other way round.
     */
    private String slotOf(Problem problem) {
        if (problem.key().equals("rule.judicial.decisionIncomplete")) {
            return DECIDED_ON;
        }
        if (problem.field() == Field.CLOSED_ON) {
            return Field.DATE.name();
        }
        Object first = problem.args().isEmpty() ? null : problem.args().getFirst();
        String decidedText = FormInput.orEmpty(decidedOn.get()).strip();
        boolean aboutDecision = first != null && !decidedText.isEmpty()
                && (first.equals(FormInput.dateOrNull(decidedText)) || first.equals(decidedText))
                && !first.equals(FormInput.dateOrNull(appliedOn.get()));
        return problem.field() == Field.DATE && aboutDecision ? DECIDED_ON : problem.field().name();
    }

    void loaded(LeadFile file) {
        JudicialConfirmation stored = file == null ? null : file.judicialConfirmation().orElse(null);
        if (!baseline.changed().get()) {
            fill(stored);
        }
        if (stored == null) {
            recorded.set("");
        } else {
            String decided = stored.result() == null ? l10n.text("gui.lead.judicial.pendingText")
                    : l10n.text(stored.confirmed() ? "gui.lead.judicial.confirmedText" : "gui.lead.judicial.rejectedText",
                            stored.decidedOn());
            recorded.set(l10n.text("gui.lead.judicial.recorded", stored.appliedOn(), stored.court(), decided));
        }
    }

    private void fill(JudicialConfirmation stored) {
        if (stored == null) {
            appliedOn.set("");
            court.set("");
            decidedOn.set("");
            decision.set(Decision.PENDING);
        } else {
            appliedOn.set(FormInput.text(stored.appliedOn()));
            court.set(stored.court());
            decidedOn.set(FormInput.text(stored.decidedOn()));
            decision.set(stored.result() == null ? Decision.PENDING
                    : stored.confirmed() ? Decision.CONFIRMED : Decision.REJECTED);
        }
        errors.clear();
        baseline.mark();
    }

    /** Records the application (and decision) in the form (what the "save" button does). */
    public void record() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate applied = FormInput.date(appliedOn.get(), Field.DATE, problems);
        LocalDate decided = FormInput.date(decidedOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        Boolean confirmed = switch (Objects.requireNonNullElse(decision.get(), Decision.PENDING)) {
            case PENDING -> null;
            case CONFIRMED -> Boolean.TRUE;
            case REJECTED -> Boolean.FALSE;
        };
        String which = court.get();
        editor.submit(errors, (lifecycle, lead) -> {
            lifecycle.recordJudicialConfirmation(lead.id(), applied, which, decided, confirmed);
            return lead.id();
        }, () -> {
            fill(editor.file().judicialConfirmation().orElse(null));
            onSaved.run();
        });
    }

    public String decisionLabel(Decision value) {
        return value == null ? "" : switch (value) {
            case PENDING -> l10n.text("gui.lead.judicial.pending");
            case CONFIRMED -> l10n.text("gui.lead.judicial.confirmed");
            case REJECTED -> l10n.text("gui.lead.judicial.rejected");
        };
    }

    public List<Decision> decisions() {
        return List.of(Decision.values());
    }

    /** "须在办结后 30 日内申请" as a hint for the form. */
    public String deadlineHint() {
        return l10n.text("gui.lead.judicial.hint", LifecycleService.JUDICIAL_CONFIRMATION_DAYS);
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public StringProperty appliedOnProperty() {
        return appliedOn;
    }

    public StringProperty courtProperty() {
        return court;
    }

    public StringProperty decidedOnProperty() {
        return decidedOn;
    }

    public ObjectProperty<Decision> decisionProperty() {
        return decision;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty decidedOnError() {
        return errors.message(DECIDED_ON);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }

    /** What was recorded, in a sentence; empty when nothing was. */
    public ReadOnlyStringProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }
}
