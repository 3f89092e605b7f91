package cn.mediationdesk.cli;

import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top command: the options every command shares, and the way to the database. */
@Command(name = "mediationdesk", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
        sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {InitCommand.class, DemoCommand.class, ImportCommand.class, SummaryCommand.class,
                ReportCommand.class, StatsTableCommand.class, ExportCommand.class, AuditCommand.class})
public final class MediationDeskCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "LOCATION", scope = ScopeType.INHERIT)
    private String db;

    @Option(names = "--debug", scope = ScopeType.INHERIT)
    private boolean debug;

    MediationDeskCommand(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    public boolean debug() {
        return debug;
    }

    /** The location {@code --db} names, or the per-user data folder. */
    public DatabaseLocation location() {
        if (db == null) {
            return DatabaseLocation.defaultLocation();
        }
        if (db.isBlank()) {
            throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.error.blankDb"));
        }
        return DatabaseLocation.parse(db.strip());
    }

    /** Opens the database; only {@code init} and {@code demo} may create it. */
    public Database open(boolean create) {
        return Database.open(location(), create);
    }

    /** No command: the launcher starts the window instead, so here this is a usage error. */
    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.error.noCommand"));
    }
}
