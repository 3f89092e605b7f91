package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
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
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A package of one committee's leads (DESIGN §6 {@code package export} / {@code package import}), through
 * {@link PackageService} as the commands and the window do: exported from a copy of the generated data
 * set, and imported into another encrypted embedded database that holds only the same jurisdiction (a
 * governance office receiving a committee's first package). The committee is the one with the most leads;
 * the package holds 10,000, so the figures are for whatever that committee holds, printed at the
 * start of the trial ({@code package of N leads}).
 *
 * <p>Floors. Export: every row of the committee's leads and of their parts and audit entries read with
 * plain JDBC, one statement per table, every column fetched, and as many bytes as the package holds
 * written to a file. Import: the package file's bytes read, and every row the first import wrote (read
 * back in the set-up) inserted into a fresh copy of the receiving database with plain JDBC batches of
 * 1,000 in one transaction.
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
public class PackageBenchmark {
    /** The tables a package import writes, in an order their foreign keys allow. */
    private static final List<String> WRITTEN = List.of("community", "committee", "person", "grid", "lead", "party",
            "party_agent", "verification_step", "lead_mediator", "mediation_session", "agreement", "extension",
            "follow_up", "judicial_confirmation", "lead_transition", "case_record", "referral", "case_file_info",
            "attachment_content", "attachment", "lead_prevention", "risk_assessment", "lead_recurrence",
            "session_plan", "screening", "monthly_report", "installation", "package_sender", "received_package",
            "lead_exchange", "package_conflict", "received_audit_entry", "audit_entry", "lead_text", "lead_gram");
    /** The tables of a lead's parts, read by the export's floor through their {@code lead_id}. */
    private static final List<String> PARTS = List.of("party", "party_agent", "verification_step", "lead_mediator",
            "mediation_session", "agreement", "extension", "follow_up", "judicial_confirmation", "lead_transition",
            "case_record", "referral", "case_file_info", "attachment", "lead_prevention", "risk_assessment",
            "lead_recurrence", "session_plan", "received_audit_entry", "audit_entry");

    @Param("1000000")
    public int leads;

    private Path folder;
    private KeyRing keys;
    private Database sender;
    private Path senderCopy;
    private String committeeCode;
    private long committeeId;
    private Path receiverTemplate;
    private Path packageFile;
    private Path exported;
    private byte[] packageBytes;
    private Map<String, WrittenRows.Table> rowsWritten;
    private Path receiverCopy;
    private Database receiver;
    private int shot;

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws IOException, SQLException {
        folder = BenchmarkData.folder();
        // the audit trail's and the installation's keys go to the benchmark's own settings, never the user's
        System.setProperty(SettingsFolder.PROPERTY, folder.resolve("settings").toString());
        keys = BenchmarkData.keyRing(true);
        Path source = BenchmarkData.file(leads, true);
        Path senderBase = folder.resolve("package-sender-" + leads);
        senderCopy = file(senderBase);
        Files.copy(source, senderCopy, StandardCopyOption.REPLACE_EXISTING);
        sender = Database.open(DatabaseLocation.parse(senderBase.toString()), false, keys);
        String jurisdiction = sender.read(tx -> tx.organization().jurisdiction().orElseThrow().name());
        pickCommittee();
        receiverTemplate = folder.resolve("package-receiver-template");
        Files.deleteIfExists(file(receiverTemplate));
        try (Database fresh = Database.open(DatabaseLocation.parse(receiverTemplate.toString()), true, keys)) {
            new OrganizationService(fresh, User.setup()).createJurisdiction(jurisdiction, Clock.systemUTC().instant());
        }
        packageFile = folder.resolve("package-" + leads + ".mdpkg");
        exported = folder.resolve("package-exported-" + leads + ".mdpkg");
        if (params.getBenchmark().endsWith(".exportPackage")) {
            return;
        }
        int packed = new PackageService(sender, Clock.systemDefaultZone(), User.setup())
                .export(committeeCode, null, null, packageFile).leads();
        packageBytes = Files.readAllBytes(packageFile);
        System.out.printf("%npackage of %,d leads (committee %s), %,d bytes%n", packed, committeeCode,
                packageBytes.length);
        if (!params.getBenchmark().endsWith(".rawBatchInsertOfTheSameRows")) {
            return;
        }
        // One import whose rows the import's floor writes again.
        Path first = freshReceiver();
        try (Database once = open(first)) {
            importInto(once);
        }
        rowsWritten = readWritten(first);
        Files.deleteIfExists(file(first));
    }

    @Setup(Level.Iteration)
    public void freshDatabase() throws IOException {
        receiverCopy = freshReceiver();
        receiver = open(receiverCopy);
    }

    @TearDown(Level.Iteration)
    public void dropDatabase() throws IOException {
        receiver.close();
        Files.deleteIfExists(file(receiverCopy));
    }

    @TearDown(Level.Trial)
    public void dropFiles() throws IOException {
        sender.close();
        Files.deleteIfExists(senderCopy);
        Files.deleteIfExists(file(receiverTemplate));
        Files.deleteIfExists(packageFile);
        Files.deleteIfExists(exported);
    }

    @Benchmark
    @Goal(what = "Package export, 10,000 leads", millis = 10_000, ratio = 2, floor = "rawReadOfTheSameRows")
    public PackageService.ExportResult exportPackage() {
        return new PackageService(sender, Clock.systemDefaultZone(), User.setup()).export(committeeCode, null, null,
                exported);
    }

    @Benchmark
    @Goal(what = "Package import, 10,000 leads", millis = 10_000, ratio = 2, floor = "rawBatchInsertOfTheSameRows")
    public PackageService.ImportReport importPackage() {
        return importInto(receiver);
    }

    @Benchmark
    public long rawReadOfTheSameRows() throws SQLException, IOException {
        Store.DirectAccess access = sender.directAccess().orElseThrow();
        long values = 0;
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password())) {
            values += readAll(connection, "SELECT * FROM lead WHERE committee_id = ?");
            for (String table : PARTS) {
                values += readAll(connection, "SELECT t.* FROM " + table + " t JOIN lead l ON l.id = t.lead_id"
                        + " WHERE l.committee_id = ?");
            }
        }
        try (OutputStream out = Files.newOutputStream(exported)) {
            out.write(packageBytes);
        }
        return values;
    }

    @Benchmark
    public long rawBatchInsertOfTheSameRows() throws SQLException, IOException {
        byte[] read = Files.readAllBytes(packageFile);
        Store.DirectAccess access = receiver.directAccess().orElseThrow();
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password())) {
            return WrittenRows.insertAll(connection, rowsWritten.values()) + (long) read.length;
        }
    }

    private long readAll(Connection connection, String sql) throws SQLException {
        long values = 0;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, committeeId);
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        if (rs.getObject(i) != null) {
                            values++;
                        }
                    }
                }
            }
        }
        return values;
    }

    private PackageService.ImportReport importInto(Database target) {
        return new PackageService(target, Clock.systemDefaultZone(), User.setup()).importPackage(packageFile, false);
    }

    /** The committee with the most leads. */
    private void pickCommittee() throws SQLException {
        Store.DirectAccess access = sender.directAccess().orElseThrow();
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT c.id, c.code FROM committee c JOIN lead l ON l.committee_id = c.id"
                     + " GROUP BY c.id, c.code ORDER BY COUNT(*) DESC, c.code FETCH FIRST 1 ROW ONLY")) {
            rs.next();
            committeeId = rs.getLong(1);
            committeeCode = rs.getString(2);
        }
    }

    private Database open(Path base) {
        return Database.open(DatabaseLocation.parse(base.toString()), false, keys);
    }

    private Path freshReceiver() throws IOException {
        Path base = folder.resolve("package-receiver-" + (++shot));
        Files.copy(file(receiverTemplate), file(base), StandardCopyOption.REPLACE_EXISTING);
        return base;
    }

    private static Path file(Path base) {
        return base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX);
    }

    /**
     * Every row the first import wrote, table by table: the whole of each table the receiving database
     * held nothing of before, and of the audit trail the entries after its own.
     */
    private Map<String, WrittenRows.Table> readWritten(Path base) {
        Map<String, Long> before = new LinkedHashMap<>();
        long templateAudit = counts(receiverTemplate, before);
        try (Database imported = open(base)) {
            Store.DirectAccess access = imported.directAccess().orElseThrow();
            try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password())) {
                Map<String, WrittenRows.Table> tables = WrittenRows.read(connection, WRITTEN,
                        table -> table.equals("audit_entry") ? " WHERE seq > " + templateAudit
                                : before.get(table) == 0 ? "" : null);
                WrittenRows.Table leads = tables.get("lead");
                if (leads != null) {
                    tables.put("lead", leads.withRows(duplicatesAfterTheirOriginals(leads.rows(),
                            leads.columns().indexOf("ID"), leads.columns().indexOf("DUPLICATE_OF_ID"))));
                }
                return tables;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each table's row count in the receiving database before the import; returns its last audit entry. */
    private long counts(Path base, Map<String, Long> counts) {
        try (Database template = open(base)) {
            Store.DirectAccess access = template.directAccess().orElseThrow();
            try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
                 Statement statement = connection.createStatement()) {
                for (String table : WRITTEN) {
                    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
                try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_entry")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The leads in an order the foreign key from a duplicate to the lead it repeats allows. */
    private static List<Object[]> duplicatesAfterTheirOriginals(List<Object[]> rows, int id, int duplicateOf) {
        List<Object[]> ordered = new ArrayList<>(rows.size());
        Set<Object> placed = new HashSet<>();
        List<Object[]> waiting = rows;
        while (!waiting.isEmpty()) {
            List<Object[]> later = new ArrayList<>();
            for (Object[] row : waiting) {
                if (row[duplicateOf] == null || placed.contains(row[duplicateOf])) {
                    ordered.add(row);
                    placed.add(row[id]);
                } else {
                    later.add(row);
                }
            }
            if (later.size() == waiting.size()) {
                ordered.addAll(later); // points outside the package: let the insert say so
                break;
            }
            waiting = later;
        }
        return ordered;
    }
}
