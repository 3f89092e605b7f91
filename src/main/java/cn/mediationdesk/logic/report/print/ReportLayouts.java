package cn.mediationdesk.logic.report.print;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.CommunityPage;
import cn.mediationdesk.logic.report.DistrictSummary;
import cn.mediationdesk.logic.report.ListedLead;
import cn.mediationdesk.logic.report.ReportScope;
import cn.mediationdesk.logic.report.StatisticsTable;
import cn.mediationdesk.logic.report.SummaryReport;
import cn.mediationdesk.logic.report.print.PrintBlock.Cell;
import cn.mediationdesk.logic.report.print.PrintBlock.Column;
import cn.mediationdesk.logic.report.print.PrintBlock.HeaderCell;
import cn.mediationdesk.logic.report.print.PrintBlock.Heading;
import cn.mediationdesk.logic.report.print.PrintBlock.Paragraph;
import cn.mediationdesk.logic.report.print.PrintBlock.Row;
import cn.mediationdesk.logic.report.print.PrintBlock.Signatures;
import cn.mediationdesk.logic.report.print.PrintBlock.Table;
import cn.mediationdesk.logic.report.print.PrintDocument.Orientation;
import cn.mediationdesk.logic.report.print.PrintDocument.Style;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.Prevented;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.StatisticsRow;
import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.PreventionKind;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays the reports out for printing: the district summary, a community's page, the statistics table
 * and any summary. Every figure is the engine's as it comes in the report record; nothing is added up
 * here. Tables as wide as the summary's columns go on landscape pages.
 */
public final class ReportLayouts {
    /** The count columns of a tally table whose headings are two characters wide. */
    private static final Set<String> NARROW_COUNTS = Set.of("leads", "duplicate", "transferred", "accepted");

    private final ReportTexts texts;
    private final boolean chinese;

    public ReportLayouts(Localization l10n) {
        this.texts = new ReportTexts(l10n);
        this.chinese = l10n.isChinese();
    }

    /** The district summary, the table by committee first. */
    public PrintDocument districtSummary(DistrictSummary report) {
        return districtSummary(report, Grouping.COMMITTEE);
    }

    /**
     * The district summary: a table by committee and one by community, each with its total.
     *
     * @param first {@link Grouping#COMMUNITY} to put the table by community first; else the one by committee
     */
    public PrintDocument districtSummary(DistrictSummary report, Grouping first) {
        List<PrintBlock> blocks = new ArrayList<>();
        Table byCommittee = tallyTable(texts.text("report.column.committee"), report.byCommittee().rows(),
                report.byCommittee().total());
        Table byCommunity = tallyTable(texts.text("report.column.community"), report.byCommunity().rows(),
                report.byCommunity().total());
        boolean communityFirst = first == Grouping.COMMUNITY;
        blocks.add(new Heading(texts.text("report.section.first", texts.text(communityFirst
                ? "report.district.byCommunity" : "report.district.byCommittee"))));
        blocks.add(communityFirst ? byCommunity : byCommittee);
        blocks.add(new Heading(texts.text("report.section.second", texts.text(communityFirst
                ? "report.district.byCommittee" : "report.district.byCommunity"))));
        blocks.add(communityFirst ? byCommittee : byCommunity);
        blocks.add(note(texts.text("report.note.tally")));
        blocks.add(signatures());
        return document(texts.text("report.district.title", report.scope().jurisdiction()), report.scope(),
                Orientation.LANDSCAPE, blocks);
    }

    public PrintDocument communityPage(CommunityPage page) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Heading(texts.text("report.community.overall")));
        TallyRow counts = new TallyRow(page.community().code(), page.community().name(), page.community().name(),
                page.counts().counts());
        blocks.add(tallyTable(texts.text("report.column.community"), List.of(counts), null));
        blocks.add(new Heading(texts.text("report.community.byType")));
        blocks.add(tallyTable(texts.text("report.column.type"), page.byType().rows(), page.byType().total()));
        blocks.add(new Heading(texts.text("report.community.bySourceGroup")));
        blocks.add(tallyTable(texts.text("report.column.sourceGroup"), page.bySourceGroup().rows(),
                page.bySourceGroup().total()));
        blocks.add(new Heading(texts.text("report.community.overdue", page.overdue().size())));
        blocks.add(page.overdue().isEmpty() ? Paragraph.of(texts.text("report.community.none"))
                : overdueTable(page));
        blocks.add(new Heading(texts.text("report.community.highRisk", page.highRisk().size())));
        blocks.add(page.highRisk().isEmpty() ? Paragraph.of(texts.text("report.community.none"))
                : highRiskTable(page));
        blocks.add(note(texts.text("report.note.tally") + "\n" + texts.text("report.note.noPersonalData")));
        blocks.add(signatures());
        List<String> scope = new ArrayList<>();
        scope.add(texts.text("report.scope.jurisdiction", page.scope().jurisdiction()));
        scope.addAll(periodLines(page.scope()));
        return new PrintDocument(Style.REPORT, Orientation.LANDSCAPE,
                texts.text("report.community.title", page.community().name()), scope, blocks,
                page.scope().printedOn(), true);
    }

    /**
     * The statistics table: the main figures with 本期, 本年累计 and 同比; the cases by dispute type; the
     * 防止 categories; the cases by source; the committees and mediators. Money in 万元.
     */
    public PrintDocument statisticsTable(StatisticsTable table) {
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(new Heading(texts.text("report.stats.main")));
        blocks.add(mainFiguresTable(table));
        blocks.add(new Heading(texts.text("report.stats.prevented")));
        blocks.add(preventedTable(table));
        blocks.add(new Heading(texts.text("report.stats.byType")));
        blocks.add(byTypeTable(table));
        blocks.add(new Heading(texts.text("report.stats.bySource")));
        List<Row> sources = new ArrayList<>();
        for (TallyRow row : table.bySourceGroup().rows()) {
            sources.add(sourceRow(row, false));
        }
        sources.add(sourceRow(table.bySourceGroup().total(), true));
        blocks.add(new Table(List.of(Column.text(2.1f), Column.number(1.6f), Column.number(1.6f),
                Column.number(1.6f), Column.text(8.1f)),
                List.of(List.of(HeaderCell.of(texts.text("report.column.sourceGroup")),
                        HeaderCell.of(texts.text("report.stats.accepted")),
                        HeaderCell.of(texts.text("report.stats.resolved")),
                        HeaderCell.of(texts.text("report.column.rate")),
                        HeaderCell.of(texts.text("report.stats.sourceMeaning")))),
                sources));
        blocks.add(new Heading(texts.text("report.stats.organization")));
        blocks.add(organizationTable(table));
        blocks.add(note(statisticsNote(texts, table)));
        blocks.add(signatures());
        return new PrintDocument(Style.REPORT, Orientation.LANDSCAPE, texts.text("report.stats.title"),
                statisticsScope(texts, table), blocks, table.scope().printedOn(), true);
    }

    /**
     * The scope lines of the statistics table: its period is on the basis chosen, not always on the
     * found day as the summaries' lines say. Shared with the workbook.
     */
    public static List<String> statisticsScope(ReportTexts texts, StatisticsTable table) {
        ReportScope scope = table.scope();
        return List.of(texts.text("report.scope.jurisdiction", scope.jurisdiction()),
                texts.text("report.stats.period", texts.period(scope.from(), scope.to())),
                texts.text("report.scope.asOf", texts.date(scope.asOf())),
                texts.text(table.basis() == PeriodBasis.ACCEPTED ? "report.stats.basis.accepted"
                        : "report.stats.basis.found"));
    }

    /** The statistics table's notes: its basis, then what each figure means. Shared with the workbook. */
    public static String statisticsNote(ReportTexts texts, StatisticsTable table) {
        return texts.text(table.basis() == PeriodBasis.ACCEPTED ? "report.note.stats.accepted"
                : "report.note.stats.found") + "\n" + texts.text("report.note.stats",
                texts.period(table.yearToDate().from(), table.yearToDate().to()),
                texts.period(table.yearEarlier().from(), table.yearEarlier().to()),
                texts.date(table.yearEarlier().asOf()));
    }

    private Table mainFiguresTable(StatisticsTable table) {
        List<Row> rows = new ArrayList<>();
        for (StatisticsTable.MainFigureRow row : table.mainFigures()) {
            rows.add(Row.of(List.of(Cell.of(texts.statisticsFigure(row.figure())), Cell.of(figure(row.figure(), row.period())),
                    Cell.of(figure(row.figure(), row.yearToDate())), Cell.of(figure(row.figure(), row.yearEarlier())),
                    Cell.of(change(row.change())))));
        }
        return new Table(List.of(Column.text(5f), Column.number(2f), Column.number(2f), Column.number(2f),
                Column.number(2f)),
                List.of(List.of(HeaderCell.of(texts.text("report.stats.figure")),
                        HeaderCell.of(texts.text("report.stats.thisPeriod")),
                        HeaderCell.of(texts.text("report.stats.yearToDate")),
                        HeaderCell.of(texts.text("report.stats.yearEarlier")),
                        HeaderCell.of(texts.text("report.stats.change")))),
                rows);
    }

    private static String figure(StatisticsTable.MainFigure figure, BigDecimal value) {
        if (value == null) {
            return ReportTexts.NO_RATE;
        }
        return figure == StatisticsTable.MainFigure.AMOUNT ? ReportTexts.amount(value) : value.toPlainString();
    }

    /** A change with its sign (+12.5, −3.0), or a dash where there is none. */
    private static String change(BigDecimal value) {
        if (value == null) {
            return ReportTexts.NO_RATE;
        }
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private Table byTypeTable(StatisticsTable table) {
        Map<String, StatisticsCounts> figures = new HashMap<>();
        for (StatisticsRow row : table.figures().rows()) {
            figures.put(row.code(), row.counts());
        }
        List<Column> columns = new ArrayList<>();
        // Each count column holds 调解成功 on one line; the amount holds 9,999.99 (万元).
        columns.add(Column.text(2f));
        // 受理（件）, 调解成功（件）, 调解成功率, 书面, 口头, 金额, 协议履行（件）, 申请, 确认
        for (float weight : new float[] {1.3f, 1.7f, 1.4f, 1f, 1f, 1.6f, 1.7f, 1f, 1f}) {
            columns.add(Column.number(weight));
        }
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell(texts.text("report.column.type"), 1, 2),
                        new HeaderCell(texts.text("report.stats.accepted"), 1, 2),
                        new HeaderCell(texts.text("report.stats.resolved"), 1, 2),
                        new HeaderCell(texts.text("report.column.rate"), 1, 2),
                        new HeaderCell(texts.text("report.stats.agreements"), 3, 1),
                        new HeaderCell(texts.text("report.stats.performed"), 1, 2),
                        new HeaderCell(texts.text("report.stats.judicial"), 2, 1)),
                List.of(HeaderCell.of(texts.text("report.stats.written")),
                        HeaderCell.of(texts.text("report.stats.oral")),
                        HeaderCell.of(texts.text("report.stats.amount")),
                        HeaderCell.of(texts.text("report.stats.applied")),
                        HeaderCell.of(texts.text("report.stats.confirmed"))));
        List<Row> rows = new ArrayList<>();
        for (TallyRow row : table.byType().rows()) {
            rows.add(statisticsRow(row, figures.getOrDefault(row.code(), StatisticsCounts.ZERO), false));
        }
        rows.add(statisticsRow(table.byType().total(), table.figures().total().counts(), true));
        return new Table(columns, header, rows);
    }

    private Table preventedTable(StatisticsTable table) {
        StatisticsCounts total = table.figures().total().counts();
        List<Row> rows = new ArrayList<>();
        for (PreventionKind kind : PreventionKind.values()) {
            Prevented prevented = total.prevented(kind);
            rows.add(Row.of(List.of(Cell.of(texts.prevention(kind)), number(prevented.cases()),
                    number(prevented.persons()))));
        }
        return new Table(List.of(Column.text(6f), Column.number(2f), Column.number(2f)),
                List.of(List.of(HeaderCell.of(texts.text("report.stats.preventedKind")),
                        HeaderCell.of(texts.text("report.stats.cases")),
                        HeaderCell.of(texts.text("report.stats.persons")))),
                rows);
    }

    private Table organizationTable(StatisticsTable table) {
        List<Row> rows = new ArrayList<>();
        for (StatisticsTable.OrganizationRow row : table.organization()) {
            rows.add(organizationRow(row, false));
        }
        rows.add(organizationRow(table.organizationTotal(), true));
        return new Table(List.of(Column.text(4f), Column.number(2f), Column.number(2f), Column.number(2f),
                Column.number(2f)),
                List.of(List.of(HeaderCell.of(texts.text("report.stats.committeeKind")),
                        HeaderCell.of(texts.text("report.stats.committees")),
                        HeaderCell.of(texts.text("report.stats.fullTime")),
                        HeaderCell.of(texts.text("report.stats.partTime")),
                        HeaderCell.of(texts.text("report.stats.mediators")))),
                rows);
    }

    private Row organizationRow(StatisticsTable.OrganizationRow row, boolean total) {
        String name = total ? texts.text("report.total") : texts.committeeKind(row.kind());
        return new Row(List.of(Cell.of(name), number(row.committees()), number(row.fullTimeMediators()),
                number(row.partTimeMediators()), number(row.fullTimeMediators() + row.partTimeMediators())), total, 0);
    }

    /** Any summary, one row per group and the total, as the summary screen shows it. */
    public PrintDocument summary(SummaryReport report) {
        String grouping = texts.text("cli.grouping." + report.result().query().by().cliName());
        List<PrintBlock> blocks = new ArrayList<>();
        blocks.add(tallyTable(grouping, report.result().rows(), report.result().total()));
        blocks.add(note(texts.text("report.note.tally")));
        blocks.add(signatures());
        List<String> scope = new ArrayList<>();
        scope.add(texts.text("report.scope.jurisdiction", report.scope().jurisdiction()));
        if (report.communityName() != null) {
            scope.add(texts.text("report.scope.community", report.communityName()));
        }
        if (report.committeeName() != null) {
            scope.add(texts.text("report.scope.committee", report.committeeName()));
        }
        scope.addAll(periodLines(report.scope()));
        return new PrintDocument(Style.REPORT, Orientation.LANDSCAPE,
                texts.text("report.summary.title", report.scope().jurisdiction(), grouping), scope, blocks,
                report.scope().printedOn(), true);
    }

    // ---- parts ----

    private PrintDocument document(String title, ReportScope scope, Orientation orientation, List<PrintBlock> blocks) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.text("report.scope.jurisdiction", scope.jurisdiction()));
        lines.addAll(periodLines(scope));
        return new PrintDocument(Style.REPORT, orientation, title, lines, blocks, scope.printedOn(), true);
    }

    private List<String> periodLines(ReportScope scope) {
        return List.of(texts.text("report.scope.period", texts.period(scope.from(), scope.to())),
                texts.text("report.scope.asOf", texts.date(scope.asOf())));
    }

    private Paragraph note(String text) {
        return new Paragraph(text, false, PrintBlock.Align.LEFT);
    }

    private Signatures signatures() {
        return new Signatures(List.of(texts.text("report.sign.preparedBy"), texts.text("report.sign.reviewedBy"),
                texts.text("report.sign.date")), true, null, null);
    }

    /** The columns of DESIGN §5 under a two-level header: not accepted (待处理 … 拒绝调解), accepted (受理 … 逾期). */
    private Table tallyTable(String nameHeader, List<TallyRow> rows, TallyRow total) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(2.9f));
        for (String count : SummaryColumns.COUNTS) {
            // Two-character headings (线索, 重复, 移交, 受理) take less room, so that the four-character
            // ones (拒绝调解, 调解成功 …) still fit on one line of a landscape page.
            columns.add(Column.number(NARROW_COUNTS.contains(count) ? 0.75f : 1));
        }
        // 调解成功率 on one line
        columns.add(Column.number(1.5f));
        List<List<HeaderCell>> header = List.of(
                List.of(new HeaderCell(nameHeader, 1, 2), new HeaderCell(texts.text("report.column.leads"), 1, 2),
                        new HeaderCell(texts.text("report.column.notAccepted"), 5, 1),
                        new HeaderCell(texts.text("report.column.acceptedGroup"), 6, 1),
                        new HeaderCell(texts.text("report.column.rate"), 1, 2)),
                List.of(HeaderCell.of(texts.text("report.column.pending")),
                        HeaderCell.of(texts.text("report.column.unfounded")),
                        HeaderCell.of(texts.text("report.column.duplicate")),
                        HeaderCell.of(texts.text("report.column.transferred")),
                        HeaderCell.of(texts.text("report.column.declined")),
                        HeaderCell.of(texts.text("report.column.accepted")),
                        HeaderCell.of(texts.text("report.column.mediating")),
                        HeaderCell.of(texts.text("report.column.resolved")),
                        HeaderCell.of(texts.text("report.column.failed")),
                        HeaderCell.of(texts.text("report.column.terminated")),
                        HeaderCell.of(texts.text("report.column.overdue"))));
        List<Row> body = new ArrayList<>();
        for (TallyRow row : rows) {
            body.add(tallyRow(row.name(chinese), row.counts(), false));
        }
        if (total != null) {
            body.add(tallyRow(texts.text("report.total"), total.counts(), true));
        }
        return new Table(columns, header, body);
    }

    private static Row tallyRow(String name, TallyCounts counts, boolean total) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.of(name));
        for (long value : SummaryColumns.values(counts)) {
            cells.add(Cell.of(Long.toString(value)));
        }
        cells.add(Cell.of(ReportTexts.rate(counts.resolutionRate())));
        return new Row(cells, total, 0);
    }

    private Row statisticsRow(TallyRow tally, StatisticsCounts figures, boolean total) {
        TallyCounts counts = tally.counts();
        List<Cell> cells = List.of(Cell.of(total ? texts.text("report.total") : tally.name(chinese)),
                number(counts.accepted()), number(counts.resolved()),
                Cell.of(ReportTexts.rate(counts.resolutionRate())),
                number(figures.written()), number(figures.oral()),
                Cell.of(ReportTexts.amount(figures.amountInTenThousandYuan())), number(figures.performed()), number(figures.judicialApplied()), number(figures.judicialConfirmed()));
        return new Row(cells, total, 0);
    }

    private Row sourceRow(TallyRow row, boolean total) {
        String meaning = switch (row.code()) {
            case "ACTIVE" -> texts.text("report.stats.source.active");
            case "APPLICATION" -> texts.text("report.stats.source.application");
            case "REFERRAL" -> texts.text("report.stats.source.referral");
            default -> "";
        };
        return new Row(List.of(Cell.of(total ? texts.text("report.total") : row.name(chinese)),
                number(row.counts().accepted()), number(row.counts().resolved()),
                Cell.of(ReportTexts.rate(row.counts().resolutionRate())), Cell.of(meaning)), total, 0);
    }

    private static Cell number(long value) {
        return Cell.of(Long.toString(value));
    }

    private Table overdueTable(CommunityPage page) {
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (ListedLead lead : page.overdue()) {
            long days = lead.dueOn() == null ? 0 : ChronoUnit.DAYS.between(lead.dueOn(), page.scope().asOf());
            rows.add(Row.of(List.of(Cell.of(Integer.toString(n++)), Cell.of(number(lead)),
                    Cell.of(lead.typeLabel(chinese)), Cell.of(texts.risk(lead.risk())), Cell.of(texts.date(lead.dueOn())),
                    Cell.of(Long.toString(days)))));
        }
        return new Table(List.of(Column.centered(0.7f), Column.text(4), Column.text(2.4f), Column.centered(1.2f),
                Column.centered(2.2f), Column.number(1.4f)),
                List.of(List.of(HeaderCell.of(texts.text("report.column.index")),
                        HeaderCell.of(texts.text("report.column.caseNumber")),
                        HeaderCell.of(texts.text("report.column.type")),
                        HeaderCell.of(texts.text("report.column.risk")),
                        HeaderCell.of(texts.text("report.column.dueOn")),
                        HeaderCell.of(texts.text("report.column.daysOverdue")))),
                rows);
    }

    private Table highRiskTable(CommunityPage page) {
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (ListedLead lead : page.highRisk()) {
            String state = texts.state(lead.state());
            if (lead.overdue() && lead.state() == LeadState.MEDIATING) {
                state = texts.text("report.state.mediatingOverdue");
            }
            rows.add(Row.of(List.of(Cell.of(Integer.toString(n++)), Cell.of(number(lead)),
                    Cell.of(lead.typeLabel(chinese)), Cell.of(texts.risk(lead.risk())), Cell.of(texts.date(lead.foundOn())),
                    Cell.of(state))));
        }
        return new Table(List.of(Column.centered(0.7f), Column.text(4), Column.text(2.4f), Column.centered(1.2f),
                Column.centered(2.2f), Column.centered(1.4f)),
                List.of(List.of(HeaderCell.of(texts.text("report.column.index")),
                        HeaderCell.of(texts.text("report.column.caseOrLeadNumber")),
                        HeaderCell.of(texts.text("report.column.type")),
                        HeaderCell.of(texts.text("report.column.risk")),
                        HeaderCell.of(texts.text("report.column.foundOn")),
                        HeaderCell.of(texts.text("report.column.stateAsOf")))),
                rows);
    }

    /** The case number, or before acceptance the lead number marked as such. */
    private String number(ListedLead lead) {
        if (lead.caseNumber() != null) {
            return lead.caseNumber();
        }
        return lead.leadNo() == null ? "" : texts.text("report.leadNo", lead.leadNo());
    }
}
