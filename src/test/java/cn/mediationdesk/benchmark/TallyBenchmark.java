package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.persistence.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The tally engine (DESIGN §5) at every grouping, over the last full year of the generated data set and
 * over all time, beside its floor: a hand-written {@code SELECT …, COUNT(*) … GROUP BY} over a narrow
 * table that holds only the columns the tally needs, for the same leads, in the same file.
 *
 * <p>Each call alternates the as-of day (the floor: the period's last day) between two values, because
 * H2 hands back the result of a statement run again unchanged on the same connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
public class TallyBenchmark {
    /** The narrow table of the floor, made once in the benchmark's own file beside the app's tables. */
    private static final String FLOOR_TABLE = "benchmark_tally_floor";

    @Param("1000000")
    public int leads;

    /** Whether the file is encrypted (CIPHER=AES, the application's default). */
    @Param("true")
    public boolean encrypted;

    @Param({"COMMITTEE", "COMMUNITY", "TYPE", "SOURCE", "SOURCE_GROUP", "RISK", "MONTH"})
    public Grouping by;

    /** {@code year}: the data set's last full year, as of its last day; {@code all}: every lead, as of the last day found. */
    @Param({"year", "all"})
    public String period;

    private Database db;
    private Connection floorConnection;
    private PreparedStatement floorStatement;
    private TallyService tally;
    private final TallyQuery[] queries = new TallyQuery[2];
    private final LocalDate[] floorEnds = new LocalDate[2];
    private LocalDate floorStart;
    private int turn;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = BenchmarkData.database(leads, encrypted);
        tally = new TallyService(db);
        var access = db.directAccess().orElseThrow();
        // The same URL in the same process joins the database the store has open.
        floorConnection = DriverManager.getConnection(access.url(), access.user(), access.password());
        LocalDate last = lastFound();
        LocalDate yearEnd = LocalDate.of(last.getYear() - 1, 12, 31);
        boolean year = period.equals("year");
        LocalDate from = year ? yearEnd.withDayOfYear(1) : null;
        LocalDate to = year ? yearEnd : null;
        LocalDate asOf = year ? yearEnd : last;
        queries[0] = TallyQuery.of(by, from, to, asOf);
        queries[1] = TallyQuery.of(by, from, to, asOf.minusDays(1));
        floorStart = year ? from : LocalDate.of(1, 1, 1);
        floorEnds[0] = year ? to : last;
        floorEnds[1] = year ? to.minusDays(1) : last.plusDays(1);
        makeFloorTable();
        floorStatement = floorConnection.prepareStatement("SELECT " + floorColumn() + ", COUNT(*) FROM " + FLOOR_TABLE
                + " WHERE found_on BETWEEN ? AND ? GROUP BY " + floorColumn());
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        floorStatement.close();
        floorConnection.close();
        db.close();
    }

    @Benchmark
    @Goal(what = "summary", millis = 1000, ratio = 1.5, floor = "summaryFloor")
    public TallyResult summary() {
        return tally.summarize(queries[turn++ & 1]);
    }

    @Benchmark
    public long summaryFloor() throws SQLException {
        int i = turn++ & 1;
        floorStatement.setDate(1, Date.valueOf(floorStart));
        floorStatement.setDate(2, Date.valueOf(floorEnds[i]));
        long total = 0;
        try (ResultSet rs = floorStatement.executeQuery()) {
            while (rs.next()) {
                total += rs.getLong(2);
            }
        }
        return total;
    }

    /** What the floor groups by: the stored value the grouping is made of (a day for months). */
    private String floorColumn() {
        return switch (by) {
            case COMMITTEE -> "committee_id";
            case COMMUNITY -> "community_id";
            case TYPE -> "dispute_type_code";
            case SOURCE, SOURCE_GROUP -> "source_code";
            case RISK -> "risk_code";
            case MONTH -> "found_on";
        };
    }

    private LocalDate lastFound() throws SQLException {
        try (Statement s = floorConnection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(found_on) FROM lead")) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        }
    }

    /**
     * The floor's table: the leads' grouping columns and every date and code their state is judged
     * from, in found order, with an index holding them all, so that the floor reads one narrow index.
     */
    private void makeFloorTable() throws SQLException {
        try (Statement s = floorConnection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = '"
                    + FLOOR_TABLE + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            s.execute("CREATE TABLE " + FLOOR_TABLE + " AS SELECT found_on, committee_id, community_id, dispute_type_code,"
                    + " source_code, COALESCE(risk_latest_code, risk_code) AS risk_code, verified_on, verification_result,"
                    + " declined_on, accepted_on, closed_on, outcome, due_on FROM lead ORDER BY found_on");
            s.execute("CREATE INDEX " + FLOOR_TABLE + "_idx ON " + FLOOR_TABLE + " (found_on, committee_id, community_id,"
                    + " dispute_type_code, source_code, risk_code, verified_on, verification_result, declined_on, accepted_on,"
                    + " closed_on, outcome, due_on)");
            s.execute("ANALYZE");
        }
    }
}
