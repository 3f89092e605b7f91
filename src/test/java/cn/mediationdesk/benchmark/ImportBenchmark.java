package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.User;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A ledger of {@code min(leads, 100,000)} rows (DESIGN §8; issue 12 sets its target at 100,000) imported
 * through {@link LedgerImporter}, as the {@code import} command and the wizard do, into a fresh copy of
 * an encrypted embedded H2 file holding only the organization. Each shot gets its own fresh copy.
 *
 * <p>The floor writes the very rows that import wrote (read back from a first import made in the set-up:
 * the grids it made, leads, parties, agreements, transitions, risk assessments, audit entries, text index) into a fresh copy with plain
 * JDBC prepared statements and {@code addBatch}, in one transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
// JMH interrupts a shot past its timeout (10 minutes by default), and an interrupt during H2's file I/O
// breaks the store: a 100,000-row import under load took 19 minutes.
@Timeout(time = 2, timeUnit = TimeUnit.HOURS)
public class ImportBenchmark {
    static final int MAX_ROWS = 100_000;
    private static final int ORGANIZATIONS = 20;
    /**
     * The tables an import writes, in an order their foreign keys allow. The text index is one of them: at
     * about 35 keys a lead it is most of the rows written; the tally's counts kept ahead another.
     */
    private static final List<String> WRITTEN = List.of("grid", "lead", "party", "agreement", "lead_transition",
            "risk_assessment", "audit_entry", "lead_text", "lead_gram", "tally_lead", "tally_count");
    private static final String[] SOURCES = {"主动排查", "网格员上报", "当事人申请", "群众来访", "公安移交", "法院委托",
            "信访转办", "12345热线转办"};
    private static final String[] TYPES = {"邻里", "婚姻家庭", "合同", "物业", "劳动争议", "道路交通事故", "医疗",
            "房屋宅基地", "损害赔偿", "消费"};
    private static final String[] RISKS = {"蓝", "蓝", "蓝", "黄", "黄", "橙", "红"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};

    @Param("1000000")
    public int leads;

    private Path folder;
    private KeyRing keys;
    private Path ledger;
    private Path template;
    private Map<String, WrittenRows.Table> rowsWritten;
    private Database db;
    private Path copy;
    private int shot;
    /** For {@link #safetyCopyOfTheImportedFile}: the file a first import filled, kept for the whole trial. */
    private Path imported;

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws IOException {
        folder = Path.of(System.getProperty("benchmark.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        Files.createDirectories(folder);
        // the audit trail's key and chain head go to the benchmark's own settings, never the user's
        System.setProperty(SettingsFolder.PROPERTY, folder.resolve("settings").toString());
        keys = FilledLeads.keyRing(folder, true);
        int rows = Math.min(leads, MAX_ROWS);
        ledger = folder.resolve("import-ledger-" + rows + ".csv");
        if (!Files.exists(ledger)) {
            writeLedger(ledger, rows);
        }
        template = folder.resolve("import-template");
        Files.deleteIfExists(file(template));
        try (Database fresh = Database.open(DatabaseLocation.parse(template.toString()), true, keys)) {
            fresh.write(tx -> {
                var org = tx.organization();
                for (int i = 1; i <= ORGANIZATIONS; i++) {
                    long community = org.insertCommunity("C%02d".formatted(i), "第" + i + "社区");
                    org.insertCommittee("K%02d".formatted(i), "第" + i + "社区人民调解委员会", "第" + i,
                            CommitteeKind.COMMUNITY, community);
                }
                return null;
            });
        }
        if (params.getBenchmark().endsWith(".safetyCopyOfTheImportedFile")) {
            imported = freshCopy();
            try (Database once = open(imported)) {
                importInto(once);
            }
            return;
        }
        if (!params.getBenchmark().endsWith(".rawBatchInsertOfTheSameRows")) {
            return;
        }
        // One import whose rows the floor writes again.
        Path first = freshCopy();
        try (Database once = open(first)) {
            importInto(once);
        }
        rowsWritten = readWritten(first);
        Files.deleteIfExists(file(first));
    }

    @Setup(Level.Iteration)
    public void freshDatabase() throws IOException {
        if (imported != null) {
            db = open(imported);
            return;
        }
        copy = freshCopy();
        db = open(copy);
    }

    @TearDown(Level.Iteration)
    public void dropDatabase() throws IOException {
        db.close();
        if (copy != null) {
            Files.deleteIfExists(file(copy));
        }
    }

    @TearDown(Level.Trial)
    public void dropTemplate() throws IOException {
        Files.deleteIfExists(file(template));
        if (imported != null) {
            Files.deleteIfExists(file(imported));
        }
    }

    @Benchmark
    @Goal(what = "Ledger import, 100,000 rows", millis = 10_000, ratio = 2, floor = "rawBatchInsertOfTheSameRows")
    public ImportReport importLedger() {
        return importInto(db);
    }

    /**
     * The check alone ({@code --dry-run}): read, parse and validate every row against the database. It
     * must not be what an import spends its time on: half the import's limit.
     */
    @Benchmark
    @Goal(what = "Ledger import dry run, 100,000 rows", millis = 5_000, floor = "rawBatchInsertOfTheSameRows")
    public ImportReport dryRun() {
        return new LedgerImporter(db, Clock.systemDefaultZone(), User.setup())
                .importLedger(ledger, new ImportOptions(true, false, null, false));
    }

    /**
     * What a bulk write costs before its work begins on an embedded file: the whole-file safety copy
     * (H2's online {@code BACKUP}), here of the file one import of the ledger filled, around an empty
     * transaction. Part of every import's time; it grows with the file, not with the ledger.
     */
    @Benchmark
    public Object safetyCopyOfTheImportedFile() {
        return db.bulkWrite(tx -> null);
    }

    @Benchmark
    public int rawBatchInsertOfTheSameRows() throws SQLException {
        Store.DirectAccess access = db.directAccess().orElseThrow();
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password())) {
            return WrittenRows.insertAll(connection, rowsWritten.values());
        }
    }

    private ImportReport importInto(Database target) {
        return new LedgerImporter(target, Clock.systemDefaultZone(), User.setup())
                .importLedger(ledger, new ImportOptions(false, false, null, false));
    }

    private Database open(Path base) {
        return Database.open(DatabaseLocation.parse(base.toString()), false, keys);
    }

    private Path freshCopy() throws IOException {
        Path base = folder.resolve("import-" + (++shot));
        Files.copy(file(template), file(base), StandardCopyOption.REPLACE_EXISTING);
        return base;
    }

    private static Path file(Path base) {
        return base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX);
    }

    /** Every row the first import wrote, table by table (the template's own audit entries left out). */
    private Map<String, WrittenRows.Table> readWritten(Path base) {
        long templateAudit;
        try (Database templateDb = open(template)) {
            templateAudit = templateDb.read(tx -> tx.audit().chain().map(c -> c.lastSeq()).orElse(0L));
        }
        try (Database imported = open(base)) {
            Store.DirectAccess access = imported.directAccess().orElseThrow();
            try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password())) {
                return WrittenRows.read(connection, WRITTEN,
                        table -> table.equals("audit_entry") ? " WHERE seq > " + templateAudit : "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A ledger as an office keeps it: every state in realistic proportions (out of 20: 2 pending,
     * 2 unfounded, 1 transferred, 3 mediating, 12 closed, most of them resolved), two parties a row,
     * found over 2021–2023, numbered per committee.
     */
    public static void writeLedger(Path file, int rows) throws IOException {
        LocalDate start = LocalDate.of(2021, 1, 1);
        java.util.Random random = new java.util.Random(1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,涉及人数,涉及金额,风险等级,"
                    + "核实日期,核实结果,受理日期,调解结果,办结日期,协议形式\n");
            for (int i = 0; i < rows; i++) {
                int org = random.nextInt(ORGANIZATIONS) + 1;
                LocalDate found = start.plusDays(random.nextInt(1095));
                int stage = random.nextInt(20);
                LocalDate verified = found.plusDays(random.nextInt(5));
                String verification = switch (stage) {
                    case 0, 1 -> ",";
                    case 2, 3 -> verified + ",不属实";
                    case 4 -> verified + ",移交";
                    default -> verified + ",属实";
                };
                LocalDate closed = verified.plusDays(3 + random.nextInt(40));
                String closing = switch (stage) {
                    case 5, 6, 7, 0, 1, 2, 3, 4 -> ",,,,";
                    case 8, 9 -> "," + verified + ",调解不成," + closed + ",";
                    case 10 -> "," + verified + ",终止," + closed + ",";
                    default -> "," + verified + ",调解成功," + closed + "," + (stage % 3 == 0 ? "口头" : "书面");
                };
                if (stage >= 5 && stage <= 7) {
                    closing = "," + verified + ",,,";
                }
                String one = SURNAMES[random.nextInt(SURNAMES.length)] + "某" + random.nextInt(1000);
                String other = SURNAMES[random.nextInt(SURNAMES.length)] + "某" + random.nextInt(1000);
                out.write(String.join(",", "L" + org + "-" + i, found.toString(), SOURCES[random.nextInt(SOURCES.length)],
                        "第" + org + "社区", "第" + (random.nextInt(6) + 1) + "网格", "第" + org + "社区人民调解委员会",
                        TYPES[random.nextInt(TYPES.length)],
                        "\"双方因" + TYPES[i % TYPES.length] + "问题发生争执，第 " + i + " 条线索\"",
                        one + "(申请人);" + other + "(被申请人)", String.valueOf(random.nextInt(5) + 2),
                        random.nextInt(3) == 0 ? "" : random.nextInt(100_000) + ".50", RISKS[random.nextInt(RISKS.length)],
                        verification) + closing + "\n");
            }
        }
    }
}
