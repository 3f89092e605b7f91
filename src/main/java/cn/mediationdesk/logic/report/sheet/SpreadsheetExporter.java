package cn.mediationdesk.logic.report.sheet;

import cn.mediationdesk.logic.CellNeutralizer;
import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.CommunityPage;
import cn.mediationdesk.logic.report.DistrictSummary;
import cn.mediationdesk.logic.report.LedgerExportRow;
import cn.mediationdesk.logic.report.ListedLead;
import cn.mediationdesk.logic.report.ReportScope;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.StatisticsTable;
import cn.mediationdesk.logic.report.SummaryReport;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.logic.report.print.ReportTexts;
import cn.mediationdesk.logic.report.sheet.SheetWriter.Money;
import cn.mediationdesk.logic.report.sheet.SheetWriter.Rate;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.StatisticsRow;
import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.logic.tally.SummaryCsv;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.model.PreventionKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves reports, summaries and the ledger as spreadsheets: XLSX (a title block with jurisdiction,
 * period and as-of day, the header frozen, numbers as numbers, dates as date cells, widths set) and,
 * for a summary and the ledger, CSV. The figures are the report records' own. A file appears whole or
 * not at all. No text cell is ever run as a formula ({@link CellNeutralizer}).
 */
public final class SpreadsheetExporter {
    /** Which kind of file a name asks for. */
    public enum Format {
        XLSX, CSV;

        /** By the file's extension; {@code null} when it is neither .xlsx nor .csv. */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            return name.endsWith(".csv") ? CSV : null;
        }
    }

    /** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte-order mark. */
    private static final String BOM = "\uFEFF";
    /** Rows the streaming workbook keeps in memory; the rest are already on disk. */
    private static final int WINDOW = 200;
    /** A tally sheet's columns: code, name, the counts of DESIGN §5 and the rate. */
    private static final int TALLY_COLUMNS = SummaryColumns.COUNTS.size() + 3;

    private final ReportTexts texts;
    private final boolean chinese;

    public SpreadsheetExporter(Localization l10n) {
        this.texts = new ReportTexts(l10n);
        this.chinese = l10n.isChinese();
    }

    // ---- reports ----

    /** The district summary: a sheet by committee and one by community. */
    public void writeDistrictSummary(DistrictSummary report, Path file) {
        writeDistrictSummary(report, Grouping.COMMITTEE, file);
    }

    /** @param first {@link Grouping#COMMUNITY} to put the sheet by community first; else the one by committee */
    public void writeDistrictSummary(DistrictSummary report, Grouping first, Path file) {
        writeWorkbook(file, workbook -> {
            SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
            String title = texts.text("report.district.title", report.scope().jurisdiction());
            List<String> scope = scopeLines(report.scope());
            Runnable committees = () -> tallySheet(workbook, styles, texts.text("export.sheet.byCommittee"), title,
                    scope, texts.text("report.column.committee"), report.byCommittee());
            Runnable communities = () -> tallySheet(workbook, styles, texts.text("export.sheet.byCommunity"), title,
                    scope, texts.text("report.column.community"), report.byCommunity());
            if (first == Grouping.COMMUNITY) {
                communities.run();
                committees.run();
            } else {
                committees.run();
                communities.run();
            }
        });
    }

    public void writeCommunityPage(CommunityPage page, Path file) {
        writeWorkbook(file, workbook -> {
            SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
            String title = texts.text("report.community.title", page.community().name());
            List<String> scope = scopeLines(page.scope());
            SheetWriter overall = new SheetWriter(workbook, styles, texts.text("export.sheet.overall"), TALLY_COLUMNS)
                    .titleBlock(title, scope).header(tallyHeaders(texts.text("report.column.community")));
            overall.row(tallyValues(page.community().code(), page.community().name(), page.counts().counts()));
            overall.finish();
            tallySheet(workbook, styles, texts.text("export.sheet.byType"), title, scope,
                    texts.text("report.column.type"), page.byType());
            tallySheet(workbook, styles, texts.text("export.sheet.bySourceGroup"), title, scope,
                    texts.text("report.column.sourceGroup"), page.bySourceGroup());
            listedSheet(workbook, styles, texts.text("export.sheet.overdue"), title, scope, page.overdue());
            listedSheet(workbook, styles, texts.text("export.sheet.highRisk"), title, scope, page.highRisk());
        });
    }

    /** The statistics table, one sheet per table of its print; money in 万元. */
    public void writeStatisticsTable(StatisticsTable table, Path file) {
        writeWorkbook(file, workbook -> {
            SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
            String title = texts.text("report.stats.title");
            List<String> scope = ReportLayouts.statisticsScope(texts, table);

            SheetWriter main = new SheetWriter(workbook, styles, texts.text("export.sheet.mainFigures"), 5)
                    .titleBlock(title, scope).header(List.of(texts.text("report.stats.figure"),
                            texts.text("report.stats.thisPeriod"), texts.text("report.stats.yearToDate"),
                            texts.text("report.stats.yearEarlier"), texts.text("report.stats.change")));
            for (StatisticsTable.MainFigureRow row : table.mainFigures()) {
                main.row(List.of(texts.statisticsFigure(row.figure()), figureValue(row.figure(), row.period()),
                        figureValue(row.figure(), row.yearToDate()), figureValue(row.figure(), row.yearEarlier()),
                        new Rate(row.change())));
            }
            main.note(ReportLayouts.statisticsNote(texts, table));
            main.finish();

            Map<String, StatisticsCounts> figures = new HashMap<>();
            for (StatisticsRow row : table.figures().rows()) {
                figures.put(row.code(), row.counts());
            }
            List<String> headers = List.of(texts.text("export.column.code"), texts.text("report.column.type"),
                    texts.text("report.stats.accepted"), texts.text("report.stats.resolved"),
                    texts.text("export.column.ratePercent"), texts.text("export.stats.written"),
                    texts.text("export.stats.oral"), texts.text("export.stats.amount"),
                    texts.text("report.stats.performed"), texts.text("export.stats.judicialApplied"),
                    texts.text("export.stats.judicialConfirmed"));
            SheetWriter byType = new SheetWriter(workbook, styles, texts.text("export.sheet.byType"), headers.size())
                    .titleBlock(title, scope).header(headers);
            for (TallyRow row : table.byType().rows()) {
                byType.row(statisticsValues(row.code(), row.name(chinese), row.counts(),
                        figures.getOrDefault(row.code(), StatisticsCounts.ZERO)));
            }
            byType.total(statisticsValues(TallyRow.TOTAL_CODE, texts.text("report.total"),
                    table.byType().total().counts(), table.figures().total().counts()));
            byType.finish();

            SheetWriter prevented = new SheetWriter(workbook, styles, texts.text("export.sheet.prevented"), 3)
                    .titleBlock(title, scope).header(List.of(texts.text("report.stats.preventedKind"),
                            texts.text("export.stats.preventedCases"), texts.text("export.stats.preventedPersons")));
            StatisticsCounts total = table.figures().total().counts();
            for (PreventionKind kind : PreventionKind.values()) {
                prevented.row(List.of(texts.prevention(kind), total.prevented(kind).cases(),
                        total.prevented(kind).persons()));
            }
            prevented.finish();

            SheetWriter bySource = new SheetWriter(workbook, styles, texts.text("export.sheet.bySourceGroup"), 5)
                    .titleBlock(title, scope).header(List.of(texts.text("export.column.code"),
                            texts.text("report.column.sourceGroup"), texts.text("report.stats.accepted"),
                            texts.text("report.stats.resolved"), texts.text("export.column.ratePercent")));
            for (TallyRow row : table.bySourceGroup().rows()) {
                bySource.row(sourceValues(row.code(), row.name(chinese), row.counts()));
            }
            TallyRow sourceTotal = table.bySourceGroup().total();
            bySource.total(sourceValues(TallyRow.TOTAL_CODE, texts.text("report.total"), sourceTotal.counts()));
            bySource.finish();

            SheetWriter organization = new SheetWriter(workbook, styles, texts.text("export.sheet.organization"), 5)
                    .titleBlock(title, scope).header(List.of(texts.text("report.stats.committeeKind"),
                            texts.text("report.stats.committees"), texts.text("report.stats.fullTime"),
                            texts.text("report.stats.partTime"), texts.text("report.stats.mediators")));
            for (StatisticsTable.OrganizationRow row : table.organization()) {
                organization.row(organizationValues(texts.committeeKind(row.kind()), row));
            }
            organization.total(organizationValues(texts.text("report.total"), table.organizationTotal()));
            organization.finish();
        });
    }

    private static Object figureValue(StatisticsTable.MainFigure figure, BigDecimal value) {
        return switch (figure) {
            case SUCCESS_RATE -> new Rate(value);
            case AMOUNT -> new Money(value);
            default -> value.longValueExact();
        };
    }

    private static List<Object> organizationValues(String name, StatisticsTable.OrganizationRow row) {
        return List.of(name, row.committees(), row.fullTimeMediators(), row.partTimeMediators(),
                row.fullTimeMediators() + row.partTimeMediators());
    }

    /**
     * Any summary: XLSX with its title block, or for a {@code .csv} file the summary CSV of DESIGN §6
     * exactly as the {@code summary} command writes it.
     */
    public void writeSummary(SummaryReport report, Path file) {
        if (requireFormat(file) == Format.CSV) {
            OutputFiles.writeAtomically(file,
                    out -> out.write(SummaryCsv.format(report.result()).getBytes(StandardCharsets.UTF_8)));
            return;
        }
        writeWorkbook(file, workbook -> {
            SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
            String grouping = texts.text("cli.grouping." + report.result().query().by().cliName());
            List<String> scope = new ArrayList<>();
            scope.add(texts.text("report.scope.jurisdiction", report.scope().jurisdiction()));
            if (report.communityName() != null) {
                scope.add(texts.text("report.scope.community", report.communityName()));
            }
            if (report.committeeName() != null) {
                scope.add(texts.text("report.scope.committee", report.committeeName()));
            }
            scope.addAll(scopeLines(report.scope()).subList(1, 3));
            tallySheet(workbook, styles, grouping, texts.text("report.summary.title", report.scope().jurisdiction(),
                    grouping), scope, grouping, report.result());
        });
    }

    // ---- the ledger ----

    /**
     * The ledger rows {@code query} selects (every lead a summary with the same filters counts, and the
     * duplicates), streamed from the database into an XLSX or CSV file: parties by name only.
     *
     * @return how many rows were written
     */
    public long writeLedger(ReportService reports, TallyQuery query, Path file) {
        return writeLedger(reports, query, row -> true, file);
    }

    /**
     * The ledger rows {@code query} selects that {@code keep} accepts — e.g. exactly the leads a
     * ledger screen's filters found — into an XLSX or CSV file.
     *
     * @return how many rows were written
     */
    public long writeLedger(ReportService reports, TallyQuery query, java.util.function.Predicate<LedgerExportRow> keep,
                            Path file) {
        Format format = requireFormat(file);
        ReportScope scope = reports.scope(query);
        long[] count = {0};
        List<String> headers = ledgerHeaders();
        if (format == Format.CSV) {
            OutputFiles.writeAtomically(file, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write(BOM);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
                printer.printRecord(headers.stream().map(SpreadsheetExporter::csvCell).toList());
                reports.ledgerRows(query, row -> {
                    if (!keep.test(row)) {
                        return;
                    }
                    try {
                        printer.printRecord(ledgerValues(row).stream().map(SpreadsheetExporter::csvCell).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
                printer.flush();
            });
            return count[0];
        }
        OutputFiles.writeAtomically(file, out -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
            try {
                SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
                SheetWriter sheet = new SheetWriter(workbook, styles, texts.text("export.sheet.ledger"), headers.size())
                        .titleBlock(texts.text("export.ledger.title", scope.jurisdiction()), ledgerScope(scope))
                        .header(headers);
                reports.ledgerRows(query, row -> {
                    if (!keep.test(row)) {
                        return;
                    }
                    sheet.row(ledgerValues(row));
                    count[0]++;
                });
                sheet.finish();
                workbook.write(out);
            } finally {
                workbook.close();
            }
        });
        return count[0];
    }

    private List<String> ledgerScope(ReportScope scope) {
        List<String> lines = new ArrayList<>(scopeLines(scope));
        lines.add(texts.text("export.ledger.note"));
        return lines;
    }

    /** A value as CSV text; text that a spreadsheet would run as a formula gets a quote in front. */
    private static String csvCell(Object value) {
        return switch (value) {
            case null -> "";
            case String text -> CellNeutralizer.neutralize(text);
            default -> value.toString();
        };
    }

    private List<String> ledgerHeaders() {
        return List.of(texts.text("export.column.caseNumber"), texts.text("export.column.leadNo"),
                texts.text("export.column.foundOn"), texts.text("export.column.verifiedOn"),
                texts.text("export.column.acceptedOn"), texts.text("export.column.dueOn"),
                texts.text("export.column.closedOn"), texts.text("export.column.committee"),
                texts.text("export.column.community"), texts.text("export.column.type"),
                texts.text("export.column.source"), texts.text("export.column.risk"),
                texts.text("export.column.criminalRisk"), texts.text("export.column.groupRisk"),
                texts.text("export.column.state"), texts.text("export.column.overdue"),
                texts.text("export.column.outcome"), texts.text("export.column.parties"),
                // what `import` needs besides (DESIGN §8), so that an exported ledger imports unchanged
                texts.text("export.column.summary"), texts.text("export.column.grid"),
                texts.text("export.column.people"), texts.text("export.column.amount"),
                texts.text("export.column.verification"), texts.text("export.column.agreementForm"),
                texts.text("export.column.duplicateOf"), texts.text("export.column.transferredTo"),
                texts.text("export.column.declinedOn"), texts.text("export.column.declinedBy"));
    }

    private List<Object> ledgerValues(LedgerExportRow row) {
        List<Object> values = new ArrayList<>();
        values.add(row.caseNumber());
        values.add(row.leadNo());
        values.add(row.foundOn());
        values.add(row.verifiedOn());
        values.add(row.acceptedOn());
        values.add(row.dueOn());
        values.add(row.closedOn());
        values.add(row.committeeName());
        values.add(row.communityName());
        values.add(row.typeLabel(chinese));
        values.add(row.sourceLabel(chinese));
        values.add(texts.risk(row.risk()));
        values.add(yesNo(row.criminalRisk()));
        values.add(yesNo(row.groupRisk()));
        values.add(texts.state(row.state()));
        values.add(yesNo(row.overdue()));
        values.add(row.outcome() == null ? null : texts.outcome(row.outcome()));
        values.add(row.partyNames());
        LedgerExportRow.ImportColumns more = row.forImport();
        values.add(more.summary());
        values.add(more.grid());
        values.add(more.people());
        values.add(more.amount() == null ? null : more.amount().toPlainString());
        values.add(more.verification() == null ? null : texts.verification(more.verification()));
        values.add(more.agreementForm() == null ? null : texts.text(more.agreementForm() == cn.mediationdesk.model.AgreementForm.WRITTEN
                ? "report.stats.written" : "report.stats.oral"));
        values.add(more.duplicateOfLeadNo());
        values.add(more.transferredTo());
        values.add(more.declinedOn());
        values.add(more.declinedBy());
        return values;
    }

    private String yesNo(boolean value) {
        return texts.text(value ? "export.yes" : "export.no");
    }

    // ---- parts ----

    private List<String> scopeLines(ReportScope scope) {
        return List.of(texts.text("report.scope.jurisdiction", scope.jurisdiction()),
                texts.text("report.scope.period", texts.period(scope.from(), scope.to())),
                texts.text("report.scope.asOf", texts.date(scope.asOf())),
                texts.text("report.printedOn", scope.printedOn()));
    }

    private void tallySheet(Workbook workbook, SheetWriter.Styles styles, String name, String title, List<String> scope,
                            String nameHeader, TallyResult result) {
        SheetWriter sheet = new SheetWriter(workbook, styles, name, TALLY_COLUMNS).titleBlock(title, scope)
                .header(tallyHeaders(nameHeader));
        for (TallyRow row : result.rows()) {
            sheet.row(tallyValues(row.code(), row.name(chinese), row.counts()));
        }
        sheet.total(tallyValues(TallyRow.TOTAL_CODE, texts.text("report.total"), result.total().counts()));
        sheet.note(texts.text("report.note.tally"));
        sheet.finish();
    }

    private List<String> tallyHeaders(String nameHeader) {
        return List.of(texts.text("export.column.code"), nameHeader, texts.text("report.column.leads"),
                texts.text("report.column.pending"), texts.text("report.column.unfounded"),
                texts.text("report.column.duplicate"), texts.text("report.column.transferred"),
                texts.text("report.column.declined"), texts.text("report.column.accepted"), texts.text("report.column.mediating"),
                texts.text("report.column.resolved"), texts.text("report.column.failed"),
                texts.text("report.column.terminated"), texts.text("report.column.overdue"),
                texts.text("export.column.ratePercent"));
    }

    private static List<Object> tallyValues(String code, String name, TallyCounts c) {
        return List.of(code, name, c.leads(), c.pending(), c.unfounded(), c.duplicate(), c.transferred(),
                c.declined(), c.accepted(), c.mediating(), c.resolved(), c.failed(), c.terminated(), c.overdue(),
                new Rate(c.resolutionRate()));
    }

    private static List<Object> statisticsValues(String code, String name, TallyCounts c, StatisticsCounts f) {
        return List.of(code, name, c.accepted(), c.resolved(), new Rate(c.resolutionRate()), f.written(), f.oral(),
                new Money(f.amountInTenThousandYuan()), f.performed(), f.judicialApplied(), f.judicialConfirmed());
    }

    private static List<Object> sourceValues(String code, String name, TallyCounts c) {
        return List.of(code, name, c.accepted(), c.resolved(), new Rate(c.resolutionRate()));
    }

    private void listedSheet(Workbook workbook, SheetWriter.Styles styles, String name, String title,
                             List<String> scope, List<ListedLead> leads) {
        SheetWriter sheet = new SheetWriter(workbook, styles, name, 8).titleBlock(title, scope)
                .header(List.of(texts.text("report.column.index"), texts.text("export.column.caseNumber"),
                        texts.text("export.column.leadNo"), texts.text("export.column.type"),
                        texts.text("export.column.risk"), texts.text("export.column.foundOn"),
                        texts.text("export.column.dueOn"), texts.text("export.column.state")));
        int n = 1;
        for (ListedLead lead : leads) {
            List<Object> values = new ArrayList<>();
            values.add(n++);
            values.add(lead.caseNumber());
            values.add(lead.leadNo());
            values.add(lead.typeLabel(chinese));
            values.add(texts.risk(lead.risk()));
            values.add(lead.foundOn());
            values.add(lead.dueOn());
            values.add(texts.state(lead.state()));
            sheet.row(values);
        }
        sheet.finish();
    }

    private Format requireFormat(Path file) {
        Format format = Format.of(file);
        if (format == null) {
            throw new IllegalArgumentException("not a .xlsx or .csv file: " + file);
        }
        return format;
    }

    @FunctionalInterface
    private interface WorkbookContent {
        void fill(Workbook workbook) throws IOException;
    }

    private void writeWorkbook(Path file, WorkbookContent content) {
        OutputFiles.writeAtomically(file, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                content.fill(workbook);
                workbook.write(out);
            }
        });
    }
}
