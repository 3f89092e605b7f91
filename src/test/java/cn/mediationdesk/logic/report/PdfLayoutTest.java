package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.PrintBlock;
import cn.mediationdesk.logic.report.print.PrintBlock.Cell;
import cn.mediationdesk.logic.report.print.PrintBlock.Column;
import cn.mediationdesk.logic.report.print.PrintBlock.Row;
import cn.mediationdesk.logic.report.print.PrintBlock.Table;
import cn.mediationdesk.logic.report.print.PrintDocument;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the PDF pages are laid out when the text is longer than a page. */
class PdfLayoutTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;

    @BeforeAll
    static void font() {
        ReportTestData.requireChineseFont();
    }

    private static PrintDocument document(List<PrintBlock> blocks) {
        return new PrintDocument(PrintDocument.Style.DOCUMENT, PrintDocument.Orientation.PORTRAIT, "调解记录",
                List.of("案号：(2023)金宝人调字第001号"), blocks, null, true);
    }

    private int pages(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages();
        }
    }

    @Test
    void aCellLongerThanAPageRunsOnToTheNextPagesWithNothingLost() throws IOException {
        List<String> sentences = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            sentences.add("第" + i + "段：双方各自陈述了意见，调解员释法析理。");
        }
        Table notes = new Table(List.of(Column.text(1.25f), Column.text(5.65f)), List.of(),
                List.of(new Row(List.of(Cell.label("调解情况"), Cell.of(String.join("", sentences))), false, 300)));
        Path file = dir.resolve("long.pdf");
        new PdfExporter(CHINESE).write(document(List.of(notes)), file);

        String text = ReportTestData.text(file).replace("\n", "");
        assertThat(pages(file)).isGreaterThan(1);
        for (String sentence : sentences) {
            assertThat(text).contains(sentence.substring(0, sentence.indexOf('：')));
        }
        assertThat(text).contains("第120段：双方各自陈述了意见，调解员释法析理。");
    }

    @Test
    void longRunningTextFlowsOverPagesUnderARunningHead() throws IOException {
        List<PrintBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            blocks.add(PrintBlock.Paragraph.of("第" + i + "条：当事人应当按照约定履行协议。"));
        }
        Path file = dir.resolve("paragraphs.pdf");
        new PdfExporter(CHINESE).write(document(blocks), file);

        String text = ReportTestData.text(file);
        int pages = pages(file);
        assertThat(pages).isGreaterThan(1);
        assertThat(text.lines().filter("调解记录"::equals).count()).as("title, then a running head per page")
                .isEqualTo(pages);
        assertThat(text).contains("第1条", "第80条：当事人应当按照约定履行协议。", "第 " + pages + " 页 共 " + pages + " 页");
    }
}
