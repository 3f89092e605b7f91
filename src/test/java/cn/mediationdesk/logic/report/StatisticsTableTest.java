package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.report.StatisticsTable.MainFigure;
import cn.mediationdesk.logic.report.StatisticsTable.MainFigureRow;
import cn.mediationdesk.logic.report.StatisticsTable.OrganizationRow;
import cn.mediationdesk.logic.report.StatisticsTable.Period;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.Prevented;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.StatisticsTally;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics table on a handful of cases whose days straddle the turn of the year: which cases
 * each basis counts, 本年累计 and 同比 at the year's edges, the 防止 outcomes, 万元, and the committees.
 */
class StatisticsTableTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    private Database db;
    private ReportService reports;
    private long committee;
    private long community;

    @BeforeEach
    void openDatabase() {
        db = TestStores.fresh(dir, "stats");
        db.write(tx -> {
            var org = tx.organization();
            org.insertJurisdiction("金宝新区", CLOCK.instant());
            community = org.insertCommunity("C01", "东山社区");
            committee = org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, community);
            long street = org.insertCommittee("K02", "金宝街道人民调解委员会", "金宝街道", CommitteeKind.JURISDICTION, null);
            org.insertPerson("王某", PersonRole.FULL_TIME_MEDIATOR, committee, null);
            org.insertPerson("李某", PersonRole.PART_TIME_MEDIATOR, committee, null);
            org.insertPerson("赵某", PersonRole.PART_TIME_MEDIATOR, street, null);
            org.insertPerson("钱某", PersonRole.GRID_WORKER, committee, null);
            org.insertPerson("孙某", PersonRole.FULL_TIME_MEDIATOR, null, null);
            return null;
        });
        reports = new ReportService(db, CLOCK, User.setup());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A case found on {@code found}, accepted on {@code accepted} and (when given) resolved on {@code resolved}. */
    private Lead writeCase(LocalDate found, LocalDate accepted, LocalDate resolved, Integer people, String amountYuan,
                           boolean criminalRisk, Set<PreventionKind> prevented) {
        Lead lead = new Lead(UUID.randomUUID(), committee, community, null, null, found, "SCREENING", "NEIGHBOR",
                "两户因宅前通道发生纠纷", people, null, RiskLevel.BLUE, criminalRisk, false, null, null, null, null, null,
                null, null, null, null, null, null, 0);
        if (accepted != null) {
            lead = lead.withVerification(accepted, VerificationResult.GENUINE, null, null)
                    .withAcceptance(accepted, null, accepted.plusDays(30));
        }
        if (resolved != null) {
            lead = lead.withOutcome(resolved, Outcome.RESOLVED);
        }
        Lead written = lead;
        db.write(tx -> {
            tx.leads().insert(written, CLOCK.instant());
            if (resolved != null) {
                tx.leads().saveAgreement(Agreement.brief(written.id(), AgreementForm.WRITTEN, "让出通道",
                        amountYuan == null ? null : new BigDecimal(amountYuan), null));
            }
            tx.caseFiles().replacePreventions(written.id(), prevented);
            return null;
        });
        return written;
    }

    private Lead resolvedCase(LocalDate found, LocalDate accepted, String amountYuan) {
        return writeCase(found, accepted, accepted.plusDays(5), 2, amountYuan, false, Set.of());
    }

    private static MainFigureRow figure(StatisticsTable table, MainFigure figure) {
        return table.mainFigures().stream().filter(r -> r.figure() == figure).findFirst().orElseThrow();
    }

    @Test
    void theAcceptedBasisCountsCasesByTheDayTheyWereAcceptedAndTheFoundBasisLeadsByTheDayFound() {
        resolvedCase(LocalDate.of(2022, 12, 20), LocalDate.of(2023, 1, 5), "100");
        resolvedCase(LocalDate.of(2023, 12, 28), LocalDate.of(2024, 1, 3), "200");
        writeCase(LocalDate.of(2023, 3, 1), null, null, 2, null, false, Set.of());
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);

        StatisticsTable accepted = reports.statisticsTable(from, to, AS_OF, PeriodBasis.ACCEPTED);
        StatisticsTable found = reports.statisticsTable(from, to, AS_OF, PeriodBasis.FOUND);

        assertThat(accepted.byType().total().counts().accepted()).isEqualTo(1);
        assertThat(accepted.byType().total().counts().leads()).as("a pending lead was not accepted").isEqualTo(1);
        assertThat(accepted.figures().total().counts().amount()).isEqualByComparingTo("100");
        assertThat(found.byType().total().counts().leads()).isEqualTo(2);
        assertThat(found.byType().total().counts().accepted()).isEqualTo(1);
        assertThat(found.figures().total().counts().amount()).isEqualByComparingTo("200");
        for (StatisticsTable table : new StatisticsTable[] {accepted, found}) {
            TallyQuery query = new TallyQuery(Grouping.TYPE, from, to, AS_OF, null, null, table.basis());
            assertThat(table.byType().total()).isEqualTo(new TallyService(db).summarize(query).total());
            assertThat(table.figures().total())
                    .isEqualTo(db.read(tx -> StatisticsTally.summarize(tx, query)).total());
            assertThat(table.bySourceGroup().total().counts()).isEqualTo(table.byType().total().counts());
        }
    }

    @Test
    void onTheAcceptedBasisACaseFallsInTheMonthItWasAccepted() {
        resolvedCase(LocalDate.of(2022, 12, 20), LocalDate.of(2023, 1, 5), null);
        var months = new TallyService(db).summarize(new TallyQuery(Grouping.MONTH, null, null, AS_OF, null, null,
                PeriodBasis.ACCEPTED));
        var foundMonths = new TallyService(db).summarize(TallyQuery.of(Grouping.MONTH, null, null, AS_OF));

        assertThat(months.rows()).singleElement().satisfies(row -> {
            assertThat(row.code()).isEqualTo("2023-01");
            assertThat(row.counts().accepted()).isEqualTo(1);
        });
        assertThat(foundMonths.rows()).extracting(r -> r.code()).containsExactly("2022-12");
    }

    @Test
    void aCaseAcceptedAfterTheAsOfDayIsNotYetInTheAcceptedPeriod() {
        resolvedCase(LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 20), null);
        StatisticsTable before = reports.statisticsTable(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31),
                LocalDate.of(2023, 5, 10), PeriodBasis.ACCEPTED);
        StatisticsTable after = reports.statisticsTable(LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 31),
                LocalDate.of(2023, 5, 31), PeriodBasis.ACCEPTED);

        assertThat(before.byType().total().counts().leads()).isZero();
        assertThat(after.byType().total().counts().resolved()).isEqualTo(1);
    }

    @Test
    void yearToDateRunsFromTheFirstOfJanuaryOfThePeriodsEndAndTheComparisonAYearEarlier() {
        StatisticsTable january = reports.statisticsTable(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), AS_OF,
                PeriodBasis.ACCEPTED);
        assertThat(january.yearToDate()).isEqualTo(new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), AS_OF));
        assertThat(january.yearEarlier()).isEqualTo(new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31),
                LocalDate.of(2023, 6, 30)));

        StatisticsTable december = reports.statisticsTable(LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 31), AS_OF,
                PeriodBasis.ACCEPTED);
        assertThat(december.yearToDate().from()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(december.yearToDate().to()).isEqualTo(LocalDate.of(2023, 12, 31));

        StatisticsTable acrossNewYear = reports.statisticsTable(LocalDate.of(2023, 12, 15), LocalDate.of(2024, 1, 15),
                AS_OF, PeriodBasis.ACCEPTED);
        assertThat(acrossNewYear.yearToDate().from()).as("the year of the period's end").isEqualTo(LocalDate.of(2024, 1, 1));

        StatisticsTable leapDay = reports.statisticsTable(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), AS_OF,
                PeriodBasis.ACCEPTED);
        assertThat(leapDay.yearEarlier()).isEqualTo(new Period(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28),
                LocalDate.of(2023, 6, 30)));

        StatisticsTable open = reports.statisticsTable(null, null, AS_OF, PeriodBasis.ACCEPTED);
        assertThat(open.yearToDate()).isEqualTo(new Period(LocalDate.of(2024, 1, 1), AS_OF, AS_OF));
        assertThat(open.yearEarlier()).isEqualTo(new Period(null, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 30)));
    }

    @Test
    void mainFiguresCountThePeriodTheYearToDateAndTheYearEarlierWithTheChange() {
        // a year earlier: three cases accepted in January 2023, one of them found in December 2022
        resolvedCase(LocalDate.of(2022, 12, 28), LocalDate.of(2023, 1, 2), null);
        resolvedCase(LocalDate.of(2023, 1, 10), LocalDate.of(2023, 1, 10), null);
        resolvedCase(LocalDate.of(2023, 1, 20), LocalDate.of(2023, 1, 25), null);
        // this period: one found in December 2023 and still mediating, two resolved in February
        writeCase(LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 2), null, 2, null, false, Set.of());
        resolvedCase(LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 3), null);
        resolvedCase(LocalDate.of(2024, 2, 4), LocalDate.of(2024, 2, 4), null);

        StatisticsTable table = reports.statisticsTable(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29), AS_OF,
                PeriodBasis.ACCEPTED);

        MainFigureRow accepted = figure(table, MainFigure.ACCEPTED);
        assertThat(accepted.period()).isEqualByComparingTo("3");
        assertThat(accepted.yearToDate()).isEqualByComparingTo("3");
        assertThat(accepted.yearEarlier()).isEqualByComparingTo("3");
        assertThat(accepted.change()).isEqualByComparingTo("0.0");
        MainFigureRow resolved = figure(table, MainFigure.RESOLVED);
        assertThat(resolved.period()).isEqualByComparingTo("2");
        assertThat(resolved.yearEarlier()).isEqualByComparingTo("3");
        assertThat(resolved.change()).isEqualByComparingTo("-33.3");
        MainFigureRow rate = figure(table, MainFigure.SUCCESS_RATE);
        assertThat(rate.period()).isEqualByComparingTo("66.7");
        assertThat(rate.yearEarlier()).isEqualByComparingTo("100.0");
        assertThat(rate.change()).as("in percentage points").isEqualByComparingTo("-33.3");

        StatisticsTable march = reports.statisticsTable(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), AS_OF,
                PeriodBasis.ACCEPTED);
        assertThat(figure(march, MainFigure.ACCEPTED).period()).isEqualByComparingTo("0");
        assertThat(figure(march, MainFigure.ACCEPTED).yearToDate()).isEqualByComparingTo("3");
        assertThat(figure(march, MainFigure.ACCEPTED).change()).as("nothing to compare with").isNull();
        assertThat(figure(march, MainFigure.SUCCESS_RATE).period()).isNull();
    }

    @Test
    void screeningFiguresAreZeroWithoutScreeningRoundsAndPreventionsAlways() {
        resolvedCase(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3), null);
        StatisticsTable table = reports.statisticsTable(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), AS_OF,
                PeriodBasis.ACCEPTED);
        for (MainFigure figure : new MainFigure[] {MainFigure.SCREENINGS, MainFigure.PREVENTIONS}) {
            MainFigureRow row = figure(table, figure);
            assertThat(row.period()).isZero();
            assertThat(row.yearToDate()).isZero();
            assertThat(row.yearEarlier()).isZero();
            assertThat(row.change()).isNull();
        }
    }

    @Test
    void preventedCategoriesCountClosedCasesWithTheOutcomeRecordedAndTheirPeopleNotTheRiskFlag() {
        LocalDate day = LocalDate.of(2024, 3, 1);
        writeCase(day, day, day.plusDays(3), 12, null, true, Set.of(PreventionKind.GROUP_PETITION,
                PreventionKind.CRIMINAL_CASE));
        writeCase(day, day, day.plusDays(4), null, null, false, Set.of(PreventionKind.SUICIDE));
        writeCase(day, day, null, 30, null, false, Set.of(PreventionKind.GROUP_FIGHT)); // still mediating
        writeCase(day, day, day.plusDays(5), 7, null, true, Set.of());                  // flagged, nothing recorded

        StatisticsTable table = reports.statisticsTable(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), AS_OF,
                PeriodBasis.ACCEPTED);

        StatisticsCounts total = table.figures().total().counts();
        assertThat(total.prevented(PreventionKind.GROUP_PETITION)).isEqualTo(new Prevented(1, 12));
        assertThat(total.prevented(PreventionKind.CRIMINAL_CASE)).isEqualTo(new Prevented(1, 12));
        assertThat(total.prevented(PreventionKind.SUICIDE)).as("no people recorded, no parties").isEqualTo(
                new Prevented(1, 0));
        assertThat(total.prevented(PreventionKind.GROUP_FIGHT)).isEqualTo(Prevented.NONE);
        assertThat(figure(table, MainFigure.PREVENTED_CRIMINAL_CASE).period()).isEqualByComparingTo("1");
        assertThat(figure(table, MainFigure.PREVENTED_GROUP_FIGHT).period()).isEqualByComparingTo("0");
    }

    @Test
    void amountsAreGivenInTenThousandYuanWithTwoDecimalsHalfUp() {
        assertThat(StatisticsCounts.inTenThousandYuan(new BigDecimal("12349.99"))).isEqualTo(new BigDecimal("1.23"));
        assertThat(StatisticsCounts.inTenThousandYuan(new BigDecimal("15000.00"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(StatisticsCounts.inTenThousandYuan(new BigDecimal("50.00"))).isEqualTo(new BigDecimal("0.01"));
        assertThat(StatisticsCounts.inTenThousandYuan(new BigDecimal("49.99"))).isEqualTo(new BigDecimal("0.00"));

        resolvedCase(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3), "12345.00");
        resolvedCase(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 4), "4.99");
        StatisticsTable table = reports.statisticsTable(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31), AS_OF,
                PeriodBasis.ACCEPTED);
        assertThat(table.figures().total().counts().amount()).isEqualTo(new BigDecimal("12349.99"));
        assertThat(figure(table, MainFigure.AMOUNT).period()).isEqualTo(new BigDecimal("1.23"));
    }

    @Test
    void committeesByKindWithTheirActiveMediators() {
        StatisticsTable table = reports.statisticsTable(null, null, AS_OF, PeriodBasis.ACCEPTED);

        assertThat(table.organization()).containsExactly(new OrganizationRow(CommitteeKind.COMMUNITY, 1, 1, 1),
                new OrganizationRow(CommitteeKind.JURISDICTION, 1, 0, 1), new OrganizationRow(CommitteeKind.TRADE, 0, 0, 0));
        assertThat(table.organizationTotal()).isEqualTo(new OrganizationRow(null, 2, 1, 2));
    }
}
