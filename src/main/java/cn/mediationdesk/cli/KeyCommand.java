package cn.mediationdesk.cli;

import cn.mediationdesk.logic.backup.KeyService;
import cn.mediationdesk.logic.store.Store.DirectAccess;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code key show}: the JDBC URL, user and password that open the embedded file with H2's own tools. */
@Command(name = "key", sortOptions = false, subcommands = KeyCommand.Show.class)
final class KeyCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), root.context().l10n().text("cli.key.noSubcommand"));
    }

    /** Exactly three lines on standard output (DESIGN §6): URL, user, password. Administrators only; audited. */
    @Command(name = "show")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        private KeyCommand key;

        @Override
        public Integer call() {
            MediationDeskCommand root = key.root;
            CliContext context = root.context();
            try (Database database = root.open(false)) {
                DirectAccess access = new KeyService(database, context.clock(), root.requireActor(database)).show();
                context.writeData(access.url() + System.lineSeparator() + access.user() + System.lineSeparator()
                        + access.password() + System.lineSeparator());
            }
            return ExitCodes.OK;
        }
    }
}
