package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 item 4: someone who connects to the PostgreSQL server directly, as their account's own
 * login role, is held to the roles of DESIGN §9 by the server. One fresh database (the demo
 * jurisdiction, one account of each role) for the class; its roles are dropped with it.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRowSecurityTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private String databaseName;
    private Database database;
    private UserService users;
    private String prefix;
    private Committee own;
    private Committee other;
    private User admin;
    private User mediator;
    private User director;
    private User viewer;

    @BeforeAll
    void createDatabase() {
        databaseName = PostgresTestServer.createDatabase();
        database = Database.open(DatabaseLocation.parse(PostgresTestServer.url(databaseName, null)), true);
        new DemoJurisdiction(database, CLOCK).create();
        users = new UserService(database, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("chief", "管理员", "chief-2024");
        List<Committee> committees = new OrganizationService(database, admin).chart().committees();
        own = committees.get(1);
        other = committees.get(2);
        mediator = users.addUser(admin, "zhang.san", "张三", "mediator-1", Role.MEDIATOR, own.id());
        director = users.addUser(admin, "li-si", "李四", "director-1", Role.DIRECTOR, own.id());
        viewer = users.addUser(admin, "wang", "王五", "viewer-01", Role.VIEWER, null);
        prefix = database.read(tx -> tx.settings().get(PostgresRoles.PREFIX_SETTING)).orElseThrow();
    }

    @AfterAll
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
        PostgresTestServer.dropDatabase(databaseName);
    }

    @Test
    void theDemoHasPartiesInBothCommittees() throws SQLException {
        assertThat(countAsOwner("SELECT COUNT(*) FROM party p JOIN lead l ON l.id = p.lead_id WHERE l.committee_id = " + own.id()))
                .isPositive();
        assertThat(countAsOwner("SELECT COUNT(*) FROM party p JOIN lead l ON l.id = p.lead_id WHERE l.committee_id = " + other.id()))
                .isPositive();
        assertThat(prefix).startsWith("md_mdtest").endsWith("_"); // readable: the database name, trimmed
    }

    @Test
    void aMediatorSeesNoPartyOfAnotherCommitteeAndAnUpdateChangesNothing() throws SQLException {
        String otherParties = "SELECT p.id FROM party p JOIN lead l ON l.id = p.lead_id WHERE l.committee_id = " + other.id();
        String oneOtherParty = stringAsOwner(otherParties + " ORDER BY p.id LIMIT 1");
        String nameBefore = stringAsOwner("SELECT name FROM party WHERE id = '" + oneOtherParty + "'");
        try (Connection c = as(mediator); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM (" + otherParties + ") x")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM party WHERE id = '" + oneOtherParty + "'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM lead WHERE committee_id = " + other.id())).isZero();

            assertThat(s.executeUpdate("UPDATE party SET name = '改名' WHERE id = '" + oneOtherParty + "'")).isZero();
            assertThat(s.executeUpdate("UPDATE party SET name = '改名'")).isEqualTo(
                    countAsOwner("SELECT COUNT(*) FROM party p JOIN lead l ON l.id = p.lead_id WHERE l.committee_id = " + own.id()));
            assertThat(s.executeUpdate("UPDATE lead SET summary = '改' WHERE committee_id = " + other.id())).isZero();
            assertThat(s.executeUpdate("DELETE FROM party WHERE id = '" + oneOtherParty + "'")).isZero();
            c.rollback();
        }
        assertThat(stringAsOwner("SELECT name FROM party WHERE id = '" + oneOtherParty + "'")).isEqualTo(nameBefore);
    }

    @Test
    void aMediatorSeesAndChangesTheOwnCommitteesCasesButCannotMoveOneAway() throws SQLException {
        long ownLeads = countAsOwner("SELECT COUNT(*) FROM lead WHERE committee_id = " + own.id());
        long ownParties = countAsOwner("SELECT COUNT(*) FROM party p JOIN lead l ON l.id = p.lead_id WHERE l.committee_id = " + own.id());
        String lead = stringAsOwner("SELECT id FROM lead WHERE committee_id = " + own.id() + " ORDER BY id LIMIT 1");
        for (User caseWorker : List.of(mediator, director)) {
            try (Connection c = as(caseWorker); Statement s = c.createStatement()) {
                assertThat(count(s, "SELECT COUNT(*) FROM lead")).isEqualTo(ownLeads);
                assertThat(count(s, "SELECT COUNT(*) FROM party")).isEqualTo(ownParties);
                assertThat(count(s, "SELECT COUNT(*) FROM audit_entry WHERE committee_id <> " + own.id())).isZero();
                assertThat(s.executeUpdate("UPDATE lead SET summary = summary || '（核）' WHERE id = '" + lead + "'")).isEqualTo(1);
                assertThatThrownBy(() -> s.executeUpdate("UPDATE lead SET committee_id = " + other.id() + " WHERE id = '" + lead + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
                c.rollback();
                assertDenied(s, "DELETE FROM lead WHERE id = '" + lead + "'");
            }
        }
    }

    @Test
    void anExchangeConflictHoldingAnotherCommitteesLeadIsInvisibleAndReadOnly() throws SQLException {
        String ownLead = stringAsOwner("SELECT id FROM lead WHERE committee_id = " + own.id() + " ORDER BY id LIMIT 1");
        String otherLead = stringAsOwner("SELECT id FROM lead WHERE committee_id = " + other.id() + " ORDER BY id LIMIT 1");
        try (Connection c = PostgresTestServer.connect(databaseName); Statement s = c.createStatement()) {
            for (String[] lead : List.of(new String[]{ownLead, String.valueOf(own.id())},
                    new String[]{otherLead, String.valueOf(other.id())})) {
                s.execute("INSERT INTO package_conflict (id, lead_id, committee_id, label, package_digest,"
                        + " sender_installation_id, detected_at, kept_version, kept_state, replaced_version, replaced_state,"
                        + " differing_fields, replaced_data) VALUES (gen_random_uuid(), '" + lead[0] + "', " + lead[1]
                        + ", 'x', 'd', gen_random_uuid(), now(), 2, 'MEDIATING', 1, 'MEDIATING', 'summary',"
                        + " '{\"parties\":[{\"name\":\"张某\"}]}')");
            }
        }
        try (Connection c = as(mediator); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM package_conflict")).isEqualTo(1);
            assertThat(count(s, "SELECT COUNT(*) FROM package_conflict WHERE lead_id = '" + otherLead + "'")).isZero();
            assertDenied(s, "UPDATE package_conflict SET reviewed_by = 'x'");
        }
        try (Connection c = as(admin); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM package_conflict")).isEqualTo(2);
        }
    }

    @Test
    void anAdministratorSeesEveryCase() throws SQLException {
        try (Connection c = as(admin); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM lead")).isEqualTo(countAsOwner("SELECT COUNT(*) FROM lead"));
            assertThat(count(s, "SELECT COUNT(*) FROM party")).isEqualTo(countAsOwner("SELECT COUNT(*) FROM party"));
            assertThat(count(s, "SELECT COUNT(*) FROM audit_entry")).isEqualTo(countAsOwner("SELECT COUNT(*) FROM audit_entry"));
        }
    }

    @Test
    void aViewerReadsCountsOnlyAndNoCaseTable() throws SQLException {
        try (Connection c = as(viewer); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT SUM(leads) FROM lead_counts")).isEqualTo(countAsOwner("SELECT COUNT(*) FROM lead"));
            for (String table : List.of("party", "lead", "agreement", "lead_transition", "audit_entry", "community",
                    "package_conflict", "received_audit_entry", "lead_exchange")) {
                assertDenied(s, "SELECT * FROM " + table);
            }
        }
    }

    @Test
    void noLoginRoleReadsPasswordHashesSettingsOrTheChainHead() throws SQLException {
        for (User user : List.of(admin, director, mediator, viewer)) {
            try (Connection c = as(user); Statement s = c.createStatement()) {
                for (String table : List.of("app_user", "setting", "audit_chain", "flyway_schema_history",
                        "installation", "package_sender", "received_package")) {
                    assertDenied(s, "SELECT * FROM " + table);
                }
                assertDenied(s, "INSERT INTO audit_entry (seq, recorded_at, actor, action, entity, changes, key_id, hash, mac)"
                        + " VALUES (999999, now(), 'x', 'x', 'x', '[]', 'x', 'x', 'x')");
            }
        }
    }

    @Test
    void aDisabledAccountCannotLogInAndAnEnabledOneCanAgain() throws SQLException {
        User temporary = users.addUser(admin, "temp.mediator", "临时", "temporary-1", Role.MEDIATOR, own.id());
        try (Connection c = as(temporary)) {
            assertThat(c.isValid(2)).isTrue();
        }
        users.disable(admin, temporary.id());
        assertThatThrownBy(() -> as(temporary).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("not permitted to log in");
        users.enable(admin, temporary.id());
        try (Connection c = as(temporary)) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aPasswordSetInTheApplicationIsTheServersPassword() throws Exception {
        User account = users.addUser(admin, "pw.check", "口令", "first-pass1", Role.MEDIATOR, own.id());
        assertThat(serverAccepts(account, "first-pass1")).isTrue();
        users.resetPassword(admin, account.id(), "second-pass2");
        assertThat(serverAccepts(account, "second-pass2")).isTrue();
        assertThat(serverAccepts(account, "first-pass1")).isFalse();
        User signedIn = users.authenticate("pw.check", "second-pass2");
        users.changePassword(signedIn, "second-pass2", "it's-\"third\"\\3");
        assertThat(serverAccepts(account, "it's-\"third\"\\3")).isTrue();
        assertThat(serverAccepts(account, "second-pass2")).isFalse();
    }

    @Test
    void aRoleOrCommitteeChangeTakesEffectOnTheServer() throws SQLException {
        User moving = users.addUser(admin, "moving", "调动", "moving-123", Role.MEDIATOR, own.id());
        users.updateUser(admin, moving.id(), "调动", Role.MEDIATOR, other.id());
        try (Connection c = as(moving); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM lead WHERE committee_id = " + own.id())).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM lead")).isEqualTo(
                    countAsOwner("SELECT COUNT(*) FROM lead WHERE committee_id = " + other.id()));
        }
        users.updateUser(admin, moving.id(), "调动", Role.VIEWER, null);
        try (Connection c = as(moving); Statement s = c.createStatement()) {
            assertDenied(s, "SELECT * FROM party");
            assertThat(count(s, "SELECT SUM(leads) FROM lead_counts")).isPositive();
        }
    }

    @Test
    void aRoleOfAnotherDatabaseIsNeverTakenOver() throws SQLException {
        String foreign = PostgresRoles.account(prefix, "intruder");
        try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + PostgresRoles.ident(foreign) + " LOGIN");
        }
        try {
            assertThatThrownBy(() -> users.addUser(admin, "intruder", "外来", "intruder-1", Role.ADMIN, null))
                    .isInstanceOf(cn.mediationdesk.logic.ValidationException.class)
                    .hasMessage("user.serverRole.taken");
            java.util.Optional<User> stored = database.read(tx -> tx.users().findByUsername("intruder"));
            assertThat(stored).isEmpty();
        } finally {
            try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP ROLE " + PostgresRoles.ident(foreign));
            }
        }
    }

    // ---- helpers ----

    private Connection as(User user) throws SQLException {
        Connection c = DriverManager.getConnection(PostgresTestServer.urlAs(databaseName,
                PostgresRoles.account(prefix, user.username())));
        c.setAutoCommit(false);
        return c;
    }

    private static void assertDenied(Statement s, String sql) {
        assertThatThrownBy(() -> s.executeQuery(sql).close()).as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        try {
            s.getConnection().rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countAsOwner(String sql) throws SQLException {
        try (Connection c = PostgresTestServer.connect(databaseName); Statement s = c.createStatement()) {
            return count(s, sql);
        }
    }

    private String stringAsOwner(String sql) throws SQLException {
        try (Connection c = PostgresTestServer.connect(databaseName); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Whether the server's stored SCRAM verifier of the account's role matches {@code password}.
     * The test server trusts every local connection, so a login cannot show it; the verifier can
     * (RFC 5802: StoredKey = SHA-256(HMAC(PBKDF2(password, salt, i), "Client Key"))).
     */
    private boolean serverAccepts(User user, String password) throws SQLException, GeneralSecurityException {
        String verifier = stringAsOwner("SELECT rolpassword FROM pg_authid WHERE rolname = '"
                + PostgresRoles.account(prefix, user.username()) + "'");
        assertThat(verifier).startsWith("SCRAM-SHA-256$");
        String[] parts = verifier.substring("SCRAM-SHA-256$".length()).split("[$:]");
        int iterations = Integer.parseInt(parts[0]);
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        byte[] storedKey = Base64.getDecoder().decode(parts[2]);
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] clientKey = mac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey);
    }
}
