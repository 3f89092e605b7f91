package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code documents}: the whole 卷宗 of one case from the command line. */
class DocumentsCommandTest {
    @TempDir
    static Path shared;
    static Path db;
    static LeadListRow resolved;
    static LeadListRow failed;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDemo() {
        CjkFonts.locate(); // fails at once, saying what to install, on a computer without a Chinese font
        db = shared.resolve("demo");
        Result demo = runOn(db, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        try (Database database = Database.open(DatabaseLocation.parse(db.toString()), false)) {
            LeadFilter closed = LeadFilter.all(LocalDate.of(2022, 12, 31));
            resolved = first(database, closed.withColumn(TallyColumn.RESOLVED));
            failed = first(database, closed.withColumn(TallyColumn.FAILED));
        }
    }

    private static LeadListRow first(Database database, LeadFilter filter) {
        return database.read(tx -> tx.search().page(filter, LeadSort.DEFAULT, 0, 1)).getFirst();
    }

    @Test
    void printsTheWholeFileOfACaseWithAllThirteenItemsListed() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        Result result = runOn(db, "documents", resolved.caseNumber(), "--committee", resolved.committeeName(),
                "--pdf", pdf.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String text = text(pdf);
        assertThat(text).contains("人民调解卷宗", "卷内目录", "人民调解受理登记表", "人民调解当事人权利义务告知书",
                "人民调解记录", "人民调解协议书", "调解不成告知书", "司法确认材料", "人民调解回访记录", "结案报告", "卷宗情况说明",
                "备考表", resolved.caseNumber());
        // A resolved case's file has no notice of a failed mediation: it is listed as 无.
        assertThat(text.lines().map(String::strip)).anyMatch(l -> l.matches("8 调解不成告知书 无"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int numbered = document.getNumberOfPages() - 2;
            assertThat(text).contains("本卷宗共 " + numbered + " 页", "第 " + numbered + " 页 共 " + numbered + " 页");
        }
    }

    @Test
    void aFailedCaseHasItsNoticeOfOtherRoutesAndNoAgreement() throws IOException {
        Path pdf = dir.resolve("failed.pdf");
        Result result = runOn(db, "documents", failed.caseNumber(), "--committee", failed.committeeName(),
                "--pdf", pdf.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String text = text(pdf);
        assertThat(text).contains("调解不成告知书", "第二十六条", "仲裁", "诉讼");
        assertThat(text.lines().map(String::strip)).anyMatch(l -> l.matches("7 人民调解协议书 无"));
    }

    @Test
    void anUnknownNumberIsRejectedAndWritesNothing() {
        Path pdf = dir.resolve("none.pdf");
        Result result = runOn(db, "documents", "(2099)无此案号", "--pdf", pdf.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(Files.exists(pdf)).isFalse();
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }
}
