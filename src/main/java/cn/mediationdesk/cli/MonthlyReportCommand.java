package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.monthly.MonthlyReport;
import cn.mediationdesk.logic.monthly.MonthlyReportService;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.MonthlyReportLayout;
import cn.mediationdesk.logic.report.sheet.MonthlyReportWorkbook;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code monthly-report --month YYYY-MM [--committee NAME_OR_CODE] (--pdf FILE | --xlsx FILE)}: a
 * committee's monthly report, signed (its figures as signed) or a draft marked 未签发; by default the
 * acting user's own committee.
 */
@Command(name = "monthly-report", sortOptions = false)
final class MonthlyReportCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    private String month;

    @Option(names = "--committee", paramLabel = "NAME_OR_CODE")
    private String committee;

    @Option(names = "--pdf", paramLabel = "FILE")
    private Path pdf;

    @Option(names = "--xlsx", paramLabel = "FILE")
    private Path xlsx;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        YearMonth reportMonth = month(l10n);
        ReportOptions.checkOneOutput(spec, context, pdf, xlsx);
        OutputFiles.checkTarget(pdf != null ? pdf : xlsx);
        MonthlyReport report;
        try (Database database = root.open(false)) {
            User actor = root.actor(database);
            MonthlyReportService reports = new MonthlyReportService(database, context.clock());
            long committeeId = committee != null ? ReportOptions.committee(database, committee).id()
                    : reports.defaultCommittee(actor).orElseThrow(() -> new CliUsageException(spec.commandLine(),
                            l10n.text("cli.monthly.committeeNeeded")));
            report = reports.report(actor, committeeId, reportMonth);
        }
        if (pdf != null) {
            var document = new MonthlyReportLayout(l10n).document(report);
            return ReportOptions.writePdf(context, pdf, () -> new PdfExporter(l10n).write(document, pdf));
        }
        new MonthlyReportWorkbook(l10n).write(report, xlsx);
        return ReportOptions.written(context, xlsx);
    }

    /** {@code YYYY-MM}, a real month; anything else is a usage error. */
    private YearMonth month(Localization l10n) {
        try {
            if (month.strip().matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(month.strip());
            }
        } catch (DateTimeParseException e) {
            // falls through to the usage error below
        }
        throw new CliUsageException(spec.commandLine(), l10n.text("cli.monthly.badMonth", month));
    }
}
