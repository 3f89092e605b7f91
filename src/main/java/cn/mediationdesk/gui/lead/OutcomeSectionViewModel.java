package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Lead;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 结果与协议: how mediation ended and on which day; a resolved case records its agreement (written
 * or oral, its terms, the money and the deadline for carrying it out).
 */
public final class OutcomeSectionViewModel implements Draft {
    /** The performance deadline: a date of the agreement, beside its amount. */
    private static final String DEADLINE = "DEADLINE";

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty closedOn = new SimpleStringProperty("");
    private final ObjectProperty<AgreementForm> agreementForm = new SimpleObjectProperty<>();
    private final StringProperty terms = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty deadline = new SimpleStringProperty("");
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agreementText = new ReadOnlyStringWrapper("");

    OutcomeSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.OUTCOME, Field.CLOSED_ON, Field.AGREEMENT_FORM, Field.AGREEMENT)
                .slot(DEADLINE)
                .routedBy(p -> p.field() == Field.AGREEMENT && p.key().equals(FormInput.INVALID_DATE) ? DEADLINE
                        : p.field().name());
        baseline = new Baseline(() -> Arrays.asList(outcome.get(), FormInput.dateOrNull(closedOn.get()),
                agreementForm.get(), FormInput.orEmpty(terms.get()).strip(), FormInput.orEmpty(amount.get()).strip(),
                FormInput.orEmpty(deadline.get()).strip()), outcome, closedOn, agreementForm, terms, amount, deadline);
        BooleanBinding open = Bindings.createBooleanBinding(() -> editor.lead() != null && editor.lead().isAccepted()
                && editor.lead().outcome() == null, editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    void loaded(LeadFile file) {
        if (!baseline.changed().get()) {
            clear();
        }
        Lead lead = file == null ? null : file.lead();
        if (lead == null || lead.outcome() == null) {
            recorded.set("");
            agreementText.set("");
            return;
        }
        recorded.set(l10n.text("gui.lead.outcome.recorded", outcomeLabel(lead.outcome()), lead.closedOn()));
        agreementText.set(file.agreement().map(this::describe).orElse(""));
    }

    private String describe(Agreement agreement) {
        List<String> parts = new ArrayList<>();
        parts.add(formLabel(agreement.form()));
        if (agreement.amount() != null) {
            parts.add(l10n.text("gui.lead.agreement.amountText", FormInput.text(agreement.amount())));
        }
        if (agreement.performanceDeadline() != null) {
            parts.add(l10n.text("gui.lead.agreement.deadlineText", agreement.performanceDeadline()));
        }
        String head = String.join(l10n.text("gui.lead.listSeparator"), parts);
        return agreement.terms() == null || agreement.terms().isBlank() ? head
                : l10n.text("gui.lead.agreement.withTerms", head, agreement.terms());
    }

    private void clear() {
        outcome.set(null);
        closedOn.set(FormInput.text(editor.today()));
        agreementForm.set(null);
        terms.set("");
        amount.set("");
        deadline.set("");
        errors.clear();
        baseline.mark();
    }

    /** Closes the case as in the form (what the "close" button does). */
    public void close() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(closedOn.get(), Field.CLOSED_ON, problems);
        Outcome chosen = outcome.get();
        AgreementInput agreement = null;
        if (chosen == Outcome.RESOLVED) {
            BigDecimal money = FormInput.amount(amount.get(), Field.AGREEMENT, problems);
            LocalDate until = FormInput.date(deadline.get(), Field.AGREEMENT, problems);
            // Without its form there is no agreement: the rule "a resolved case has one" says so at the form.
            agreement = agreementForm.get() == null ? null
                    : new AgreementInput(agreementForm.get(), FormInput.blankToNull(terms.get()), money, until);
        }
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        AgreementInput written = agreement;
        editor.submit(errors, (lifecycle, lead) -> lifecycle.close(lead.id(), lead.version(), chosen, day, written).id(),
                () -> {
                    clear();
                    onSaved.run();
                });
    }

    public String outcomeLabel(Outcome value) {
        return value == null ? "" : switch (value) {
            case RESOLVED -> l10n.text("gui.lead.outcome.resolved");
            case FAILED -> l10n.text("gui.lead.outcome.failed");
            case TERMINATED -> l10n.text("gui.lead.outcome.terminated");
        };
    }

    public String formLabel(AgreementForm value) {
        return value == null ? "" : switch (value) {
            case WRITTEN -> l10n.text("gui.lead.agreement.written");
            case ORAL -> l10n.text("gui.lead.agreement.oral");
        };
    }

    public List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }

    public List<AgreementForm> forms() {
        return List.of(AgreementForm.values());
    }

    // ---- properties ----

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty closedOnProperty() {
        return closedOn;
    }

    public ObjectProperty<AgreementForm> agreementFormProperty() {
        return agreementForm;
    }

    public StringProperty termsProperty() {
        return terms;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty deadlineProperty() {
        return deadline;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty deadlineError() {
        return errors.message(DEADLINE);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }

    /** E.g. "调解成功（2022-03-09 办结）"; empty while the case is open. */
    public ReadOnlyStringProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agreementTextProperty() {
        return agreementText.getReadOnlyProperty();
    }
}
