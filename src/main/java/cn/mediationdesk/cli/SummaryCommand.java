package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.SummaryCsv;
import cn.mediationdesk.logic.tally.SummaryJson;
import cn.mediationdesk.logic.tally.SummaryTable;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code summary --by GROUPING …}: the tallies of DESIGN §5 as a table, CSV or JSON. */
@Command(name = "summary", sortOptions = false)
final class SummaryCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--by", required = true, paramLabel = "GROUPING")
    private Grouping by;

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

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table")
    private SummaryFormat format;

    @Option(names = "--out", paramLabel = "FILE")
    private Path out;

    @Override
    public Integer call() {
        CliContext context = root.context();
        ReportOptions.checkPeriod(spec, context, from, to);
        LocalDate day = ReportOptions.asOf(context, asOf);
        if (out != null) {
            OutputFiles.checkTarget(out); // a folder, or a folder that is not there: said before any work
        }
        TallyResult result;
        try (Database database = root.open(false)) {
            root.actor(database); // a --user given is checked even where aggregates need none
            Long communityId = community == null ? null : ReportOptions.community(database, community).id();
            Long committeeId = committee == null ? null : ReportOptions.committee(database, committee).id();
            result = new TallyService(database).summarize(new TallyQuery(by, from, to, day, communityId, committeeId));
        }
        String text = switch (format) {
            case TABLE -> SummaryTable.format(result, context.l10n());
            case CSV -> SummaryCsv.format(result);
            case JSON -> SummaryJson.format(result);
        };
        if (out != null) {
            OutputFiles.writeAtomically(out, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
            context.out().println(context.l10n().text("cli.summary.written", out.toAbsolutePath().normalize()));
        } else if (format == SummaryFormat.TABLE) {
            context.out().print(text);
        } else {
            context.writeData(text);
        }
        return ExitCodes.OK;
    }
}
