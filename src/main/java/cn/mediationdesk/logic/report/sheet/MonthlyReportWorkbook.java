package cn.mediationdesk.logic.report.sheet;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.monthly.MonthLead;
import cn.mediationdesk.logic.monthly.MonthlyReport;
import cn.mediationdesk.logic.report.print.MonthlyReportLayout;
import cn.mediationdesk.logic.report.print.MonthlyReportLayout.Figure;
import cn.mediationdesk.logic.report.print.ReportTexts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A committee's monthly report as a workbook: a sheet of figures (with the zero report's sentence, or
 * the draft's 未签发) and a sheet listing the month's leads, in the words of the print. Written whole
 * or not at all.
 */
public final class MonthlyReportWorkbook {
    private final MonthlyReportLayout layout;
    private final ReportTexts texts;
    private final boolean chinese;

    public MonthlyReportWorkbook(Localization l10n) {
        this.layout = new MonthlyReportLayout(l10n);
        this.texts = new ReportTexts(l10n);
        this.chinese = l10n.isChinese();
    }

    public void write(MonthlyReport report, Path file) {
        OutputFiles.writeAtomically(file, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                SheetWriter.Styles styles = new SheetWriter.Styles(workbook);
                String title = layout.title(report);
                List<String> scope = new ArrayList<>(layout.scopeLines(report));
                if (report.zeroReport()) {
                    scope.add(layout.zeroReportText());
                }
                SheetWriter figures = new SheetWriter(workbook, styles, texts.text("report.monthly.sheet.figures"), 2)
                        .titleBlock(title, scope)
                        .header(List.of(texts.text("report.monthly.figure"), texts.text("report.monthly.value")));
                for (Figure figure : layout.figures(report.figures())) {
                    figures.row(List.of(figure.label(), figure.value()));
                }
                figures.row(List.of(texts.text("report.column.rate"), new SheetWriter.Rate(
                        report.figures().counts().resolutionRate())));
                if (report.changedSince()) {
                    figures.note(layout.changedText(report));
                }
                figures.finish();
                SheetWriter leads = new SheetWriter(workbook, styles, texts.text("report.monthly.sheet.leads"), 6)
                        .titleBlock(title, scope).header(layout.leadHeaders());
                int index = 1;
                for (MonthLead lead : report.leads()) {
                    leads.row(List.of(index++, lead.number(), lead.foundOn(), lead.type(chinese), lead.summary(),
                            layout.state(lead)));
                }
                leads.note(texts.text("report.monthly.noPersonalData"));
                leads.finish();
                workbook.write(out);
            }
        });
    }
}
