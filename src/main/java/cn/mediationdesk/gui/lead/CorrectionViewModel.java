package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.Correction;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

/**
 * 更正: replaces a recorded verification result, acceptance day, party's refusal or outcome that was entered by
 * mistake, with a reason. The correction is kept in the lead's history; its case number stays.
 */
public final class CorrectionViewModel implements Draft {
    private static final String DEADLINE = "DEADLINE";

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);

    private final ObjectProperty<VerificationResult> result = new SimpleObjectProperty<>();
    private final StringProperty verifiedOn = new SimpleStringProperty("");
    private final StringProperty transferredTo = new SimpleStringProperty("");
    private final RepeatedLeadPicker repeated;
    private final StringProperty acceptedOn = new SimpleStringProperty("");
    private final StringProperty declinedOn = new SimpleStringProperty("");
    private final StringProperty declinedBy = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty closedOn = new SimpleStringProperty("");
    private final AgreementDraft agreement = new AgreementDraft();
    private final StringProperty reason = new SimpleStringProperty("");
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    CorrectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        repeated = new RepeatedLeadPicker(editor, new LeadSearchService(editor.store(), editor.actor()));
        errors = new FieldErrors(l10n, Field.VERIFICATION, Field.VERIFIED_ON, Field.DUPLICATE_OF, Field.TRANSFERRED_TO,
                Field.ACCEPTED_ON, Field.DECLINED_ON, Field.DECLINED_BY, Field.OUTCOME, Field.CLOSED_ON, Field.AGREEMENT_FORM, Field.AGREEMENT,
                Field.AGREEMENT_FACTS, Field.AGREEMENT_ISSUES, Field.AGREEMENT_RESPONSIBILITY, Field.AGREEMENT_TERMS,
                Field.AGREEMENT_PERFORMANCE, Field.LEAD)
                .slot(DEADLINE)
                .routedBy(p -> p.field() == Field.AGREEMENT && p.key().equals(FormInput.INVALID_DATE) ? DEADLINE
                        : p.field().name());
        Observable[] fields = Stream.concat(Stream.of(result, verifiedOn, transferredTo, repeated.chosenProperty(),
                acceptedOn, declinedOn, declinedBy, outcome, closedOn, reason), Arrays.stream(agreement.observables()))
                .toArray(Observable[]::new);
        baseline = new Baseline(() -> {
            List<Object> values = new ArrayList<>(Arrays.asList(result.get(), text(verifiedOn), text(transferredTo),
                    repeated.chosenProperty().get(), text(acceptedOn), text(declinedOn), text(declinedBy),
                    outcome.get(), text(closedOn), text(reason)));
            values.addAll(agreement.values());
            return values;
        }, fields);
        dirty = active.and(baseline.changed());
    }

    private static String text(StringProperty property) {
        return FormInput.orEmpty(property.get()).strip();
    }

    void loaded(LeadFile file) {
        if (file == null || file.lead().verificationResult() == null) {
            active.set(false);
        }
    }

    /** Opens the correction form, filled with what is recorded now. */
    public void start() {
        LeadFile file = editor.file();
        if (file == null) {
            return;
        }
        Lead lead = file.lead();
        result.set(lead.verificationResult());
        verifiedOn.set(FormInput.text(lead.verifiedOn()));
        transferredTo.set(FormInput.orEmpty(lead.transferredTo()));
        repeated.clear();
        repeated.keep(lead.duplicateOfId());
        acceptedOn.set(FormInput.text(lead.acceptedOn()));
        declinedOn.set(FormInput.text(lead.declinedOn()));
        declinedBy.set(FormInput.orEmpty(lead.declinedBy()));
        outcome.set(lead.outcome());
        closedOn.set(FormInput.text(lead.closedOn()));
        agreement.fill(file.agreement().orElse(null));
        reason.set("");
        errors.clear();
        baseline.mark();
        active.set(true);
    }

    /** Closes the form without changing anything. */
    public void cancel() {
        errors.clear();
        active.set(false);
    }

    /** Saves the correction in the form (what its "save" button does). */
    public void correct() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate verified = FormInput.date(verifiedOn.get(), Field.VERIFIED_ON, problems);
        LocalDate accepted = FormInput.date(acceptedOn.get(), Field.ACCEPTED_ON, problems);
        LocalDate declined = FormInput.date(declinedOn.get(), Field.DECLINED_ON, problems);
        LocalDate closed = FormInput.date(closedOn.get(), Field.CLOSED_ON, problems);
        VerificationResult newResult = result.get();
        Outcome newOutcome = outcome.get();
        AgreementInput agreed = newOutcome == Outcome.RESOLVED ? agreement.input(problems) : null;
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        UUID original = newResult == VerificationResult.DUPLICATE ? repeated.chosenId() : null;
        String receiver = newResult == VerificationResult.TRANSFERRED ? FormInput.blankToNull(transferredTo.get()) : null;
        Correction correction = new Correction(verified, newResult, original, receiver, accepted, declined,
                FormInput.blankToNull(declinedBy.get()), newOutcome, closed, agreed, reason.get());
        editor.submit(errors, (lifecycle, lead) -> lifecycle.correct(lead.id(), lead.version(), correction).id(), () -> {
            active.set(false);
            onSaved.run();
        });
    }

    // ---- properties ----

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    /** True while the correction form is open. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The corrected result; {@code null} undoes the verification (and everything after it). */
    public ObjectProperty<VerificationResult> resultProperty() {
        return result;
    }

    public StringProperty verifiedOnProperty() {
        return verifiedOn;
    }

    public StringProperty transferredToProperty() {
        return transferredTo;
    }

    public RepeatedLeadPicker repeated() {
        return repeated;
    }

    /** Empty undoes the acceptance; the case number stays with the lead. */
    public StringProperty acceptedOnProperty() {
        return acceptedOn;
    }

    /** Empty undoes a party's refusal, so that the lead can be accepted instead. */
    public StringProperty declinedOnProperty() {
        return declinedOn;
    }

    public StringProperty declinedByProperty() {
        return declinedBy;
    }

    /** The corrected outcome; {@code null} reopens the case. */
    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty closedOnProperty() {
        return closedOn;
    }

    /** The corrected agreement's fields. */
    public AgreementDraft agreement() {
        return agreement;
    }

    public ObjectProperty<AgreementForm> agreementFormProperty() {
        return agreement.formProperty();
    }

    public StringProperty termsProperty() {
        return agreement.termsProperty();
    }

    public StringProperty amountProperty() {
        return agreement.amountProperty();
    }

    public StringProperty deadlineProperty() {
        return agreement.deadlineProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
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
}
