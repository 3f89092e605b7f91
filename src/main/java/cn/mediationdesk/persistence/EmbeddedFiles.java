package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.backup.BackupArchive;
import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.StorageException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Opening an embedded H2 file safely: the file is judged by its first bytes and then read in
 * read-only mode before anything may write to it, so an empty, cut-short, damaged or foreign file is
 * reported (naming the newest backup) and left byte for byte as it was; never does a fresh schema
 * land on top of it. New files are encrypted (CIPHER=AES) with a random key from the {@link KeyRing};
 * an unencrypted file of an earlier version is encrypted on its first open.
 */
final class EmbeddedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFiles.class);

    /**
     * WRITE_DELAY=0: a commit is on disk before it is acknowledged (H2's default 500 ms delay loses
     * the last half-second of commits when the process is killed). REUSE_SPACE=FALSE: every chunk is
     * appended, never written into space freed earlier; H2 2.5.252 does not always record such a chunk
     * in its file header, and the next open after a kill then drops the commits since
     * (docs/notes/file-size-and-reopen.md); {@link FileCompaction} gives the space back on close.
     * TRACE_LEVEL_FILE=0: no trace file beside the database, which would hold statements in clear.
     */
    static final String OPTIONS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE;TRACE_LEVEL_FILE=0";
    private static final String CIPHER = ";CIPHER=AES";
    static final String USER = "sa";

    private EmbeddedFiles() {
    }

    static Database open(DatabaseLocation.EmbeddedFile file, boolean create, KeyRing keys,
                         java.util.Optional<DatabaseKey> recovery) {
        java.util.Optional<Path> undone = SafetyCopy.restoreInterrupted(file);
        Database database = openFound(file, create, keys, recovery);
        undone.ifPresent(database::undidBulkWrite);
        return database;
    }

    private static Database openFound(DatabaseLocation.EmbeddedFile file, boolean create, KeyRing keys,
                                      java.util.Optional<DatabaseKey> recovery) {
        H2File found = inspect(file);
        return switch (found.kind()) {
            case MISSING -> {
                if (!create) {
                    throw refused(file, Reason.MISSING, null);
                }
                yield create(file, keys);
            }
            case EMPTY -> throw refused(file, Reason.EMPTY, null);
            case ZEROED -> throw refused(file, Reason.DAMAGED, null);
            case FOREIGN -> throw refused(file, Reason.NOT_OURS, null);
            case PLAIN -> {
                probe(file, null, false);
                if (!keys.encrypts()) {
                    yield openWith(file, null);
                }
                DatabaseKey key = encrypt(file, keys);
                yield openWith(file, key);
            }
            case ENCRYPTED -> {
                java.util.Optional<DatabaseKey> kept = keys.find(found.fileId());
                if (kept.isPresent()) {
                    probe(file, kept.get(), true);
                    yield openWith(file, kept.get());
                }
                DatabaseKey key = recovery.orElseThrow(() -> refused(file, Reason.KEY_MISSING, null));
                probe(file, key, false);
                keys.keep(found.fileId(), key);
                yield openWith(file, key);
            }
        };
    }

    /** The JDBC URL of an embedded file (for {@code key show}: what opens it with H2's own tools). */
    static String url(DatabaseLocation.EmbeddedFile file, DatabaseKey key) {
        return "jdbc:h2:file:" + file.basePath() + OPTIONS + (key == null ? "" : CIPHER);
    }

    static java.util.Optional<cn.mediationdesk.logic.store.Store.DirectAccess> directAccess(DatabaseLocation location,
                                                                                           KeyRing keys) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile file)) {
            return java.util.Optional.empty();
        }
        H2File found = inspect(file);
        DatabaseKey key = null;
        if (found.kind() == H2File.Kind.ENCRYPTED) {
            java.util.Optional<DatabaseKey> kept = keys.find(found.fileId());
            if (kept.isEmpty()) {
                return java.util.Optional.empty();
            }
            key = kept.get();
        }
        return java.util.Optional.of(new cn.mediationdesk.logic.store.Store.DirectAccess(url(file, key), USER, password(key)));
    }

    static String password(DatabaseKey key) {
        return key == null ? "" : key.h2Password();
    }

    private static H2File inspect(DatabaseLocation.EmbeddedFile file) {
        try {
            return H2File.inspect(file.file());
        } catch (IOException e) {
            throw refused(file, Reason.UNREADABLE, e);
        }
    }

    /** A refusal naming the newest backup of this database, if there is one. */
    static DatabaseOpenException refused(DatabaseLocation.EmbeddedFile file, Reason reason, Throwable cause) {
        String newest = null;
        if (reason != Reason.MISSING && reason != Reason.LOCKED) {
            try {
                newest = BackupFolder.of(file.basePath()).newest().map(e -> e.file().toString()).orElse(null);
            } catch (UncheckedIOException e) {
                LOG.debug("could not list the backups of {}", file.display(), e);
            }
        }
        return new DatabaseOpenException(reason, file.display(), cause, newest);
    }

    /**
     * Reads the file without writing a byte: it must open, and hold a MediationDesk schema. H2 in
     * read-only mode refuses a store it would have to repair or create, which is what we want to know.
     */
    private static void probe(DatabaseLocation.EmbeddedFile file, DatabaseKey key, boolean keyIsKept) {
        probeStore(file, key, keyIsKept);
        String url = url(file, key) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection connection = DriverManager.getConnection(url, USER, password(key));
             Statement statement = connection.createStatement();
             ResultSet names = statement.executeQuery(
                     "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            java.util.Set<String> tables = new java.util.HashSet<>();
            while (names.next()) {
                tables.add(names.getString(1));
            }
            if (!tables.contains("flyway_schema_history")) {
                throw refused(file, Reason.NOT_OURS, null);
            }
            if (!tables.containsAll(Database.FIRST_TABLES)) {
                throw refused(file, Reason.DAMAGED, null);
            }
        } catch (SQLException e) {
            throw switch (e.getErrorCode()) {
                case 90020 -> refused(file, Reason.LOCKED, e);
                case 28000 -> refused(file, Reason.WRONG_PASSWORD, e);
                // A key kept for this very file that no longer opens it: its first block is damaged.
                case 90049 -> refused(file, keyIsKept ? Reason.DAMAGED : Reason.WRONG_PASSWORD, e);
                default -> refused(file, Reason.DAMAGED, e);
            };
        }
    }

    /**
     * The store beneath the SQL layer, read-only: a file cut short to a bare header opens there as an
     * empty store (a MediationDesk database never is), and H2's SQL layer, which would say "read
     * only" about it, keeps the file locked in this process afterwards.
     */
    private static void probeStore(DatabaseLocation.EmbeddedFile file, DatabaseKey key, boolean keyIsKept) {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.file().toString()).readOnly();
        if (key != null) {
            builder.encryptionKey(key.filePassword().toCharArray());
        }
        MVStore store;
        try {
            store = builder.open();
        } catch (MVStoreException e) {
            throw switch (e.getErrorCode()) {
                case DataUtils.ERROR_FILE_LOCKED -> refused(file, Reason.LOCKED, e);
                case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_READING_FAILED, DataUtils.ERROR_CHUNK_NOT_FOUND ->
                        refused(file, key != null && !keyIsKept ? Reason.WRONG_PASSWORD : Reason.DAMAGED, e);
                default -> refused(file, Reason.DAMAGED, e);
            };
        } catch (RuntimeException e) {
            throw refused(file, Reason.DAMAGED, e);
        }
        try {
            if (store.getMapNames().isEmpty()) {
                throw refused(file, Reason.DAMAGED, null);
            }
        } finally {
            store.closeImmediately();
        }
    }

    private static Database openWith(DatabaseLocation.EmbeddedFile file, DatabaseKey key) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(file, key) + ";IFEXISTS=TRUE", USER, password(key));
        return Database.migrated(file, pool, false, key, () -> { });
    }

    /**
     * A new database file; if anything fails before it is complete, no file is left behind (a
     * half-made database is one nothing opens again).
     */
    private static Database create(DatabaseLocation.EmbeddedFile file, KeyRing keys) {
        DatabaseKey key = keys.encrypts() ? DatabaseKey.generate() : null;
        String[] fileId = {null};
        try {
            Files.createDirectories(file.basePath().getParent());
        } catch (IOException e) {
            throw refused(file, Reason.UNREADABLE, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(file, key), USER, password(key));
        try {
            try (Connection first = pool.getConnection()) {
                // H2 has written the header now: the key is kept under the file's id before any data goes in.
                if (key != null) {
                    fileId[0] = H2File.inspect(file.file()).fileId();
                    keys.keep(fileId[0], key);
                }
            }
            return Database.migrated(file, pool, true, key, () -> {
                if (fileId[0] != null) {
                    keys.forget(fileId[0]);
                }
            });
        } catch (SQLException | IOException | RuntimeException e) {
            pool.dispose();
            deleteFiles(file);
            if (fileId[0] != null) {
                keys.forget(fileId[0]);
            }
            if (StorageFailures.translate(file.display(), e) instanceof StorageException storage) {
                throw storage; // a full or read-only disk says so, not "unreadable"
            }
            if (e instanceof DatabaseOpenException open) {
                throw open;
            }
            throw e instanceof SQLException sql ? Database.translate(sql, file)
                    : new DatabaseOpenException(Reason.UNREADABLE, file.display(), e);
        }
    }

    /** Removes a database file made by this process that must not stay (creation failed, or discarded). */
    static void deleteFiles(DatabaseLocation.EmbeddedFile file) {
        try {
            Files.deleteIfExists(file.file());
            Files.deleteIfExists(file.basePath().resolveSibling(file.basePath().getFileName() + ".trace.db"));
        } catch (IOException e) {
            LOG.warn("could not remove the unfinished database {}", file.display(), e);
        }
    }

    /**
     * Encrypts an unencrypted file of an earlier version: the copy is encrypted beside it, its key
     * kept, its account given a password, and a backup of it made, before it replaces the original
     * in one move. Until that move the original is untouched; after it, no copy in clear is left.
     */
    private static DatabaseKey encrypt(DatabaseLocation.EmbeddedFile file, KeyRing keys) {
        String name = file.basePath().getFileName().toString();
        Path scratch = file.basePath().resolveSibling("." + name + ".encrypting");
        DatabaseKey key = DatabaseKey.generate();
        try {
            deleteTree(scratch);
            Files.createDirectories(scratch);
            Path copy = scratch.resolve(file.file().getFileName());
            Files.copy(file.file(), copy);
            ChangeFileEncryption.execute(scratch.toString(), name, "AES", null, key.filePassword().toCharArray(), true);
            String fileId = H2File.inspect(copy).fileId();
            keys.keep(fileId, key);
            DatabaseLocation.EmbeddedFile encrypted = new DatabaseLocation.EmbeddedFile(scratch.resolve(name));
            try (Connection connection = DriverManager.getConnection(url(encrypted, key) + ";IFEXISTS=TRUE", USER,
                    key.filePassword() + " ");
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER USER " + USER + " SET PASSWORD '" + key.userPassword() + "'");
            }
            BackupFolder backups = BackupFolder.of(file.basePath());
            BackupArchive.zipDatabaseFile(copy, backups.newFile(LocalDateTime.now(), BackupKind.ENCRYPTED));
            try {
                Files.move(copy, file.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(copy, file.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(file.basePath().resolveSibling(name + ".trace.db"));
            LOG.info("encrypted the database {} (its key is in {})", file.display(), keys.folder());
            return key;
        } catch (SQLException e) {
            throw Database.translate(e, file);
        } catch (IOException e) {
            throw refused(file, Reason.UNREADABLE, e);
        } finally {
            try {
                deleteTree(scratch);
            } catch (IOException e) {
                LOG.warn("could not remove {}", scratch, e);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
