package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code monthly-report}: the file it writes and the exit codes of DESIGN §6 (today is 2024-06-30). */
class MonthlyReportCommandTest {
    private static final String COMMITTEE = "金宝社区人民调解委员会";

    @TempDir
    static Path shared;
    static Path db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDemo() {
        db = shared.resolve("demo");
        Result demo = runOn(db, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @Test
    void aMonthWithoutLeadsIsWrittenAsAnUnsignedZeroReport() throws IOException {
        Path pdf = dir.resolve("may.pdf");
        Result result = runOn(db, "monthly-report", "--month", "2024-05", "--committee", COMMITTEE, "--pdf",
                pdf.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("may.pdf");
        assertThat(pdfText(pdf)).contains(COMMITTEE + "2024年5月矛盾纠纷排查化解月报", "本月未发现矛盾纠纷，特此零报告",
                "未签发（草稿）");
    }

    @Test
    void aMonthWithLeadsListsThemInTheWorkbook() throws IOException {
        Path xlsx = dir.resolve("march.xlsx");
        Result result = runOn(db, "monthly-report", "--month", "2022-03", "--committee", COMMITTEE, "--xlsx",
                xlsx.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("月报")).isNotNull();
            assertThat(workbook.getSheet("本月纠纷").getLastRowNum()).isGreaterThan(5);
        }
    }

    @Test
    void aBadMonthOrAMissingCommitteeIsAUsageError() {
        Path pdf = dir.resolve("x.pdf");
        for (String month : List.of("2024-13", "2024-5", "May")) {
            Result bad = runOn(db, "monthly-report", "--month", month, "--committee", COMMITTEE, "--pdf",
                    pdf.toString());
            assertThat(bad.exitCode()).as(month).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.err()).contains("YYYY-MM");
        }
        Result several = runOn(db, "monthly-report", "--month", "2024-05", "--pdf", pdf.toString());
        assertThat(several.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(several.err()).contains("--committee");
        Result both = runOn(db, "monthly-report", "--month", "2024-05", "--committee", COMMITTEE, "--pdf",
                pdf.toString(), "--xlsx", dir.resolve("x.xlsx").toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(pdf)).isFalse();
    }

    @Test
    void anUnknownCommitteeIsRejected() {
        Result result = runOn(db, "monthly-report", "--month", "2024-05", "--committee", "没有这个调委会", "--pdf",
                dir.resolve("x.pdf").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
    }

    @Test
    void aViewerIsRefusedAndADirectorGetsOwnCommitteeByDefault() throws IOException {
        Path own = dir.resolve("own");
        assertThat(runOn(own, "demo").exitCode()).isZero();
        assertThat(as(own, null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin").exitCode()).isZero();
        for (String[] user : List.of(new String[] {"leader", "viewer"}, new String[] {"wang", "director"})) {
            List<String> add = new ArrayList<>(List.of("users", "add", user[0], "--role", user[1]));
            if (user[1].equals("director")) {
                add.addAll(List.of("--committee", COMMITTEE));
            }
            Result added = as(own, "admin", "admin-2024", "first-pass1\n", add.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(as(own, user[0], "first-pass1", "own-pass22\n", "users", "passwd", user[0]).exitCode()).isZero();
        }
        Path pdf = dir.resolve("refused.pdf");

        Result viewer = as(own, "leader", "own-pass22", "", "monthly-report", "--month", "2024-05", "--committee",
                COMMITTEE, "--pdf", pdf.toString());
        Result director = as(own, "wang", "own-pass22", "", "monthly-report", "--month", "2024-05", "--pdf",
                pdf.toString());

        assertThat(viewer.exitCode()).as(viewer.err()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(director.exitCode()).as(director.err()).isZero();
        assertThat(pdfText(pdf)).contains(COMMITTEE + "2024年5月");
    }

    private static Result as(Path database, String user, String password, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", database.toString()));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithInput(stdin, password, all.toArray(String[]::new));
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }
}
