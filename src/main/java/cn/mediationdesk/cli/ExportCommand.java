package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.User;
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
 * {@code export --out FILE.xlsx|FILE.csv [--from] [--to] [--as-of] [--community] [--committee]}: the
 * ledger rows themselves, every lead the same {@code summary} counts (and the duplicates), each in
 * its state at the end of the as-of day; parties by name only.
 */
@Command(name = "export", sortOptions = false)
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    private Path out;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    private LocalDate to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    private LocalDate asOf;

    @Option(names = "--community", paramLabel = "NAME_OR_CODE")
    private String community;

    @Option(names = "--committee", paramLabel = "NAME_OR_CODE")
    private String committee;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (SpreadsheetExporter.Format.of(out) == null) {
            throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.export.badExtension", out));
        }
        ReportOptions.checkPeriod(spec, context, from, to);
        LocalDate day = ReportOptions.asOf(context, asOf);
        OutputFiles.checkTarget(out);
        long rows;
        try (Database database = root.open(false)) {
            User actor = root.requireActor(database);
            Long communityId = community == null ? null : ReportOptions.community(database, community).id();
            Long committeeId = committee == null ? null : ReportOptions.committee(database, committee).id();
            // The grouping plays no part in which leads are exported; the filters are the summary's.
            TallyQuery query = new TallyQuery(Grouping.COMMUNITY, from, to, day, communityId, committeeId);
            rows = new SpreadsheetExporter(context.l10n())
                    .writeLedger(new ReportService(database, context.clock(), actor), query, out);
        }
        context.out().println(context.l10n().text("cli.export.written", rows, out.toAbsolutePath().normalize()));
        return ExitCodes.OK;
    }
}
