package cn.mediationdesk.logic.migration;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.StoreTransfer;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.PostgresRoles;
import cn.mediationdesk.persistence.PostgresTestServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code migrate-to}'s service: the demo jurisdiction (with accounts and its audit trail) moved from
 * an embedded file into an H2 server in the test's folder, and into a fresh PostgreSQL database.
 */
class MigrationServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private Database source;
    private User admin;
    private User mediator;
    private Server h2Server;

    @BeforeEach
    void demo() {
        source = Database.open(DatabaseLocation.parse(dir.resolve("office").toString()), true);
        new DemoJurisdiction(source, CLOCK).create();
        UserService users = new UserService(source, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("chief", "管理员", "chief-2024");
        List<Committee> committees = new OrganizationService(source, admin).chart().committees();
        mediator = users.addUser(admin, "zhang", "张三", "mediator-1", Role.MEDIATOR, committees.get(1).id());
        users.addUser(admin, "wang", "王五", "viewer-001", Role.VIEWER, null);
    }

    @AfterEach
    void close() {
        source.close();
        if (h2Server != null) {
            h2Server.stop();
        }
    }

    @Test
    void movesTheDemoIntoAnH2ServerWithItsIdsTalliesAndAuditChain() throws Exception {
        DatabaseLocation.Url url = startH2Server();
        assertThat(Database.holdsTables(url)).isFalse();
        try (Database target = Database.open(url, true)) {
            MigrationService.Result result = new MigrationService(source, CLOCK, admin)
                    .migrate(target, source.transferTo(target), "chief-2024");

            assertThat(result.rows()).containsEntry("app_user", 3L).containsKey("audit_entry");
            assertThat(result.rows().get("lead")).isEqualTo(source.read(tx -> tx.leads().count()));
            assertThat(result.auditEntries()).isPositive();
            assertThat(result.accountsWithoutServerPassword()).as("an H2 server has no per-account logins").isEmpty();
            assertSameLedger(target);
            // the identities moved past the copied ids: a new committee gets a new id
            long largest = source.read(tx -> tx.organization().committees()).stream().mapToLong(Committee::id).max().orElseThrow();
            User signedIn = new UserService(target, CLOCK, new PasswordHasher(4)).authenticate("chief", "chief-2024");
            Committee added = new OrganizationService(target, signedIn).createCommittee("X01", "新设人民调解委员会", "新设",
                    cn.mediationdesk.model.CommitteeKind.TRADE, null).item();
            assertThat(added.id()).isGreaterThan(largest);
        }
        assertThat(Database.holdsTables(url)).as("now it holds the database").isTrue();
    }

    @Test
    void onlyAnAdministratorMigrates() throws Exception {
        DatabaseLocation.Url url = startH2Server();
        try (Database target = Database.open(url, true)) {
            assertThatThrownBy(() -> new MigrationService(source, CLOCK, mediator)
                    .migrate(target, source.transferTo(target), "mediator-1"))
                    .isInstanceOf(PermissionDeniedException.class);
            long leads = target.read(tx -> tx.leads().count());
            assertThat(leads).isZero();
        }
    }

    @Test
    void aFailedCheckNamesItAndLeavesTheTargetEmpty() throws Exception {
        DatabaseLocation.Url url = startH2Server();
        try (Database target = Database.open(url, true)) {
            StoreTransfer real = source.transferTo(target);
            StoreTransfer losingARow = new StoreTransfer() {
                @Override
                public Map<String, Long> copy() {
                    return real.copy();
                }

                @Override
                public Map<String, Long> sourceRows() {
                    Map<String, Long> rows = new HashMap<>(real.sourceRows());
                    rows.merge("party", 1L, Long::sum); // as if one party had not arrived
                    return rows;
                }

                @Override
                public Map<String, Long> targetRows() {
                    return real.targetRows();
                }

                @Override
                public void undo() {
                    real.undo();
                }
            };
            assertThatThrownBy(() -> new MigrationService(source, CLOCK, admin).migrate(target, losingARow, "chief-2024"))
                    .isInstanceOf(MigrationCheckFailedException.class)
                    .satisfies(e -> {
                        assertThat(((MigrationCheckFailedException) e).key()).isEqualTo("migrate.check.rows");
                        assertThat(((MigrationCheckFailedException) e).detail()).startsWith("party ");
                    });
        }
        assertThat(Database.holdsTables(url)).as("the target is empty again").isFalse();
    }

    @Test
    @Tag("postgres")
    void movesTheDemoIntoPostgresAndGivesEveryAccountItsLoginRole() throws Exception {
        String database = PostgresTestServer.createDatabase();
        try {
            DatabaseLocation.Url url = (DatabaseLocation.Url) DatabaseLocation.parse(PostgresTestServer.url(database, null));
            assertThat(Database.holdsTables(url)).isFalse();
            try (Database target = Database.open(url, true)) {
                MigrationService.Result result = new MigrationService(source, CLOCK, admin)
                        .migrate(target, source.transferTo(target), "chief-2024");
                assertThat(result.accountsWithoutServerPassword()).containsExactlyInAnyOrder("zhang", "wang");
                assertSameLedger(target);
                assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(target).intact()).isTrue();

                String prefix = target.read(tx -> tx.settings().get(PostgresRoles.PREFIX_SETTING)).orElseThrow();
                try (Connection c = PostgresTestServer.connect(database); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT rolname, rolcanlogin, rolpassword IS NOT NULL FROM pg_authid"
                             + " WHERE rolname LIKE '" + prefix + "u\\_%' ORDER BY rolname")) {
                    Map<String, String> roles = new HashMap<>();
                    while (rs.next()) {
                        roles.put(rs.getString(1), rs.getBoolean(2) + "/" + rs.getBoolean(3));
                    }
                    assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(
                            PostgresRoles.account(prefix, "chief"), "true/true",
                            PostgresRoles.account(prefix, "zhang"), "true/false",
                            PostgresRoles.account(prefix, "wang"), "true/false"));
                }
                // the mediator's own login is held to the own committee
                try (Connection c = DriverManager.getConnection(PostgresTestServer.urlAs(database,
                        PostgresRoles.account(prefix, "zhang"))); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT committee_id) FROM lead")) {
                    rs.next();
                    assertThat(rs.getLong(2)).isEqualTo(1);
                    assertThat(rs.getLong(1)).isLessThan(source.read(tx -> tx.leads().count()));
                }
            }
        } finally {
            PostgresTestServer.dropDatabase(database);
        }
    }

    private void assertSameLedger(Database target) {
        TallyService before = new TallyService(source);
        TallyService after = new TallyService(target);
        for (Grouping by : Grouping.values()) {
            for (LocalDate asOf : List.of(LocalDate.of(2022, 12, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2024, 6, 30))) {
                TallyQuery query = TallyQuery.of(by, null, null, asOf);
                assertThat(after.summarize(query).rows()).as("%s", query).isEqualTo(before.summarize(query).rows());
            }
        }
        List<User> copied = target.read(tx -> tx.users().all());
        List<User> original = source.read(tx -> tx.users().all());
        assertThat(copied).isEqualTo(original);
    }

    private DatabaseLocation.Url startH2Server() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        h2Server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.resolve("server").toString(),
                "-ifNotExists").start();
        return (DatabaseLocation.Url) DatabaseLocation.parse("jdbc:h2:tcp://localhost:" + port + "/district");
    }
}
