package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.Store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A child process of {@link CrashSafetyTest}: commits a few communities (acknowledging each as
 * {@code ACK <code>}), then leaves the file mostly empty space, as a large import does, and closes
 * the database, which compacts it ({@link FileCompaction}). It prints {@link #CLOSING} before the
 * close and {@link #CLOSED} after it, so that the test can kill it while the file is rewritten.
 */
public final class CompactingCloseMain {
    public static final String ACK = "ACK ";
    public static final String CLOSING = "CLOSING";
    public static final String CLOSED = "CLOSED";

    private CompactingCloseMain() {
    }

    public static void main(String[] args) throws SQLException {
        DatabaseLocation.EmbeddedFile location = new DatabaseLocation.EmbeddedFile(java.nio.file.Path.of(args[0]));
        String prefix = args[1];
        Store store = Database.open(location, true);
        for (int i = 1; i <= 20; i++) {
            String code = prefix + i;
            store.write(tx -> tx.organization().insertCommunity(code, "压缩测试社区" + code));
            System.out.println(ACK + code);
            System.out.flush();
        }
        // A second connection to the same database in this process: some 50 MB written and dropped.
        try (Connection c = DirectConnections.open(location.basePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE scratch(id INT PRIMARY KEY, filler VARCHAR)");
            s.execute("INSERT INTO scratch SELECT X, REPEAT('填充', 100) || X FROM SYSTEM_RANGE(1, 40000)");
            s.execute("DROP TABLE scratch");
        }
        System.out.println(CLOSING);
        System.out.flush();
        store.close();
        System.out.println(CLOSED);
        System.out.flush();
    }
}
