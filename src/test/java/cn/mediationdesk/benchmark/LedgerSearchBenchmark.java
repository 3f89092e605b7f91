package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.search.LeadCount;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.User;
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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The ledger screen's queries ({@link LeadSearchService}: one page of 100 and its count, a free-text
 * search's count capped at {@link LeadSearchService#COUNT_CAP}) at
 * {@code leads} leads of the generated data set ({@link BenchmarkData}, seed 1, the default encrypted
 * H2 file), as of the last day a lead was found, each beside a floor measured in the same run:
 * <ul>
 *   <li>a page's floor reads the same 100 leads' shown columns and parties straight by their ids (found
 *   once at set-up), which any ledger must do once it knows which leads to show;</li>
 *   <li>a search's floor counts the leads holding the word's rarest pair in the text index alone (the
 *   least an index can read to know how many match) and reads the page by its known ids.</li>
 * </ul>
 *
 * <p>Each call alternates between two pages, two as-of days or two words, as H2 hands back a statement's
 * result unchanged when the same statement runs again on the same connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LedgerSearchBenchmark {
    private static final int PAGE = 100;

    @Param("1000000")
    public int leads;

    private Database db;
    private Connection raw;
    private LeadSearchService search;
    private LocalDate asOf;
    private LocalDate yearEnd;
    private List<List<UUID>> firstPages;
    private List<List<UUID>> middlePages;
    /**
     * Per sort, the keys of the rows just before the two pages half-way down: the last rows of the pages
     * before them, which the ledger's next button goes on from.
     */
    private Map<LeadSort, List<LeadKey>> middleKeys;
    /** The keys of the first rows of the two pages just after half-way, which the previous button goes back from. */
    private List<LeadKey> middleFirstKeys;
    private int middle;
    /** Where the last page starts (as the ledger's pager counts pages of 100). */
    private int lastPage;
    private int turn;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        db = BenchmarkData.database(leads, true);
        var access = db.directAccess().orElseThrow();
        // The same URL in the same process joins the database the store has open.
        raw = DriverManager.getConnection(access.url(), access.user(), access.password());
        try (var statement = raw.createStatement(); var rs = statement.executeQuery("SELECT MAX(found_on) FROM lead")) {
            rs.next();
            asOf = rs.getObject(1, LocalDate.class);
        }
        yearEnd = LocalDate.of(asOf.getYear() - 1, 12, 31);
        search = new LeadSearchService(db, User.setup());
        middle = leads / 2 / PAGE * PAGE;
        lastPage = (leads - 1) / PAGE * PAGE;
        firstPages = List.of(ids(search.page(all(), LeadSort.DEFAULT, 0, PAGE)),
                ids(search.page(all(), LeadSort.DEFAULT, PAGE, PAGE)));
        middlePages = List.of(ids(search.page(all(), LeadSort.DEFAULT, middle, PAGE)),
                ids(search.page(all(), LeadSort.DEFAULT, middle + PAGE, PAGE)));
        middleKeys = new java.util.HashMap<>();
        for (LeadSort sort : List.of(LeadSort.DEFAULT, BY_COMMITTEE, BY_DUE_DATE)) {
            // Read once by offset here (seconds); what is measured is the step from a row to the next page.
            List<LeadListRow> around = search.page(all(), sort, middle - PAGE, 3 * PAGE);
            middleKeys.put(sort, List.of(around.get(PAGE - 1).key(), around.get(2 * PAGE - 1).key()));
            if (sort.equals(LeadSort.DEFAULT)) {
                middleFirstKeys = List.of(around.get(PAGE).key(), around.get(2 * PAGE).key());
            }
        }
    }

    private static final LeadSort BY_COMMITTEE = new LeadSort(LeadSort.Column.COMMITTEE, true);
    private static final LeadSort BY_DUE_DATE = new LeadSort(LeadSort.Column.DUE_ON, true);

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        raw.close();
        db.close();
    }

    private static List<UUID> ids(List<LeadListRow> rows) {
        return rows.stream().map(LeadListRow::id).toList();
    }

    private int alternate() {
        return turn++ & 1;
    }

    private LeadFilter all() {
        return LeadFilter.all(asOf);
    }

    // ---- pages ----

    @Benchmark
    @Goal(what = "Ledger first page, newest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageNewestFirst() {
        return search.page(all(), LeadSort.DEFAULT, alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by case number", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByCaseNumber() {
        return search.page(all(), new LeadSort(LeadSort.Column.CASE_NUMBER, true), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by due date", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByDueDate() {
        return search.page(all(), new LeadSort(LeadSort.Column.DUE_ON, true), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by due date, latest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByDueDateLatestFirst() {
        return search.page(all(), new LeadSort(LeadSort.Column.DUE_ON, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Overdue cases of the last full year by due date (page)", millis = 100, ratio = 3,
            floor = "pageByKnownIds")
    public List<LeadListRow> overdueOfTheYearByDueDate() {
        LeadFilter overdue = LeadFilter.all(yearEnd.minusDays(alternate())).withPeriod(yearEnd.withDayOfYear(1), yearEnd)
                .withColumn(TallyColumn.OVERDUE);
        return search.page(overdue, new LeadSort(LeadSort.Column.DUE_ON, true), 0, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by state", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByState() {
        return search.page(all().withAsOf(asOf.minusDays(alternate())), new LeadSort(LeadSort.Column.STATE, true),
                0, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by case number, latest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByCaseNumberLatestFirst() {
        return search.page(all(), new LeadSort(LeadSort.Column.CASE_NUMBER, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by lead number", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByLeadNumber() {
        return search.page(all(), new LeadSort(LeadSort.Column.LEAD_NO, true), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by lead number, latest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByLeadNumberLatestFirst() {
        return search.page(all(), new LeadSort(LeadSort.Column.LEAD_NO, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by committee", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByCommittee() {
        return search.page(all(), new LeadSort(LeadSort.Column.COMMITTEE, true), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by community, last code first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByCommunityDescending() {
        return search.page(all(), new LeadSort(LeadSort.Column.COMMUNITY, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by dispute type", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByDisputeType() {
        return search.page(all(), new LeadSort(LeadSort.Column.DISPUTE_TYPE, true), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by source, last first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageBySourceDescending() {
        return search.page(all(), new LeadSort(LeadSort.Column.SOURCE, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger first page by risk, red first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByRiskRedFirst() {
        return search.page(all(), new LeadSort(LeadSort.Column.RISK, false), alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger last page, newest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> lastPageNewestFirst() {
        return search.page(all(), LeadSort.DEFAULT, lastPage - alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger last page by case number, latest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> lastPageByCaseNumberLatestFirst() {
        return search.page(all(), new LeadSort(LeadSort.Column.CASE_NUMBER, false), lastPage - alternate() * PAGE, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger last page by committee", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> lastPageByCommittee() {
        return search.page(all(), new LeadSort(LeadSort.Column.COMMITTEE, true), lastPage - alternate() * PAGE, PAGE);
    }

    /**
     * What a user waits for on the next button half-way down: the page after the last row shown, read from
     * its key (the ledger reaches a page only next to one shown; the first and last are read by place).
     */
    @Benchmark
    @Goal(what = "Ledger page half-way down, newest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> middlePageNewestFirst() {
        return search.pageAfter(all(), LeadSort.DEFAULT, middleKeys.get(LeadSort.DEFAULT).get(alternate()), PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger page half-way down, back a page, newest first", millis = 100, ratio = 3,
            floor = "pageByKnownIds")
    public List<LeadListRow> middlePageBackNewestFirst() {
        return search.pageBefore(all(), LeadSort.DEFAULT, middleFirstKeys.get(alternate()), PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger page half-way down by committee", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> middlePageByCommittee() {
        return search.pageAfter(all(), BY_COMMITTEE, middleKeys.get(BY_COMMITTEE).get(alternate()), PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger page half-way down by due date", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> middlePageByDueDate() {
        return search.pageAfter(all(), BY_DUE_DATE, middleKeys.get(BY_DUE_DATE).get(alternate()), PAGE);
    }

    /** Floor of a page: the shown columns and the parties of 100 leads whose ids are known. */
    @Benchmark
    public int pageByKnownIds() throws SQLException {
        return readById((alternate() == 0 ? firstPages : middlePages).get(alternate()));
    }

    private int readById(List<UUID> ids) throws SQLException {
        int read = 0;
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement rows = raw.prepareStatement("SELECT l.id, l.case_number, l.lead_no, l.found_on, l.summary,"
                + " l.risk_code, l.due_on, cm.name, cy.name FROM lead l JOIN committee cm ON cm.id = l.committee_id"
                + " JOIN community cy ON cy.id = l.community_id WHERE l.id IN (" + marks + ")");
             PreparedStatement parties = raw.prepareStatement(
                     "SELECT lead_id, name FROM party WHERE lead_id IN (" + marks + ") ORDER BY lead_id, position")) {
            for (int i = 0; i < ids.size(); i++) {
                rows.setObject(i + 1, ids.get(i));
                parties.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    read++;
                }
            }
            try (ResultSet rs = parties.executeQuery()) {
                while (rs.next()) {
                    read++;
                }
            }
        }
        return read;
    }

    // ---- searches: the page and its count ----

    /** What the ledger shows of a free-text search: the first page and the count, capped at 5,000. */
    public record Found(List<LeadListRow> rows, LeadCount count) {
    }

    private Found searchFor(String first, String second) {
        LeadFilter filter = all().withText(alternate() == 0 ? first : second);
        return new Found(search.page(filter, LeadSort.DEFAULT, 0, PAGE), search.boundedCount(filter));
    }

    @Benchmark
    @Goal(what = "Ledger search, a common word (page + count)", millis = 300, ratio = 3, floor = "commonWordFloor")
    public Found searchCommonWord() {
        return searchFor("纠纷", "发生");
    }

    @Benchmark
    @Goal(what = "Ledger search, a party's name (page + count)", millis = 300, ratio = 3, floor = "nameFloor")
    public Found searchName() {
        return searchFor("王秀英", "李建国");
    }

    @Benchmark
    @Goal(what = "Ledger search, a case-number fragment (page + count)", millis = 300, ratio = 3,
            floor = "caseNumberFloor")
    public Found searchCaseNumberFragment() {
        return searchFor("调字第123号", "调字第321号");
    }

    @Benchmark
    @Goal(what = "Ledger search, a word found nowhere (page + count)", millis = 300, ratio = 3,
            floor = "nowhereFloor")
    public Found searchFoundNowhere() {
        return searchFor("张某", "李某");
    }

    @Benchmark
    public long commonWordFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "纠纷" : "发生");
    }

    @Benchmark
    public long nameFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "秀英" : "建国");
    }

    @Benchmark
    public long caseNumberFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "23" : "21");
    }

    @Benchmark
    public long nowhereFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "某" : "某");
    }

    /** The keys of the word's rarest pair in the text index, counted, and the first page read by its known ids. */
    private long indexFloor(String pair) throws SQLException {
        long count;
        long[] range = pair.length() == 1 ? LeadTextIndexAccess.characterRange(pair.charAt(0))
                : LeadTextIndexAccess.pairRange(pair.charAt(0), pair.charAt(1));
        try (PreparedStatement counting = raw.prepareStatement(
                "SELECT COUNT(*) FROM lead_gram WHERE k BETWEEN ? AND ?")) {
            counting.setLong(1, range[0]);
            counting.setLong(2, range[1] - alternate());
            try (ResultSet rs = counting.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        return count + (count == 0 ? 0 : readById(firstPages.get(alternate())));
    }

    /** The key ranges of {@code LeadTextIndex}, for the floors' raw statements. */
    static final class LeadTextIndexAccess {
        private static final long SEQ_RANGE = 1L << 31;

        static long[] pairRange(char first, char second) {
            long gram = ((long) first << 16) | second;
            return new long[]{gram * SEQ_RANGE, gram * SEQ_RANGE + SEQ_RANGE - 1};
        }

        static long[] characterRange(char c) {
            return new long[]{((long) c << 16) * SEQ_RANGE, (((long) c << 16) | 0xFFFF) * SEQ_RANGE + SEQ_RANGE - 1};
        }
    }
}
