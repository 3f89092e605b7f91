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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Makes a schema migration of an embedded file all or nothing. H2 commits every DDL statement on
 * its own, so a process killed inside a migration (V5 creates four tables) leaves its first tables
 * without Flyway's record of them, and every later open fails on "table already exists". So before
 * migrating, the file is copied with H2's online {@code BACKUP}; the copy is removed once Flyway is
 * done. A copy still there when the file is next opened means the migration never finished: the
 * copy is put back first and the migration runs again from where the file was.
 */
final class MigrationGuard {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationGuard.class);

    private MigrationGuard() {
    }

    /** Before H2 opens the file: puts back the copy an unfinished migration left. */
    static void restoreInterrupted(DatabaseLocation location) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile file)) {
            return;
        }
        Path copy = copyOf(file);
        try {
            Files.deleteIfExists(partial(copy));
            if (!Files.exists(copy) || openElsewhere(file.file())) {
                return; // nothing to put back, or a migration may be running right now in another process
            }
            LOG.warn("a schema migration of {} was interrupted; putting back the copy taken before it", file.display());
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
            Files.move(restored, file.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(copy);
        } catch (IOException e) {
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), e);
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
        Path copy = copyOf(file);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, partial(copy).toString());
            backup.execute();
            syncFile(partial(copy));
            Files.move(partial(copy), copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            if (StorageFailures.translate(location.display(), e) instanceof cn.mediationdesk.logic.store.StorageException full) {
                throw full;
            }
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), e);
        }
        flyway.migrate();
        try {
            Files.delete(copy);
        } catch (IOException e) {
            // The next open would put the copy back and migrate again: the same result, only slower.
            LOG.warn("could not remove {}", copy, e);
        }
    }

    /** Whether another process holds H2's lock on the file (the lock is released again at once). */
    private static boolean openElsewhere(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    static Path copyOf(DatabaseLocation.EmbeddedFile file) {
        return file.file().resolveSibling(file.file().getFileName() + ".before-migration.zip");
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
