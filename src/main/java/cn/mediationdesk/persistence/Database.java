package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.Store;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Opens a MediationDesk database (embedded H2 file, H2 server or PostgreSQL), brings its schema up
 * to date with Flyway, and serves it as a {@link Store}.
 */
public final class Database implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * H2 settings for the embedded file. WRITE_DELAY=0: a commit is on disk before it is
     * acknowledged (H2's default 500 ms delay loses the last half-second of commits when the
     * process is killed). REUSE_SPACE=FALSE: every chunk is appended, never written into space freed
     * earlier; H2 2.5.252 does not always record such a chunk in its file header, and the next open
     * after a kill then drops the commits since (docs/notes/file-size-and-reopen.md). The space is
     * given back by {@link FileCompaction} on close.
     */
    static final String H2_FILE_OPTIONS = ";WRITE_DELAY=0;REUSE_SPACE=FALSE";

    private final DatabaseLocation location;
    private final Jdbi jdbi;
    private final AutoCloseable dataSource;
    private final DatabaseWorker worker;

    private Database(DatabaseLocation location, DataSource dataSource) {
        this.location = location;
        // H2's pool is not AutoCloseable: without dispose() the database file stays open (and locked
        // against every other process) until this JVM exits.
        this.dataSource = switch (dataSource) {
            case JdbcConnectionPool pool -> () -> FileCompaction.close(location, pool);
            case AutoCloseable closeable -> closeable;
            default -> () -> { };
        };
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                .registerArgument(new UuidArgument());
        this.worker = new DatabaseWorker("database", 2);
    }

    /** Opens an existing database; fails with {@link Reason#MISSING} if there is none. */
    public static Database open(String location) {
        return open(DatabaseLocation.parse(location), false);
    }

    /**
     * Opens the database at {@code location}, creating it when {@code create} is true and nothing
     * is there yet, and migrates its schema to this version.
     */
    public static Database open(DatabaseLocation location, boolean create) {
        if (!create && !location.exists()) {
            throw new DatabaseOpenException(Reason.MISSING, location.display(), null);
        }
        MigrationGuard.restoreInterrupted(location);
        DataSource dataSource = dataSource(location, create);
        Database database = new Database(location, dataSource);
        try {
            database.worker.call(() -> {
                database.migrate(dataSource);
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private static DataSource dataSource(DatabaseLocation location, boolean create) {
        return switch (location) {
            case DatabaseLocation.EmbeddedFile file -> {
                if (create) {
                    try {
                        Files.createDirectories(file.basePath().getParent());
                    } catch (IOException e) {
                        throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), e);
                    }
                }
                String url = "jdbc:h2:file:" + file.basePath() + H2_FILE_OPTIONS + (create ? "" : ";IFEXISTS=TRUE");
                yield JdbcConnectionPool.create(url, "sa", "");
            }
            case DatabaseLocation.Url url when url.isPostgres() -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setUrl(url.jdbcUrl());
                yield pg;
            }
            case DatabaseLocation.Url url -> JdbcConnectionPool.create(url.jdbcUrl(), "sa", "");
        };
    }

    private void migrate(DataSource dataSource) {
        try (Connection probe = dataSource.getConnection()) {
            LOG.debug("connected to {} {}", probe.getMetaData().getDatabaseProductName(),
                    probe.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw translate(e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        boolean fromNewerVersion = Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getState)
                .anyMatch(state -> state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED);
        if (fromNewerVersion) {
            throw new DatabaseOpenException(Reason.NEWER_SCHEMA, location.display(), null);
        }
        try {
            MigrationGuard.migrate(location, dataSource, flyway);
        } catch (FlywayException e) {
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), e);
        }
    }

    private DatabaseOpenException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Reason reason = switch (e.getErrorCode()) {
            case 90020 -> Reason.LOCKED;                 // H2: database already open elsewhere
            case 90146, 90013 -> Reason.MISSING;         // H2: not found (IFEXISTS)
            case 28000, 90049 -> Reason.WRONG_PASSWORD;  // H2: wrong user/password, wrong file password
            default -> {
                if (state.equals("28P01") || state.equals("28000")) {
                    yield Reason.WRONG_PASSWORD;
                }
                if (state.equals("3D000")) {
                    yield Reason.MISSING;
                }
                if (state.startsWith("08")) {
                    yield Reason.UNREACHABLE;
                }
                yield Reason.UNREADABLE;
            }
        };
        return new DatabaseOpenException(reason, location.display(), e);
    }

    @Override
    public <R> R read(Work<R> work) {
        // Read-only is set before the transaction begins: PostgreSQL refuses to change it inside one.
        List<Runnable> afterCommit = new ArrayList<>();
        R result = worker.call(() -> jdbi.withHandle(handle -> {
            handle.getConnection().setReadOnly(true);
            try {
                return handle.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                        h -> work.run(new JdbiTx(h, afterCommit)));
            } finally {
                handle.getConnection().setReadOnly(false);
            }
        }));
        runAfterCommit(afterCommit);
        return result;
    }

    @Override
    public <R> R write(Work<R> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        R result = worker.call(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                handle -> work.run(new JdbiTx(handle, afterCommit))));
        runAfterCommit(afterCommit);
        return result;
    }

    /** Reached only when the transaction committed: a failure here is logged and cannot undo it. */
    private void runAfterCommit(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an action after the commit to {} failed", location.display(), e);
            }
        }
    }

    /**
     * Binds UUIDs as themselves and a null UUID as an untyped null: Jdbi's default binds the null
     * as a VARCHAR, which PostgreSQL refuses for a {@code uuid} column (H2 converts it silently).
     */
    private static final class UuidArgument extends AbstractArgumentFactory<UUID> {
        UuidArgument() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(UUID value, ConfigRegistry config) {
            return (position, statement, context) -> statement.setObject(position, value);
        }
    }

    @Override
    public String location() {
        return location.display();
    }

    public DatabaseLocation databaseLocation() {
        return location;
    }

    @Override
    public void close() {
        worker.close();
        try {
            dataSource.close();
        } catch (Exception e) {
            LOG.warn("closing the connection pool of {} failed", location.display(), e);
        }
    }
}
