package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditFinding;
import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.AuditVerification;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Puts a backup back in place of an embedded database, in two steps so that a person sees what is
 * about to happen before it happens:
 * <ol>
 *   <li>{@link #check}: the backup is unpacked beside the database and opened (its copy migrated to
 *       this version's schema): it must be readable, a MediationDesk database, not of a newer
 *       version, with its audit chain intact up to the head written into it. Nothing else changes.</li>
 *   <li>{@link #restore}: by an administrator of the current database (or, when that one no longer
 *       opens, of the backup), a safety copy of the current database goes into the backups folder,
 *       the checked copy takes its place in one move, and the restore is written to the audit trail.</li>
 * </ol>
 * A backup from another PC is encrypted with a key this PC does not hold: {@link #check} then fails
 * with {@code KEY_MISSING} and is asked again with the recovery code, whose key is then kept here.
 */
public final class RestoreService {

    /** Opens an embedded database file (migrating it), with a recovery key when this PC does not hold its key. */
    @FunctionalInterface
    public interface Opener {
        Store open(Path basePath, Optional<DatabaseKey> recovery);
    }

    private final Path databaseBase;
    private final Opener opener;
    private final Clock clock;

    /** @param databaseBase the base path (without {@code .mv.db}) of the database to restore into */
    public RestoreService(Path databaseBase, Opener opener, Clock clock) {
        this.databaseBase = databaseBase.toAbsolutePath().normalize();
        this.opener = opener;
        this.clock = clock;
    }

    /**
     * A backup unpacked, opened and checked, waiting to be restored or {@linkplain #close() dropped}.
     *
     * @param manifest what the backup says about itself; empty for a bare database file or zip
     */
    public record CheckedBackup(Path source, Optional<BackupManifest> manifest, Store store, Path scratch,
                                String jurisdiction, long leads, AuditVerification audit) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            deleteTree(scratch);
        }
    }

    /**
     * A restore done: the restored database, open, and where the database it replaced was kept (none
     * when there was no file in place).
     */
    public record Restored(Store store, Optional<Path> safetyCopy) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
        }
    }

    /**
     * Unpacks and checks a backup (a backup zip, or a bare {@code .mv.db} file). Nothing outside a
     * scratch folder beside the database changes.
     *
     * @throws ValidationException when the file is missing, not a backup, or its audit chain is broken
     * @throws cn.mediationdesk.logic.store.DatabaseOpenException when the database in it does not open:
     *         {@code KEY_MISSING} (ask for the recovery code and check again), {@code NEWER_SCHEMA},
     *         {@code DAMAGED}, {@code NOT_OURS}, {@code WRONG_PASSWORD} (a recovery code that does not fit)
     */
    public CheckedBackup check(Path source, Optional<DatabaseKey> recovery) {
        Path file = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw invalid("restore.noSuchFile", file);
        }
        Path scratch = databaseBase.resolveSibling("." + databaseBase.getFileName() + ".restoring");
        Path copyBase = scratch.resolve(databaseBase.getFileName().toString());
        Path copyFile = scratch.resolve(databaseBase.getFileName() + ".mv.db");
        Optional<BackupManifest> manifest;
        try {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            if (BackupArchive.isArchive(file)) {
                manifest = BackupArchive.manifest(file);
                if (!BackupArchive.extractDatabase(file, copyFile)) {
                    deleteTree(scratch);
                    throw invalid("restore.notABackup", file);
                }
            } else {
                manifest = Optional.empty();
                Files.copy(file, copyFile);
            }
        } catch (IOException e) {
            deleteTree(scratch);
            throw new UncheckedIOException(e);
        }
        Store store;
        try {
            store = opener.open(copyBase, recovery);
        } catch (RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
        try {
            if (BackupArchive.isArchive(file)) {
                BackupArchive.extractAttachments(file, scratch.resolve("attachments"), store.fileKey());
            }
            AuditVerification audit = new AuditVerifier(AuditSeal.inSettingsFolder())
                    .verify(store, manifest.map(BackupManifest::auditHead));
            if (!audit.intact()) {
                AuditFinding first = audit.firstProblem().orElseThrow();
                throw invalid("restore.auditBroken", file, first.seq() == null ? "-" : first.seq());
            }
            String jurisdiction = store.read(tx -> tx.organization().jurisdiction().map(Jurisdiction::name).orElse(""));
            long leads = store.read(tx -> tx.leads().count());
            return new CheckedBackup(file, manifest, store, scratch, jurisdiction, leads, audit);
        } catch (IOException e) {
            store.close();
            deleteTree(scratch);
            throw invalid("restore.attachmentsDamaged", file);
        } catch (RuntimeException e) {
            store.close();
            deleteTree(scratch);
            throw e;
        }
    }

    /**
     * Restores a checked backup in place of the database.
     *
     * @param current the database now in place, open; null when it does not open (damaged, empty)
     * @param actor   an administrator of {@code current}, or of the backup when {@code current} is null
     * @return the restored database, open, and the safety copy
     */
    public Restored restore(CheckedBackup checked, User actor, Store current) {
        String admin;
        Path safetyCopy;
        if (current != null) {
            admin = current.read(tx -> Access.requireAdmin(tx, actor)).username();
            safetyCopy = new BackupService(current, clock, actor).beforeRestore();
            current.close();
        } else {
            admin = checked.store().read(tx -> Access.requireAdmin(tx, actor)).username();
            safetyCopy = copyDamagedDatabase();
        }
        checked.store().close();
        try {
            Path target = databaseBase.resolveSibling(databaseBase.getFileName() + ".mv.db");
            BackupArchive.moveIntoPlace(checked.scratch().resolve(target.getFileName()), target);
            Path attachments = BackupFolder.attachmentsOf(databaseBase);
            Path restoredAttachments = checked.scratch().resolve("attachments");
            if (Files.isDirectory(restoredAttachments)) {
                deleteTree(attachments);
                Files.move(restoredAttachments, attachments);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(checked.scratch());
        }
        Store restored = opener.open(databaseBase, Optional.empty());
        AuditSeal seal = AuditSeal.inSettingsFolder();
        AuditTrail audit = new AuditTrail(clock, seal);
        restored.write(tx -> {
            // The trail goes back to the backup's head, legitimately: this PC's head must follow it.
            audit.head(tx).ifPresent(seal::resetHead);
            String detail = checked.source() + (safetyCopy == null ? "" : "; before-restore copy: " + safetyCopy);
            audit.event(tx, admin, AuditAction.DATABASE_RESTORE, AuditTrail.DATABASE, null, null, null, detail);
            return null;
        });
        return new Restored(restored, Optional.ofNullable(safetyCopy));
    }

    /** The file of a database that no longer opens, zipped into the backups folder before it is replaced. */
    private Path copyDamagedDatabase() {
        Path file = databaseBase.resolveSibling(databaseBase.getFileName() + ".mv.db");
        if (!Files.exists(file)) {
            return null;
        }
        Path copy = BackupFolder.of(databaseBase).newFile(java.time.LocalDateTime.now(clock), BackupKind.BEFORE_RESTORE);
        try {
            BackupArchive.zipDatabaseFile(file, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static ValidationException invalid(String key, Object... args) {
        return new ValidationException(List.of(Problem.of(Field.FILE, key, args)));
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
