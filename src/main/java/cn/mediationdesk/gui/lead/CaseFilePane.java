package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;

/**
 * The 卷宗 section of the lead editor: what the file still lacks, the cover and closing fields the
 * 立卷人 fills in, and the button that prints the whole file.
 */
final class CaseFilePane {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final Runnable printCaseFile;

    CaseFilePane(LeadEditorViewModel editor, Localization l10n, Runnable printCaseFile) {
        this.editor = editor;
        this.l10n = l10n;
        this.printCaseFile = printCaseFile;
    }

    VBox section() {
        CaseFileSectionViewModel vm = editor.caseFile();
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.setId("lead-casefile-summary");
        VBox gaps = LeadForms.entries(vm.gaps(), line -> line, "", "lead-casefile-gaps");
        gaps.getStyleClass().add(Styles.WARNING);

        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.caseFile.title"), LeadForms.text(vm.titleProperty(), "lead-casefile-title",
                l10n.text("gui.lead.caseFile.title.prompt")), null), 0, 0, 4);
        add(form, field(l10n.text("gui.lead.caseFile.filedBy"), LeadForms.text(vm.filedByProperty(),
                "lead-casefile-filed-by", ""), null), 0, 1, 1);
        add(form, field(l10n.text("gui.lead.caseFile.filedOn"), LeadForms.date(vm.filedOnProperty(),
                "lead-casefile-filed-on", l10n.text("gui.lead.datePrompt")), vm.error(Field.DATE)), 1, 1, 1);
        add(form, field(l10n.text("gui.lead.caseFile.retention"), LeadForms.combo(
                FXCollections.observableArrayList(vm.retentions()), vm.retentionProperty(), vm::retentionLabel,
                "lead-casefile-retention"), null), 2, 1, 1);
        add(form, field(l10n.text("gui.lead.caseFile.checkedBy"), LeadForms.text(vm.checkedByProperty(),
                "lead-casefile-checked-by", ""), null), 3, 1, 1);
        add(form, field(l10n.text("gui.lead.caseFile.closingReport"), LeadForms.area(vm.closingReportProperty(),
                "lead-casefile-closing-report", l10n.text("gui.lead.caseFile.closingReport.prompt"), 4),
                vm.error(Field.CASE_FILE)), 0, 2, 4);
        add(form, field(l10n.text("gui.lead.caseFile.fileNote"), LeadForms.area(vm.fileNoteProperty(),
                "lead-casefile-file-note", "", 2), null), 0, 3, 2);
        add(form, field(l10n.text("gui.lead.caseFile.remarks"), LeadForms.area(vm.remarksProperty(),
                "lead-casefile-remarks", "", 2), null), 2, 3, 2);

        Button save = LeadForms.button(l10n.text("gui.lead.caseFile.save"), MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "lead-casefile-save", vm::record, editor.busyProperty());
        Button print = LeadForms.button(l10n.text("gui.lead.caseFile.print"), MaterialDesignF.FILE_DOCUMENT_MULTIPLE_OUTLINE,
                "lead-casefile-print", printCaseFile, editor.busyProperty());
        // The print shows what is saved: unsaved entries would be missing from it.
        print.disableProperty().unbind();
        print.disableProperty().bind(Bindings.or(editor.busyProperty(), editor.dirtyProperty()));
        return LeadForms.section("lead-section-casefile", l10n.text("gui.lead.section.caseFile"),
                MaterialDesignA.ARCHIVE_OUTLINE, editor.acceptedProperty(), summary, gaps, form,
                LeadForms.error(vm.generalError()), LeadForms.actions(save, print));
    }
}
