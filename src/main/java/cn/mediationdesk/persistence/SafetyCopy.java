package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A copy of an embedded file taken before a change that H2 cannot make all or nothing, put back at
 * the next open when the change did not finish. Two such changes:
 * <ul>
 * <li>A schema migration: H2 commits every DDL statement on its own, so a process killed inside one
 * (V5 creates four tables) leaves its first tables without Flyway's record of them, and every
 * later open fails on "table already exists".</li>
 * <li>A bulk write (a ledger import, an exchange package): H2 2.5.252 does not recover a large
 * transaction killed while it commits as a whole. Committing walks every change of the transaction;
 * when a chunk is written during that walk and the process dies before the next one, the reopened
 * file holds the changes walked so far and has lost the rest (docs/notes/kill-during-commit.md:
 * half of the kills during the commit of a 400,000-row transaction, in plain H2).</li>
 * </ul>
 * The copy is H2's online {@code BACKUP}, written beside the file and renamed into place once on
 * disk; it is removed once the change committed or rolled back. A copy still there at the next open
 * means the process died in between: the file as it was then is set aside (nothing is deleted; a
 * bulk write's file may hold what other PCs saved through this PC meanwhile) and the copy put back.
 */
final class SafetyCopy {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyCopy.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Why a copy is taken: names its file and what is done with the file it replaces. */
    enum Purpose {
        MIGRATION(".before-migration.zip", null),
        BULK_WRITE(".before-bulk-write.zip", ".interrupted-bulk-write-");

        private final String suffix;
        /** Where the interrupted file is set aside, or null when it is simply replaced. */
        private final String asideInfix;

        Purpose(String suffix, String asideInfix) {
            this.suffix = suffix;
            this.asideInfix = asideInfix;
        }
    }

    private SafetyCopy() {
    }

    /**
     * Before H2 opens the file: puts back the copy an unfinished change left. Returns where the file
     * an interrupted bulk write left was set aside, if one was.
     */
    static java.util.Optional<Path> restoreInterrupted(DatabaseLocation location) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile file)) {
            return java.util.Optional.empty();
        }
        Path aside = null;
        for (Purpose purpose : Purpose.values()) {
            Path setAside = restoreInterrupted(file, purpose);
            aside = setAside != null ? setAside : aside;
        }
        return java.util.Optional.ofNullable(aside);
    }

    /** Puts back the copy taken for {@code purpose}, if there is one; returns the file set aside, or null. */
    private static Path restoreInterrupted(DatabaseLocation.EmbeddedFile file, Purpose purpose) {
        Path copy = copyOf(file, purpose);
        Path aside = null;
        try {
            Files.deleteIfExists(partial(copy));
            if (!Files.exists(copy) || openElsewhere(file.file())) {
                return null; // nothing to put back, or the change may be running right now in another process
            }
            Path restored = file.file().resolveSibling(file.file().getFileName() + ".restoring");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(copy))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null && !entry.getName().endsWith(".mv.db")) {
                    // skip anything else H2 put in the backup
                }
                if (entry == null) {
                    throw new IOException("no database file in " + copy);
                }
                copyAndSync(zip, restored);
            }
            if (purpose.asideInfix != null && Files.exists(file.file())) {
                aside = file.file().resolveSibling(file.file().getFileName() + purpose.asideInfix
                        + STAMP.format(LocalDateTime.now()));
                Files.move(file.file(), aside, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("a bulk write to {} (an import) was interrupted; the file as it was left is kept as {}, "
                        + "the copy taken before the import is put back", file.display(), aside);
            } else {
                LOG.warn("a schema migration of {} was interrupted; putting back the copy taken before it",
                        file.display());
            }
            Files.move(restored, file.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(copy);
            return aside;
        } catch (IOException e) {
            throw new DatabaseOpenException(Reason.UNREADABLE, file.display(), e);
        }
    }

    /** Runs Flyway's migration, with a copy of an embedded file taken first when there is anything to migrate. */
    static void migrate(DatabaseLocation location, DataSource dataSource, Flyway flyway) {
        // a new database has nothing to lose: its first migration needs no copy
        if (!(location instanceof DatabaseLocation.EmbeddedFile file) || flyway.info().pending().length == 0
                || flyway.info().current() == null) {
            flyway.migrate();
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            take(file, connection, Purpose.MIGRATION);
        } catch (SQLException e) {
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), e);
        }
        flyway.migrate();
        release(file, Purpose.MIGRATION);
    }

    /** Takes the copy through {@code connection}, which must not be inside a transaction that wrote. */
    static void take(DatabaseLocation.EmbeddedFile file, Connection connection, Purpose purpose) {
        Path copy = copyOf(file, purpose);
        try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, partial(copy).toString());
            backup.execute();
            syncFile(partial(copy));
            Files.move(partial(copy), copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            deleteQuietly(partial(copy)); // a copy cut short by a full disk would only keep it full
            if (StorageFailures.translate(file.display(), e) instanceof cn.mediationdesk.logic.store.StorageException full) {
                throw full;
            }
            throw new DatabaseOpenException(Reason.UNREADABLE, file.display(), e);
        }
    }

    /** Removes the copy once the change committed or rolled back. */
    static void release(DatabaseLocation.EmbeddedFile file, Purpose purpose) {
        // Left behind, the next open would put the copy back: for a migration the same result, only slower.
        deleteQuietly(copyOf(file, purpose));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not remove {}", path, e);
        }
    }

    /** Whether another process holds H2's lock on the file (the lock is released again at once). */
    private static boolean openElsewhere(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    static Path copyOf(DatabaseLocation.EmbeddedFile file, Purpose purpose) {
        return file.file().resolveSibling(file.file().getFileName() + purpose.suffix);
    }

    private static Path partial(Path copy) {
        return copy.resolveSibling(copy.getFileName() + ".part");
    }

    private static void copyAndSync(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        syncFile(target);
    }

    /** On disk before it is renamed into place, so that a power cut cannot leave a renamed empty file. */
    private static void syncFile(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
