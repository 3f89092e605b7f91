package cn.mediationdesk.gui;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A small jurisdiction for GUI tests (and for looking at the window): 金宝新区 with two
 * communities, two committees and ten leads of 2021–2022 that between them reach every column
 * of a summary. Made through the real lifecycle service, so the data obeys every rule.
 */
public final class GuiTestData {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String JURISDICTION = "金宝新区";

    private GuiTestData() {
    }

    /** A clock that stands still at 18:00 on {@code day}. */
    public static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(18, 0).atZone(ZONE).toInstant(), ZONE);
    }

    public static Database createDatabase(Path file) {
        Database database = Database.open(DatabaseLocation.parse(file.toString()), true);
        fill(database);
        return database;
    }

    /** Puts the jurisdiction, its organization and its leads into an empty store. */
    public static void fill(Store store) {
        Clock clock = clockOn(LocalDate.of(2022, 12, 31));
        long[] ids = store.write(tx -> {
            var organization = tx.organization();
            organization.insertJurisdiction(JURISDICTION, clock.instant());
            long jinbao = organization.insertCommunity("SQ001", "金宝社区");
            long xinhua = organization.insertCommunity("SQ002", "新华社区");
            long district = organization.insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            long community = organization.insertCommittee("TW002", "金宝社区人民调解委员会", "金宝社区",
                    CommitteeKind.COMMUNITY, jinbao);
            return new long[] {jinbao, xinhua, district, community};
        });
        long jinbao = ids[0];
        long xinhua = ids[1];
        long district = ids[2];
        long community = ids[3];
        LifecycleService lifecycle = new LifecycleService(store, clock, User.setup());

        Lead resolved = accepted(lifecycle, register(lifecycle, district, jinbao, "2022-03-01", "SCREENING", "NEIGHBOR",
                "邻居因排水沟堵塞发生争执"), "2022-03-03");
        close(lifecycle, resolved, Outcome.RESOLVED, "2022-03-09");

        Lead duplicate = register(lifecycle, district, jinbao, "2022-03-02", "WALK_IN", "NEIGHBOR",
                "同一排水沟纠纷的另一方前来反映");
        lifecycle.verify(duplicate.id(), duplicate.version(), VerificationResult.DUPLICATE, day("2022-03-03"),
                resolved.id(), null);

        Lead unfounded = register(lifecycle, district, xinhua, "2022-04-10", "WALK_IN", "MARRIAGE_FAMILY",
                "反映邻居家中争吵，经核实系正常家庭口角");
        lifecycle.verify(unfounded.id(), unfounded.version(), VerificationResult.UNFOUNDED, day("2022-04-12"), null, null);

        register(lifecycle, community, jinbao, "2022-05-05", "GRID_REPORT", "PROPERTY_MGMT", "业主与物业就停车费发生争议");

        accepted(lifecycle, register(lifecycle, community, xinhua, "2022-06-01", "PARTY_APPLICATION", "CONTRACT",
                "装修合同工程款结算争议"), "2022-06-02");

        Lead failed = accepted(lifecycle, register(lifecycle, community, jinbao, "2022-07-01", "POLICE_REFERRAL",
                "DAMAGES", "电动车碰撞致人受伤，赔偿数额争议"), "2022-07-02");
        close(lifecycle, failed, Outcome.FAILED, "2022-07-20");

        Lead transferred = register(lifecycle, district, xinhua, "2022-08-08", "PETITION_REFERRAL", "LABOR",
                "务工人员反映被拖欠工资");
        lifecycle.verify(transferred.id(), transferred.version(), VerificationResult.TRANSFERRED, day("2022-08-09"),
                null, "县劳动保障监察大队");

        Lead terminated = accepted(lifecycle, register(lifecycle, community, jinbao, "2022-09-01", "SCREENING",
                "HOUSING_HOMESTEAD", "宅基地界址争议"), "2022-09-02");
        close(lifecycle, terminated, Outcome.TERMINATED, "2022-09-10");

        // Verified after 2022-11-30: pending as of that day, accepted as of the year's end.
        accepted(lifecycle, register(lifecycle, district, jinbao, "2022-11-20", "GRID_REPORT", "NEIGHBOR",
                "楼上漏水殃及楼下"), "2022-12-05");

        Lead lastYear = accepted(lifecycle, register(lifecycle, district, xinhua, "2021-12-15", "SCREENING", "CONTRACT",
                "租赁合同押金退还争议"), "2021-12-16");
        close(lifecycle, lastYear, Outcome.RESOLVED, "2021-12-28");
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static Lead register(LifecycleService lifecycle, long committee, long community, String foundOn,
                                 String source, String type, String summary) {
        return lifecycle.register(new NewLead(committee, community, null, null, day(foundOn), source, type, summary,
                2, null, RiskLevel.BLUE, false, false, List.of()));
    }

    private static Lead accepted(LifecycleService lifecycle, Lead lead, String on) {
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, day(on), null, null);
        return lifecycle.accept(verified.id(), verified.version(), null, List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
    }

    private static void close(LifecycleService lifecycle, Lead lead, Outcome outcome, String on) {
        AgreementInput agreement = outcome == Outcome.RESOLVED
                ? new AgreementInput(AgreementForm.WRITTEN, "经调查核实的纠纷事实", "双方争议事项", null, "双方达成一致", null, null, null, null) : null;
        lifecycle.close(lead.id(), lead.version(), outcome, day(on), agreement);
    }
}
