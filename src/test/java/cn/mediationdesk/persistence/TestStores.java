package cn.mediationdesk.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place tests get a fresh, empty MediationDesk database from: an embedded H2 file in the
 * test's folder, or, when the system property {@value #PROPERTY} is {@code postgres} (the second
 * Surefire run of {@code ./test.sh}), a fresh schema on the PostgreSQL server of
 * {@link PostgresTestServer}. The schemas, and the roles each one's migration made, are dropped
 * when the test JVM ends.
 */
public final class TestStores {
    public static final String PROPERTY = "mediationdesk.test.database";
    private static final List<String> SCHEMAS = new ArrayList<>();
    private static final java.util.Map<Path, String> BY_PATH = new java.util.HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStores::dropSchemas, "drop-test-schemas"));
    }

    private TestStores() {
    }

    /** Whether this run puts the tests' databases on PostgreSQL. */
    public static boolean onPostgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }

    /** A fresh database, migrated and empty (no jurisdiction, no accounts). */
    public static Database fresh(Path dir) {
        return fresh(dir, "store");
    }

    /** The same, named {@code name} in {@code dir} when it is embedded. */
    public static Database fresh(Path dir, String name) {
        return Database.open(location(dir, name), true);
    }

    /**
     * Where the database {@code name} in {@code dir} lives in this run: the embedded file, or on
     * PostgreSQL a schema made the first time this folder and name are asked for, and the same schema
     * every later time (for tests that close a database and open it again, as another process would).
     */
    public static DatabaseLocation location(Path dir, String name) {
        Path file = dir.resolve(name).toAbsolutePath().normalize();
        if (!onPostgres()) {
            return new DatabaseLocation.EmbeddedFile(file);
        }
        String schema;
        synchronized (SCHEMAS) {
            schema = BY_PATH.computeIfAbsent(file, f -> {
                String made = PostgresTestServer.createSchema();
                SCHEMAS.add(made);
                return made;
            });
        }
        return DatabaseLocation.parse(PostgresTestServer.url("test", schema));
    }

    /**
     * A plain JDBC connection to the same database, behind the application's back (for checking rows
     * or loading them in bulk); on PostgreSQL as the superuser, with the test's schema as current.
     */
    public static Connection connect(Database database) throws SQLException {
        return connect(database.databaseLocation());
    }

    /** The same for a database given by where it lives, open or closed. */
    public static Connection connect(DatabaseLocation location) throws SQLException {
        return switch (location) {
            case DatabaseLocation.EmbeddedFile file -> DirectConnections.open(file.basePath());
            case DatabaseLocation.Url url -> DriverManager.getConnection(url.jdbcUrl());
        };
    }

    /**
     * Deletes every lead of {@code database} through a second connection: the store has no way to delete
     * leads. Their parts, text index rows and tally rows go with them; the tally's counts kept ahead are
     * emptied too, as they would count leads no longer there.
     */
    public static void deleteAllLeads(Database database) {
        try (Connection connection = connect(database);
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE lead SET duplicate_of_id = NULL WHERE duplicate_of_id IS NOT NULL");
            statement.executeUpdate("DELETE FROM lead");
            statement.executeUpdate("DELETE FROM tally_count");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For a jqwik property, as {@code Assume.that(TestStores.sampled(counter))}: on H2 every try runs;
     * on PostgreSQL only every {@value #POSTGRES_SAMPLE}th, the others are discarded. A try there writes
     * its ledger and runs its queries over the network, about eight times as slow as on H2, and the
     * property already ran in full on H2. The property needs {@code maxDiscardRatio >= }{@value #POSTGRES_SAMPLE}.
     */
    public static boolean sampled(java.util.concurrent.atomic.AtomicInteger tries) {
        return !onPostgres() || tries.incrementAndGet() % POSTGRES_SAMPLE == 0;
    }

    public static final int POSTGRES_SAMPLE = 8;

    /** Drops every schema this run made, four at a time: a run on PostgreSQL makes a few hundred. */
    private static void dropSchemas() {
        List<String> schemas;
        synchronized (SCHEMAS) {
            schemas = List.copyOf(SCHEMAS);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        for (String schema : schemas) {
            pool.execute(() -> {
                try {
                    PostgresTestServer.dropSchema(schema);
                } catch (RuntimeException e) {
                    System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
