package cn.mediationdesk.cli;

import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup [--to FILE]}: an online backup, into the backups folder beside the database or a file. */
@Command(name = "backup", sortOptions = false)
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Option(names = "--to", paramLabel = "FILE")
    private Path to;

    @Override
    public Integer call() {
        CliContext context = root.context();
        try (Database database = root.open(false)) {
            BackupService backups = new BackupService(database, context.clock(), root.requireActor(database));
            if (to != null) {
                Path file = backups.backUpTo(to);
                context.out().println(context.l10n().text("cli.backup.done", file));
            } else {
                BackupFolder.Entry made = backups.backUp();
                context.out().println(context.l10n().text("cli.backup.done", made.file()));
                context.out().println(context.l10n().text("cli.backup.kept", backups.kept(), backups.folder().folder()));
            }
        }
        return ExitCodes.OK;
    }
}
