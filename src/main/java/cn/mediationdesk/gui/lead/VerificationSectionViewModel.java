package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * 核实: the dated steps of checking a lead, then its result (属实 / 不属实 / 重复 / 移交) and the day
 * it was found. A duplicate names the lead it repeats, a transfer the body that received it.
 */
public final class VerificationSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final Localization l10n;

    private final ObservableList<VerificationStep> steps = FXCollections.observableArrayList();
    private final ObservableList<Person> verifiers = FXCollections.observableArrayList();
    private final StringProperty stepOn = new SimpleStringProperty("");
    private final StringProperty method = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final FieldErrors stepErrors;
    private final Baseline stepBaseline;
    private final BooleanBinding stepDirty;
    private final Draft stepDraft;

    private final ObjectProperty<VerificationResult> result = new SimpleObjectProperty<>();
    private final StringProperty verifiedOn = new SimpleStringProperty("");
    private final StringProperty transferredTo = new SimpleStringProperty("");
    private final RepeatedLeadPicker repeated;
    private final FieldErrors resultErrors;
    private final Baseline resultBaseline;
    private final BooleanBinding resultDirty;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordedDetail = new ReadOnlyStringWrapper("");

    VerificationSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        stepErrors = new FieldErrors(l10n, Field.DATE, Field.VERIFICATION, Field.MEDIATORS);
        resultErrors = new FieldErrors(l10n, Field.VERIFICATION, Field.VERIFIED_ON, Field.DUPLICATE_OF,
                Field.TRANSFERRED_TO);
        repeated = new RepeatedLeadPicker(editor, new LeadSearchService(editor.store(), editor.actor()));
        stepBaseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(stepOn.get()), trimmed(method),
                trimmed(note), person.get()), stepOn, method, note, person);
        resultBaseline = new Baseline(() -> Arrays.asList(result.get(), FormInput.dateOrNull(verifiedOn.get()),
                trimmed(transferredTo), repeated.chosenProperty().get()),
                result, verifiedOn, transferredTo, repeated.chosenProperty());
        BooleanBinding open = Bindings.createBooleanBinding(
                () -> editor.lead() != null && editor.lead().verificationResult() == null, editor.fileProperty());
        stepDirty = open.and(stepBaseline.changed());
        resultDirty = open.and(resultBaseline.changed());
        stepDraft = new Draft() {
            @Override
            public ObservableBooleanValue dirtyProperty() {
                return stepDirty;
            }

            @Override
            public void save(Runnable onSaved) {
                addStep(onSaved);
            }
        };
    }

    private static String trimmed(StringProperty text) {
        return FormInput.orEmpty(text.get()).strip();
    }

    void loaded(LeadFile file) {
        if (file == null) {
            steps.clear();
            return;
        }
        Lead lead = file.lead();
        steps.setAll(file.verificationSteps());
        if (editor.choices() != null) {
            verifiers.setAll(editor.choices().verifiersOf(lead.committeeId()));
        }
        if (!stepBaseline.changed().get()) {
            clearStep();
        }
        if (!resultBaseline.changed().get()) {
            clearResult();
        }
        showRecorded(lead);
    }

    private void clearStep() {
        stepOn.set(FormInput.text(editor.today()));
        method.set("");
        note.set("");
        person.set(null);
        stepErrors.clear();
        stepBaseline.mark();
    }

    private void clearResult() {
        result.set(null);
        LocalDate lastStep = steps.stream().map(VerificationStep::stepOn).max(Comparator.naturalOrder()).orElse(null);
        verifiedOn.set(FormInput.text(lastStep != null ? lastStep : editor.today()));
        transferredTo.set("");
        repeated.clear();
        resultErrors.clear();
        resultBaseline.mark();
    }

    private void showRecorded(Lead lead) {
        if (lead.verificationResult() == null) {
            recorded.set("");
            recordedDetail.set("");
            return;
        }
        recorded.set(l10n.text("gui.lead.verification.recorded", resultLabel(lead.verificationResult()),
                lead.verifiedOn()));
        recordedDetail.set(lead.transferredTo() != null
                ? l10n.text("gui.lead.verification.transferredToText", lead.transferredTo()) : "");
        UUID original = lead.duplicateOfId();
        if (original != null) {
            editor.read(() -> editor.lifecycle().file(original).lead(), repeats -> recordedDetail.set(
                    l10n.text("gui.lead.verification.repeats", describe(repeats))));
        }
    }

    private String describe(Lead lead) {
        String number = lead.caseNumber() != null ? lead.caseNumber().text()
                : lead.leadNo() != null ? l10n.text("gui.lead.title.leadNo", lead.leadNo()) : "";
        return l10n.text("gui.lead.repeated.short", number, lead.foundOn(), lead.summary()).strip();
    }

    /** Adds the step in the form (what the "add" button does). */
    public void addStep() {
        addStep(() -> { });
    }

    private void addStep(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(stepOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(stepErrors, problems);
            return;
        }
        String how = method.get();
        String what = FormInput.blankToNull(note.get());
        Long who = person.get() == null ? null : person.get().id();
        editor.submit(stepErrors, (lifecycle, lead) -> {
            lifecycle.addVerificationStep(lead.id(), day, how, what, who);
            return lead.id();
        }, () -> {
            clearStep();
            if (!resultBaseline.changed().get()) {
                clearResult(); // the result's day follows the latest step
            }
            onSaved.run();
        });
    }

    /** Records the result in the form (what the "record result" button does). */
    public void verify() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(verifiedOn.get(), Field.VERIFIED_ON, problems);
        VerificationResult chosen = result.get();
        UUID original = chosen == VerificationResult.DUPLICATE ? repeated.chosenId() : null;
        if (chosen == VerificationResult.DUPLICATE && original == null && !FormInput.isBlank(repeated.queryProperty().get())) {
            problems.add(Problem.of(Field.DUPLICATE_OF, "gui.lead.repeated.notChosen"));
        }
        if (!problems.isEmpty()) {
            editor.rejectLocally(resultErrors, problems);
            return;
        }
        String receiver = chosen == VerificationResult.TRANSFERRED ? FormInput.blankToNull(transferredTo.get()) : null;
        editor.submit(resultErrors, (lifecycle, lead) -> lifecycle.verify(lead.id(), lead.version(), chosen, day,
                original, receiver).id(), () -> {
                    clearResult();
                    onSaved.run();
                });
    }

    Draft stepDraft() {
        return stepDraft;
    }

    public String resultLabel(VerificationResult value) {
        return value == null ? "" : switch (value) {
            case GENUINE -> l10n.text("gui.lead.result.genuine");
            case UNFOUNDED -> l10n.text("gui.lead.result.unfounded");
            case DUPLICATE -> l10n.text("gui.lead.result.duplicate");
            case TRANSFERRED -> l10n.text("gui.lead.result.transferred");
        };
    }

    public String personLabel(Person value) {
        return value == null ? "" : value.name();
    }

    /** Who did a step, by name; empty when nobody was recorded. */
    public String personName(Long personId) {
        return editor.choices() == null ? "" : editor.choices().person(personId).map(Person::name).orElse("");
    }

    /** Ways of checking a lead, offered in the method field (anything else may be typed). */
    public List<String> methods() {
        return List.of(l10n.text("gui.lead.verification.method.visit"), l10n.text("gui.lead.verification.method.phone"),
                l10n.text("gui.lead.verification.method.documents"), l10n.text("gui.lead.verification.method.site"),
                l10n.text("gui.lead.verification.method.witness"));
    }

    public List<VerificationResult> results() {
        return List.of(VerificationResult.values());
    }

    // ---- properties ----

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return resultDirty;
    }

    public ObservableList<VerificationStep> steps() {
        return steps;
    }

    public ObservableList<Person> verifiers() {
        return verifiers;
    }

    public StringProperty stepOnProperty() {
        return stepOn;
    }

    public StringProperty methodProperty() {
        return method;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObjectProperty<Person> personProperty() {
        return person;
    }

    public ReadOnlyStringProperty stepError(Field field) {
        return stepErrors.message(field);
    }

    public ReadOnlyStringProperty stepGeneralError() {
        return stepErrors.general();
    }

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

    public ReadOnlyStringProperty resultError(Field field) {
        return resultErrors.message(field);
    }

    public ReadOnlyStringProperty resultGeneralError() {
        return resultErrors.general();
    }

    /** The result as recorded, e.g. "属实（2022-03-03 核实）"; empty before verification. */
    public ReadOnlyStringProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** The lead a duplicate repeats, or the body a transfer went to; empty otherwise. */
    public ReadOnlyStringProperty recordedDetailProperty() {
        return recordedDetail.getReadOnlyProperty();
    }
}
