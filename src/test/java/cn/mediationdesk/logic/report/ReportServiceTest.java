package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.StatisticsRow;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.logic.tally.PeriodBasis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.mediationdesk.logic.report.ReportTestData.FROM;
import static cn.mediationdesk.logic.report.ReportTestData.NEW_YEARS_EVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report records hold the tally engine's figures as they are, over the demo jurisdiction. */
class ReportServiceTest {
    @TempDir
    static Path dir;
    static Database db;
    static ReportService reports;
    static TallyService tally;

    @BeforeAll
    static void createDemo() {
        db = ReportTestData.demo(dir);
        reports = new ReportService(db, ReportTestData.CLOCK, User.setup());
        tally = new TallyService(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static TallyResult year2022(Grouping by) {
        return tally.summarize(TallyQuery.of(by, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE));
    }

    @Test
    void districtSummaryHoldsTheTallyByCommitteeAndByCommunityWithTheSeedFigures() {
        DistrictSummary summary = reports.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);

        assertThat(summary.byCommittee()).isEqualTo(year2022(Grouping.COMMITTEE));
        assertThat(summary.byCommunity()).isEqualTo(year2022(Grouping.COMMUNITY));
        assertThat(summary.byCommittee().total().counts().leads()).isEqualTo(87);
        assertThat(summary.byCommittee().total().counts().resolved()).isEqualTo(64);
        assertThat(summary.byCommunity().total().counts()).isEqualTo(summary.byCommittee().total().counts());
        assertThat(summary.scope()).isEqualTo(new ReportScope("金宝新区", FROM, NEW_YEARS_EVE, NEW_YEARS_EVE,
                LocalDate.of(2024, 6, 30)));
    }

    @Test
    void communityPageCountsAreItsRowOfTheDistrictSummaryAndItsBreakdownsAddUpToThem() {
        for (Community community : db.read(tx -> tx.organization().communities())) {
            CommunityPage page = reports.communityPage(community.id(), FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
            TallyRow row = year2022(Grouping.COMMUNITY).rows().stream()
                    .filter(r -> r.code().equals(community.code())).findFirst().orElseThrow();

            assertThat(page.counts().counts()).as(community.name()).isEqualTo(row.counts());
            assertThat(page.byType().total().counts()).isEqualTo(row.counts());
            assertThat(page.bySourceGroup().total().counts()).isEqualTo(row.counts());
            TallyQuery query = new TallyQuery(Grouping.TYPE, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, community.id(), null);
            assertThat(byCode(page.byType())).isEqualTo(byCode(tally.summarize(query)));
            assertThat(byCode(page.bySourceGroup()))
                    .isEqualTo(byCode(tally.summarize(query.withGrouping(Grouping.SOURCE_GROUP))));
        }
    }

    @Test
    void communityPageListsExactlyTheOverdueAndRedOrOrangeLeadsTheTallyCounts() {
        LocalDate asOf = NEW_YEARS_EVE;
        long overdueSeen = 0;
        for (Community community : db.read(tx -> tx.organization().communities())) {
            CommunityPage page = reports.communityPage(community.id(), FROM, NEW_YEARS_EVE, asOf);
            TallyQuery byRisk = new TallyQuery(Grouping.RISK, FROM, NEW_YEARS_EVE, asOf, community.id(), null);
            Map<String, TallyCounts> risk = byCode(tally.summarize(byRisk));

            assertThat((long) page.overdue().size()).as(community.name()).isEqualTo(page.counts().counts().overdue());
            assertThat((long) page.highRisk().size())
                    .isEqualTo(risk.get("RED").leads() + risk.get("ORANGE").leads());
            assertThat(page.overdue()).allSatisfy(lead -> {
                assertThat(lead.state()).isEqualTo(LeadState.MEDIATING);
                assertThat(lead.overdue()).isTrue();
                assertThat(lead.caseNumber()).isNotBlank();
                assertThat(lead.dueOn()).isBefore(asOf);
            });
            assertThat(page.highRisk()).allSatisfy(lead -> assertThat(lead.risk()).isIn(RiskLevel.RED, RiskLevel.ORANGE));
            assertThat(page.overdue()).extracting(ListedLead::dueOn).isSorted();
            overdueSeen += page.overdue().size();
        }
        assertThat(overdueSeen).as("the demo has overdue cases on this day").isPositive();
    }

    @Test
    void listedLeadsNameACaseNumberOnlyOnceTheCaseWasAcceptedByTheAsOfDay() {
        LocalDate early = LocalDate.of(2022, 1, 20);
        for (Community community : db.read(tx -> tx.organization().communities())) {
            for (ListedLead lead : reports.communityPage(community.id(), FROM, NEW_YEARS_EVE, early).highRisk()) {
                assertThat(lead.caseNumber() != null).as(lead.leadNo()).isEqualTo(lead.state().isAccepted());
            }
        }
    }

    @Test
    void statisticsTableTakesAcceptedAndResolvedFromTheTallyAndListsTypesInTheDictionaryOrder() {
        StatisticsTable table = reports.statisticsTable(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, PeriodBasis.FOUND);

        assertThat(byCode(table.byType())).isEqualTo(byCode(year2022(Grouping.TYPE)));
        assertThat(table.byType().rows().getFirst().code()).isEqualTo("MARRIAGE_FAMILY");
        assertThat(table.byType().rows().get(1).code()).isEqualTo("NEIGHBOR");
        assertThat(byCode(table.bySourceGroup())).isEqualTo(byCode(year2022(Grouping.SOURCE_GROUP)));
        assertThat(table.bySourceGroup().rows()).extracting(TallyRow::code)
                .containsExactly("ACTIVE", "APPLICATION", "REFERRAL");
        for (StatisticsRow row : table.figures().rows()) {
            TallyCounts counts = byCode(table.byType()).get(row.code());
            assertThat(row.counts().accepted()).as(row.code()).isEqualTo(counts.accepted());
            assertThat(row.counts().resolved()).as(row.code()).isEqualTo(counts.resolved());
        }
        StatisticsCounts total = table.figures().total().counts();
        assertThat(total.resolved()).isEqualTo(64);
        assertThat(total.written() + total.oral()).as("every resolved case has an agreement").isEqualTo(64);
        assertThat(total.amount()).isPositive();
        assertThat(total.performed()).isPositive().isLessThanOrEqualTo(64);
        assertThat(total.judicialConfirmed()).isPositive().isLessThanOrEqualTo(total.judicialApplied());
        assertThat(total.prevented().values()).allSatisfy(p -> assertThat(p.persons()).isGreaterThanOrEqualTo(p.cases()));
    }

    @Test
    void aPeriodWithoutLeadsGivesEveryRowWithZeros() {
        LocalDate from = LocalDate.of(2030, 1, 1);
        LocalDate to = LocalDate.of(2030, 12, 31);
        DistrictSummary summary = reports.districtSummary(from, to, to);
        StatisticsTable table = reports.statisticsTable(from, to, to, PeriodBasis.FOUND);
        CommunityPage page = reports.communityPage(db.read(tx -> tx.organization().communities()).getFirst().id(),
                from, to, to);

        assertThat(summary.byCommittee().rows()).hasSize(8)
                .allSatisfy(r -> assertThat(r.counts()).isEqualTo(TallyCounts.ZERO));
        assertThat(summary.byCommunity().total().counts()).isEqualTo(TallyCounts.ZERO);
        assertThat(table.figures().rows()).hasSize(15)
                .allSatisfy(r -> assertThat(r.counts()).isEqualTo(StatisticsCounts.ZERO));
        assertThat(table.figures().total().counts().amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(page.overdue()).isEmpty();
        assertThat(page.highRisk()).isEmpty();
        assertThat(page.counts().counts()).isEqualTo(TallyCounts.ZERO);
    }

    @Test
    void anUnknownCommunityIsRejected() {
        assertThatThrownBy(() -> reports.communityPage(999_999, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void ledgerRowsAreEveryLeadTheSummaryCountsJudgedOnTheAsOfDay() {
        TallyQuery query = TallyQuery.of(Grouping.COMMUNITY, FROM, NEW_YEARS_EVE, LocalDate.of(2022, 6, 30));
        List<LedgerExportRow> rows = new ArrayList<>();
        reports.ledgerRows(query, rows::add);
        TallyCounts total = tally.summarize(query).total().counts();

        assertThat((long) rows.size()).isEqualTo(total.leads() + total.duplicate());
        Map<LeadState, Long> states = rows.stream().collect(Collectors.groupingBy(LedgerExportRow::state,
                Collectors.counting()));
        assertThat(states.getOrDefault(LeadState.RESOLVED, 0L)).isEqualTo(total.resolved());
        assertThat(states.getOrDefault(LeadState.MEDIATING, 0L)).isEqualTo(total.mediating());
        assertThat(rows.stream().filter(LedgerExportRow::overdue).count()).isEqualTo(total.overdue());
        assertThat(rows).extracting(LedgerExportRow::foundOn).isSorted();
        for (LedgerExportRow row : rows) {
            for (LocalDate day : new LocalDate[] {row.verifiedOn(), row.acceptedOn(), row.closedOn()}) {
                assertThat(day == null || !day.isAfter(query.asOf())).as("nothing after the as-of day").isTrue();
            }
            assertThat(row.caseNumber() != null).isEqualTo(row.state().isAccepted());
            assertThat(row.outcome() != null).isEqualTo(row.state().isClosed());
        }
        long lister = new LeadSearchService(db, User.setup()).count(LeadFilter.of(query, TallyColumn.LEADS));
        assertThat(lister).isEqualTo(total.leads());
    }

    private static Map<String, TallyCounts> byCode(TallyResult result) {
        return result.rows().stream().collect(Collectors.toMap(TallyRow::code, TallyRow::counts));
    }
}
