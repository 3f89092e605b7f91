package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.print.PrintPreviewViewModel;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's 文书 button: the lead's whole case file, previewed, printed or saved as one PDF. */
class LeadEditorCaseFileTest extends LeadEditorTestSupport {

    @Test
    void previewsTheWholeCaseFileOfTheLeadAsTheCaseDocumentLayoutsLayItOut() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        PrintPreviewViewModel preview = editor.caseFilePreview(dialogs);
        preview.load();

        var documents = new CaseDocumentService(database, clock, User.setup()).documents(editor.leadIdProperty().get(), false);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new PdfExporter(CHINESE).write(pages -> new CaseDocumentLayouts(CHINESE).caseFile(documents, pages), expected);
        try (PDDocument pdf = Loader.loadPDF(expected.toByteArray())) {
            assertThat(preview.pages()).hasSize(pdf.getNumberOfPages());
        }
        assertThat(preview.pages()).isNotEmpty().allSatisfy(page -> assertThat(page.landscape()).isFalse());
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void savesTheCaseFileAsOnePdfNamedForItsCaseNumber() throws IOException {
        LeadEditorViewModel editor = acceptedLead();
        assertThat(editor.caseFileTitle()).isEqualTo("卷宗 " + editor.caseNumberProperty().get());
        PrintPreviewViewModel preview = editor.caseFilePreview(dialogs);
        preview.load();
        Path file = dir.resolve("卷宗.pdf");
        dialogs.savingTo(file);

        preview.saveAsPdf();

        assertThat(dialogs.shown().getFirst().header()).isEqualTo(editor.caseFileTitle() + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("人民调解受理登记表", editor.caseNumberProperty().get());
        }
    }
}
