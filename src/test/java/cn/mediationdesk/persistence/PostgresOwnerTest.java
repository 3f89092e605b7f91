package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's set-up, as a real deployment has it: the database belongs to an owner account that
 * is no superuser. With {@code CREATEROLE} everything works (the roles, row security, undoing a
 * failed migrate-to); without it the database refuses to open rather than run unprotected.
 */
@Tag("postgres")
class PostgresOwnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private String owner;
    private String database;

    @BeforeEach
    void ownerAndDatabase() throws Exception {
        owner = "md_owner_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        database = PostgresTestServer.createDatabase();
        try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + owner + " LOGIN");
            s.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
        }
        try (Connection c = PostgresTestServer.connect(database); Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
        }
    }

    @AfterEach
    void drop() throws Exception {
        PostgresTestServer.dropDatabase(database);
        try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    private DatabaseLocation ownersUrl() {
        return DatabaseLocation.parse(PostgresTestServer.urlAs(database, owner));
    }

    @Test
    void anOwnerWithoutCreateRoleCannotOpenTheDatabase() {
        assertThatThrownBy(() -> Database.open(ownersUrl(), true).close()).isInstanceOf(DatabaseOpenException.class)
                .extracting(failure -> ((DatabaseOpenException) failure).reason())
                .isEqualTo(DatabaseOpenException.Reason.SERVER_RIGHTS);
    }

    @Test
    void anOwnerWithCreateRoleRunsEverything() throws Exception {
        try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + owner + " CREATEROLE");
        }
        String prefix;
        long ownCommittee;
        try (Database db = Database.open(ownersUrl(), true)) {
            new DemoJurisdiction(db, CLOCK).create();
            UserService users = new UserService(db, CLOCK, new PasswordHasher(4));
            User admin = users.createFirstAdmin("chief", "管理员", "chief-2024");
            List<Committee> committees = new OrganizationService(db, admin).chart().committees();
            ownCommittee = committees.get(1).id();
            User mediator = users.addUser(admin, "zhang", "张三", "mediator-1", Role.MEDIATOR, ownCommittee);
            users.resetPassword(admin, mediator.id(), "mediator-2");
            prefix = db.read(tx -> tx.settings().get(PostgresRoles.PREFIX_SETTING)).orElseThrow();
        }
        try (Connection c = DriverManager.getConnection(PostgresTestServer.urlAs(database,
                PostgresRoles.account(prefix, "zhang"))); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT committee_id), MIN(committee_id) FROM lead")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(ownCommittee);
        }
        // what a failed migrate-to does to its target: everything it made goes, roles included
        String otherDatabase = PostgresTestServer.createDatabase();
        try (Database db = Database.open(ownersUrl(), false);
             Database other = Database.open(DatabaseLocation.parse(PostgresTestServer.url(otherDatabase, null)), true)) {
            other.transferTo(db).undo();
            assertThat(Database.holdsTables((DatabaseLocation.Url) ownersUrl())).isFalse();
        } finally {
            PostgresTestServer.dropDatabase(otherDatabase);
        }
        try (Connection c = PostgresTestServer.connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_roles WHERE rolname LIKE '" + prefix + "%'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the login and group roles are dropped").isZero();
        }
    }
}
