package cn.mediationdesk.logic.search;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Searching, paging and sorting leads on a small hand-made ledger, by the real SQL on H2. */
class LeadSearchServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-06-30T04:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);

    @TempDir
    Path dir;

    private Database db;
    private LeadSearchService search;
    private LifecycleService lifecycle;
    private long jinbao;
    private long xinhua;
    private long district;
    private long community;

    private Lead drain;
    private Lead parking;
    private Lead contract;
    private Lead scooter;
    private Lead deposit;
    private Lead repeated;

    @BeforeEach
    void open() {
        db = TestStores.fresh(dir, "db");
        search = new LeadSearchService(db, User.setup());
        lifecycle = new LifecycleService(db, CLOCK, User.setup());
        db.write(tx -> {
            var org = tx.organization();
            tx.organization().insertJurisdiction("金宝新区", CLOCK.instant());
            jinbao = org.insertCommunity("SQ001", "金宝社区");
            xinhua = org.insertCommunity("SQ002", "新华社区");
            district = org.insertCommittee("TW001", "金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null);
            community = org.insertCommittee("TW002", "新华社区人民调解委员会", "新华", CommitteeKind.COMMUNITY, xinhua);
            return null;
        });
        drain = register(district, jinbao, null, "2022-03-01", "SCREENING", "NEIGHBOR", "邻居因排水沟堵塞发生争执",
                RiskLevel.BLUE, false, false, party("张某", PartyRole.APPLICANT), party("李某", PartyRole.RESPONDENT));
        drain = close(accept(drain, "2022-03-03"), Outcome.RESOLVED, "2022-03-09");
        parking = register(community, xinhua, null, "2022-05-05", "GRID_REPORT", "PROPERTY_MGMT",
                "业主与物业就停车费发生争议，要求退还100%押金", RiskLevel.RED, true, false, party("王某", PartyRole.APPLICANT));
        contract = accept(register(community, xinhua, null, "2022-06-01", "PARTY_APPLICATION", "CONTRACT",
                "装修合同工程款结算争议", RiskLevel.YELLOW, false, false), "2022-06-02");
        contract = lifecycle.extend(contract.id(), contract.version(), LocalDate.parse("2022-06-20"),
                LocalDate.parse("2022-08-15"), "双方同意延期");
        scooter = accept(register(district, jinbao, null, "2022-07-01", "POLICE_REFERRAL", "DAMAGES",
                "电动车碰撞致人受伤，赔偿数额争议", RiskLevel.ORANGE, false, true, party("赵某", PartyRole.APPLICANT),
                party("钱某", PartyRole.RESPONDENT), party("孙某", PartyRole.OTHER)), "2022-07-02");
        deposit = close(accept(register(district, xinhua, "XS-2021-7", "2021-12-15", "SCREENING", "CONTRACT",
                "租赁合同押金退还争议", RiskLevel.BLUE, false, false), "2021-12-16"), Outcome.RESOLVED, "2021-12-28");
        repeated = register(district, jinbao, null, "2022-03-02", "WALK_IN", "NEIGHBOR", "同一排水沟纠纷的另一方前来反映",
                RiskLevel.BLUE, false, false);
        repeated = lifecycle.verify(repeated.id(), repeated.version(), VerificationResult.DUPLICATE,
                LocalDate.parse("2022-03-03"), drain.id(), null);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void withoutAColumnEveryLeadIsListedDuplicatesIncludedNewestFirst() {
        LeadPage page = search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, 0, 100);
        assertThat(page.total()).isEqualTo(6);
        assertThat(ids(page)).containsExactly(scooter.id(), contract.id(), parking.id(), repeated.id(), drain.id(),
                deposit.id());
        assertThat(search.count(LeadFilter.all(YEAR_END).withColumn(TallyColumn.LEADS))).isEqualTo(5);
    }

    @Test
    void aRowShowsTheLeadAsItStoodOnTheAsOfDay() {
        LeadListRow row = only(LeadFilter.all(LocalDate.parse("2022-03-05")).withText("排水沟堵塞"));
        assertThat(row.state()).isEqualTo(LeadState.MEDIATING);
        assertThat(row.caseNumber()).isEqualTo(drain.caseNumber().text());
        assertThat(row.committeeName()).isEqualTo("金宝新区人民调解委员会");
        assertThat(row.communityName()).isEqualTo("金宝社区");
        assertThat(row.typeLabel(true)).isEqualTo("邻里");
        assertThat(row.typeLabel(false)).isEqualTo("Neighbours");
        assertThat(row.sourceLabel(true)).isEqualTo("主动排查");
        assertThat(row.foundOn()).isEqualTo(LocalDate.parse("2022-03-01"));
        assertThat(row.dueOn()).isEqualTo(drain.dueOn());
        assertThat(row.version()).isEqualTo(drain.version());

        LeadListRow beforeAcceptance = only(LeadFilter.all(LocalDate.parse("2022-03-02")).withText("排水沟堵塞"));
        assertThat(beforeAcceptance.state()).isEqualTo(LeadState.PENDING);
        assertThat(beforeAcceptance.dueOn()).as("no due date before acceptance").isNull();
        assertThat(beforeAcceptance.caseNumber()).as("the case number is the lead's for good").isNotNull();
        assertThat(only(LeadFilter.all(YEAR_END).withText("排水沟堵塞")).state()).isEqualTo(LeadState.RESOLVED);
    }

    @Test
    void partiesAreListedByNameOnlyInTheirOrder() {
        assertThat(only(LeadFilter.all(YEAR_END).withText("电动车")).partyNames()).isEqualTo("赵某、钱某、孙某");
        assertThat(only(LeadFilter.all(YEAR_END).withText("装修合同")).partyNames()).isEmpty();
    }

    @Test
    void theDueDateInForceAndOverdueFollowTheExtensionsAgreedByTheAsOfDay() {
        LeadFilter contractOnly = LeadFilter.all(YEAR_END).withText("装修合同");
        LeadListRow beforeExtension = only(contractOnly.withAsOf(LocalDate.parse("2022-06-19")));
        assertThat(beforeExtension.dueOn()).isEqualTo(LocalDate.parse("2022-07-02"));
        assertThat(beforeExtension.overdue()).isFalse();
        LeadListRow extended = only(contractOnly.withAsOf(LocalDate.parse("2022-07-10")));
        assertThat(extended.dueOn()).isEqualTo(LocalDate.parse("2022-08-15"));
        assertThat(extended.overdue()).isFalse();
        assertThat(only(contractOnly.withAsOf(LocalDate.parse("2022-08-16"))).overdue()).isTrue();

        LeadFilter overdue = LeadFilter.all(LocalDate.parse("2022-08-10")).withColumn(TallyColumn.OVERDUE);
        assertThat(ids(search.search(overdue, LeadSort.DEFAULT, 0, 10))).containsExactly(scooter.id());
        assertThat(ids(search.search(overdue.withAsOf(YEAR_END), LeadSort.DEFAULT, 0, 10)))
                .containsExactly(scooter.id(), contract.id());
    }

    @Test
    void textFindsCaseNumbersLeadNumbersSummariesAndPartyNames() {
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText(drain.caseNumber().text()))))
                .containsExactly(drain.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("xs-2021")))).containsExactly(deposit.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("押金")))).containsExactly(parking.id(), deposit.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("钱某")))).containsExactly(scooter.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("押金 王某")))).containsExactly(parking.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("押金 钱某")))).isEmpty();
    }

    @Test
    void aFreeTextCountStopsAtTheCapAndSaysThereAreMore() {
        LeadFilter dispute = LeadFilter.all(YEAR_END).withText("争议"); // parking, contract, scooter, deposit
        assertThat(new LeadSearchService(db, User.setup(), 3).boundedCount(dispute)).isEqualTo(LeadCount.moreThan(3));
        assertThat(new LeadSearchService(db, User.setup(), 0).boundedCount(dispute)).isEqualTo(LeadCount.moreThan(0));
        assertThat(new LeadSearchService(db, User.setup(), 1).boundedCount(LeadFilter.all(YEAR_END).withText("争")))
                .as("one character, in five leads").isEqualTo(LeadCount.moreThan(1));
        assertThat(new LeadSearchService(db, User.setup(), 1).boundedCount(dispute.withCommittee(community)))
                .as("other filters count too").isEqualTo(LeadCount.moreThan(1));
        assertThat(search.boundedCount(dispute)).as("the ledger's cap of 5,000").isEqualTo(LeadCount.exactly(4));
    }

    @Test
    void aFreeTextCountUpToTheCapIsExact() {
        LeadFilter dispute = LeadFilter.all(YEAR_END).withText("争议");
        assertThat(new LeadSearchService(db, User.setup(), 4).boundedCount(dispute)).isEqualTo(LeadCount.exactly(4));
        assertThat(new LeadSearchService(db, User.setup(), 2).boundedCount(dispute.withCommittee(community)))
                .isEqualTo(LeadCount.exactly(2));
        assertThat(new LeadSearchService(db, User.setup(), 1).boundedCount(dispute.withText("押金 王某")))
                .isEqualTo(LeadCount.exactly(1));
        assertThat(new LeadSearchService(db, User.setup(), 0).boundedCount(dispute.withText("找不到")))
                .as("found nowhere").isEqualTo(LeadCount.exactly(0));
    }

    @Test
    void aCountWithoutTextIsAlwaysExact() {
        LeadSearchService capped = new LeadSearchService(db, User.setup(), 2);
        assertThat(capped.boundedCount(LeadFilter.all(YEAR_END))).isEqualTo(LeadCount.exactly(6));
        assertThat(capped.boundedCount(LeadFilter.all(YEAR_END).withColumn(TallyColumn.LEADS)))
                .isEqualTo(LeadCount.exactly(5));
        assertThatThrownBy(() -> new LeadSearchService(db, User.setup(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wildcardsInTheTextAreOrdinaryCharacters() {
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("100%")))).containsExactly(parking.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("%")))).containsExactly(parking.id());
        assertThat(ids(search(LeadFilter.all(YEAR_END).withText("_")))).isEmpty();
    }

    @Test
    void filtersNarrowByOrganizationDictionaryRiskFlagAndMonth() {
        LeadFilter all = LeadFilter.all(YEAR_END);
        assertThat(ids(search(all.withCommittee(community)))).containsExactly(contract.id(), parking.id());
        assertThat(ids(search(all.withCommunity(xinhua)))).containsExactly(contract.id(), parking.id(), deposit.id());
        assertThat(ids(search(all.withDisputeType("CONTRACT")))).containsExactly(contract.id(), deposit.id());
        assertThat(ids(search(all.withSource("SCREENING")))).containsExactly(drain.id(), deposit.id());
        assertThat(ids(search(all.withSourceGroup("ACTIVE")))).containsExactly(parking.id(), drain.id(), deposit.id());
        assertThat(ids(search(all.withRisks(EnumSet.of(RiskLevel.RED, RiskLevel.ORANGE)))))
                .containsExactly(scooter.id(), parking.id());
        assertThat(ids(search(all.withFlags(Set.of(RiskFlag.CRIMINAL_RISK))))).containsExactly(parking.id());
        assertThat(ids(search(all.withFlags(EnumSet.allOf(RiskFlag.class))))).containsExactly(scooter.id(), parking.id());
        assertThat(ids(search(all.withMonth(YearMonth.of(2022, 3))))).containsExactly(repeated.id(), drain.id());
        assertThat(ids(search(all.withPeriod(LocalDate.parse("2022-03-02"), null).withMonth(YearMonth.of(2022, 3)))))
                .containsExactly(repeated.id());
        assertThat(ids(search(all.withPeriod(null, LocalDate.parse("2022-03-01")))))
                .containsExactly(drain.id(), deposit.id());
        LeadListRow flagged = only(all.withText("电动车"));
        assertThat(flagged.groupRisk()).isTrue();
        assertThat(flagged.criminalRisk()).isFalse();
        assertThat(flagged.risk()).isEqualTo(RiskLevel.ORANGE);
    }

    @Test
    void severalTypesOrCommunitiesListTheLeadsOfAnyOfThem() {
        LeadFilter all = LeadFilter.all(YEAR_END);
        assertThat(ids(search(all.withDisputeTypes(Set.of("CONTRACT", "DAMAGES")))))
                .containsExactly(scooter.id(), contract.id(), deposit.id());
        assertThat(ids(search(all.withCommunities(Set.of(jinbao, xinhua))))).hasSize(6);
        assertThat(ids(search(all.withCommunities(Set.of(jinbao)).withDisputeTypes(Set.of("CONTRACT", "NEIGHBOR")))))
                .containsExactly(repeated.id(), drain.id());
        assertThat(ids(search(all.withCommunities(Set.of(xinhua)).withDisputeType("CONTRACT")
                .withDisputeTypes(Set.of("CONTRACT", "PROPERTY_MGMT"))))).containsExactly(contract.id(), deposit.id());
        assertThat(ids(search(all.withDisputeTypes(Set.of())))).hasSize(6);
    }

    @Test
    void sortingIsDoneByTheChosenColumnWithEmptyValuesLast() {
        LeadFilter all = LeadFilter.all(YEAR_END);
        assertThat(ids(search.search(all, new LeadSort(LeadSort.Column.FOUND_ON, true), 0, 10)))
                .containsExactly(deposit.id(), drain.id(), repeated.id(), parking.id(), contract.id(), scooter.id());
        // Along the lifecycle: pending, duplicate, mediating (newest first), resolved (newest first).
        assertThat(ids(search.search(all, new LeadSort(LeadSort.Column.STATE, true), 0, 10)))
                .containsExactly(parking.id(), repeated.id(), scooter.id(), contract.id(), drain.id(), deposit.id());
        // Red, orange, yellow, then the blue ones newest first.
        assertThat(ids(search.search(all, new LeadSort(LeadSort.Column.RISK, false), 0, 10)))
                .containsExactly(parking.id(), scooter.id(), contract.id(), repeated.id(), drain.id(), deposit.id());
        // The due dates in force: 2022-08-01 (scooter), 2022-08-15 (extended contract), then those closed in 2021 and 2022.
        assertThat(ids(search.search(all, new LeadSort(LeadSort.Column.DUE_ON, false), 0, 10)))
                .containsExactly(contract.id(), scooter.id(), drain.id(), deposit.id(), parking.id(), repeated.id());
        List<UUID> byCase = ids(search.search(all, new LeadSort(LeadSort.Column.CASE_NUMBER, true), 0, 10));
        // By year, then as issued: (2022)新华人调字第001号 before (2022)金宝人调字第001号 and 第002号.
        assertThat(byCase.subList(0, 4)).containsExactly(deposit.id(), contract.id(), drain.id(), scooter.id());
        assertThat(byCase.subList(4, 6)).containsExactly(parking.id(), repeated.id());
        assertThat(ids(search.search(all, new LeadSort(LeadSort.Column.COMMITTEE, true), 0, 10)).subList(0, 4))
                .containsExactly(scooter.id(), repeated.id(), drain.id(), deposit.id());
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrOverlapEvenWhenEveryKeyTies() {
        db.write(tx -> {
            for (int i = 0; i < 40; i++) {
                tx.leads().insert(new Lead(UUID.randomUUID(), district, jinbao, null, null, LocalDate.parse("2022-10-01"),
                        "SCREENING", "OTHER", "同日发现的线索 " + i, null, null, RiskLevel.BLUE, false, false, null,
                        null, null, null, null, null, null, null, null, null, null, 0), CLOCK.instant());
            }
            return null;
        });
        for (LeadSort sort : List.of(LeadSort.DEFAULT, new LeadSort(LeadSort.Column.RISK, true),
                new LeadSort(LeadSort.Column.CASE_NUMBER, false), new LeadSort(LeadSort.Column.STATE, false))) {
            List<UUID> all = ids(search.search(LeadFilter.all(YEAR_END), sort, 0, 100));
            assertThat(all).hasSize(46).doesNotHaveDuplicates();
            List<UUID> paged = new ArrayList<>();
            for (int offset = 0; offset < 46; offset += 7) {
                LeadPage page = search.search(LeadFilter.all(YEAR_END), sort, offset, 7);
                assertThat(page.total()).isEqualTo(46);
                paged.addAll(ids(page));
            }
            assertThat(paged).as("pages of %s", sort).isEqualTo(all);

            List<LeadListRow> shown = search.page(LeadFilter.all(YEAR_END), sort, 0, 7);
            List<UUID> byKey = new ArrayList<>();
            while (!shown.isEmpty()) {
                byKey.addAll(shown.stream().map(LeadListRow::id).toList());
                shown = search.pageAfter(LeadFilter.all(YEAR_END), sort, shown.getLast().key(), 7);
            }
            assertThat(byKey).as("pages of %s, each after the last row of the one before", sort).isEqualTo(all);
            assertThat(search.pageBefore(LeadFilter.all(YEAR_END), sort,
                    search.page(LeadFilter.all(YEAR_END), sort, 21, 1).getFirst().key(), 7).stream()
                    .map(LeadListRow::id).toList()).as("the page before the 22nd lead by %s", sort)
                    .isEqualTo(all.subList(14, 21));
        }
    }

    @Test
    void aPageBeyondTheEndIsEmptyButStillCounts() {
        LeadPage page = search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, 100, 100);
        assertThat(page.rows()).isEmpty();
        assertThat(page.total()).isEqualTo(6);
        assertThat(search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, 0, 0).rows()).isEmpty();
        assertThatThrownBy(() -> search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> search.search(LeadFilter.all(YEAR_END), LeadSort.DEFAULT, 0, 1001))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChoicesAreTheOrganizationAndTheDictionariesInTheirOrder() {
        FilterChoices choices = search.choices();
        assertThat(choices.communities()).extracting(c -> c.name()).containsExactly("金宝社区", "新华社区");
        assertThat(choices.committees()).hasSize(2);
        assertThat(choices.types()).hasSize(15);
        assertThat(choices.types().getFirst().code()).isEqualTo("MARRIAGE_FAMILY");
        assertThat(choices.sources().getFirst().code()).isEqualTo("SCREENING");
        assertThat(choices.sourceGroups()).extracting(e -> e.code()).containsExactly("ACTIVE", "APPLICATION", "REFERRAL");
        assertThat(choices.risks()).extracting(e -> e.code()).containsExactly("BLUE", "YELLOW", "ORANGE", "RED");
        assertThat(search.foundOnRange()).hasValueSatisfying(r -> {
            assertThat(r.first()).isEqualTo(LocalDate.parse("2021-12-15"));
            assertThat(r.last()).isEqualTo(LocalDate.parse("2022-07-01"));
        });
    }

    // ---- helpers ----

    private LeadPage search(LeadFilter filter) {
        return search.search(filter, LeadSort.DEFAULT, 0, 100);
    }

    private LeadListRow only(LeadFilter filter) {
        LeadPage page = search(filter);
        assertThat(page.rows()).hasSize(1);
        return page.rows().getFirst();
    }

    private static List<UUID> ids(LeadPage page) {
        assertThat(new HashSet<>(page.rows())).hasSize(page.rows().size());
        return page.rows().stream().map(LeadListRow::id).toList();
    }

    private static PartyInput party(String name, PartyRole role) {
        return new PartyInput(name, Gender.MALE, null, "13800138000", null, role);
    }

    private Lead register(long committee, long community, String leadNo, String foundOn, String source, String type,
                          String summary, RiskLevel risk, boolean criminal, boolean group, PartyInput... parties) {
        return lifecycle.register(new NewLead(committee, community, null, leadNo, LocalDate.parse(foundOn), source,
                type, summary, 2, null, risk, criminal, group, List.of(parties)));
    }

    private Lead accept(Lead lead, String on) {
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.parse(on),
                null, null);
        return lifecycle.accept(verified.id(), verified.version(), null, List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
    }

    private Lead close(Lead lead, Outcome outcome, String on) {
        AgreementInput agreement = outcome == Outcome.RESOLVED
                ? new AgreementInput(AgreementForm.WRITTEN, "经调查核实的纠纷事实", "双方争议事项", null, "双方达成一致", null, null, null, null) : null;
        return lifecycle.close(lead.id(), lead.version(), outcome, LocalDate.parse(on), agreement);
    }
}
