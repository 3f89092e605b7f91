package cn.mediationdesk.persistence;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.store.StorageException;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two PCs on one server database (DESIGN §7): one imports a large ledger of accepted leads while the
 * other accepts leads of the same committee, each through its own connection, on its own thread.
 * Both succeed; the committee's case numbers of the year are unique and without gaps; the audit
 * chain is intact. And a lock that another PC holds past the lock timeout is a plain BUSY failure.
 * Run on an H2 TCP server and (tag {@code postgres}) on PostgreSQL.
 */
class SharedServerConcurrencyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String COMMITTEE = "南池村人民调解委员会";
    private static final int ROWS = 3000;
    private static final int WAITING = 150;

    @TempDir
    Path dir;
    private Server server;
    private String postgresSchema;
    private final List<Database> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        open.forEach(Database::close);
        if (server != null) {
            server.stop();
        }
        if (postgresSchema != null) {
            try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
            }
            PostgresTestServer.dropRoles("test/" + postgresSchema); // roles belong to the whole server
        }
    }

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private String h2Server() {
        int port = freePort();
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                    dir.resolve("server").toString()).start();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/office";
    }

    private String postgres() throws Exception {
        postgresSchema = "md_share_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(PG); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + postgresSchema);
        }
        return PG + "&currentSchema=" + postgresSchema;
    }

    private Database connect(String url, boolean create) {
        Database database = Database.open(DatabaseLocation.parse(url), create);
        open.add(database);
        return database;
    }

    @Test
    void anImportAndAcceptancesOnAnotherPcBothSucceedOnH2Server() throws Exception {
        importWhileAccepting(h2Server());
    }

    @Test
    @Tag("postgres")
    void anImportAndAcceptancesOnAnotherPcBothSucceedOnPostgres() throws Exception {
        importWhileAccepting(postgres());
    }

    @Test
    void aLockHeldPastTheTimeoutIsAPlainBusyFailureOnH2Server() throws Exception {
        String url = h2Server();
        lockHeldPastTheTimeout(url, url + ";LOCK_TIMEOUT=300");
    }

    @Test
    @Tag("postgres")
    void aLockHeldPastTheTimeoutIsAPlainBusyFailureOnPostgres() throws Exception {
        String url = postgres();
        lockHeldPastTheTimeout(url, url + "&options=-c%20lock_timeout%3D300");
    }

    private void importWhileAccepting(String url) throws Exception {
        Database first = connect(url, true);
        Committee committee = organization(first);
        List<Lead> genuine = genuineLeads(first, committee);
        Path ledger = ledger();
        Database second = connect(url, false);

        CountDownLatch started = new CountDownLatch(1);
        // two threads of their own: the common pool may have one on a small machine, which would run them in turn
        java.util.concurrent.ExecutorService pcs = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<ImportReport> importing = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return new LedgerImporter(first, CLOCK, User.setup()).importLedger(ledger,
                    new ImportOptions(false, false, null));
        }, pcs);
        CompletableFuture<Integer> accepting = CompletableFuture.supplyAsync(() -> {
            await(started);
            LifecycleService lifecycle = new LifecycleService(second, CLOCK, User.setup());
            int accepted = 0;
            // accepting as long as the import runs, and at least a few while it does
            for (Lead lead : genuine) {
                if (importing.isDone() && accepted >= 5) {
                    break;
                }
                lifecycle.accept(lead.id(), lead.version(), LocalDate.of(2024, 6, 20), List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
                accepted++;
            }
            return accepted;
        }, pcs);

        ImportReport report = importing.get(10, TimeUnit.MINUTES);
        int accepted = accepting.get(10, TimeUnit.MINUTES);
        pcs.shutdown();
        assertThat(report.added()).isEqualTo(ROWS);
        List<Integer> sequences = caseSequences(url, committee.id());
        assertThat(sequences).as("unique and gap-free")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS + accepted).boxed().toList());
        assertThat(new AuditService(second, CLOCK, User.setup()).verify().intact()).isTrue();
    }

    private void lockHeldPastTheTimeout(String url, String impatientUrl) throws Exception {
        Database first = connect(url, true);
        Committee committee = organization(first);
        Lead lead = genuineLeads(first, committee).getFirst();
        Database impatient = connect(impatientUrl, false);
        // another PC in the middle of issuing a number of the same committee
        try (Connection other = direct(url)) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT id FROM committee WHERE id = " + committee.id() + " FOR UPDATE");
                LifecycleService lifecycle = new LifecycleService(impatient, CLOCK, User.setup());
                assertThatThrownBy(() -> lifecycle.accept(lead.id(), lead.version(), LocalDate.of(2024, 6, 20), List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null)))
                        .isInstanceOfSatisfying(StorageException.class,
                                e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.BUSY));
            }
            other.rollback();
        }
        // nothing of it was written, and once the other PC is done the same acceptance goes through
        Lead accepted = new LifecycleService(impatient, CLOCK, User.setup())
                .accept(lead.id(), lead.version(), LocalDate.of(2024, 6, 20), List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        assertThat(accepted.caseNumber().sequence()).isEqualTo(1);
    }

    private static Committee organization(Database database) {
        return database.write(tx -> {
            Community community = OrganizationService.createCommunity(tx, "南池村");
            return OrganizationService.createCommittee(tx, COMMITTEE, null, CommitteeKind.COMMUNITY, community.id());
        });
    }

    private static List<Lead> genuineLeads(Database database, Committee committee) {
        LifecycleService lifecycle = new LifecycleService(database, CLOCK, User.setup());
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            Lead lead = lifecycle.register(new NewLead(committee.id(), committee.communityId(), null, "W-" + i,
                    LocalDate.of(2024, 6, 1), "WALK_IN", "NEIGHBOR", "等待受理的线索 " + i, 2, null, null, false,
                    false, List.of()));
            leads.add(lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2024, 6, 2),
                    null, null));
        }
        return leads;
    }

    /** Every row accepted in 2024 by the same committee, some closed. */
    private Path ledger() throws IOException {
        Path file = dir.resolve("ledger.csv");
        LocalDate start = LocalDate.of(2024, 1, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("线索编号,发现日期,线索来源,社区,调委会,纠纷类型,简要情况,当事人,核实日期,核实结果,调解结果,办结日期\n");
            for (int i = 0; i < ROWS; i++) {
                LocalDate found = start.plusDays(i % 150);
                String closing = i % 3 == 0 ? "调解成功," + found.plusDays(10) : ",";
                out.write(String.join(",", "L-" + i, found.toString(), "群众来访", "南池村", COMMITTEE, "邻里",
                        "第 " + i + " 条", "张某" + i + "(申请人);李某(被申请人)", found.plusDays(1).toString(), "属实",
                        closing) + "\n");
            }
        }
        return file;
    }

    private static List<Integer> caseSequences(String url, long committeeId) throws java.sql.SQLException {
        List<Integer> sequences = new ArrayList<>();
        try (Connection c = direct(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT case_seq FROM lead WHERE committee_id = " + committeeId
                     + " AND case_year = 2024 ORDER BY case_seq")) {
            while (rs.next()) {
                sequences.add(rs.getInt(1));
            }
        }
        return sequences;
    }

    /** A connection of its own, as another PC's (H2's default account on the test server; PostgreSQL's URL says it). */
    private static Connection direct(String url) throws java.sql.SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
