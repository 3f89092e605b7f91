package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.ledger.LedgerReader;
import cn.mediationdesk.logic.ledger.LedgerTable;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.SummaryCsv;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.logic.tally.PeriodBasis;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger from elsewhere whose cells read like formulas (=HYPERLINK, a DDE command, @SUM …): every
 * export writes them with a quote in front, so that no spreadsheet runs them, and reading an export
 * back gives the texts unchanged. Numbers stay numbers.
 */
class HostileCellsExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String COMMUNITY = "=HYPERLINK(\"http://evil.example\",\"点这里\")";
    private static final String COMMITTEE = "@SUM(1+1)人民调解委员会";
    private static final String LEAD_NO = "-1+2";
    private static final String GRID = "+第1网格";
    /** The parties cell as the export writes it: DESIGN §8's 姓名(角色), so that it imports again. */
    private static final String PARTIES = "@张某(申请人)；=cmd|' /C calc'!A0(被申请人)";
    private static final SpreadsheetExporter SHEETS = new SpreadsheetExporter(new Localization(Localization.CHINESE));
    private static final TallyQuery ALL_OF_2023 = new TallyQuery(Grouping.COMMUNITY, LocalDate.of(2023, 1, 1),
            LocalDate.of(2023, 12, 31), LocalDate.of(2023, 12, 31), null, null);

    @TempDir
    static Path dir;
    static Database db;
    static ReportService reports;

    @TempDir
    Path out;

    @BeforeAll
    static void importAHostileLedger() throws IOException {
        db = Database.open(new DatabaseLocation.EmbeddedFile(dir.resolve("hostile").toAbsolutePath()), true);
        db.write(tx -> {
            tx.organization().insertJurisdiction("示例新区", CLOCK.instant());
            return null;
        });
        Path ledger = dir.resolve("hostile.csv");
        Files.writeString(ledger, String.join("\r\n",
                "线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,核实日期,核实结果,受理日期,调解结果,办结日期",
                csv(LEAD_NO, "2023-03-01", "主动排查", COMMUNITY, GRID, COMMITTEE, "邻里", "=1+2",
                        "@张某(申请人);=cmd|' /C calc'!A0(被申请人)", "2023-03-02", "属实", "2023-03-02", "调解成功",
                        "2023-03-10"),
                csv("N-2", "2023-04-01", "主动排查", COMMUNITY, "", COMMITTEE, "邻里", "两户因排水沟发生争执", "", "", "", "", "",
                        ""),
                ""));
        new LedgerImporter(db, CLOCK, User.setup()).importLedger(ledger, new ImportOptions(false, true, null));
        reports = new ReportService(db, CLOCK, User.setup());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String csv(String... cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add("\"" + cell.replace("\"", "\"\"") + "\"");
        }
        return String.join(",", quoted);
    }

    private static void assertNoCellStartsAFormula(Iterable<String> cells) {
        for (String cell : cells) {
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as("cell %s", cell).isTrue();
        }
    }

    private static List<String> csvCells(Path file) throws IOException {
        List<String> cells = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                cells.addAll(record.toList());
            }
        }
        return cells;
    }

    private static List<Cell> stringCells(Path file) throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("no formula in %s", sheet.getSheetName())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            cells.add(cell);
                        }
                    }
                }
            }
        }
        return cells;
    }

    private static List<String> texts(List<Cell> cells) {
        return cells.stream().map(Cell::getStringCellValue).toList();
    }

    @Test
    void theLedgerCsvQuotesEveryCellThatReadsLikeAFormula() throws IOException {
        Path file = out.resolve("台账.csv");
        assertThat(SHEETS.writeLedger(reports, ALL_OF_2023, file)).isEqualTo(2);

        List<String> cells = csvCells(file);
        assertNoCellStartsAFormula(cells);
        assertThat(cells).contains("'" + LEAD_NO, "'" + COMMUNITY, "'" + COMMITTEE, "'" + PARTIES, "N-2");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\"");
    }

    @Test
    void theLedgerCsvReadsBackUnchanged() {
        Path file = out.resolve("台账.csv");
        SHEETS.writeLedger(reports, ALL_OF_2023, file);

        LedgerTable table = LedgerReader.read(file, null);

        assertThat(table.rows().getFirst().cells()).contains(LEAD_NO, COMMUNITY, COMMITTEE, PARTIES);
        assertThat(table.rows().get(1).cells()).contains("N-2", COMMUNITY, COMMITTEE);
    }

    @Test
    void theLedgerWorkbookHoldsTheQuotedTextsAsTextCellsAndReadsBackUnchanged() throws IOException {
        Path file = out.resolve("台账.xlsx");
        SHEETS.writeLedger(reports, ALL_OF_2023, file);

        List<Cell> cells = stringCells(file);
        assertNoCellStartsAFormula(texts(cells));
        assertThat(texts(cells)).contains("'" + LEAD_NO, "'" + COMMUNITY, "'" + COMMITTEE, "'" + PARTIES);
        List<String> read = LedgerReader.read(file, null).rows().stream().flatMap(r -> r.cells().stream()).toList();
        assertThat(read).contains(LEAD_NO, COMMUNITY, COMMITTEE, PARTIES).doesNotContain("'" + COMMUNITY);
    }

    @Test
    void theSummaryCsvQuotesTheNameAndKeepsTheContract() throws IOException {
        String csv = SummaryCsv.format(reports.summary(ALL_OF_2023).result());
        List<String> lines = csv.lines().toList();

        assertThat(lines.getFirst()).isEqualTo(SummaryCsv.HEADER);
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "SQ\\d+,\"'=HYPERLINK\\(\"\"http://evil.example\"\",\"\"点这里\"\"\\)\",2,1,0,0,0,0,1,0,1,0,0,0,100.0"));
        assertThat(lines.getLast()).isEqualTo("TOTAL,合计,2,1,0,0,0,0,1,0,1,0,0,0,100.0");

        Path file = out.resolve("汇总.csv");
        SHEETS.writeSummary(reports.summary(ALL_OF_2023), file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(csv);
        assertNoCellStartsAFormula(csvCells(file));
    }

    @Test
    void reportWorkbooksQuoteTheNamesAndKeepTheirNumbersAsNumbers() throws IOException {
        Path district = out.resolve("汇总.xlsx");
        SHEETS.writeDistrictSummary(reports.districtSummary(ALL_OF_2023.from(), ALL_OF_2023.to(), ALL_OF_2023.asOf()),
                district);
        Path summary = out.resolve("按社区.xlsx");
        SHEETS.writeSummary(reports.summary(ALL_OF_2023), summary);
        Path stats = out.resolve("统计表.xlsx");
        SHEETS.writeStatisticsTable(reports.statisticsTable(ALL_OF_2023.from(), ALL_OF_2023.to(), ALL_OF_2023.asOf(), PeriodBasis.FOUND),
                stats);

        for (Path file : List.of(district, summary, stats)) {
            assertNoCellStartsAFormula(texts(stringCells(file)));
        }
        List<Cell> cells = stringCells(district);
        assertThat(texts(cells)).contains("'" + COMMUNITY, "'" + COMMITTEE);
        // The counts beside the quoted name are still number cells.
        Cell name = cells.stream().filter(c -> c.getStringCellValue().equals("'" + COMMUNITY)).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(district); Workbook workbook = new XSSFWorkbook(in)) {
            Row row = workbook.getSheet(name.getSheet().getSheetName()).getRow(name.getRowIndex());
            assertThat(row.getCell(name.getColumnIndex() + 1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(name.getColumnIndex() + 1).getNumericCellValue()).isEqualTo(2.0);
        }
    }
}
