package cn.mediationdesk.benchmark;

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

    private Database db;
    private LeadSearchService search;
    private LeadFilter everything;
    private LeadFilter committeeInMediation;
    private LeadFilter overdueOfTheYear;
    private LeadFilter nameNowhere;
    private int middle;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path folder = Path.of(System.getProperty("benchmark.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        Files.createDirectories(folder);
        Path base = folder.resolve("tally-" + leads);
        db = Database.open(DatabaseLocation.parse(base.toString()), true);
        long stored = db.read(tx -> tx.leads().count());
        if (stored != leads) {
            db.close();
            Files.deleteIfExists(base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX));
            TallyBenchmark.fill(base, leads);
            db = Database.open(DatabaseLocation.parse(base.toString()), false);
        }
        search = new LeadSearchService(db);
        long committee = db.read(tx -> tx.organization().committees().getFirst().id());
        everything = LeadFilter.all(YEAR_END);
        LeadFilter year = everything.withPeriod(YEAR_START, YEAR_END);
        committeeInMediation = year.withCommittee(committee).withColumn(TallyColumn.MEDIATING);
        overdueOfTheYear = year.withColumn(TallyColumn.OVERDUE);
        // No summary or party name holds it: every one of them is read.
        nameNowhere = everything.withText("张某");
        middle = leads / 2 / PAGE * PAGE;
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
    }

    /** What the ledger opens on: every lead, newest first, the first page. */
    @Benchmark
    public LeadPage firstPageOfEveryLead() {
        return search.search(everything, LeadSort.DEFAULT, 0, PAGE);
    }

    /** Paging deep into the ledger. */
    @Benchmark
    public LeadPage middlePageOfEveryLead() {
        return search.search(everything, LeadSort.DEFAULT, middle, PAGE);
    }

    /** A header click on a computed column: every lead's state as of the day, sorted. */
    @Benchmark
    public LeadPage firstPageSortedByState() {
        return search.search(everything, new LeadSort(LeadSort.Column.STATE, true), 0, PAGE);
    }

    /** One committee's cases of a year still in mediation, the soonest due first. */
    @Benchmark
    public LeadPage committeeInMediationByDueDate() {
        return search.search(committeeInMediation, new LeadSort(LeadSort.Column.DUE_ON, true), 0, PAGE);
    }

    /** The dashboard's overdue list: the year's overdue cases. */
    @Benchmark
    public LeadPage overdueOfTheYear() {
        return search.search(overdueOfTheYear, new LeadSort(LeadSort.Column.DUE_ON, true), 0, PAGE);
    }

    /** Free text that matches nothing, so that nothing stops the search early. */
    @Benchmark
    public LeadPage textFoundNowhere() {
        return search.search(nameNowhere, LeadSort.DEFAULT, 0, PAGE);
    }
}
