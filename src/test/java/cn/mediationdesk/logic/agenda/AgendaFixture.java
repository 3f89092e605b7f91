package cn.mediationdesk.logic.agenda;

import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A database for agenda tests: two committees, an administrator, a mediator of each committee and a
 * viewer; the database made on {@link #CREATED}, the clock on {@link #TODAY}; cases built with known
 * dates through the lifecycle service.
 */
public final class AgendaFixture implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    public static final LocalDate CREATED = LocalDate.of(2026, 1, 15);

    public final Database database;
    public final Clock clock;
    public final User admin;
    public final User mediatorA;
    public final User mediatorB;
    public final User viewer;
    public final long committeeA;
    public final long committeeB;
    private final long communityId;
    private final LifecycleService lifecycle;
    private int sequence;

    public AgendaFixture(Path dir) {
        database = TestStores.fresh(dir, "agenda");
        clock = Clock.fixed(TODAY.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        long[] ids = database.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", CREATED.atTime(10, 0).atZone(ZONE).toInstant());
            long community = tx.organization().insertCommunity("SQ001", "金宝社区");
            long a = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null);
            long b = tx.organization().insertCommittee("TW002", "金宝社区人民调解委员会", "金宝社区", CommitteeKind.COMMUNITY,
                    community);
            return new long[]{community, a, b};
        });
        communityId = ids[0];
        committeeA = ids[1];
        committeeB = ids[2];
        UserService users = new UserService(database, clock, new PasswordHasher(4));
        admin = users.createFirstAdmin("admin", "管理员", "admin-2026");
        mediatorA = account(users, "zhangli", "张丽", Role.MEDIATOR, committeeA);
        mediatorB = account(users, "wangfang", "王芳", Role.MEDIATOR, committeeB);
        viewer = account(users, "lingdao", "领导", Role.VIEWER, null);
        lifecycle = new LifecycleService(database, clock, admin);
    }

    /** The password of each account but the administrator's: its name and "-2026". */
    public static String passwordOf(User user) {
        return user.username() + "-2026";
    }

    private User account(UserService users, String name, String displayName, Role role, Long committee) {
        User added = users.addUser(admin, name, displayName, "first-pass-1", role, committee);
        return users.changePassword(added, "first-pass-1", name + "-2026");
    }

    public LifecycleService lifecycle() {
        return lifecycle;
    }

    public AgendaService agenda() {
        return new AgendaService(database, clock);
    }

    /** A lead registered on {@code found}, not verified yet. */
    public Lead pending(long committee, LocalDate found, RiskLevel risk) {
        sequence++;
        return lifecycle.register(new NewLead(committee, communityId, null, "X" + sequence, found, "SCREENING",
                "NEIGHBOR", "第" + sequence + "起：两户因宅前通道发生纠纷", 2, null, risk, false, false,
                List.of(new PartyInput("张某", null, null, null, null, PartyRole.APPLICANT))));
    }

    /** A case accepted on {@code accepted} (found and verified that day), so due 30 days later. */
    public Lead mediating(long committee, LocalDate accepted) {
        return mediating(committee, accepted, RiskLevel.BLUE);
    }

    public Lead mediating(long committee, LocalDate accepted, RiskLevel risk) {
        Lead lead = pending(committee, accepted, risk);
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, accepted, null, null);
        return lifecycle.accept(lead.id(), lead.version(), accepted, List.of(),
                new ConsentInput(accepted, ConsentWay.ORAL, accepted));
    }

    /** A case accepted and resolved on {@code closed}, with an agreement of {@code form} and its performance deadline. */
    public Lead resolved(long committee, LocalDate closed, AgreementForm form, LocalDate performanceDeadline) {
        return closed(committee, closed, Outcome.RESOLVED, form, performanceDeadline);
    }

    public Lead closed(long committee, LocalDate closed, Outcome outcome, AgreementForm form,
                       LocalDate performanceDeadline) {
        Lead lead = mediating(committee, closed);
        AgreementInput agreement = outcome == Outcome.RESOLVED
                ? new AgreementInput(form, "两户因宅前通道通行发生争执", "通道归属与通行", null, "张某让出通道一米", null,
                null, null, performanceDeadline)
                : null;
        return lifecycle.close(lead.id(), lead.version(), outcome, closed, agreement);
    }

    /** A new risk assessment of the lead, as the risk history records it. */
    public void assess(UUID leadId, LocalDate on, RiskLevel level) {
        database.write(tx -> {
            tx.caseFiles().insertRiskAssessment(new RiskAssessment(UUID.randomUUID(), leadId, on, level, false, false,
                    "张丽", null, clock.instant()));
            return null;
        });
    }

    /** A signed monthly report, written behind the services' back (signing it is another part's work). */
    public void signReport(long committee, String month) throws SQLException {
        try (Connection connection = TestStores.connect(database);
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO monthly_report (committee_id, report_month, zero_report, figures, signed_by, signer_name,
                                                 signed_on, signed_at)
                     VALUES (?, ?, FALSE, 'leads=1', 'admin', '管理员', ?, CURRENT_TIMESTAMP)""")) {
            insert.setLong(1, committee);
            insert.setString(2, month);
            insert.setObject(3, TODAY);
            insert.executeUpdate();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
