package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.StorageException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Opens a MediationDesk database (embedded H2 file, H2 server or PostgreSQL), brings its schema up
 * to date with Flyway, and serves it as a {@link Store}.
 */
public final class Database implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /**
     * How long a server connection waits for a row another PC holds before giving up with a plain
     * "another PC is saving" message: long enough for an import's last step (issuing its case numbers
     * and writing its audit entries), short enough that nobody waits on a PC that hangs.
     */
    static final int SERVER_LOCK_TIMEOUT_MS = 20_000;


    /**
     * The tables of the first schema: every MediationDesk database of any version has them, so one that
     * lacks any is damaged (its metadata lost them), whatever H2 says about it.
     */
    static final java.util.Set<String> FIRST_TABLES = java.util.Set.of("agreement", "case_number_counter",
            "committee", "community", "dispute_type", "extension", "follow_up", "grid", "judicial_confirmation",
            "jurisdiction", "lead", "lead_mediator", "lead_source", "lead_transition", "mediation_session", "outcome",
            "party", "person", "risk_level", "setting", "source_group", "verification_result", "verification_step",
            "flyway_schema_history");
    /** Every table of the current schema (a test keeps this list equal to what the migrations make). */
    static final java.util.Set<String> TABLES = java.util.stream.Stream.concat(FIRST_TABLES.stream(),
            java.util.stream.Stream.of("app_user", "audit_chain", "audit_entry", "installation", "package_sender", "received_package", "lead_exchange", "package_conflict", "received_audit_entry",
            "party_agent", "case_record", "referral", "case_file_info", "attachment_content", "attachment",
            "lead_prevention", "risk_assessment", "lead_recurrence", "session_plan", "screening", "monthly_report",
            "import_profile", "lead_text", "lead_gram", "tally_lead", "tally_count")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final DatabaseLocation location;
    private final Jdbi jdbi;
    private final AutoCloseable dataSource;
    private final DatabaseWorker worker;
    /** The file an interrupted bulk write left, when opening put the copy taken before it back. */
    private volatile java.nio.file.Path undoneBulkWrite;
    /** Writes share it; a bulk write holds it alone, so that its safety copy misses no other commit. */
    private final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();
    private final boolean created;
    /** The key of an encrypted embedded file; null for a server or an unencrypted file. */
    private final DatabaseKey key;
    /** Removes the key of a file made by this process, when the file is discarded. */
    private final Runnable forgetKey;
    private volatile String schemaVersion = "";
    /** H2's TCP server while this embedded database is served to the LAN. */
    private volatile org.h2.tools.Server lanServer;

    private Database(DatabaseLocation location, DataSource dataSource, boolean created, DatabaseKey key,
                     Runnable forgetKey) {
        this.location = location;
        this.created = created;
        this.key = key;
        this.forgetKey = forgetKey;
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

    /**
     * From now on, database work started where {@code forbidden} answers true is a fault: logged with
     * where it came from and kept for the tests ({@link DatabaseThreads}). The window names its event
     * thread here, so that no query ever freezes it.
     */
    public static void forbidWorkWhere(java.util.function.BooleanSupplier forbidden) {
        DatabaseThreads.forbid(forbidden);
    }

    /** Opens an existing database; fails with {@link Reason#MISSING} if there is none. */
    public static Database open(String location) {
        return open(DatabaseLocation.parse(location), false);
    }

    /**
     * Opens the database at {@code location}, creating it when {@code create} is true and nothing
     * is there yet, and migrates its schema to this version. Embedded files are encrypted with a key
     * from this PC's {@link KeyRing}.
     */
    public static Database open(DatabaseLocation location, boolean create) {
        return open(location, create, KeyRing.inSettingsFolder());
    }

    public static Database open(DatabaseLocation location, boolean create, KeyRing keys) {
        return open(location, create, keys, java.util.Optional.empty());
    }

    /**
     * Opens a database, using {@code recovery} (a recovery code's key) for an encrypted file whose key
     * this PC does not hold, and keeping that key once it has opened the file.
     */
    public static Database open(DatabaseLocation location, boolean create, KeyRing keys,
                                java.util.Optional<DatabaseKey> recovery) {
        DatabaseThreads.check("opening");
        return switch (location) {
            case DatabaseLocation.EmbeddedFile file -> EmbeddedFiles.open(file, create, keys, recovery);
            case DatabaseLocation.Url url -> {
                DataSource dataSource = serverDataSource(url);
                if (!create) {
                    requireMediationDesk(url, dataSource);
                }
                yield migrated(location, dataSource, false, null, () -> { });
            }
        };
    }

    /** A database over {@code dataSource}, its schema brought up to date; closed again if that fails. */
    static Database migrated(DatabaseLocation location, DataSource dataSource, boolean created, DatabaseKey key,
                             Runnable forgetKey) {
        Database database = new Database(location, dataSource, created, key, forgetKey);
        try {
            database.worker.call(() -> {
                database.migrate(dataSource);
                // generate sets plain indexes aside while it loads; a run killed meanwhile left them out
                database.jdbi.useTransaction(handle -> new GeneratedLeadBulkWriter(handle).restoreIndexes());
                return null;
            });
        } catch (RuntimeException e) {
            database.close();
            throw StorageFailures.translate(location.display(), e);
        }
        return database;
    }

    private static DataSource serverDataSource(DatabaseLocation.Url url) {
        DatabaseLocation.Login login = url.login();
        if (url.isPostgres()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url.jdbcUrl());
            if (login != null) {
                if (login.user() != null) {
                    pg.setUser(login.user());
                }
                pg.setPassword(login.password());
            }
            if (!url.jdbcUrl().contains("options=")) {
                pg.setOptions("-c lock_timeout=" + SERVER_LOCK_TIMEOUT_MS);
            }
            return pg;
        }
        String jdbcUrl = url.jdbcUrl();
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        if (login != null && login.encryptedFile() && !upper.contains(";CIPHER=")) {
            jdbcUrl += ";CIPHER=AES";
        }
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            jdbcUrl += ";LOCK_TIMEOUT=" + SERVER_LOCK_TIMEOUT_MS;
        }
        // Without a password given, the URL's own USER and PASSWORD (which H2 prefers to these) or H2's default.
        return JdbcConnectionPool.create(jdbcUrl, login == null || login.user() == null ? "sa" : login.user(),
                login == null ? "" : login.password());
    }

    /**
     * Refuses a server database that holds no MediationDesk database before anything is written to it:
     * a mistyped URL must not become an empty database that reports zeros. Empty is MISSING (init or
     * demo make one); other tables without ours are NOT_OURS.
     */
    private static void requireMediationDesk(DatabaseLocation.Url url, DataSource dataSource) {
        java.util.Set<String> tables = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             java.sql.ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                     new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            closeQuietly(dataSource);
            throw translate(e, url);
        }
        if (tables.containsAll(java.util.Set.of("flyway_schema_history", "lead", "committee", "case_number_counter"))) {
            return;
        }
        closeQuietly(dataSource);
        LOG.debug("{} holds the tables {}", url.display(), tables);
        throw new DatabaseOpenException(tables.isEmpty() ? Reason.MISSING : Reason.NOT_OURS, url.display(), null);
    }

    /** Whether the server refused a migration's statement for want of a right (SQLSTATE 42501), e.g. CREATE ROLE. */
    private static boolean lacksRights(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(DataSource dataSource) {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
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
                // V10, V12 and V14: row security on PostgreSQL, nothing on H2
                .javaMigrations(new PostgresRowSecurity(), new CaseFileRowSecurity(),
                        new DailyWorkRowSecurity(), new LeadTextIndexMigration(), new KeptCountsMigration())
                .failOnMissingLocations(true)
                .load();
        boolean fromNewerVersion = Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getState)
                .anyMatch(state -> state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED);
        if (fromNewerVersion) {
            throw new DatabaseOpenException(Reason.NEWER_SCHEMA, location.display(), null);
        }
        try {
            SafetyCopy.migrate(location, dataSource, flyway);
            MigrationInfo current = flyway.info().current();
            schemaVersion = current == null || current.getVersion() == null ? "" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            // a migration that failed because the disk is full or read-only says so, not "unreadable"
            if (StorageFailures.translate(location.display(), e) instanceof StorageException storage) {
                throw storage;
            }
            throw new DatabaseOpenException(lacksRights(e) ? Reason.SERVER_RIGHTS : Reason.UNREADABLE,
                    location.display(), e);
        }
        if (location instanceof DatabaseLocation.EmbeddedFile file) {
            java.util.Set<String> missing = new java.util.TreeSet<>(TABLES);
            missing.removeAll(tables());
            if (!missing.isEmpty()) {
                LOG.warn("{} lacks the tables {}", location.display(), missing);
                throw EmbeddedFiles.refused(file, Reason.DAMAGED, null);
            }
        }
    }

    /** The names of the tables in the database's own schema, in lower case. */
    java.util.Set<String> tables() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")
                .mapTo(String.class).set());
    }

    DatabaseOpenException translate(SQLException e) {
        return translate(e, location);
    }

    static DatabaseOpenException translate(SQLException e, DatabaseLocation location) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Reason reason = switch (e.getErrorCode()) {
            case 90020 -> Reason.LOCKED;                 // H2: database already open elsewhere
            case 90146, 90013 -> Reason.MISSING;         // H2: not found (IFEXISTS)
            case 90067, 90028 -> Reason.UNREACHABLE;     // H2: connection broken, server not answering
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
        try {
            return readOnWorker(work);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(location.display(), e); // a full disk, damaged pages …
        }
    }

    private <R> R readOnWorker(Work<R> work) {
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
        try {
            return writeOnWorker(work);
        } catch (RuntimeException e) {
            throw StorageFailures.translate(location.display(), e);
        }
    }

    private <R> R writeOnWorker(Work<R> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        R result = holding(writers.readLock(), () -> worker.call(() -> transaction(work, afterCommit)));
        runAfterCommit(afterCommit);
        return result;
    }

    private <R> R transaction(Work<R> work, List<Runnable> afterCommit) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                handle -> LeadChanges.inStep(handle, () -> work.run(new JdbiTx(handle, afterCommit))));
    }

    /**
     * In an embedded file, a copy is taken before the transaction and removed after its commit or
     * roll-back ({@link SafetyCopy}); the copy still there at the next open means the process died
     * in between, possibly while H2 was committing, and is put back. A kill after the commit but
     * before the copy is removed therefore undoes the write: it was never acknowledged.
     */
    @Override
    public <R> R bulkWrite(Work<R> work) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile file) || DatabaseWorker.onWorker()) {
            return write(work); // a server keeps its own transactions whole; nested work is inside a write
        }
        try {
            List<Runnable> afterCommit = new ArrayList<>();
            R result = holding(writers.writeLock(), () -> worker.call(() -> {
                jdbi.useHandle(handle -> SafetyCopy.take(file, handle.getConnection(), SafetyCopy.Purpose.BULK_WRITE));
                try {
                    return transaction(work, afterCommit);
                } finally {
                    SafetyCopy.release(file, SafetyCopy.Purpose.BULK_WRITE);
                }
            }));
            runAfterCommit(afterCommit);
            return result;
        } catch (RuntimeException e) {
            throw StorageFailures.translate(location.display(), e);
        }
    }

    /** Runs {@code work} holding {@code lock}, unless this is nested work already running under one. */
    private static <R> R holding(Lock lock, java.util.function.Supplier<R> work) {
        if (DatabaseWorker.onWorker()) {
            return work.get();
        }
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
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

    void undidBulkWrite(java.nio.file.Path leftBehind) {
        undoneBulkWrite = leftBehind;
    }

    @Override
    public java.util.Optional<java.nio.file.Path> undoneBulkWrite() {
        return java.util.Optional.ofNullable(undoneBulkWrite);
    }

    /** Whether this process made the database (and may remove it again if its set-up fails). */
    public boolean created() {
        return created;
    }

    @Override
    public java.util.Optional<DatabaseKey> fileKey() {
        return java.util.Optional.ofNullable(key);
    }

    /** Whether the file is encrypted. */
    public boolean encrypted() {
        return key != null;
    }

    /** The recovery code of an encrypted embedded file (shown once when it is made). */
    public java.util.Optional<String> recoveryCode() {
        return java.util.Optional.ofNullable(key).map(DatabaseKey::recoveryCode);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> embeddedFile() {
        return location instanceof DatabaseLocation.EmbeddedFile file ? java.util.Optional.of(file.basePath())
                : java.util.Optional.empty();
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public boolean backsUp() {
        return location instanceof DatabaseLocation.EmbeddedFile;
    }

    @Override
    public void backupTo(java.nio.file.Path target) {
        if (!backsUp()) {
            Store.super.backupTo(target);
        }
        String path = target.toAbsolutePath().toString().replace("'", "''");
        worker.call(() -> {
            jdbi.useHandle(handle -> handle.execute("BACKUP TO '" + path + "'"));
            return null;
        });
    }

    @Override
    public java.util.Optional<DirectAccess> directAccess() {
        if (location instanceof DatabaseLocation.EmbeddedFile file) {
            return java.util.Optional.of(new DirectAccess(EmbeddedFiles.url(file, key), EmbeddedFiles.USER,
                    EmbeddedFiles.password(key)));
        }
        return java.util.Optional.empty();
    }

    @Override
    public synchronized cn.mediationdesk.logic.share.LanServer serveOnLan(int port) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile file)) {
            return Store.super.serveOnLan(port);
        }
        if (lanServer != null && lanServer.isRunning(false)) {
            throw new cn.mediationdesk.logic.ValidationException(cn.mediationdesk.model.Problem.of(
                    cn.mediationdesk.model.Problem.Field.DATABASE, "share.alreadyServing", lanServer.getPort()));
        }
        org.h2.tools.Server server;
        try {
            // -key: the one name clients use maps to this file, and no other database can be reached;
            // -ifExists: nothing is ever created through the server.
            server = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpAllowOthers",
                    "-ifExists", "-key", cn.mediationdesk.logic.share.LanServer.ALIAS, file.basePath().toString()).start();
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.EXCEPTION_OPENING_PORT_2) {
                throw new cn.mediationdesk.logic.ValidationException(cn.mediationdesk.model.Problem.of(
                        cn.mediationdesk.model.Problem.Field.DATABASE, "share.portInUse", port));
            }
            throw new IllegalStateException("could not start the TCP server on port " + port, e);
        }
        lanServer = server;
        LOG.info("serving {} on port {}", location.display(), server.getPort());
        return new cn.mediationdesk.logic.share.LanServer() {
            @Override
            public int port() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.stop();
                synchronized (Database.this) {
                    if (lanServer == server) {
                        lanServer = null;
                    }
                }
            }
        };
    }

    @Override
    public void setLanAccount(String accountPassword) {
        if (!(location instanceof DatabaseLocation.EmbeddedFile)) {
            Store.super.setLanAccount(accountPassword);
        }
        if (!accountPassword.matches("[" + cn.mediationdesk.logic.share.SharePassword.ALPHABET + "]+")) {
            throw new IllegalArgumentException("not a LAN account password");
        }
        String user = cn.mediationdesk.logic.share.SharePassword.ACCOUNT;
        // An administrator of the database: a client's Flyway must be able to bring the schema up to date.
        worker.call(() -> {
            jdbi.useHandle(handle -> {
                handle.execute("CREATE USER IF NOT EXISTS " + user + " PASSWORD '" + accountPassword + "' ADMIN");
                handle.execute("ALTER USER " + user + " SET PASSWORD '" + accountPassword + "'");
            });
            return null;
        });
    }

    /**
     * What opens an embedded file with H2's own tools, its key taken from {@code keys}; empty when the
     * location is a server, or the file is encrypted with a key the ring does not hold.
     */
    public static java.util.Optional<DirectAccess> directAccessTo(DatabaseLocation location, KeyRing keys) {
        return EmbeddedFiles.directAccess(location, keys);
    }

    /**
     * Closes a database this process has just made and removes its file and key: for an {@code init}
     * or {@code demo} that failed half-way, which must leave nothing behind.
     */
    public void discard() {
        close();
        if (created && location instanceof DatabaseLocation.EmbeddedFile file) {
            EmbeddedFiles.deleteFiles(file);
            forgetKey.run();
        }
    }

    /**
     * The tables and views at a server location, read without creating or migrating anything: for
     * {@code migrate-to}, which copies only into an empty database.
     */
    static java.util.Set<String> tablesAt(DatabaseLocation.Url url) {
        DataSource dataSource = serverDataSource(url);
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(
                     "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA")) {
            java.util.Set<String> tables = new java.util.TreeSet<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (SQLException e) {
            throw translate(e, url);
        } finally {
            if (dataSource instanceof JdbcConnectionPool pool) {
                pool.dispose();
            }
        }
    }

    /** Whether a server location already holds tables or views: {@code migrate-to} copies only into an empty one. */
    public static boolean holdsTables(DatabaseLocation.Url url) {
        return !tablesAt(url).isEmpty();
    }

    /** For {@code migrate-to}: a table-by-table copy of this database into {@code target}. */
    public cn.mediationdesk.logic.store.StoreTransfer transferTo(Database target) {
        return new ServerTransfer(this, target);
    }

    /** For {@link ServerTransfer}, which copies whole tables below the repositories. */
    Jdbi jdbi() {
        return jdbi;
    }

    public DatabaseLocation databaseLocation() {
        return location;
    }

    @Override
    public void close() {
        org.h2.tools.Server serving = lanServer;
        if (serving != null) {
            serving.stop();
        }
        worker.close();
        try {
            dataSource.close();
        } catch (Exception e) {
            LOG.warn("closing the connection pool of {} failed", location.display(), e);
        }
    }
}
