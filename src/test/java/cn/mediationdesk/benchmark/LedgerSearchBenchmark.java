package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadPage;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.LeadTextIndex;
import org.jdbi.v3.core.Jdbi;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The ledger screen's queries ({@link LeadSearchService}: one page of 100 and its count) at
 * {@code leads} leads in the default encrypted H2 file, each beside a floor measured in the same run:
 * <ul>
 *   <li>a page's floor reads the same 100 leads' shown columns and parties straight by their ids (found
 *   once at set-up), which any ledger must do once it knows which leads to show;</li>
 *   <li>a search's floor counts the leads holding the word's rarest pair in the text index alone (the
 *   least an index can read to know how many match) and reads the page by its known ids.</li>
 * </ul>
 *
 * <p>The data set is {@link TallyBenchmark}'s leads with what a search reads added: varied summaries,
 * two parties with Chinese names, a lead number, and case numbers for accepted leads (seeded, so every
 * run has the same). It is kept in {@code -Dbenchmark.dir} as {@code search-N-encrypted}. Each call
 * alternates between two pages or two words, as H2 hands back a statement's result unchanged when the
 * same statement runs again on the same connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LedgerSearchBenchmark {
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
    private static final int PAGE = 100;
    static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉萍红华建国文斌辉燕鹏飞宇浩然婷雪梅琳佳欣".split("");
    static final String[] TOPICS = {"宅基地边界", "相邻通行", "噪音扰民", "婚姻家庭", "赡养老人", "拖欠工资", "交通事故赔偿",
        "物业服务费", "土地承包", "房屋租赁", "医疗费用", "消费退款", "债务偿还", "漏水损害", "征地补偿", "工伤赔偿"};
    static final String[] DETAILS = {"经网格员上报", "双方情绪激动", "已多次协商未果", "村委会转来", "派出所移送",
        "涉及老人赡养", "需现场查看", "当事人到场申请"};

    @Param("1000000")
    public int leads;

    private Database db;
    private Connection raw;
    private LeadSearchService search;
    private List<List<UUID>> firstPages;
    private List<List<UUID>> middlePages;
    private int middle;
    private int turn;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        Path folder = Path.of(System.getProperty("benchmark.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        Files.createDirectories(folder);
        KeyRing keys = FilledLeads.keyRing(folder, true);
        Path base = folder.resolve("search-" + leads + "-encrypted");
        db = prepared(base, leads, keys);
        Store.DirectAccess access = Database.directAccessTo(db.databaseLocation(), keys).orElseThrow();
        raw = DriverManager.getConnection(access.url(), access.user(), access.password());
        search = new LeadSearchService(db, User.setup());
        middle = leads / 2 / PAGE * PAGE;
        firstPages = List.of(ids(search.page(all(), LeadSort.DEFAULT, 0, PAGE)),
                ids(search.page(all(), LeadSort.DEFAULT, PAGE, PAGE)));
        middlePages = List.of(ids(search.page(all(), LeadSort.DEFAULT, middle, PAGE)),
                ids(search.page(all(), LeadSort.DEFAULT, middle + PAGE, PAGE)));
    }

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

    private static LeadFilter all() {
        return LeadFilter.all(AS_OF);
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
    @Goal(what = "Ledger first page by state", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> firstPageByState() {
        return search.page(all().withAsOf(AS_OF.minusDays(alternate())), new LeadSort(LeadSort.Column.STATE, true),
                0, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger page half-way down, newest first", millis = 100, ratio = 3, floor = "pageByKnownIds")
    public List<LeadListRow> middlePageNewestFirst() {
        return search.page(all(), LeadSort.DEFAULT, middle + alternate() * PAGE, PAGE);
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

    private LeadPage searchFor(String first, String second) {
        return search.search(all().withText(alternate() == 0 ? first : second), LeadSort.DEFAULT, 0, PAGE);
    }

    @Benchmark
    @Goal(what = "Ledger search, a common word (page + count)", millis = 300, ratio = 3, floor = "commonWordFloor")
    public LeadPage searchCommonWord() {
        return searchFor("纠纷", "协商");
    }

    @Benchmark
    @Goal(what = "Ledger search, a party's name (page + count)", millis = 300, ratio = 3, floor = "nameFloor")
    public LeadPage searchName() {
        return searchFor("王秀英", "李建国");
    }

    @Benchmark
    @Goal(what = "Ledger search, a case-number fragment (page + count)", millis = 300, ratio = 3,
            floor = "caseNumberFloor")
    public LeadPage searchCaseNumberFragment() {
        return searchFor("调字第1234", "调字第4321");
    }

    @Benchmark
    @Goal(what = "Ledger search, a word found nowhere (page + count)", millis = 300, ratio = 3,
            floor = "nowhereFloor")
    public LeadPage searchFoundNowhere() {
        return searchFor("张某", "李某");
    }

    @Benchmark
    public long commonWordFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "纠纷" : "协商");
    }

    @Benchmark
    public long nameFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "秀英" : "建国");
    }

    @Benchmark
    public long caseNumberFloor() throws SQLException {
        return indexFloor(alternate() == 0 ? "34" : "21");
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

    // ---- the data set ----

    /** The benchmark's database: made when missing or of another size. */
    static Database prepared(Path base, int leads, KeyRing keys) {
        DatabaseLocation location = DatabaseLocation.parse(base.toString());
        Database db = Database.open(location, true, keys);
        long stored = db.read(tx -> tx.leads().count());
        if (stored == leads) {
            return db;
        }
        db.close();
        try {
            Files.deleteIfExists(base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FilledLeads.fill(base, leads, keys);
        Store.DirectAccess access = Database.directAccessTo(location, keys).orElseThrow();
        Jdbi.create(access.url(), access.user(), access.password()).useHandle(handle -> {
            addText(handle, leads);
            long start = System.nanoTime();
            LeadTextIndex.rebuild(handle);
            System.out.printf("text index of %d leads built in %.1f s%n", leads, (System.nanoTime() - start) / 1e9);
        });
        // Plain JDBC: the statement closes the connection under it.
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.open(location, false, keys);
    }

    /** Summaries, lead numbers, two parties each and case numbers for accepted leads, from a fixed seed. */
    private static void addText(org.jdbi.v3.core.Handle handle, int leads) {
        Random random = new Random(1);
        List<UUID> ids = handle.createQuery("SELECT id FROM lead ORDER BY id").mapTo(UUID.class).list();
        List<Integer> accepted = handle.createQuery("SELECT CASE WHEN accepted_on IS NULL THEN 0 ELSE EXTRACT(YEAR FROM"
                + " accepted_on) END FROM lead ORDER BY id").mapTo(Integer.class).list();
        int[] sequence = new int[3000];
        int batch = 0;
        var update = handle.prepareBatch("UPDATE lead SET summary = :summary, lead_no = :leadNo, case_year = :year,"
                + " case_seq = :seq, case_number = :number WHERE id = :id");
        var party = handle.prepareBatch("INSERT INTO party (id, lead_id, position, name, role) VALUES (:id, :lead,"
                + " :position, :name, :role)");
        for (int i = 0; i < ids.size(); i++) {
            String a = name(random);
            String b = name(random);
            String summary = a + "与" + b + "因" + TOPICS[random.nextInt(TOPICS.length)] + "发生纠纷，"
                    + DETAILS[random.nextInt(DETAILS.length)] + "，涉及金额约" + (1 + random.nextInt(200)) * 100 + "元";
            int year = accepted.get(i);
            Integer seq = year == 0 ? null : ++sequence[year];
            update.bind("id", ids.get(i)).bind("summary", summary).bind("leadNo", "XS" + (100000 + i))
                    .bind("year", year == 0 ? null : year).bind("seq", seq)
                    .bind("number", year == 0 ? null : "（" + year + "）东调字第" + seq + "号").add();
            party.bind("id", UUID.randomUUID()).bind("lead", ids.get(i)).bind("position", 0).bind("name", a)
                    .bind("role", "APPLICANT").add();
            party.bind("id", UUID.randomUUID()).bind("lead", ids.get(i)).bind("position", 1).bind("name", b)
                    .bind("role", "RESPONDENT").add();
            if (++batch == 5000) {
                update.execute();
                party.execute();
                batch = 0;
            }
        }
        if (batch > 0) {
            update.execute();
            party.execute();
        }
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    /** The key ranges of {@link LeadTextIndex}, for the floors' raw statements. */
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
