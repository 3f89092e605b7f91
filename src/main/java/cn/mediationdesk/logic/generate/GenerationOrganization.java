package cn.mediationdesk.logic.generate;

import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The active organization generated leads belong to: the database's own when it has communities and
 * committees, otherwise a plausible one made here through the organization service's rules (12
 * communities each with its committee, grids and grid workers, and a committee for the whole
 * jurisdiction), with mediators for every committee.
 */
record GenerationOrganization(String jurisdiction, List<Community> communities, List<Committee> committees,
                              Map<Long, List<Grid>> gridsByCommunity, Map<Long, List<Person>> mediatorsByCommittee) {
    static final String DEFAULT_JURISDICTION = "合成示范区";
    private static final List<String> COMMUNITIES = List.of("东湖社区", "西苑社区", "南山社区", "北辰社区", "文昌社区",
            "和平社区", "长安社区", "锦绣社区", "桃源村", "杨柳村", "石门村", "清河村");
    private static final int GRIDS_PER_COMMUNITY = 3;
    private static final int MEDIATORS_PER_COMMITTEE = 4;

    /** What the database holds, made first when it has no community or no committee. */
    static GenerationOrganization ensure(Tx tx, Instant now, SplittableRandom random) {
        OrganizationRepository organization = tx.organization();
        if (organization.jurisdiction().isEmpty()) {
            organization.insertJurisdiction(DEFAULT_JURISDICTION, now);
        }
        if (active(organization.communities()).isEmpty() || activeCommittees(organization.committees()).isEmpty()) {
            create(tx, organization.jurisdiction().orElseThrow().name(), random);
        }
        return load(tx);
    }

    static GenerationOrganization load(Tx tx) {
        OrganizationRepository organization = tx.organization();
        List<Community> communities = active(organization.communities());
        List<Committee> committees = activeCommittees(organization.committees());
        Map<Long, List<Grid>> grids = new HashMap<>();
        for (Grid grid : organization.grids()) {
            if (grid.active()) {
                grids.computeIfAbsent(grid.communityId(), id -> new ArrayList<>()).add(grid);
            }
        }
        Map<Long, List<Person>> mediators = new HashMap<>();
        for (Person person : organization.people()) {
            if (person.active() && person.committeeId() != null && person.role().mediates()) {
                mediators.computeIfAbsent(person.committeeId(), id -> new ArrayList<>()).add(person);
            }
        }
        // the full-time mediators first: they lead the cases
        mediators.values().forEach(list -> list.sort(java.util.Comparator.comparing(Person::role)
                .thenComparingLong(Person::id)));
        return new GenerationOrganization(organization.jurisdiction().orElseThrow().name(), communities, committees,
                grids, mediators);
    }

    private static List<Community> active(List<Community> communities) {
        return communities.stream().filter(Community::active).toList();
    }

    private static List<Committee> activeCommittees(List<Committee> committees) {
        return committees.stream().filter(Committee::active).toList();
    }

    private static void create(Tx tx, String jurisdiction, SplittableRandom random) {
        OrganizationRepository organization = tx.organization();
        ChineseNames names = new ChineseNames(random, "110101");
        List<Community> communities = new ArrayList<>(active(organization.communities()));
        if (communities.isEmpty()) {
            for (String name : COMMUNITIES) {
                Community community = OrganizationService.createCommunity(tx, name);
                communities.add(community);
                for (int g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
                    long worker = organization.insertPerson(names.name(gender(random)), PersonRole.GRID_WORKER, null,
                            null);
                    organization.insertGrid(community.id(), "第" + "一二三".charAt(g - 1) + "网格", worker);
                }
            }
        }
        if (activeCommittees(organization.committees()).isEmpty()) {
            List<Committee> committees = new ArrayList<>();
            committees.add(OrganizationService.createCommittee(tx, jurisdiction + "人民调解委员会", null,
                    CommitteeKind.JURISDICTION, null));
            for (Community community : communities) {
                committees.add(OrganizationService.createCommittee(tx, community.name() + "人民调解委员会", null,
                        CommitteeKind.COMMUNITY, community.id()));
            }
            for (Committee committee : committees) {
                for (int m = 0; m < MEDIATORS_PER_COMMITTEE; m++) {
                    organization.insertPerson(names.name(gender(random)),
                            m == 0 ? PersonRole.FULL_TIME_MEDIATOR : PersonRole.PART_TIME_MEDIATOR, committee.id(), null);
                }
            }
        }
    }

    private static cn.mediationdesk.model.Gender gender(SplittableRandom random) {
        return random.nextBoolean() ? cn.mediationdesk.model.Gender.MALE : cn.mediationdesk.model.Gender.FEMALE;
    }
}
