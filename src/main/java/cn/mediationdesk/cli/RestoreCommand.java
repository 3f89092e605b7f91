package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.backup.RestoreService;
import cn.mediationdesk.logic.backup.RestoreService.CheckedBackup;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code restore FILE}: checks the backup, keeps a safety copy of the current database, restores.
 * Works when the current database no longer opens (that is when it is needed most): the acting user
 * is then checked against the backup's accounts.
 */
@Command(name = "restore", sortOptions = false)
final class RestoreCommand implements Callable<Integer> {
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private Path file;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        if (!(root.location() instanceof DatabaseLocation.EmbeddedFile embedded)) {
            throw new CliUsageException(spec.commandLine(), l10n.text("cli.restore.serverDatabase"));
        }
        Database current = openCurrent();
        User actor = null;
        try {
            if (current != null) {
                actor = root.requireActor(current);
            }
            RestoreService restore = new RestoreService(embedded.basePath(), RestoreCommand::open, context.clock());
            try (CheckedBackup checked = check(restore, context)) {
                describe(checked, context);
                if (actor == null) {
                    actor = root.requireActor(checked.store());
                }
                try (RestoreService.Restored restored = restore.restore(checked, actor, current)) {
                    current = null; // closed by the restore
                    context.out().println(l10n.text("cli.restore.done", restored.store().location(), checked.leads()));
                    restored.safetyCopy().ifPresent(copy -> context.out().println(l10n.text("cli.restore.safetyCopy", copy)));
                }
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
        return ExitCodes.OK;
    }

    /** The database now in place, or null when it does not open (damaged, empty, its key lost). */
    private Database openCurrent() {
        try {
            return root.open(false);
        } catch (DatabaseOpenException e) {
            return switch (e.reason()) {
                case MISSING, EMPTY, DAMAGED, NOT_OURS, KEY_MISSING, UNREADABLE -> null;
                default -> throw e;
            };
        }
    }

    /** Checks the backup; a backup from another PC asks for its recovery code once. */
    private CheckedBackup check(RestoreService restore, CliContext context) {
        try {
            return restore.check(file, Optional.empty());
        } catch (DatabaseOpenException e) {
            if (e.reason() != Reason.KEY_MISSING) {
                throw e;
            }
        }
        Localization l10n = context.l10n();
        String code = context.passwords().recoveryCode(l10n.text("cli.restore.recoveryPrompt"));
        if (code == null || code.isBlank()) {
            throw rejected("cli.restore.recoveryNeeded", PasswordInput.RECOVERY_CODE_VARIABLE);
        }
        DatabaseKey key = DatabaseKey.fromRecoveryCode(code)
                .orElseThrow(() -> rejected("cli.restore.notARecoveryCode"));
        try {
            return restore.check(file, Optional.of(key));
        } catch (DatabaseOpenException e) {
            if (e.reason() == Reason.WRONG_PASSWORD) {
                throw rejected("cli.restore.wrongRecoveryCode");
            }
            throw e;
        }
    }

    private void describe(CheckedBackup checked, CliContext context) {
        Localization l10n = context.l10n();
        String madeAt = checked.manifest()
                .map(m -> MADE_AT.format(m.madeAt().atZone(context.clock().getZone() == null ? ZoneId.systemDefault()
                        : context.clock().getZone())))
                .orElse("-");
        context.out().println(l10n.text("cli.restore.checked", checked.source(), checked.jurisdiction(), madeAt,
                checked.leads(), checked.audit().entries()));
    }

    private static ValidationException rejected(String key, Object... args) {
        return new ValidationException(List.of(Problem.of(Field.RECOVERY_CODE, key, args)));
    }

    private static Store open(Path basePath, Optional<DatabaseKey> recovery) {
        return Database.open(DatabaseLocation.parse(basePath.toString()), false, KeyRing.inSettingsFolder(), recovery);
    }
}
