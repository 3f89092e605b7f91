package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A child process of {@link CrashSafetyTest}: registers leads through {@link LifecycleService}, as
 * the lead editor does, one after another, lead numbers {@code args[1]} + 1, 2, 3 …, each with
 * {@link #PARTIES} parties, and prints {@code ACK <lead number>} only after the save returned. It
 * runs until it is killed. The database at {@code args[0]} is created, with a community and its
 * committee, when it is not there yet.
 */
public final class LeadWriterMain {
    public static final String ACK = "ACK ";
    public static final int PARTIES = 2;
    static final String COMMUNITY = "崩溃测试社区";
    static final String COMMITTEE = "崩溃测试社区人民调解委员会";

    private LeadWriterMain() {
    }

    public static void main(String[] args) {
        String prefix = args[1];
        Clock clock = Clock.systemDefaultZone();
        Database database = Database.open(DatabaseLocation.parse(args[0]), true);
        Committee committee = database.write(tx -> tx.organization().committees().stream()
                .filter(c -> c.name().equals(COMMITTEE)).findFirst()
                .orElseGet(() -> {
                    Community community = OrganizationService.createCommunity(tx, COMMUNITY);
                    return OrganizationService.createCommittee(tx, COMMITTEE, null, CommitteeKind.COMMUNITY,
                            community.id());
                }));
        LifecycleService lifecycle = new LifecycleService(database, clock, User.setup());
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; ; i++) {
            String leadNo = prefix + i;
            lifecycle.register(new NewLead(committee.id(), committee.communityId(), null, leadNo, today.minusDays(i % 30),
                    "SCREENING", "NEIGHBOR", "崩溃测试：邻里纠纷第 " + i + " 条", 2, BigDecimal.valueOf(i), RiskLevel.BLUE,
                    false, false, List.of(
                            new PartyInput("张某" + i, null, null, null, null, PartyRole.APPLICANT),
                            new PartyInput("李某" + i, null, null, null, null, PartyRole.RESPONDENT))));
            System.out.println(ACK + leadNo);
            System.out.flush();
        }
    }
}
