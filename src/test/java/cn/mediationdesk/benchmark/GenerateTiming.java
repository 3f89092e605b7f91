package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.generate.LeadGenerator;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The {@code generate} figure (issue 12: at least 20,000 leads a second with their parts, into the
 * default encrypted embedded file): {@code leads} leads generated into a fresh encrypted file through
 * the service the command runs, timed from its first check to the statistics refreshed at the end.
 * The file's compaction when it closes is timed apart and named in the note.
 *
 * <p>The floor: the same lead rows alone, without any of their parts, read from that file and
 * inserted with plain JDBC batches (10,000 rows a transaction, as generate commits) into another fresh
 * encrypted file; only the inserts and commits are timed, not the reading.
 */
public final class GenerateTiming implements ProcessTiming {
    private static final int BATCH = 10_000;
    /** The organization's tables, in an order their foreign keys allow. */
    private static final List<String> ORGANIZATION = List.of("community", "committee", "person", "grid");

    @Override
    public List<ProcessFigure> measure(int leads) throws Exception {
        Path folder = Files.createDirectories(BenchmarkData.folder().resolve("generate-timing"));
        KeyRing keys = BenchmarkData.keyRing(true);
        DatabaseLocation generated = fresh(folder, "generated-" + leads, keys);
        LeadGenerator.Result result;
        long compactionMillis;
        Database db = Database.open(generated, false, keys);
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        double loadBefore = os.getSystemLoadAverage();
        long cpuBefore = os.getProcessCpuTime();
        long cpuNanos;
        try {
            result = new LeadGenerator(db, Clock.systemDefaultZone(), User.setup()).generate(leads, BenchmarkData.SEED,
                    null);
        } finally {
            cpuNanos = os.getProcessCpuTime() - cpuBefore;
            long closing = System.nanoTime();
            db.close();
            compactionMillis = (System.nanoTime() - closing) / 1_000_000;
        }
        double floorMillis = floor(generated, fresh(folder, "floor-" + leads, keys), keys);
        double millis = result.elapsed().toNanos() / 1e6;
        // On a shared machine the wall-clock rate follows the load; the CPU time the process spent does much less.
        String note = String.format(Locale.ROOT, "%.0f leads/s with all parts (compaction on close %d ms more); "
                        + "floor %.0f lead rows/s; the process used %.1f s of CPU (%.0f leads per CPU-second); "
                        + "load average %.1f before, %.1f after", result.leadsPerSecond(), compactionMillis,
                leads / (floorMillis / 1000), cpuNanos / 1e9, leads / (cpuNanos / 1e9), loadBefore,
                os.getSystemLoadAverage());
        return List.of(new ProcessFigure("generate: leads per second", leads, millis,
                "raw JDBC batch insert of the same lead rows, without parts", floorMillis,
                leads / 20_000.0 * 1000, 0, note));
    }

    /** A new, empty, migrated encrypted file (an older one of the name is deleted first). */
    private static DatabaseLocation fresh(Path folder, String name, KeyRing keys) throws IOException {
        Path base = folder.resolve(name);
        Files.deleteIfExists(base.resolveSibling(name + DatabaseLocation.H2_SUFFIX));
        DatabaseLocation location = DatabaseLocation.parse(base.toString());
        Database.open(location, true, keys).close();
        return location;
    }

    /** Milliseconds the inserts and commits of the lead rows of {@code source} take in {@code target}. */
    private static double floor(DatabaseLocation source, DatabaseLocation target, KeyRing keys) throws SQLException {
        Store.DirectAccess from = Database.directAccessTo(source, keys).orElseThrow();
        Store.DirectAccess to = Database.directAccessTo(target, keys).orElseThrow();
        long nanos = 0;
        try (Connection in = DriverManager.getConnection(from.url(), from.user(), from.password());
             Connection out = DriverManager.getConnection(to.url(), to.user(), to.password())) {
            out.setAutoCommit(false);
            for (String table : ORGANIZATION) {
                copy(in, out, table, "id", Integer.MAX_VALUE);
            }
            out.commit();
            nanos += copy(in, out, "lead", "id", BATCH);
        }
        return nanos / 1e6;
    }

    /** Copies every row of {@code table}, committing every {@code batch} rows; the nanoseconds of the writes. */
    private static long copy(Connection in, Connection out, String table, String order, int batch) throws SQLException {
        long nanos = 0;
        try (Statement read = in.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                StringBuilder names = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    names.append(c > 1 ? ", " : "").append(meta.getColumnName(c));
                    marks.append(c > 1 ? ", " : "").append('?');
                }
                try (PreparedStatement write = out.prepareStatement(
                        "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
                    int pending = 0;
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            write.setObject(c, rows.getObject(c));
                        }
                        write.addBatch();
                        if (++pending == batch) {
                            long start = System.nanoTime();
                            write.executeBatch();
                            out.commit();
                            nanos += System.nanoTime() - start;
                            pending = 0;
                        }
                    }
                    long start = System.nanoTime();
                    write.executeBatch();
                    out.commit();
                    nanos += System.nanoTime() - start;
                }
            }
        }
        return nanos;
    }

    /** Runs the timing alone: {@code -Dleads=N} (default 100,000) and {@code -Dbenchmark.dir}. */
    public static void main(String[] args) throws Exception {
        int leads = Integer.parseInt(System.getProperty("leads", "100000"));
        for (ProcessFigure figure : new GenerateTiming().measure(leads)) {
            System.out.println(figure);
        }
    }
}
