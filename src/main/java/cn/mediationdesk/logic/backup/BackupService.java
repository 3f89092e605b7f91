package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditHead;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Backups of an embedded database (DESIGN §7): made while the database stays in use, into the
 * {@code backups} folder beside it (or a file a person names), each a zip of the still-encrypted
 * database, its {@link BackupManifest} and the attachments. The routine ones (asked for, on exit,
 * daily) are kept to the newest {@link #kept()}.
 *
 * <p>A backup holds every case of every committee, so a person may make, list or keep them only as an
 * administrator. The application's own backups (on exit, daily) need no role: they go into the folder
 * beside the database, which whoever runs the application can read anyway.
 */
public final class BackupService {
    public static final String KEEP_SETTING = "backups.kept";
    public static final int DEFAULT_KEEP = 10;
    public static final int MIN_KEEP = 1;
    public static final int MAX_KEEP = 365;
    /** Who made the application's own backups, on the audit trail. */
    public static final String SYSTEM = "system";

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;

    public BackupService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
        this.audit = AuditTrail.onThisPc(clock);
    }

    /** Whether this database is backed up by the application (an embedded file) or on its server. */
    public boolean available() {
        return store.backsUp() && store.embeddedFile().isPresent();
    }

    /** The backups folder beside the database. */
    public BackupFolder folder() {
        return BackupFolder.of(store.embeddedFile().orElseThrow(BackupService::serverDatabase));
    }

    /** The backups in the folder, newest first. */
    public List<BackupFolder.Entry> list() {
        requireAdmin();
        return available() ? folder().list() : List.of();
    }

    /** A backup into the backups folder, asked for by an administrator; the oldest routine ones beyond {@link #kept()} go. */
    public BackupFolder.Entry backUp() {
        String admin = requireAdmin();
        requireAvailable();
        Path file = folder().newFile(LocalDateTime.now(clock), BackupKind.MANUAL);
        make(file, BackupKind.MANUAL);
        recordBackup(admin, file);
        folder().prune(kept());
        return entry(file);
    }

    /** A backup into a file an administrator names (a USB stick, a network folder); an existing file is refused. */
    public Path backUpTo(Path target) {
        String admin = requireAdmin();
        requireAvailable();
        Path file = target.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new ValidationException(List.of(Problem.of(Field.FILE, "backup.targetIsFolder", file)));
        }
        if (Files.exists(file)) {
            throw new ValidationException(List.of(Problem.of(Field.FILE, "backup.targetExists", file)));
        }
        if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
            throw new ValidationException(List.of(Problem.of(Field.FILE, "backup.noFolder", file.getParent())));
        }
        make(file, BackupKind.MANUAL);
        recordBackup(admin, file);
        return file;
    }

    /**
     * The application's own backup: {@link BackupKind#EXIT} always, {@link BackupKind#DAILY} only when
     * no backup was made today yet. Empty when nothing was due or the database is on a server.
     */
    public Optional<BackupFolder.Entry> automatic(BackupKind kind) {
        if (!available()) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (kind == BackupKind.DAILY && folder().madeOn(now, List.of(BackupKind.values()))) {
            return Optional.empty();
        }
        Path file = folder().newFile(now, kind);
        make(file, kind);
        folder().prune(kept());
        return Optional.of(entry(file));
    }

    /** A copy of the database as it is, before a restore replaces it; never pruned. */
    Path beforeRestore() {
        Path file = folder().newFile(LocalDateTime.now(clock), BackupKind.BEFORE_RESTORE);
        make(file, BackupKind.BEFORE_RESTORE);
        return file;
    }

    /** How many routine backups are kept (a setting of the database). */
    public int kept() {
        return store.read(tx -> tx.settings().get(KEEP_SETTING)).flatMap(BackupService::parseKeep).orElse(DEFAULT_KEEP);
    }

    /** Changes how many routine backups are kept; administrators only. */
    public int changeKept(int keep) {
        if (keep < MIN_KEEP || keep > MAX_KEEP) {
            throw new ValidationException(List.of(Problem.of(Field.BACKUPS_KEPT, "backup.keepRange", MIN_KEEP, MAX_KEEP)));
        }
        store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            var before = audit.snapshot(tx, AuditTrail.SETTING, KEEP_SETTING);
            tx.settings().put(KEEP_SETTING, Integer.toString(keep));
            audit.entityChanged(tx, admin.username(), AuditAction.SETTINGS_CHANGE, AuditTrail.SETTING, KEEP_SETTING,
                    null, before);
            return null;
        });
        if (available()) {
            folder().prune(keep);
        }
        return keep;
    }

    private static Optional<Integer> parseKeep(String text) {
        try {
            int keep = Integer.parseInt(text.strip());
            return keep >= MIN_KEEP && keep <= MAX_KEEP ? Optional.of(keep) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the backup beside its final name and moves it into place when complete: a backup
     * interrupted by a full disk or a killed process never looks like a good one.
     */
    private void make(Path file, BackupKind kind) {
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(temp);
            BackupManifest manifest = store.read(tx -> {
                AuditHead head = audit.head(tx).orElse(null);
                return new BackupManifest(clock.instant(), kind, store.schemaVersion(), store.fileKey().isPresent(),
                        BackupService.class.getPackage().getImplementationVersion(), head);
            });
            store.backupTo(temp);
            BackupArchive.complete(temp, manifest, BackupFolder.attachmentsOf(store.embeddedFile().orElseThrow()),
                    store.fileKey());
            BackupArchive.moveIntoPlace(temp, file);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private void recordBackup(String admin, Path file) {
        store.write(tx -> {
            audit.event(tx, admin, AuditAction.DATABASE_BACKUP, AuditTrail.DATABASE, null, null, null, file.toString());
            return null;
        });
    }

    private String requireAdmin() {
        return store.read(tx -> Access.requireAdmin(tx, actor)).username();
    }

    private void requireAvailable() {
        if (!available()) {
            throw serverDatabase();
        }
    }

    private static ValidationException serverDatabase() {
        return new ValidationException(List.of(Problem.of(Field.DATABASE, "backup.serverDatabase")));
    }

    private BackupFolder.Entry entry(Path file) {
        return folder().list().stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the backup just made is not in its folder: " + file));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original failure is what the user needs to hear about
        }
    }
}
