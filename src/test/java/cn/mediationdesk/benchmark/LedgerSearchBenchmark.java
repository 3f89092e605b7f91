package cn.mediationdesk.benchmark;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadPage;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The ledger screen's queries ({@link LeadSearchService}: count and one page of 100) over the data
 * set of {@link TallyBenchmark}: {@code leads} leads found over 2021–2023 in every state, 20
 * communities and 20 committees, as of the end of 2022. It uses (and, when missing, makes) the same
 * database file as the tally benchmark, in {@code -Dbenchmark.dir}. Run it with
 * {@code BenchmarkMain -Dbenchmark=LedgerSearchBenchmark}; docs/benchmarks.md has the numbers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class LedgerSearchBenchmark {
    private static final LocalDate YEAR_START = LocalDate.of(2022, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);
    private static final int PAGE = 100;

    @Param({"100000", "1000000"})
    public int leads;

    /** Whether the file is encrypted (the default): what encryption costs a ledger page. */
    @Param({"true", "false"})
    public boolean encrypted;

    private Database db;
    private LeadSearchService search;
    private long committee;
    private int middle;
    /**
     * Alternates the page or the as-of day from one call to the next: H2 hands back the result of a
     * statement run again unchanged on the same connection, which would time nothing.
     */
    private int turn;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = Path.of(System.getProperty("benchmark.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        Files.createDirectories(folder);
        db = BenchmarkData.database(leads, encrypted);
        search = new LeadSearchService(db, User.setup());
        committee = db.read(tx -> tx.organization().committees().getFirst().id());
        middle = leads / 2 / PAGE * PAGE;
    }

    private int alternate() {
        return turn++ & 1;
    }

    /** The end of 2022, or the day before it. */
    private LeadFilter asOf() {
        return LeadFilter.all(YEAR_END.minusDays(alternate()));
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** What the ledger opens on: every lead, newest first, the first (or second) page. */
    @Benchmark
    public LeadPage firstPagesOfEveryLead() {
        return search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, alternate() * PAGE, PAGE);
    }

    /** Paging deep into the ledger. */
    @Benchmark
    public LeadPage middlePageOfEveryLead() {
        return search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, middle + alternate() * PAGE, PAGE);
    }

    /** A header click on a computed column: every lead's state as of the day, sorted. */
    @Benchmark
    public LeadPage firstPageSortedByState() {
        return search.search(asOf(), new LeadSort(LeadSort.Column.STATE, true), 0, PAGE);
    }

    /** Of all leads, those the tally's "leads" column counts (no duplicates): the dashboard's first figure. */
    @Benchmark
    public LeadPage firstPageOfTheLeadsColumn() {
        return search.search(asOf().withColumn(TallyColumn.LEADS), LeadSort.DEFAULT, 0, PAGE);
    }

    /** One committee's cases of a year still in mediation, the soonest due first. */
    @Benchmark
    public LeadPage committeeInMediationByDueDate() {
        return search.search(asOf().withPeriod(YEAR_START, YEAR_END).withCommittee(committee)
                .withColumn(TallyColumn.MEDIATING), new LeadSort(LeadSort.Column.DUE_ON, true), 0, PAGE);
    }

    /** The dashboard's overdue list: the year's overdue cases, the most overdue first. */
    @Benchmark
    public LeadPage overdueOfTheYear() {
        return search.search(asOf().withPeriod(YEAR_START, YEAR_END).withColumn(TallyColumn.OVERDUE),
                new LeadSort(LeadSort.Column.DUE_ON, true), 0, PAGE);
    }

    /** Free text that matches nothing (no summary or party name holds it), so every one of them is read. */
    @Benchmark
    public LeadPage textFoundNowhere() {
        return search.search(LeadFilter.all(YEAR_END).withText(alternate() == 0 ? "张某" : "李某"), LeadSort.DEFAULT,
                0, PAGE);
    }
}
