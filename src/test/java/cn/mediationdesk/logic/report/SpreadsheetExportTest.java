package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.StatisticsRow;
import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.logic.tally.SummaryCsv;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.logic.tally.PeriodBasis;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.logic.report.ReportTestData.FROM;
import static cn.mediationdesk.logic.report.ReportTestData.NEW_YEARS_EVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spreadsheets read back with POI and commons-csv: the engine's numbers as numbers, dates as dates. */
class SpreadsheetExportTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final SpreadsheetExporter SHEETS = new SpreadsheetExporter(CHINESE);

    @TempDir
    static Path dir;
    static Database db;
    static ReportService reports;

    @TempDir
    Path out;

    @BeforeAll
    static void createDemo() {
        db = ReportTestData.demo(dir);
        reports = new ReportService(db, ReportTestData.CLOCK, User.setup());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Workbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** The row whose first cell is the header's first column name; the data follow it. */
    private static int headerRow(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row starting with " + first + " in " + sheet.getSheetName());
    }

    private static void assertTallySheet(Sheet sheet, TallyResult expected) {
        int header = headerRow(sheet, "编码");
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as("frozen header").isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(header + 1);
        List<TallyRow> rows = new ArrayList<>(expected.rows());
        rows.add(expected.total());
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.getRow(header + 1 + i);
            TallyRow want = rows.get(i);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(want.code());
            long[] values = SummaryColumns.values(want.counts());
            for (int c = 0; c < values.length; c++) {
                Cell cell = row.getCell(2 + c);
                assertThat(cell.getCellType()).as("a number cell").isEqualTo(CellType.NUMERIC);
                assertThat((long) cell.getNumericCellValue()).as("%s %s", want.code(), SummaryColumns.COUNTS.get(c))
                        .isEqualTo(values[c]);
            }
            Cell rate = row.getCell(2 + values.length);
            if (want.counts().resolutionRate() == null) {
                assertThat(rate.getCellType()).isEqualTo(CellType.BLANK);
            } else {
                assertThat(rate.getNumericCellValue()).isCloseTo(want.counts().resolutionRate().doubleValue(), within(1e-9));
            }
        }
        for (int c = 0; c < 14; c++) {
            assertThat(sheet.getColumnWidth(c)).as("width of column %d", c).isGreaterThanOrEqualTo(8 * 256);
        }
    }

    @Test
    void districtSummaryWorkbookHoldsTheEnginesNumbersUnderATitleBlockAndAFrozenHeader() throws IOException {
        DistrictSummary summary = reports.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        Path file = out.resolve("district.xlsx");
        SHEETS.writeDistrictSummary(summary, Grouping.COMMUNITY, file);
        try (Workbook workbook = open(file)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("按社区");
            assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("按调委会");
            Sheet byCommittee = workbook.getSheet("按调委会");
            assertThat(byCommittee.getRow(0).getCell(0).getStringCellValue()).isEqualTo("金宝新区矛盾纠纷排查化解情况汇总表");
            assertThat(byCommittee.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：金宝新区");
            assertThat(byCommittee.getRow(2).getCell(0).getStringCellValue()).contains("2022年1月1日 至 2022年12月31日");
            assertThat(byCommittee.getRow(3).getCell(0).getStringCellValue()).isEqualTo("统计截至：2022年12月31日");
            assertTallySheet(byCommittee, summary.byCommittee());
            assertTallySheet(workbook.getSheet("按社区"), summary.byCommunity());
            int header = headerRow(byCommittee, "编码");
            assertThat(byCommittee.getRow(header + 9).getCell(2).getNumericCellValue()).as("87 leads").isEqualTo(87);
            assertThat(byCommittee.getRow(header + 9).getCell(10).getNumericCellValue()).as("64 resolved").isEqualTo(64);
        }
    }

    @Test
    void communityPageWorkbookHasItsCountsBreakdownsAndLists() throws IOException {
        long community = db.read(tx -> tx.organization().communities()).getFirst().id();
        CommunityPage page = reports.communityPage(community, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        Path file = out.resolve("community.xlsx");
        SHEETS.writeCommunityPage(page, file);
        try (Workbook workbook = open(file)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            assertTallySheet(workbook.getSheet("按纠纷类型"), page.byType());
            assertTallySheet(workbook.getSheet("按来源类别"), page.bySourceGroup());
            Sheet highRisk = workbook.getSheet("红橙风险线索");
            int header = headerRow(highRisk, "序号");
            assertThat(highRisk.getLastRowNum() - header).isEqualTo(page.highRisk().size());
            for (int i = 0; i < page.highRisk().size(); i++) {
                Cell found = highRisk.getRow(header + 1 + i).getCell(5);
                assertThat(DateUtil.isCellDateFormatted(found)).isTrue();
                assertThat(found.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(page.highRisk().get(i).foundOn());
            }
        }
    }

    @Test
    void statisticsWorkbookHoldsEveryFigureOfTheTable() throws IOException {
        StatisticsTable table = reports.statisticsTable(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, PeriodBasis.FOUND);
        Path file = out.resolve("stats.xlsx");
        SHEETS.writeStatisticsTable(table, file);
        try (Workbook workbook = open(file)) {
            Sheet sheet = workbook.getSheet("按纠纷类型");
            int header = headerRow(sheet, "编码");
            List<StatisticsRow> figures = new ArrayList<>();
            for (TallyRow row : table.byType().rows()) {
                figures.add(table.figures().rows().stream().filter(f -> f.code().equals(row.code())).findFirst()
                        .orElseThrow());
            }
            figures.add(table.figures().total());
            for (int i = 0; i < figures.size(); i++) {
                Row row = sheet.getRow(header + 1 + i);
                StatisticsCounts f = figures.get(i).counts();
                TallyCounts c = i < table.byType().rows().size() ? table.byType().rows().get(i).counts()
                        : table.byType().total().counts();
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(figures.get(i).code());
                double[] want = {c.accepted(), c.resolved(), Double.NaN, f.written(), f.oral(),
                        f.amountInTenThousandYuan().doubleValue(), f.performed(), f.judicialApplied(),
                        f.judicialConfirmed()};
                for (int k = 0; k < want.length; k++) {
                    if (!Double.isNaN(want[k])) {
                        assertThat(row.getCell(2 + k).getNumericCellValue()).as("%s column %d",
                                figures.get(i).code(), k).isCloseTo(want[k], within(0.001));
                    }
                }
            }
            assertThat(sheet.getRow(header + figures.size()).getCell(10).getNumericCellValue())
                    .isEqualTo(table.figures().total().counts().judicialConfirmed());
            Sheet main = workbook.getSheet("主要指标");
            int mainHeader = headerRow(main, "指标");
            assertThat(main.getRow(mainHeader + 3).getCell(0).getStringCellValue()).isEqualTo("受理（件）");
            assertThat(main.getRow(mainHeader + 3).getCell(1).getNumericCellValue())
                    .isEqualTo(table.byType().total().counts().accepted());
            Sheet organization = workbook.getSheet("调解组织和调解员");
            int organizationHeader = headerRow(organization, "调委会类别");
            assertThat(organization.getRow(organizationHeader + 4).getCell(1).getNumericCellValue())
                    .isEqualTo(table.organizationTotal().committees());
        }
    }

    @Test
    void anySummaryAsCsvIsTheContractsCsvAndAsXlsxItsNumbers() throws IOException {
        TallyQuery query = TallyQuery.of(Grouping.TYPE, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        SummaryReport report = reports.summary(query);
        Path csv = out.resolve("summary.csv");
        Path xlsx = out.resolve("summary.xlsx");
        SHEETS.writeSummary(report, csv);
        SHEETS.writeSummary(report, xlsx);

        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(SummaryCsv.format(report.result()));
        try (Workbook workbook = open(xlsx)) {
            assertTallySheet(workbook.getSheetAt(0), report.result());
        }
    }

    @Test
    void ledgerXlsxHasOneRowPerLeadWithDatesAsDateCellsAndPartiesByNameOnly() throws IOException {
        ReportTestData.sampleCase(db);
        TallyQuery query = TallyQuery.of(Grouping.COMMUNITY, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                LocalDate.of(2023, 12, 31));
        List<LedgerExportRow> expected = new ArrayList<>();
        reports.ledgerRows(query, expected::add);
        Path file = out.resolve("ledger.xlsx");
        long written = SHEETS.writeLedger(reports, query, file);

        assertThat(written).isEqualTo(expected.size()).isPositive();
        try (Workbook workbook = open(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            int header = headerRow(sheet, "案号");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum() - header).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(header + 1 + i);
                LedgerExportRow want = expected.get(i);
                Cell found = row.getCell(2);
                assertThat(found.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(found)).as("a date cell").isTrue();
                assertThat(found.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(want.foundOn());
                assertThat(text(row.getCell(0))).isEqualTo(want.caseNumber() == null ? "" : want.caseNumber());
                assertThat(text(row.getCell(17))).isEqualTo(want.partyNames());
            }
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append(' ')));
            // names and roles as DESIGN §8 writes them (so that the file imports again), nothing more
            assertThat(all).containsPattern("赵红梅\\(申请人\\)；钱建国\\((被申请人|第三人)\\)").doesNotContain(ReportTestData.APPLICANT_ID,
                    ReportTestData.APPLICANT_PHONE);
        }
    }

    @Test
    void ledgerCsvIsUtf8WithAHeaderAndOneRecordPerLead() throws IOException {
        TallyQuery query = TallyQuery.of(Grouping.COMMUNITY, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        Path file = out.resolve("ledger.csv");
        long written = SHEETS.writeLedger(reports, query, file);
        TallyCounts total = reports.summary(query).result().total().counts();

        assertThat(written).isEqualTo(total.leads() + total.duplicate());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0] & 0xFF).as("a byte-order mark, for Excel").isEqualTo(0xEF);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize((int) written);
            assertThat(parser.getHeaderNames().getFirst()).isEqualTo("\uFEFF案号");
            assertThat(records.stream().filter(r -> r.get("状态").equals("调解成功")).count()).isEqualTo(64);
            assertThat(records.getFirst().get("发现日期")).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.getStringCellValue();
    }
}
