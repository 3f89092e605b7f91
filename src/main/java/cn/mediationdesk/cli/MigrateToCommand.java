package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.migration.MigrationCheckFailedException;
import cn.mediationdesk.logic.migration.MigrationService;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code migrate-to JDBC_URL} (DESIGN §6): copies this database into an empty server database (H2
 * server or PostgreSQL) and verifies it. Exit 3 when the target already holds tables (nothing is
 * touched there), 4 when it cannot be reached, 5 for anyone but an administrator, 1 when the copy or
 * a check failed (the target is then emptied again, and the message names the check).
 */
@Command(name = "migrate-to", sortOptions = false)
final class MigrateToCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JDBC_URL", descriptionKey = "url")
    private String url;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        if (!(DatabaseLocation.parse(url.strip()) instanceof DatabaseLocation.Url target)) {
            throw new CliUsageException(spec.commandLine(), l10n.text("cli.migrate.notAServer", url));
        }
        try (Database source = root.open(false)) {
            User actor = root.requireActor(source);
            MigrationService migration = new MigrationService(source, context.clock(), actor);
            migration.requireAdmin();
            if (Database.holdsTables(target)) {
                throw new ValidationException(Problem.of(Field.DATABASE, "migrate.target.notEmpty", target.display()));
            }
            MigrationService.Result result;
            try (Database server = Database.open(target, true)) {
                try {
                    result = migration.migrate(server, source.transferTo(server), root.actingPassword());
                } catch (MigrationCheckFailedException failed) {
                    context.err().println(l10n.text("cli.migrate.failed", l10n.text(failed.key()), failed.detail()));
                    return ExitCodes.FAILURE;
                }
            }
            long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
            context.out().println(l10n.text("cli.migrate.done", target.display(), rows, result.rows().size()));
            context.out().println(l10n.text("cli.migrate.checked", result.auditEntries()));
            if (!result.accountsWithoutServerPassword().isEmpty()) {
                context.out().println(l10n.text("cli.migrate.setPasswords",
                        String.join(", ", result.accountsWithoutServerPassword())));
            }
            context.out().println(l10n.text("cli.migrate.next", target.display()));
        }
        return ExitCodes.OK;
    }
}
