package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.StoreTransfer;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies a MediationDesk database (normally the embedded file) table by table into a server
 * database (H2 server or PostgreSQL) that the same migrations have just made, for
 * {@code migrate-to}. Plain JDBC below the repositories: every column of every row moves as it is,
 * ids and audit entries included, so the copy is the same database, not a re-entry of it.
 */
final class ServerTransfer implements StoreTransfer {
    private static final int BATCH = 1000;
    /** Bytes bound to one batch at most: attachments' contents run to megabytes a row. */
    private static final long BATCH_BYTES = 32L * 1024 * 1024;
    private static final String HISTORY = "flyway_schema_history";

    private final Database source;
    private final Database target;

    ServerTransfer(Database source, Database target) {
        this.source = source;
        this.target = target;
    }

    @Override
    public Map<String, Long> copy() {
        List<String> order = dependencyOrder();
        Map<String, Long> copied = new LinkedHashMap<>();
        unchecked(() -> source.jdbi().useHandle(from -> target.jdbi().useTransaction(to -> {
            Connection in = from.getConnection();
            Connection out = to.getConnection();
            // The migrations seeded the dictionaries and settings: the source's own rows replace them.
            for (String table : order.reversed()) {
                try (Statement s = out.createStatement()) {
                    s.executeUpdate("DELETE FROM " + table + (table.equals("setting")
                            ? " WHERE name NOT LIKE 'postgres.%'" : ""));
                }
            }
            for (String table : order) {
                copied.put(table, copyTable(in, out, table));
            }
            restartIdentities(out, order);
        })));
        return copied;
    }

    @Override
    public Map<String, Long> sourceRows() {
        return rows(source);
    }

    @Override
    public Map<String, Long> targetRows() {
        return rows(target);
    }

    private Map<String, Long> rows(Database database) {
        Map<String, Long> rows = new TreeMap<>();
        database.jdbi().useHandle(h -> {
            for (String table : dependencyOrder()) {
                long count = h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
                if (table.equals("setting")) {
                    count -= h.createQuery("SELECT COUNT(*) FROM setting WHERE name LIKE 'postgres.%'")
                            .mapTo(Long.class).one();
                }
                rows.put(table, count);
            }
        });
        return rows;
    }

    @Override
    public void undo() {
        unchecked(() -> target.jdbi().useHandle(h -> {
            Connection c = h.getConnection();
            c.setAutoCommit(true);
            if (!PostgresRoles.isPostgres(c)) {
                h.execute("DROP ALL OBJECTS");
                return;
            }
            String marker;
            String schema;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
                rs.next();
                schema = rs.getString(2);
                marker = PostgresRoles.marker(rs.getString(1), schema);
            }
            h.execute("DROP VIEW IF EXISTS " + PostgresRowSecurity.COUNTS_VIEW);
            for (String table : baseTables(target)) {
                h.execute("DROP TABLE IF EXISTS " + PostgresRoles.ident(table) + " CASCADE"); // and its policies
            }
            h.execute("DROP FUNCTION IF EXISTS " + PostgresRowSecurity.COMMITTEE_FUNCTION + "()");
            // Login roles first (they are members of the groups), then the groups.
            List<String> roles = h.createQuery("SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = :marker"
                            + " ORDER BY position('_u_' IN rolname) = 0, rolname")
                    .bind("marker", marker).mapTo(String.class).list();
            // With the objects gone, a role's only privilege left is the schema's USAGE (revoked
            // explicitly: DROP OWNED would need the owner to be a member of every role).
            for (String role : roles) {
                h.execute("REVOKE ALL ON SCHEMA " + PostgresRoles.ident(schema) + " FROM " + PostgresRoles.ident(role));
                h.execute("DROP ROLE " + PostgresRoles.ident(role));
            }
        }));
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** A JDBC failure as an unchecked one, its message kept: the migration names it in its report. */
    private static void unchecked(SqlWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every table but Flyway's history, each after the tables it refers to (a self-reference aside). */
    private List<String> dependencyOrder() {
        Set<String> tables = new TreeSet<>(baseTables(target));
        tables.remove(HISTORY);
        Map<String, Set<String>> refersTo = new TreeMap<>();
        unchecked(() -> target.jdbi().useHandle(h -> {
            DatabaseMetaData meta = h.getConnection().getMetaData();
            for (String table : tables) {
                Set<String> parents = new TreeSet<>();
                try (ResultSet rs = meta.getImportedKeys(null, schemaOf(h), storedName(meta, table))) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(table)) {
                            parents.add(parent);
                        }
                    }
                }
                refersTo.put(table, parents);
            }
        }));
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(refersTo.get(table))) {
                    placed.add(table);
                    order.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables refer to each other in a circle: " + refersTo);
            }
        }
        return order;
    }

    /** The tables (not views) in the database's own schema, in lower case. */
    private static Set<String> baseTables(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE IN ('BASE TABLE', 'TABLE')").mapTo(String.class).set());
    }

    private static String schemaOf(Handle h) throws SQLException {
        return h.getConnection().getSchema();
    }

    private static String storedName(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /**
     * Copies one table in batches. A column that refers to its own table (a duplicate lead names the
     * lead it repeats) is written empty first and filled in afterwards, so row order does not matter.
     */
    private static long copyTable(Connection in, Connection out, String table) throws SQLException {
        List<String> selfReferences = selfReferences(out, table);
        long count = 0;
        try (Statement read = in.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns, "?")) + ")";
                List<Object[]> later = new ArrayList<>();
                try (PreparedStatement write = out.prepareStatement(insert)) {
                    int batched = 0;
                    long batchedBytes = 0;
                    while (rs.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 1; i <= columns; i++) {
                            row[i - 1] = value(rs, i, meta.getColumnType(i));
                            if (row[i - 1] instanceof byte[] bytes) {
                                batchedBytes += bytes.length;
                            }
                            boolean self = selfReferences.contains(names.get(i - 1));
                            write.setObject(i, self ? null : row[i - 1]);
                        }
                        if (!selfReferences.isEmpty()) {
                            later.add(row);
                        }
                        write.addBatch();
                        count++;
                        if (++batched == BATCH || batchedBytes >= BATCH_BYTES) {
                            write.executeBatch();
                            batched = 0;
                            batchedBytes = 0;
                        }
                    }
                    write.executeBatch();
                }
                fillSelfReferences(out, table, names, selfReferences, later);
            }
        }
        return count;
    }

    private static void fillSelfReferences(Connection out, String table, List<String> names, List<String> columns,
                                           List<Object[]> rows) throws SQLException {
        if (columns.isEmpty()) {
            return;
        }
        int id = names.indexOf("id");
        for (String column : columns) {
            int index = names.indexOf(column);
            try (PreparedStatement update = out.prepareStatement(
                    "UPDATE " + table + " SET " + column + " = ? WHERE id = ?")) {
                int pending = 0;
                for (Object[] row : rows) {
                    if (row[index] != null) {
                        update.setObject(1, row[index]);
                        update.setObject(2, row[id]);
                        update.addBatch();
                        if (++pending % BATCH == 0) {
                            update.executeBatch();
                        }
                    }
                }
                update.executeBatch();
            }
        }
    }

    private static List<String> selfReferences(Connection out, String table) throws SQLException {
        DatabaseMetaData meta = out.getMetaData();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(null, out.getSchema(), storedName(meta, table))) {
            while (rs.next()) {
                if (rs.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
                    columns.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** A value as the target must receive it: dates and instants as java.time, never shifted by a time zone. */
    private static Object value(ResultSet rs, int column, int type) throws SQLException {
        return switch (type) {
            case Types.DATE -> rs.getObject(column, LocalDate.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, OffsetDateTime.class);
            case Types.TIMESTAMP -> rs.getObject(column, LocalDateTime.class);
            default -> rs.getObject(column);
        };
    }

    /** Moves each identity column's counter past the largest copied id, so new rows never collide. */
    private static void restartIdentities(Connection out, List<String> tables) throws SQLException {
        DatabaseMetaData meta = out.getMetaData();
        boolean postgres = PostgresRoles.isPostgres(out);
        for (String table : tables) {
            List<String> identities = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, out.getSchema(), storedName(meta, table), null)) {
                while (rs.next()) {
                    if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        identities.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String column : identities) {
                long next;
                try (Statement s = out.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement s = out.createStatement()) {
                    if (postgres) {
                        s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next
                                + ", false)");
                    } else {
                        s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
                    }
                }
            }
        }
    }
}
