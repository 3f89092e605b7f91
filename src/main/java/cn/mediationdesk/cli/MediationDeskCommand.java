package cn.mediationdesk.cli;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
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
                ReportCommand.class, StatsTableCommand.class, ExportCommand.class, UsersCommand.class,
                DocumentsCommand.class, AuditCommand.class, BackupCommand.class, RestoreCommand.class,
                KeyCommand.class, PackageCommand.class, ServeCommand.class, MigrateToCommand.class,
                AgendaCommand.class, MonthlyReportCommand.class, GenerateCommand.class})
public final class MediationDeskCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", paramLabel = "LOCATION", scope = ScopeType.INHERIT)
    private String db;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT)
    private String user;

    @Option(names = "--debug", scope = ScopeType.INHERIT)
    private boolean debug;

    /** The signed-in user, once checked: one process runs one command, which may ask more than once. */
    private User actor;
    private String actingPassword;

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
        DatabaseLocation parsed = DatabaseLocation.parse(db.strip());
        if (parsed instanceof DatabaseLocation.Url url) {
            // A server's password: the environment's, else the one the settings screen kept for this
            // URL, else whatever the URL itself says (none given here).
            String password = context.passwords().databasePassword();
            if (password == null) {
                password = SavedConnection.inSettingsFolder().passwordFor(url.jdbcUrl()).orElse(null);
            }
            return url.withPassword(password);
        }
        return parsed;
    }

    /** Opens the database; only {@code init} and {@code demo} may create it. */
    public Database open(boolean create) {
        Database database = Database.open(location(), create);
        database.undoneBulkWrite().ifPresent(aside ->
                context.err().println(context.l10n().text("cli.database.importUndone", aside)));
        return database;
    }

    /**
     * Creates the database (or opens an existing one) and runs {@code work} on it. A database this
     * command made is removed again when the work fails, so a failed {@code init} or {@code demo}
     * leaves no file that nothing opens; a new encrypted file's recovery code is printed once.
     */
    public <R> R creating(java.util.function.Function<Database, R> work) {
        Database database = open(true);
        R result;
        try {
            result = work.apply(database);
        } catch (RuntimeException e) {
            if (database.created()) {
                database.discard();
            } else {
                database.close();
            }
            throw e;
        }
        database.close();
        if (database.created()) {
            database.recoveryCode().ifPresent(code -> context.out().println(context.l10n().text("cli.key.recoveryCode", code)));
        }
        return result;
    }

    /**
     * Who acts (DESIGN §6, §9): the {@code --user} account once its password is checked; on a
     * database without accounts, {@link User#setup()}; {@code null} when the database has accounts
     * and no {@code --user} was given, which is enough for aggregate figures only.
     *
     * @throws PermissionDeniedException (exit 5) for a wrong password, a locked or disabled account,
     *                                   or an administrator-set password not yet changed
     */
    public User actor(Store database) {
        if (actor != null) {
            return actor;
        }
        UserService users = new UserService(database, context.clock());
        if (user == null) {
            return users.hasUsers() ? null : User.setup();
        }
        if (!users.hasUsers()) {
            throw new PermissionDeniedException(Problem.of(Field.USER, "cli.user.noAccounts"));
        }
        String password = context.passwords().actingUsersPassword(context.l10n().text("cli.user.passwordPrompt", user));
        if (password == null || password.isEmpty()) {
            throw new PermissionDeniedException(Problem.of(Field.PASSWORD, "cli.user.noPassword",
                    PasswordInput.ENVIRONMENT_VARIABLE));
        }
        try {
            actor = users.authenticate(user, password);
        } catch (ValidationException refused) {
            throw new PermissionDeniedException(refused.problems().getFirst());
        }
        actingPassword = password;
        return actor;
    }

    /**
     * Who acts, for a command that reads a case or changes data: on a database with accounts,
     * {@code --user} is required.
     */
    public User requireActor(Store database) {
        User acting = actor(database);
        if (acting == null) {
            throw new PermissionDeniedException(Problem.of(Field.USER, "cli.user.required"));
        }
        if (acting.mustChangePassword()) {
            throw new PermissionDeniedException(Problem.of(Field.PASSWORD, "cli.user.mustChangePassword",
                    acting.username()));
        }
        return acting;
    }

    /** The password the acting user proved themselves with, for changing it. */
    String actingPassword() {
        return actingPassword;
    }

    /** No command: the launcher starts the window instead, so here this is a usage error. */
    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.error.noCommand"));
    }
}
