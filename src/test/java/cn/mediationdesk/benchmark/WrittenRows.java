package cn.mediationdesk.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The floor of a bulk write (an import, a package): the very rows a first run wrote, read back table
 * by table, and inserted again into a fresh copy with plain JDBC batches of 1,000 in one transaction.
 */
final class WrittenRows {
    private static final int BATCH = 1000;

    /** One table's rows, with the insert statement that writes them again. */
    record Table(List<String> columns, String insert, List<Object[]> rows) {
        Table withRows(List<Object[]> reordered) {
            return new Table(columns, insert, reordered);
        }
    }

    private WrittenRows() {
    }

    /**
     * Every row of {@code tables}, in that order, that {@code where} selects: it gives a table's
     * {@code WHERE} clause ("" for all of it) or null to leave the table out.
     */
    static Map<String, Table> read(Connection connection, List<String> tables, Function<String, String> where)
            throws SQLException {
        Map<String, Table> read = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                String clause = where.apply(table);
                if (clause == null) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + clause)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnName(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                            + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
                    read.put(table, new Table(columns, insert, rows));
                }
            }
        }
        return read;
    }

    /** Inserts every row in batches, in one transaction; returns how many. */
    static int insertAll(Connection connection, Collection<Table> tables) throws SQLException {
        connection.setAutoCommit(false);
        int written = 0;
        for (Table table : tables) {
            try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
                for (Object[] row : table.rows()) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                    if (++written % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        connection.commit();
        return written;
    }
}
