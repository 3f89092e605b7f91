package cn.mediationdesk.cli;

import cn.mediationdesk.logic.generate.LeadGenerator;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code generate --leads N [--seed S]}: synthetic leads for benchmarks (DESIGN §6), refused on a
 * database holding real data. Progress goes to standard error, the closing line to standard output.
 */
@Command(name = "generate", sortOptions = false)
final class GenerateCommand implements Callable<Integer> {
    /** How often progress is reported, in leads. */
    private static final long PROGRESS_EVERY = 100_000;

    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--leads", paramLabel = "N", required = true)
    private int leads;

    @Option(names = "--seed", paramLabel = "S")
    private long seed = 1;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (leads < 1 || leads > LeadGenerator.MAX_LEADS) {
            throw new CliUsageException(spec.commandLine(),
                    context.l10n().text("cli.generate.leadsRange", 1, LeadGenerator.MAX_LEADS));
        }
        try (Database database = root.open(false)) {
            long[] reported = {0};
            LeadGenerator.Result result = new LeadGenerator(database, context.clock(), root.requireActor(database))
                    .generate(leads, seed, (done, total) -> {
                        if (done / PROGRESS_EVERY > reported[0] / PROGRESS_EVERY && done < total) {
                            context.err().println(context.l10n().text("cli.generate.progress", done, total));
                            reported[0] = done;
                        }
                    });
            context.out().println(context.l10n().text("cli.generate.done", result.added(), result.total(),
                    Math.round(result.leadsPerSecond()), result.elapsed().toMillis() / 1000.0, result.seed()));
        }
        return ExitCodes.OK;
    }
}
