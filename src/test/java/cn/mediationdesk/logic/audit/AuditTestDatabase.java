package cn.mediationdesk.logic.audit;

import cn.mediationdesk.persistence.DirectConnections;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A real H2 database in a temporary folder with a few audited leads and a user, and the means to
 * edit it behind the application's back with plain SQL, as someone holding the file could.
 *
 * <p>The services record their own changes on the trail sealed in the settings folder
 * ({@link AuditSeal#inSettingsFolder()}); the test points {@code mediationdesk.settings} at its
 * own folder before opening this database. Leads are registered by the setup actor until the
 * first account exists, then by that administrator.
 */
public final class AuditTestDatabase implements AutoCloseable {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final Clock CLOCK = Clock.fixed(LocalDate.of(2022, 12, 31).atTime(18, 0).atZone(CHINA).toInstant(), CHINA);

    private final Path dbPath;
    private final AuditSeal seal;
    private Database store;
    private final AuditTrail trail;
    private LifecycleService lifecycle;
    private UserService users;
    private User admin;
    public final long committeeId;
    public final long communityId;

    public AuditTestDatabase(Path dir) {
        this.dbPath = dir.resolve("db");
        this.seal = AuditSeal.inSettingsFolder();
        this.store = Database.open(DatabaseLocation.parse(dbPath.toString()), true);
        this.trail = new AuditTrail(CLOCK, seal);
        this.lifecycle = new LifecycleService(store, CLOCK, User.setup());
        this.users = new UserService(store, CLOCK, new PasswordHasher(4));
        long[] ids = store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", CLOCK.instant());
            long community = tx.organization().insertCommunity("SQ001", "金宝社区");
            long committee = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            return new long[] {committee, community};
        });
        committeeId = ids[0];
        communityId = ids[1];
    }

    public Path dbPath() {
        return dbPath;
    }

    public AuditSeal seal() {
        return seal;
    }

    public AuditTrail trail() {
        return trail;
    }

    public Store store() {
        return store;
    }

    /** Registers a lead with two parties; the service records it on the trail. */
    public Lead register(String leadNo) {
        Lead lead = lifecycle.register(new NewLead(committeeId, communityId, null, leadNo, LocalDate.of(2022, 3, 1),
                "SCREENING", "NEIGHBOR", "张某与李某因排水沟堵塞发生纠纷", 2, new BigDecimal("1500.00"), null, false, false,
                List.of(new PartyInput("张某", Gender.MALE, "11010519491231002X", "13812345678", null, PartyRole.APPLICANT),
                        new PartyInput("李某", null, null, null, null, PartyRole.RESPONDENT))));
        return lead;
    }

    /** Verifies a lead as genuine; the service records the change. */
    public Lead verify(Lead lead) {
        return verify(lifecycle, lead);
    }

    /** Verifies a lead as genuine acting through {@code service}. */
    public Lead verify(LifecycleService service, Lead lead) {
        return service.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3),
                null, null);
    }

    /** The service that creates and changes accounts (it records account changes itself). */
    public UserService users() {
        return users;
    }

    /**
     * The first administrator {@code admin}, created (entry {@code account.firstAdmin}) on first use;
     * from then on leads are registered and verified by this administrator.
     */
    public User admin() {
        if (admin == null) {
            admin = users.createFirstAdmin("admin", "管理员", "admin-password-1");
            lifecycle = new LifecycleService(store, CLOCK, admin);
        }
        return admin;
    }

    /** Adds a mediator of the committee through the administrator (entry {@code account.add}). */
    public long addUser(String username) {
        return addUser(username, Role.MEDIATOR).id();
    }

    /** Adds a user with {@code role} in the committee through the administrator (entry {@code account.add}). */
    public User addUser(String username, Role role) {
        return users.addUser(admin(), username, "张丽", "password-" + username, role, committeeId);
    }

    /** A lifecycle service acting as {@code actor}. */
    public LifecycleService lifecycleAs(User actor) {
        return new LifecycleService(store, CLOCK, actor);
    }

    public AuditVerification verifyTrail() {
        return new AuditVerifier(seal).verify(store);
    }

    /** Runs SQL on the closed database file directly, then opens it again as the application would. */
    public void behindTheBack(String... statements) {
        store.close();
        try (Connection connection = DirectConnections.open(dbPath);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        reopen();
    }

    /** Opens a JDBC connection on the closed file; the caller closes it, then calls {@link #reopen()}. */
    public Connection closeAndConnect() throws SQLException {
        store.close();
        return DirectConnections.open(dbPath);
    }

    public void reopen() {
        store = Database.open(DatabaseLocation.parse(dbPath.toString()), false);
        lifecycle = new LifecycleService(store, CLOCK, admin == null ? User.setup() : admin);
        users = new UserService(store, CLOCK, new PasswordHasher(4));
    }

    public static String quoted(UUID id) {
        return "'" + id + "'";
    }

    @Override
    public void close() {
        store.close();
    }
}
