package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.SourceGroup;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 申请与报告: the parties' written application (人民调解申请书) of a lead that came from one, and the
 * report to the police of a dispute that may turn into a public-order or criminal case (人民调解法
 * Art. 25), with a reminder while a lead flagged 可能民转刑 has not been reported.
 */
public final class CaseRecordSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final StringProperty appliedOn = new SimpleStringProperty("");
    private final StringProperty requests = new SimpleStringProperty("");
    private final StringProperty policeReportedOn = new SimpleStringProperty("");
    private final StringProperty policeReportedTo = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper fromApplication = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper policeReminder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper policeText = new ReadOnlyStringWrapper("");
    private final FieldErrors errors;
    private final Baseline applicationBaseline;
    private final Baseline policeBaseline;
    private final BooleanBinding dirty;

    CaseRecordSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.APPLIED_ON, Field.APPLICATION_REQUESTS, Field.POLICE_REPORTED_ON,
                Field.POLICE_REPORTED_TO);
        applicationBaseline = new Baseline(() -> Arrays.asList(FormInput.orEmpty(appliedOn.get()).strip(),
                FormInput.orEmpty(requests.get()).strip()), appliedOn, requests);
        policeBaseline = new Baseline(() -> Arrays.asList(FormInput.orEmpty(policeReportedOn.get()).strip(),
                FormInput.orEmpty(policeReportedTo.get()).strip()), policeReportedOn, policeReportedTo);
        BooleanBinding registered = Bindings.createBooleanBinding(() -> editor.lead() != null, editor.fileProperty());
        dirty = registered.and(Bindings.createBooleanBinding(() -> applicationBaseline.changed().get()
                || policeBaseline.changed().get(), applicationBaseline.changed(), policeBaseline.changed()));
    }

    void loaded(LeadFile file) {
        Lead lead = file == null ? null : file.lead();
        CaseRecord record = file == null ? null : file.caseRecord();
        fromApplication.set(lead != null && editor.choices() != null && editor.choices().sources().stream()
                .anyMatch(e -> e.code().equals(lead.sourceCode()) && SourceGroup.APPLICATION.name().equals(e.group())));
        if (!applicationBaseline.changed().get()) {
            appliedOn.set(record == null || record.appliedOn() == null ? FormInput.text(lead == null ? null
                    : lead.foundOn()) : FormInput.text(record.appliedOn()));
            requests.set(record == null ? "" : FormInput.orEmpty(record.applicationRequests()));
            applicationBaseline.mark();
        }
        if (!policeBaseline.changed().get()) {
            policeReportedOn.set(record == null || record.policeReportedOn() == null ? ""
                    : FormInput.text(record.policeReportedOn()));
            policeReportedTo.set(record == null ? "" : FormInput.orEmpty(record.policeReportedTo()));
            policeBaseline.mark();
        }
        boolean reported = record != null && record.policeReportedOn() != null;
        policeReminder.set(lead != null && lead.criminalRisk() && !reported
                ? l10n.text("gui.lead.police.reminder") : "");
        policeText.set(reported ? l10n.text("gui.lead.police.recorded", record.policeReportedOn(),
                FormInput.orEmpty(record.policeReportedTo())) : "");
    }

    /** Records the application as in the form. */
    public void recordApplication() {
        write(true, false, () -> { });
    }

    /** Records the report to the police as in the form. */
    public void recordPoliceReport() {
        write(false, true, () -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        write(applicationBaseline.changed().get(), policeBaseline.changed().get(), onSaved);
    }

    private void write(boolean application, boolean police, Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate applied = application ? FormInput.date(appliedOn.get(), Field.APPLIED_ON, problems) : null;
        LocalDate reported = police ? FormInput.date(policeReportedOn.get(), Field.POLICE_REPORTED_ON, problems) : null;
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        String asked = FormInput.blankToNull(requests.get());
        String to = FormInput.blankToNull(policeReportedTo.get());
        editor.submit(errors, (lifecycle, lead) -> {
            if (application) {
                lifecycle.recordApplication(lead.id(), applied, asked);
            }
            if (police) {
                lifecycle.recordPoliceReport(lead.id(), reported, to);
            }
            return lead.id();
        }, () -> {
            if (application) {
                applicationBaseline.mark();
            }
            if (police) {
                policeBaseline.mark();
            }
            onSaved.run();
        });
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    /** Whether the lead came from an application (the statistics' 申请 group), which has its 申请书. */
    public ReadOnlyBooleanProperty fromApplicationProperty() {
        return fromApplication.getReadOnlyProperty();
    }

    public StringProperty appliedOnProperty() {
        return appliedOn;
    }

    /** 申请事项. */
    public StringProperty requestsProperty() {
        return requests;
    }

    public StringProperty policeReportedOnProperty() {
        return policeReportedOn;
    }

    /** The police station or body reported to. */
    public StringProperty policeReportedToProperty() {
        return policeReportedTo;
    }

    /** A reminder while a lead flagged 可能民转刑 has not been reported to the police; empty otherwise. */
    public ReadOnlyStringProperty policeReminderProperty() {
        return policeReminder.getReadOnlyProperty();
    }

    /** The report as recorded; empty before. */
    public ReadOnlyStringProperty policeTextProperty() {
        return policeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }
}
