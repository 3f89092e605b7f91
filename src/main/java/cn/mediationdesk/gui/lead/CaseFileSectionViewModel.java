package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.report.casefile.CaseFileCheck;
import cn.mediationdesk.logic.report.casefile.CaseFileGap;
import cn.mediationdesk.logic.report.casefile.CaseFileService;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Retention;
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
import java.util.List;

/**
 * The 卷宗 section of an accepted case: what the file still lacks (in the order of its 卷内目录), and
 * what the 立卷人 writes on it — 卷名, 立卷人, 立卷日期, 保管期限, 结案报告, 卷宗情况说明, 备考表 and its 检查人.
 */
public final class CaseFileSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty filedBy = new SimpleStringProperty("");
    private final StringProperty filedOn = new SimpleStringProperty("");
    private final ObjectProperty<Retention> retention = new SimpleObjectProperty<>();
    private final StringProperty closingReport = new SimpleStringProperty("");
    private final StringProperty fileNote = new SimpleStringProperty("");
    private final StringProperty remarks = new SimpleStringProperty("");
    private final StringProperty checkedBy = new SimpleStringProperty("");
    private final ObservableList<String> gaps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    CaseFileSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.DATE, Field.CASE_FILE);
        baseline = new Baseline(() -> Arrays.asList(strip(title.get()), strip(filedBy.get()),
                FormInput.orEmpty(filedOn.get()).strip(), retention.get(), strip(closingReport.get()),
                strip(fileNote.get()), strip(remarks.get()), strip(checkedBy.get())),
                title, filedBy, filedOn, retention, closingReport, fileNote, remarks, checkedBy);
        BooleanBinding open = Bindings.createBooleanBinding(
                () -> editor.lead() != null && editor.lead().isAccepted(), editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    void loaded(LeadFile file) {
        if (!baseline.changed().get()) {
            fill(file == null ? null : file.caseFileInfo());
        }
        List<CaseFileGap> found = file == null ? List.of() : CaseFileCheck.gaps(file);
        gaps.setAll(found.stream().map(g -> l10n.text(g.messageKey())).toList());
        summary.set(found.isEmpty() ? l10n.text("gui.lead.caseFile.complete")
                : l10n.text("gui.lead.caseFile.lacking", found.size()));
    }

    private void fill(CaseFileInfo info) {
        title.set(info == null ? "" : FormInput.orEmpty(info.title()));
        filedBy.set(info == null ? "" : FormInput.orEmpty(info.filedBy()));
        filedOn.set(info == null ? "" : FormInput.text(info.filedOn()));
        retention.set(info == null ? null : info.retention());
        closingReport.set(info == null ? "" : FormInput.orEmpty(info.closingReport()));
        fileNote.set(info == null ? "" : FormInput.orEmpty(info.fileNote()));
        remarks.set(info == null ? "" : FormInput.orEmpty(info.remarks()));
        checkedBy.set(info == null ? "" : FormInput.orEmpty(info.checkedBy()));
        errors.clear();
        baseline.mark();
    }

    /** Saves what the form holds (what its "save" button does). */
    public void record() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(filedOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        CaseFileInfo input = new CaseFileInfo(null, title.get(), filedBy.get(), day, retention.get(),
                closingReport.get(), fileNote.get(), remarks.get(), checkedBy.get());
        editor.submit(errors, (lifecycle, lead) -> {
            new CaseFileService(editor.store(), editor.clock(), lifecycle.actor()).save(lead.id(), input);
            return lead.id();
        }, () -> {
            fill(editor.file().caseFileInfo());
            onSaved.run();
        });
    }

    public List<Retention> retentions() {
        return List.of(Retention.values());
    }

    public String retentionLabel(Retention value) {
        return value == null ? "" : switch (value) {
            case PERMANENT -> l10n.text("report.doc.retention.permanent");
            case LONG -> l10n.text("report.doc.retention.long");
            case SHORT -> l10n.text("report.doc.retention.short");
        };
    }

    private static String strip(String text) {
        return FormInput.orEmpty(text).strip();
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    /** What the file still lacks, one message each, in the order of its 卷内目录. */
    public ObservableList<String> gaps() {
        return gaps;
    }

    /** 卷宗齐全, or how many things it lacks. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty filedByProperty() {
        return filedBy;
    }

    public StringProperty filedOnProperty() {
        return filedOn;
    }

    public ObjectProperty<Retention> retentionProperty() {
        return retention;
    }

    public StringProperty closingReportProperty() {
        return closingReport;
    }

    public StringProperty fileNoteProperty() {
        return fileNote;
    }

    public StringProperty remarksProperty() {
        return remarks;
    }

    public StringProperty checkedByProperty() {
        return checkedBy;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }
}
