package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.StatisticsTable;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code stats-table … [--basis accepted|found] (--pdf FILE | --xlsx FILE)}: the official people's-mediation
 * statistics table, counting cases by the day they were accepted unless told to count leads by the day found.
 */
@Command(name = "stats-table", sortOptions = false)
final class StatsTableCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    private LocalDate to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    private LocalDate asOf;

    @Option(names = "--basis", paramLabel = "accepted|found")
    private PeriodBasis basis = PeriodBasis.ACCEPTED;

    @Option(names = "--pdf", paramLabel = "FILE")
    private Path pdf;

    @Option(names = "--xlsx", paramLabel = "FILE")
    private Path xlsx;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        ReportOptions.checkOneOutput(spec, context, pdf, xlsx);
        OutputFiles.checkTarget(pdf != null ? pdf : xlsx);
        ReportOptions.checkPeriod(spec, context, from, to);
        LocalDate day = ReportOptions.asOf(context, asOf);
        StatisticsTable table;
        try (Database database = root.open(false)) {
            table = new ReportService(database, context.clock(), root.actor(database)).statisticsTable(from, to, day,
                    basis);
        }
        if (pdf != null) {
            var document = new ReportLayouts(l10n).statisticsTable(table);
            return ReportOptions.writePdf(context, pdf, () -> new PdfExporter(l10n).write(document, pdf));
        }
        new SpreadsheetExporter(l10n).writeStatisticsTable(table, xlsx);
        return ReportOptions.written(context, xlsx);
    }
}
