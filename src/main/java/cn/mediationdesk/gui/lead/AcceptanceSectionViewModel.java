package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.VerificationResult;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * 受理: a genuine lead becomes a case on a day (by default the day it was verified) with its
 * mediators, and gets its case number and due date. Or 拒绝调解: a party refuses mediation
 * (人民调解法 Art. 17), and the lead ends declined, naming who refused and when.
 */
public final class AcceptanceSectionViewModel implements Draft {
    /** One of the committee's mediators, ticked when assigned to the case. */
    public static final class MediatorChoice {
        private final Person person;
        private final BooleanProperty selected = new SimpleBooleanProperty(false);

        MediatorChoice(Person person) {
            this.person = person;
        }

        public Person person() {
            return person;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final StringProperty acceptedOn = new SimpleStringProperty("");
    private final StringProperty declinedOn = new SimpleStringProperty("");
    private final StringProperty declinedBy = new SimpleStringProperty("");
    private final StringProperty consentOn = new SimpleStringProperty("");
    private final ObjectProperty<ConsentWay> consentWay = new SimpleObjectProperty<>();
    private final StringProperty rightsNoticeOn = new SimpleStringProperty("");
    private final ObjectProperty<Person> principal = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper consentText = new ReadOnlyStringWrapper("");
    private final FieldErrors assignmentErrors;
    private final ObservableList<MediatorChoice> mediators =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.selectedProperty()});
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    private final ReadOnlyStringWrapper caseNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper acceptedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mediatorNames = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper declinedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper justAccepted = new ReadOnlyBooleanWrapper(false);

    AcceptanceSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.ACCEPTED_ON, Field.MEDIATORS, Field.DECLINED_ON, Field.DECLINED_BY,
                Field.CONSENT_ON, Field.CONSENT_WAY, Field.RIGHTS_NOTICE_ON);
        assignmentErrors = new FieldErrors(l10n, Field.MEDIATORS);
        baseline = new Baseline(() -> Arrays.asList(Objects.toString(FormInput.dateOrNull(acceptedOn.get()),
                FormInput.orEmpty(acceptedOn.get()).strip()), selectedIds(), FormInput.orEmpty(consentOn.get()).strip(),
                consentWay.get(), FormInput.orEmpty(rightsNoticeOn.get()).strip()), acceptedOn, mediators, consentOn,
                consentWay, rightsNoticeOn);
        BooleanBinding open = Bindings.createBooleanBinding(() -> editor.lead() != null
                && editor.lead().verificationResult() == VerificationResult.GENUINE && !editor.lead().isAccepted()
                && !editor.lead().isDeclined(),
                editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    private List<Long> selectedIds() {
        return mediators.stream().filter(m -> m.selectedProperty().get()).map(m -> m.person().id()).toList();
    }

    void loaded(LeadFile file) {
        if (file == null) {
            return;
        }
        Lead lead = file.lead();
        if (!baseline.changed().get()) {
            List<MediatorChoice> offered = new ArrayList<>();
            if (editor.choices() != null) {
                editor.choices().mediatorsOf(lead.committeeId()).forEach(p -> offered.add(new MediatorChoice(p)));
            }
            mediators.setAll(offered);
            // after acceptance the choices show the case's mediators, to change them
            mediators.forEach(m -> m.selectedProperty().set(file.mediatorIds().contains(m.person().id())));
            principal.set(file.mediatorIds().isEmpty() ? null : offered.stream()
                    .map(MediatorChoice::person).filter(p -> p.id() == file.mediatorIds().getFirst()).findFirst()
                    .orElse(null));
            acceptedOn.set(FormInput.text(lead.verifiedOn()));
            // an accepted case shows its consent as recorded, to complete or put right
            CaseRecord recorded = file.caseRecord();
            consentOn.set(FormInput.text(recorded.consentOn() != null ? recorded.consentOn()
                    : lead.isAccepted() ? lead.acceptedOn() : lead.verifiedOn()));
            consentWay.set(recorded.consentWay());
            rightsNoticeOn.set(FormInput.text(recorded.rightsNoticeOn()));
            declinedOn.set(FormInput.text(lead.declinedOn()));
            declinedBy.set(FormInput.orEmpty(lead.declinedBy()));
            errors.clear();
            assignmentErrors.clear();
            baseline.mark();
        }
        CaseRecord record = file.caseRecord();
        consentText.set(!lead.isAccepted() ? "" : record.hasConsent()
                ? l10n.text("gui.lead.consent.recorded", record.consentOn(), consentWayLabel(record.consentWay()))
                + (record.rightsNoticeOn() == null ? l10n.text("gui.lead.consent.noRightsNotice")
                : l10n.text("gui.lead.consent.rightsNotice", record.rightsNoticeOn()))
                : l10n.text("gui.lead.consent.missing"));
        declinedText.set(lead.isDeclined()
                ? l10n.text("gui.lead.acceptance.declinedRecorded", lead.declinedBy(), lead.declinedOn()) : "");
        if (!lead.isAccepted()) {
            caseNumber.set("");
            acceptedText.set("");
            dueText.set("");
            mediatorNames.set("");
            justAccepted.set(false);
            return;
        }
        caseNumber.set(lead.caseNumber() == null ? "" : lead.caseNumber().text());
        acceptedText.set(l10n.text("gui.lead.acceptance.recorded", lead.acceptedOn()));
        LocalDate due = file.dueOn(editor.today());
        dueText.set(due.equals(lead.dueOn()) ? l10n.text("gui.lead.acceptance.due", due)
                : l10n.text("gui.lead.acceptance.dueExtended", due, lead.dueOn()));
        List<String> names = file.mediatorIds().stream()
                .map(id -> editor.choices() == null ? "" : editor.choices().person(id).map(Person::name).orElse(""))
                .filter(name -> !name.isEmpty()).toList();
        mediatorNames.set(l10n.text("gui.lead.acceptance.assigned", names.isEmpty()
                ? l10n.text("gui.lead.acceptance.noMediatorsAssigned") : String.join(l10n.text("gui.lead.listSeparator"), names)));
    }

    /** Accepts the lead as in the form (what the "accept" button does). */
    public void accept() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(acceptedOn.get(), Field.ACCEPTED_ON, problems);
        ConsentInput consent = new ConsentInput(FormInput.date(consentOn.get(), Field.CONSENT_ON, problems),
                consentWay.get(), FormInput.date(rightsNoticeOn.get(), Field.RIGHTS_NOTICE_ON, problems));
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        List<Long> chosen = selectedIds();
        editor.submit(errors, (lifecycle, lead) -> lifecycle.accept(lead.id(), lead.version(), day, chosen, consent).id(), () -> {
            baseline.mark();
            justAccepted.set(true);
            onSaved.run();
        });
    }

    /**
     * Records that a party refused mediation (what the "party refused" button does): the lead is
     * declined on the day in the form, naming who refused, and is never accepted.
     */
    public void decline() {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(declinedOn.get(), Field.DECLINED_ON, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        String refusedBy = FormInput.blankToNull(declinedBy.get());
        editor.submit(errors, (lifecycle, lead) -> lifecycle.decline(lead.id(), lead.version(), day, refusedBy).id(),
                baseline::mark);
    }

    /**
     * Records the consent and the notice of rights of an accepted case as in the form: for a case
     * imported without them, or to put right what was entered (what the "save consent" button does).
     */
    public void recordConsent() {
        List<Problem> problems = new ArrayList<>();
        ConsentInput consent = new ConsentInput(FormInput.date(consentOn.get(), Field.CONSENT_ON, problems),
                consentWay.get(), FormInput.date(rightsNoticeOn.get(), Field.RIGHTS_NOTICE_ON, problems));
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        editor.submit(errors, (lifecycle, lead) -> {
            lifecycle.recordConsent(lead.id(), consent);
            return lead.id();
        }, baseline::mark);
    }

    /**
     * Changes the mediators of an accepted case and its principal one (what the "assign" button does;
     * shown only to a director or an administrator, and the service checks the role again).
     */
    public void assignMediators() {
        List<Long> chosen = selectedIds();
        Long principalId = principal.get() == null ? null : principal.get().id();
        editor.submit(assignmentErrors, (lifecycle, lead) -> lifecycle.assignMediators(lead.id(), lead.version(),
                chosen, principalId).id(), baseline::mark);
    }

    /** Whether the acting user may change an accepted case's mediators (DESIGN §9: a director's right). */
    public boolean mayAssignMediators() {
        Role role = editor.actor().role();
        return role == Role.ADMIN || role == Role.DIRECTOR;
    }

    public String consentWayLabel(ConsentWay value) {
        return value == null ? "" : switch (value) {
            case WRITTEN_APPLICATION -> l10n.text("gui.lead.consent.writtenApplication");
            case SIGNED_REGISTRATION -> l10n.text("gui.lead.consent.signedRegistration");
            case ORAL -> l10n.text("gui.lead.consent.oral");
        };
    }

    public List<ConsentWay> consentWays() {
        return List.of(ConsentWay.values());
    }

    // ---- properties ----

    /** The day the parties agreed to mediation. */
    public StringProperty consentOnProperty() {
        return consentOn;
    }

    public ObjectProperty<ConsentWay> consentWayProperty() {
        return consentWay;
    }

    /** The day of the 当事人权利义务告知书; may be left empty at acceptance. */
    public StringProperty rightsNoticeOnProperty() {
        return rightsNoticeOn;
    }

    /** The consent and notice as recorded for an accepted case, or that the consent is missing. */
    public ReadOnlyStringProperty consentTextProperty() {
        return consentText.getReadOnlyProperty();
    }

    /** The principal mediator among those ticked. */
    public ObjectProperty<Person> principalProperty() {
        return principal;
    }

    public ReadOnlyStringProperty assignmentError() {
        return assignmentErrors.message(Field.MEDIATORS);
    }

    public ReadOnlyStringProperty assignmentGeneralError() {
        return assignmentErrors.general();
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public StringProperty acceptedOnProperty() {
        return acceptedOn;
    }

    /** The day a party refused mediation. */
    public StringProperty declinedOnProperty() {
        return declinedOn;
    }

    /** Who refused mediation: a party's name, or several. */
    public StringProperty declinedByProperty() {
        return declinedBy;
    }

    /** Who refused mediation and when, once recorded; empty before. */
    public ReadOnlyStringProperty declinedTextProperty() {
        return declinedText.getReadOnlyProperty();
    }

    /** The committee's mediators to assign; empty when it has none yet. */
    public ObservableList<MediatorChoice> mediators() {
        return mediators;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }

    /** The case number issued at acceptance; empty before. */
    public ReadOnlyStringProperty caseNumberProperty() {
        return caseNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty acceptedTextProperty() {
        return acceptedText.getReadOnlyProperty();
    }

    /** The due date in force, and the original one when an extension moved it. */
    public ReadOnlyStringProperty dueTextProperty() {
        return dueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mediatorNamesProperty() {
        return mediatorNames.getReadOnlyProperty();
    }

    /** True right after this window accepted the lead: the new case number deserves attention. */
    public ReadOnlyBooleanProperty justAcceptedProperty() {
        return justAccepted.getReadOnlyProperty();
    }
}
