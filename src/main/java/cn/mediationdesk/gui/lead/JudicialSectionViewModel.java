package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.JudicialRules;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
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
import java.util.stream.Collectors;

/**
 * 司法确认: the parties asked a court to confirm the agreement (within 30 days of it), the court's
 * 调确字 number, and how the court ended it (法释〔2011〕5号). Saving again replaces what was recorded,
 * e.g. when the result arrives. What the court will not confirm is warned of before saving.
 */
public final class JudicialSectionViewModel implements Draft {
    /** The court's result as the form offers it: not yet decided, or one of the four. */
    public enum Decision {
        PENDING(null), CONFIRMED(JudicialResult.CONFIRMED), REFUSED(JudicialResult.REFUSED),
        WITHDRAWN(JudicialResult.WITHDRAWN), DISMISSED(JudicialResult.DISMISSED);

        private final JudicialResult result;

        Decision(JudicialResult result) {
            this.result = result;
        }

        /** {@code null} for {@link #PENDING}. */
        public JudicialResult result() {
            return result;
        }

        static Decision of(JudicialResult result) {
            return Arrays.stream(values()).filter(d -> d.result == result).findFirst().orElseThrow();
        }
    }

    /** The day of the decision, a second date beside the day of the application. */
    private static final String DECIDED_ON = "DECIDED_ON";

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final StringProperty appliedOn = new SimpleStringProperty("");
    private final StringProperty court = new SimpleStringProperty("");
    private final StringProperty courtCaseNumber = new SimpleStringProperty("");
    private final StringProperty decidedOn = new SimpleStringProperty("");
    private final ObjectProperty<Decision> decision = new SimpleObjectProperty<>(Decision.PENDING);
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");

    JudicialSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.DATE, Field.JUDICIAL_CONFIRMATION, Field.COURT_CASE_NO)
                .slot(DECIDED_ON).routedBy(this::slotOf);
        baseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(appliedOn.get()),
                FormInput.orEmpty(court.get()).strip(), FormInput.orEmpty(courtCaseNumber.get()).strip(),
                FormInput.orEmpty(decidedOn.get()).strip(), decision.get()),
                appliedOn, court, courtCaseNumber, decidedOn, decision);
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
                    : l10n.text("gui.lead.judicial.decidedText", decisionLabel(Decision.of(stored.result())),
                            stored.decidedOn());
            String number = stored.courtCaseNumber() == null ? ""
                    : l10n.text("gui.lead.judicial.numberText", stored.courtCaseNumber());
            recorded.set(l10n.text("gui.lead.judicial.recorded", stored.appliedOn(), stored.court(), decided, number));
        }
        warnings.set(file == null ? "" : warningText(JudicialRules.warnings(file.lead().disputeTypeCode(),
                file.agreement().map(Agreement::form).orElse(null))));
    }

    private String warningText(List<Problem> found) {
        return found.stream().map(l10n::message).collect(Collectors.joining("\n"));
    }

    private void fill(JudicialConfirmation stored) {
        if (stored == null) {
            appliedOn.set("");
            court.set("");
            courtCaseNumber.set("");
            decidedOn.set("");
            decision.set(Decision.PENDING);
        } else {
            appliedOn.set(FormInput.text(stored.appliedOn()));
            court.set(stored.court());
            courtCaseNumber.set(FormInput.orEmpty(stored.courtCaseNumber()));
            decidedOn.set(FormInput.text(stored.decidedOn()));
            decision.set(Decision.of(stored.result()));
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
        JudicialResult ended = decision.get() == null ? null : decision.get().result();
        String which = court.get();
        String number = FormInput.blankToNull(courtCaseNumber.get());
        editor.submit(errors, (lifecycle, lead) -> {
            lifecycle.recordJudicialConfirmation(lead.id(), applied, which, number, ended, decided);
            return lead.id();
        }, () -> {
            fill(editor.file().judicialConfirmation().orElse(null));
            onSaved.run();
        });
    }

    /** The result as the court's papers name it. */
    public String decisionLabel(Decision value) {
        return value == null ? "" : switch (value) {
            case PENDING -> l10n.text("gui.lead.judicial.pending");
            case CONFIRMED -> l10n.text("gui.lead.judicial.result.confirmed");
            case REFUSED -> l10n.text("gui.lead.judicial.result.refused");
            case WITHDRAWN -> l10n.text("gui.lead.judicial.result.withdrawn");
            case DISMISSED -> l10n.text("gui.lead.judicial.result.dismissed");
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

    public StringProperty courtCaseNumberProperty() {
        return courtCaseNumber;
    }

    public StringProperty decidedOnProperty() {
        return decidedOn;
    }

    public ObjectProperty<Decision> decisionProperty() {
        return decision;
    }

    /**
     * Why the court may not confirm this agreement (a marriage or family matter, an oral agreement),
     * one line each; empty when nothing speaks against it.
     */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
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
