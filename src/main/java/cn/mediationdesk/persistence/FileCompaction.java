package cn.mediationdesk.persistence;

import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Gives an embedded file back the space a large write left empty, when the database closes.
 * <p>
 * H2's MVStore only appends. While one long transaction runs (a ledger import), every page it
 * changes is written again and again, and space freed meanwhile stays reserved for 45 s
 * ({@code RETENTION_TIME}, H2's guard against a power cut); a 50,000-row import left a 1.5 GB file
 * holding about 160 MB of live data (docs/notes/file-size-and-reopen.md). The ordinary close
 * compacts for only 200 ms. So when the live data is less than {@link #MAX_LIVE_PERCENT} of a file
 * of at least {@link #MIN_FILE_SIZE}, the close is a {@code SHUTDOWN COMPACT}: H2 copies the live
 * pages into a new file and swaps it in atomically; a kill meanwhile leaves the old file, which
 * the next open keeps (H2 removes the half-written copy). Smaller or denser files close as before.
 */
public final class FileCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(FileCompaction.class);

    /** Below this size the empty space is not worth a rewrite. */
    static final long MIN_FILE_SIZE = 16L << 20;
    /** Compact when the live data fills less of the file than this. */
    static final int MAX_LIVE_PERCENT = 50;

    private static final String FILE_SIZE = "info.FILE_SIZE";
    private static final String FILL_RATE = "info.FILL_RATE";
    private static final String CHUNKS_FILL_RATE = "info.CHUNKS_FILL_RATE";

    private FileCompaction() {
    }

    /**
     * Closes {@code pool}, compacting the file first when {@code location} is an embedded file
     * that needs it. Nothing else may use the pool any more. The compaction runs on a thread of
     * its own: an interrupt would close H2's file channel in the middle of the copy.
     */
    static void close(DatabaseLocation location, JdbcConnectionPool pool) {
        if (location instanceof DatabaseLocation.EmbeddedFile) {
            Thread compaction = Thread.ofPlatform().name("database-compaction").start(() -> compactIfWorthwhile(pool));
            joinUninterruptibly(compaction);
        }
        pool.dispose();
    }

    /** Whether it compacted: a failure is logged, never thrown, since the data is safe either way. */
    static boolean compactIfWorthwhile(JdbcConnectionPool pool) {
        Connection connection = null;
        try {
            connection = pool.getConnection();
            Statement statement = connection.createStatement();
            Map<String, Long> info = info(statement);
            long size = info.getOrDefault(FILE_SIZE, 0L);
            OptionalLong live = liveBytes(info);
            if (live.isEmpty() || !worthCompacting(size, live.getAsLong())) {
                return false;
            }
            long start = System.nanoTime();
            statement.execute("SHUTDOWN COMPACT");
            // The session is gone with the database: closing its connection would only make H2 trace an error.
            connection = null;
            LOG.info("compacted the database file: {} bytes of which about {} live, in {} ms", size, live.getAsLong(),
                    (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("compacting the database file failed; it stays as it was", e);
            return false;
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing the connection that checked the file failed", e);
                }
            }
        }
    }

    static boolean worthCompacting(long fileSize, long liveBytes) {
        return fileSize >= MIN_FILE_SIZE && liveBytes * 100 < fileSize * MAX_LIVE_PERCENT;
    }

    /**
     * The live data in the file, as H2 reports it: the share of the file taken by chunks times the
     * share of those chunks still live. Empty when H2 does not say (not an MVStore file).
     */
    static OptionalLong liveBytes(Map<String, Long> info) {
        Long size = info.get(FILE_SIZE);
        Long fill = info.get(FILL_RATE);
        Long chunksFill = info.get(CHUNKS_FILL_RATE);
        if (size == null || fill == null || chunksFill == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(size * fill / 100 * chunksFill / 100);
    }

    /** H2's figures about its file, by name (the names of {@code INFORMATION_SCHEMA.SETTINGS}). */
    static Map<String, Long> info(Statement statement) throws SQLException {
        Map<String, Long> info = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('" + FILE_SIZE + "', '" + FILL_RATE + "', '" + CHUNKS_FILL_RATE + "')")) {
            while (rs.next()) {
                try {
                    info.put(rs.getString(1), Long.parseLong(rs.getString(2).strip()));
                } catch (NumberFormatException e) {
                    // an H2 version that words it differently: treated as unknown
                }
            }
        }
        return info;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
