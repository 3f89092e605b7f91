package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code report}, {@code stats-table} and {@code export}: their files and the exit codes of DESIGN §6. */
class ReportCommandsTest {
    private static final String[] YEAR_2022 = {"--from", "2022-01-01", "--to", "2022-12-31", "--as-of", "2022-12-31"};

    @TempDir
    static Path shared;
    static Path db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDemo() {
        CjkFonts.locate(); // fails at once, saying what to install, on a computer without a Chinese font
        db = shared.resolve("demo");
        Result demo = runOn(db, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    private static String[] args(String command, String[] base, String... more) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void reportWritesTheDistrictSummaryAsPdfWithTheSeedFigures() throws IOException {
        Path pdf = dir.resolve("district.pdf");
        Result result = runOn(db, args("report", YEAR_2022, "--by", "committee", "--pdf", pdf.toString()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("报表已写入", "district.pdf");
        String text = pdfText(pdf);
        assertThat(text).contains("金宝新区矛盾纠纷排查化解情况汇总表", "一、按人民调解委员会汇总", "二、按社区（村）汇总");
        assertThat(text.lines()).contains("合计 87 2 4 3 3 1 77 4 64 5 4 2 83.1%");
    }

    @Test
    void reportByCommunityPutsTheTableByCommunityFirst() throws IOException {
        Path pdf = dir.resolve("district.pdf");
        Result result = runOn(db, args("report", YEAR_2022, "--by", "community", "--pdf", pdf.toString()));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(pdfText(pdf)).contains("一、按社区（村）汇总", "二、按人民调解委员会汇总");
    }

    @Test
    void reportWithACommunityWritesThatCommunitysPageByNameOrCode() throws IOException {
        Path pdf = dir.resolve("page.pdf");
        Path xlsx = dir.resolve("page.xlsx");
        Result byName = runOn(db, args("report", YEAR_2022, "--by", "community", "--community", "金宝社区",
                "--pdf", pdf.toString()));
        String code = runOn(db, "summary", "--by", "community", "--format", "csv").outLines().stream()
                .filter(l -> l.contains(",金宝社区,")).findFirst().orElseThrow().split(",")[0];
        Result asXlsx = runOn(db, args("report", YEAR_2022, "--by", "community", "--community", code,
                "--xlsx", xlsx.toString()));

        assertThat(byName.exitCode()).as(byName.err()).isZero();
        assertThat(pdfText(pdf)).contains("金宝社区矛盾纠纷排查化解情况", "五、红色、橙色风险线索");
        assertThat(asXlsx.exitCode()).as(asXlsx.err()).isZero();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("按纠纷类型")).isNotNull();
        }
    }

    @Test
    void statsTableWritesPdfAndXlsx() throws IOException {
        Path pdf = dir.resolve("stats.pdf");
        Path xlsx = dir.resolve("stats.xlsx");
        Result asPdf = runOn(db, args("stats-table", YEAR_2022, "--basis", "found", "--pdf", pdf.toString()));
        Result asXlsx = runOn(db, args("stats-table", YEAR_2022, "--xlsx", xlsx.toString()));

        assertThat(asPdf.exitCode()).as(asPdf.err()).isZero();
        assertThat(pdfText(pdf)).contains("人民调解工作统计表", "统计口径：按发现日期");
        assertThat(pdfText(pdf).lines().anyMatch(l -> l.startsWith("合计 77 64 83.1% "))).isTrue();
        assertThat(asXlsx.exitCode()).as(asXlsx.err()).isZero();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            List<String> scope = new ArrayList<>();
            for (int row = 0; row <= 4; row++) {
                scope.add(workbook.getSheetAt(0).getRow(row).getCell(0).getStringCellValue());
            }
            assertThat(scope).as("counted by acceptance by default").contains("统计口径：按受理日期");
        }
    }

    @Test
    void statsTableCountsByTheBasisItIsGivenAsTheTallyEngineDoes() throws IOException {
        Path accepted = dir.resolve("accepted.pdf");
        Path found = dir.resolve("found.pdf");
        String[] lateSummer = {"--from", "2022-08-01", "--to", "2022-08-31", "--as-of", "2022-12-31"};
        Result byAcceptance = runOn(db, args("stats-table", lateSummer, "--basis", "accepted", "--pdf",
                accepted.toString()));
        Result byFinding = runOn(db, args("stats-table", lateSummer, "--basis", "FOUND", "--pdf", found.toString()));

        assertThat(byAcceptance.exitCode()).as(byAcceptance.err()).isZero();
        assertThat(byFinding.exitCode()).as(byFinding.err()).isZero();
        for (var basis : List.of(PeriodBasis.ACCEPTED, PeriodBasis.FOUND)) {
            TallyCounts engine;
            try (Database database = Database.open(new DatabaseLocation.EmbeddedFile(db), false)) {
                engine = new TallyService(database).summarize(new TallyQuery(Grouping.TYPE, LocalDate.of(2022, 8, 1),
                        LocalDate.of(2022, 8, 31), LocalDate.of(2022, 12, 31), null, null, basis)).total().counts();
            }
            String total = "合计 " + engine.accepted() + " " + engine.resolved() + " ";
            String text = pdfText(basis == PeriodBasis.ACCEPTED ? accepted : found);
            assertThat(text.lines().anyMatch(l -> l.startsWith(total))).as("%s: %s", basis, total).isTrue();
            assertThat(text.lines().anyMatch(l -> l.startsWith("受理（件） " + engine.accepted() + " "))).isTrue();
        }
        Result bad = runOn(db, "stats-table", "--basis", "closed", "--pdf", accepted.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("closed", "accepted", "found").doesNotContain("Exception");
    }

    @Test
    void exportWritesTheLedgerRowsAsXlsxOrCsv() throws IOException {
        Path xlsx = dir.resolve("ledger.xlsx");
        Path csv = dir.resolve("ledger.csv");
        Result asXlsx = runOn(db, args("export", YEAR_2022, "--out", xlsx.toString()));
        Result asCsv = runOn(db, args("export", YEAR_2022, "--committee", "物业纠纷人民调解委员会", "--out", csv.toString()));

        assertThat(asXlsx.exitCode()).as(asXlsx.err()).isZero();
        assertThat(asXlsx.out()).contains("已导出 90 条线索"); // 87 leads and 3 duplicates
        assertThat(asCsv.exitCode()).as(asCsv.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.getFirst()).startsWith("\uFEFF案号,线索编号,发现日期");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Path pdf = dir.resolve("x.pdf");
        Result noOutput = runOn(db, args("report", YEAR_2022, "--by", "committee"));
        Result bothOutputs = runOn(db, args("report", YEAR_2022, "--by", "committee", "--pdf", pdf.toString(),
                "--xlsx", dir.resolve("x.xlsx").toString()));
        Result badGrouping = runOn(db, args("report", YEAR_2022, "--by", "type", "--pdf", pdf.toString()));
        Result noGrouping = runOn(db, "report", "--pdf", pdf.toString());
        Result badDate = runOn(db, "stats-table", "--as-of", "2022-13-01", "--pdf", pdf.toString());
        Result reversed = runOn(db, "stats-table", "--from", "2022-12-31", "--to", "2022-01-01", "--pdf", pdf.toString());
        Result badExtension = runOn(db, "export", "--out", dir.resolve("ledger.txt").toString());
        Result noOut = runOn(db, "export");

        for (Result result : List.of(noOutput, bothOutputs, badGrouping, noGrouping, badDate, reversed, badExtension,
                noOut)) {
            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).startsWith("错误：").doesNotContain("Exception");
        }
        assertThat(noOutput.err()).contains("--pdf", "--xlsx");
        assertThat(badGrouping.err()).contains("community", "committee");
        assertThat(badExtension.err()).contains(".xlsx", ".csv");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void anUnknownCommunityOrCommitteeExitsWithThree() {
        Path pdf = dir.resolve("x.pdf");
        Result community = runOn(db, args("report", YEAR_2022, "--by", "community", "--community", "无此社区",
                "--pdf", pdf.toString()));
        Result committee = runOn(db, args("export", YEAR_2022, "--committee", "无此调委会", "--out",
                dir.resolve("x.csv").toString()));

        assertThat(community.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(community.err()).contains("无此社区");
        assertThat(committee.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(pdf).doesNotExist();
    }

    @Test
    void aMissingDatabaseExitsWithFour() {
        Path missing = dir.resolve("none");
        for (String[] command : List.of(new String[] {"report", "--by", "committee", "--pdf", "x.pdf"},
                new String[] {"stats-table", "--xlsx", "x.xlsx"}, new String[] {"export", "--out", "x.csv"})) {
            Result result = runOn(missing, command);
            assertThat(result.exitCode()).as(command[0]).isEqualTo(ExitCodes.DATABASE);
        }
    }

    @Test
    void aFontThatCannotBeEmbeddedIsNamedAndNothingIsWritten() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("not-a-font.ttf"), "no glyphs here");
        Path pdf = dir.resolve("x.pdf");
        String before = System.getProperty(CjkFonts.FONT_PROPERTY);
        System.setProperty(CjkFonts.FONT_PROPERTY, notAFont.toString());
        try {
            Result result = runOn(db, args("stats-table", YEAR_2022, "--pdf", pdf.toString()));
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains("not-a-font.ttf", "不能嵌入 PDF").doesNotContain("Exception");
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.FONT_PROPERTY);
            } else {
                System.setProperty(CjkFonts.FONT_PROPERTY, before);
            }
        }
        assertThat(pdf).doesNotExist();
    }

    @Test
    void theHelpOfEachCommandIsInTheUsersLanguage() {
        Result chinese = CliRunner.run("report", "--help");
        Result english = CliRunner.run(Localization.ENGLISH, "export", "--help");

        assertThat(chinese.exitCode()).isZero();
        assertThat(chinese.out()).contains("辖区汇总表", "--pdf", "--xlsx");
        assertThat(english.out()).contains("the ledger itself", "--out");
    }
}
