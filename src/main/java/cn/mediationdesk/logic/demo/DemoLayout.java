package cn.mediationdesk.logic.demo;

import cn.mediationdesk.model.CommitteeKind;

import java.util.List;

/**
 * The organization of the demo jurisdiction: 8 communities and 8 committees as in the seed report
 * (one for the whole new district, six for communities, one for property disputes). The names are
 * invented.
 */
final class DemoLayout {
    static final String JURISDICTION = "金宝新区";

    static final List<String> COMMUNITIES = List.of("金宝社区", "新华社区", "龙潭社区", "石桥社区", "凤鸣社区",
            "白鹤社区", "青龙村", "柳林村");
    /** Communities that are villages: their disputes are about land more than about stairwells. */
    static final List<Integer> VILLAGES = List.of(6, 7);
    static final int GRIDS_PER_COMMUNITY = 3;

    record CommitteePlan(String name, String shortName, CommitteeKind kind, Integer community, int leads2022,
                         int mediators) {
    }

    /** In creation order, so the generated codes (TW001 …) follow it; leads2022 adds up to the seed's 87. */
    static final List<CommitteePlan> COMMITTEES = List.of(
            new CommitteePlan("金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null, 15, 3),
            new CommitteePlan("金宝社区人民调解委员会", null, CommitteeKind.COMMUNITY, 0, 13, 3),
            new CommitteePlan("新华社区人民调解委员会", null, CommitteeKind.COMMUNITY, 1, 12, 2),
            new CommitteePlan("龙潭社区人民调解委员会", null, CommitteeKind.COMMUNITY, 2, 11, 2),
            new CommitteePlan("石桥社区人民调解委员会", null, CommitteeKind.COMMUNITY, 3, 10, 2),
            new CommitteePlan("凤鸣社区人民调解委员会", null, CommitteeKind.COMMUNITY, 4, 9, 2),
            new CommitteePlan("青龙村人民调解委员会", null, CommitteeKind.COMMUNITY, 6, 9, 2),
            new CommitteePlan("物业纠纷人民调解委员会", "物业", CommitteeKind.TRADE, null, 8, 2));

    static final int JURISDICTION_COMMITTEE = 0;
    static final int PROPERTY_COMMITTEE = 7;

    private DemoLayout() {
    }
}
