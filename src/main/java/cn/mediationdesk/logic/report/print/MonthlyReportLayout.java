package cn.mediationdesk.logic.report.print;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.monthly.MonthLead;
import cn.mediationdesk.logic.monthly.MonthlyFigures;
import cn.mediationdesk.logic.monthly.MonthlyReport;
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
import cn.mediationdesk.logic.tally.TallyCounts;

import java.util.ArrayList;
import java.util.List;

/**
 * A committee's monthly report laid out for printing (A4 portrait): the month's figures, the zero
 * report's sentence when nothing was found, the list of the month's leads (no personal data) and the
 * signature. A draft says plainly that it is not signed (未签发). The workbook uses the same texts.
 */
public final class MonthlyReportLayout {
    private final ReportTexts texts;
    private final boolean chinese;

    public MonthlyReportLayout(Localization l10n) {
        this.texts = new ReportTexts(l10n);
        this.chinese = l10n.isChinese();
    }

    /** One figure as the report names it. */
    public record Figure(String label, long value) {
    }

    public PrintDocument document(MonthlyReport report) {
        List<PrintBlock> blocks = new ArrayList<>();
        if (report.zeroReport()) {
            blocks.add(new Paragraph(zeroReportText(), true, PrintBlock.Align.LEFT));
        }
        blocks.add(new Heading(texts.text("report.monthly.figures")));
        List<Row> rows = new ArrayList<>();
        for (Figure figure : figures(report.figures())) {
            rows.add(Row.of(List.of(Cell.of(figure.label()), Cell.of(Long.toString(figure.value())))));
        }
        rows.add(Row.of(List.of(Cell.of(texts.text("report.column.rate")),
                Cell.of(ReportTexts.rate(report.figures().counts().resolutionRate())))));
        blocks.add(new Table(List.of(Column.text(6f), Column.number(2f)),
                List.of(List.of(HeaderCell.of(texts.text("report.monthly.figure")),
                        HeaderCell.of(texts.text("report.monthly.value")))), rows));
        if (report.changedSince()) {
            blocks.add(Paragraph.of(changedText(report)));
        }
        blocks.add(new Heading(texts.text("report.monthly.leads", report.leads().size())));
        if (report.leads().isEmpty()) {
            blocks.add(Paragraph.of(texts.text("report.community.none")));
        } else {
            List<Row> leadRows = new ArrayList<>();
            int index = 1;
            for (MonthLead lead : report.leads()) {
                leadRows.add(Row.of(List.of(Cell.of(Integer.toString(index++)), Cell.of(lead.number()),
                        Cell.of(texts.date(lead.foundOn())), Cell.of(lead.type(chinese)), Cell.of(lead.summary()),
                        Cell.of(texts.state(lead.state())))));
            }
            blocks.add(new Table(List.of(Column.centered(0.8f), Column.text(3.6f), Column.text(2.4f),
                    Column.text(2.2f), Column.text(4.6f), Column.text(2.4f)),
                    List.of(leadHeaders().stream().map(HeaderCell::of).toList()), leadRows));
        }
        blocks.add(new Paragraph(texts.text("report.note.tally") + "\n" + texts.text("report.monthly.noPersonalData"),
                false, PrintBlock.Align.LEFT));
        if (report.isSigned()) {
            blocks.add(Paragraph.of(signedText(report)));
        } else {
            blocks.add(new Signatures(List.of(texts.text("report.monthly.signer"), texts.text("report.sign.date")),
                    true, null, null));
        }
        return new PrintDocument(Style.REPORT, Orientation.PORTRAIT, title(report), scopeLines(report), blocks,
                report.printedOn(), true);
    }

    public String title(MonthlyReport report) {
        return texts.text("report.monthly.title", report.committee().name(), monthText(report));
    }

    /**
     * The reporting committee (the 填报单位 of a committee's report is the committee, not the
     * jurisdiction), month, as-of day, and whether it is signed (by whom and when) or a draft (未签发).
     */
    public List<String> scopeLines(MonthlyReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.text("report.monthly.unit", report.committee().name(), report.jurisdiction()));
        lines.add(texts.text("report.monthly.month", monthText(report)));
        lines.add(texts.text("report.scope.asOf", texts.date(report.asOf())));
        lines.add(report.isSigned() ? signedText(report)
                : texts.text("report.monthly.draft", texts.date(report.dueOn())));
        return lines;
    }

    public String zeroReportText() {
        return texts.text("report.monthly.zero");
    }

    public String signedText(MonthlyReport report) {
        String signed = texts.text("report.monthly.signed", report.signed().signerName(),
                texts.date(report.signed().signedOn()));
        String note = report.signed().note();
        return note == null ? signed : signed + " " + texts.text("report.monthly.signedNote", note);
    }

    public String changedText(MonthlyReport report) {
        return texts.text("report.monthly.changed", texts.date(report.signed().signedOn()));
    }

    /** The figures in the order the report lists them: the register's, then the tally's. */
    public List<Figure> figures(MonthlyFigures figures) {
        TallyCounts c = figures.counts();
        return List.of(new Figure(texts.text("report.monthly.screenings"), figures.screenings()),
                new Figure(texts.text("report.monthly.screeningLeads"), figures.screeningLeads()),
                new Figure(texts.text("report.column.leads"), c.leads()),
                new Figure(texts.text("report.column.pending"), c.pending()),
                new Figure(texts.text("report.column.unfounded"), c.unfounded()),
                new Figure(texts.text("report.column.duplicate"), c.duplicate()),
                new Figure(texts.text("report.column.transferred"), c.transferred()),
                new Figure(texts.text("report.column.declined"), c.declined()),
                new Figure(texts.text("report.column.accepted"), c.accepted()),
                new Figure(texts.text("report.column.mediating"), c.mediating()),
                new Figure(texts.text("report.column.resolved"), c.resolved()),
                new Figure(texts.text("report.column.failed"), c.failed()),
                new Figure(texts.text("report.column.terminated"), c.terminated()),
                new Figure(texts.text("report.column.overdue"), c.overdue()));
    }

    public List<String> leadHeaders() {
        return List.of(texts.text("report.column.index"), texts.text("report.column.caseOrLeadNumber"),
                texts.text("report.column.foundOn"), texts.text("report.column.type"),
                texts.text("report.monthly.summary"), texts.text("report.column.stateAsOf"));
    }

    public String state(MonthLead lead) {
        return texts.state(lead.state());
    }

    public String date(java.time.LocalDate day) {
        return texts.date(day);
    }

    private String monthText(MonthlyReport report) {
        return month(report.month());
    }

    /** A month as the report names it: 2022年3月, or March 2022. */
    public String month(java.time.YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern(texts.text("report.monthly.monthPattern"),
                texts.l10n().locale()).format(month);
    }
}
