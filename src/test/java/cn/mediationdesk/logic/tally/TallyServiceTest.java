package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The boundaries of DESIGN §5 on hand-built leads, counted by the real SQL on H2. */
class TallyServiceTest {
    private static final LocalDate D = LocalDate.of(2022, 3, 1);

    @TempDir
    Path dir;

    private Database db;
    private TallyService tally;
    private long east;
    private long west;
    private long eastCommittee;
    private long westCommittee;

    @BeforeEach
    void open() {
        db = TestStores.fresh(dir, "tally");
        tally = new TallyService(db);
        db.write(tx -> {
            var org = tx.organization();
            east = org.insertCommunity("C01", "东山社区");
            west = org.insertCommunity("C02", "西岭村");
            eastCommittee = org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            westCommittee = org.insertCommittee("K02", "西岭村人民调解委员会", "西岭", CommitteeKind.COMMUNITY, west);
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void leadVerifiedOnTheAsOfDayCountsAsVerified() {
        insert(found(eastCommittee, east, D).withVerification(D.plusDays(9), VerificationResult.UNFOUNDED, null, null));

        assertThat(total(D.plusDays(9))).satisfies(c -> {
            assertThat(c.unfounded()).isEqualTo(1);
            assertThat(c.pending()).isZero();
            assertThat(c.leads()).isEqualTo(1);
        });
        assertThat(total(D.plusDays(8))).satisfies(c -> {
            assertThat(c.unfounded()).isZero();
            assertThat(c.pending()).isEqualTo(1);
        });
    }

    @Test
    void eventsDatedTheDayAfterTheAsOfDayAreIgnored() {
        insert(found(eastCommittee, east, D)
                .withVerification(D.plusDays(1), VerificationResult.GENUINE, null, null)
                .withAcceptance(D.plusDays(2), null, D.plusDays(32))
                .withOutcome(D.plusDays(20), Outcome.RESOLVED));

        assertThat(total(D)).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(total(D.plusDays(1))).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(total(D.plusDays(2))).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0));
        assertThat(total(D.plusDays(19))).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0));
        assertThat(total(D.plusDays(20))).isEqualTo(counts(1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0));
    }

    @Test
    void aDeclinedLeadIsPendingUntilThePartyRefusedAndDeclinedFromThatDay() {
        insert(found(eastCommittee, east, D)
                .withVerification(D.plusDays(1), VerificationResult.GENUINE, null, null)
                .withDecline(D.plusDays(3), "李某"));

        assertThat(total(D.plusDays(1))).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(total(D.plusDays(2))).isEqualTo(counts(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(total(D.plusDays(3))).isEqualTo(counts(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0));
        assertThat(total(D.plusDays(400))).isEqualTo(counts(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void everyActiveSourceGetsARowInCodeOrderAndTheNewOnesCountAsReferrals() {
        insert(found(eastCommittee, east, D).withDetails(eastCommittee, east, null, null, D, "HOTLINE_12345",
                "NEIGHBOR", "12345热线转来的噪音纠纷", null, null, RiskLevel.BLUE, false, false));

        TallyResult sources = tally.summarize(TallyQuery.of(Grouping.SOURCE, null, null, D));
        assertThat(sources.rows()).extracting(TallyRow::code).containsExactly("AGENCY_REFERRAL", "CENTER_DISPATCH",
                "COURT_ASSIGNED", "COURT_REFERRAL", "GOVERNMENT_ASSIGNED", "GRID_REPORT", "HOTLINE_12345", "OTHER",
                "PARTY_APPLICATION", "PETITION_REFERRAL", "POLICE_REFERRAL", "PROCURATORATE_REFERRAL", "SCREENING",
                "WALK_IN");
        assertThat(sources.rows()).filteredOn(row -> row.code().equals("HOTLINE_12345")).singleElement()
                .satisfies(row -> {
                    assertThat(row.nameZh()).isEqualTo("12345热线转办");
                    assertThat(row.counts().leads()).isEqualTo(1);
                });
        TallyResult groups = tally.summarize(TallyQuery.of(Grouping.SOURCE_GROUP, null, null, D));
        assertThat(groups.rows()).extracting(TallyRow::code).containsExactly("ACTIVE", "APPLICATION", "REFERRAL");
        assertThat(groups.rows()).extracting(row -> row.counts().leads()).containsExactly(0L, 0L, 1L);
    }

    @Test
    void leadFoundAfterTheAsOfDayIsStillCountedAsPendingWhenInThePeriod() {
        // The period selects by found_on; a lead not yet verified on the as-of day is pending.
        insert(found(eastCommittee, east, D.plusDays(5)));

        assertThat(total(D).pending()).isEqualTo(1);
    }

    @Test
    void duplicateIsCountedApartAndNotInLeads() {
        Lead original = found(eastCommittee, east, D).withVerification(D, VerificationResult.GENUINE, null, null);
        insert(original);
        insert(found(eastCommittee, east, D.plusDays(1))
                .withVerification(D.plusDays(2), VerificationResult.DUPLICATE, original.id(), null));
        insert(found(eastCommittee, east, D.plusDays(1))
                .withVerification(D.plusDays(2), VerificationResult.TRANSFERRED, null, "区法院"));

        TallyCounts c = total(D.plusDays(2));
        assertThat(c.leads()).isEqualTo(2);
        assertThat(c.duplicate()).isEqualTo(1);
        assertThat(c.transferred()).isEqualTo(1);
        assertThat(c.pending()).isEqualTo(1);
        // The day before its verification the duplicate was an ordinary pending lead.
        assertThat(total(D.plusDays(1))).satisfies(before -> {
            assertThat(before.leads()).isEqualTo(3);
            assertThat(before.duplicate()).isZero();
            assertThat(before.pending()).isEqualTo(3);
        });
    }

    @Test
    void caseIsOverdueOnlyAfterItsDueDate() {
        LocalDate accepted = D.plusDays(3);
        insert(accepted(eastCommittee, east, D, accepted));

        LocalDate due = accepted.plusDays(30);
        assertThat(total(due)).satisfies(c -> {
            assertThat(c.mediating()).isEqualTo(1);
            assertThat(c.overdue()).isZero();
        });
        assertThat(total(due.plusDays(1)).overdue()).isEqualTo(1);
    }

    @Test
    void closedCaseIsNeverOverdue() {
        LocalDate accepted = D.plusDays(3);
        insert(accepted(eastCommittee, east, D, accepted).withOutcome(accepted.plusDays(45), Outcome.FAILED));

        assertThat(total(accepted.plusDays(44)).overdue()).isEqualTo(1);
        assertThat(total(accepted.plusDays(45))).satisfies(c -> {
            assertThat(c.overdue()).isZero();
            assertThat(c.failed()).isEqualTo(1);
        });
    }

    @Test
    void extensionCountsFromTheDayItIsAgreed() {
        LocalDate accepted = D.plusDays(3);
        Lead lead = accepted(eastCommittee, east, D, accepted);
        insert(lead);
        LocalDate due = accepted.plusDays(30);
        LocalDate agreed = due.plusDays(5);          // agreed after the original due date had passed
        LocalDate newDue = due.plusDays(20);
        extend(lead, agreed, newDue);

        assertThat(total(agreed.minusDays(1)).overdue()).as("before the extension is agreed").isEqualTo(1);
        assertThat(total(agreed).overdue()).as("the day it is agreed").isZero();
        assertThat(total(newDue).overdue()).as("on the new due date").isZero();
        assertThat(total(newDue.plusDays(1)).overdue()).as("after the new due date").isEqualTo(1);
    }

    @Test
    void theLatestExtensionAgreedByTheAsOfDayIsInForce() {
        LocalDate accepted = D.plusDays(3);
        Lead lead = accepted(eastCommittee, east, D, accepted);
        insert(lead);
        LocalDate due = accepted.plusDays(30);
        extend(lead, accepted.plusDays(10), due.plusDays(10));
        extend(lead, due.plusDays(12), due.plusDays(40));

        assertThat(total(due.plusDays(10)).overdue()).isZero();
        assertThat(total(due.plusDays(11)).overdue()).as("first extension ran out, second not yet agreed").isEqualTo(1);
        assertThat(total(due.plusDays(12)).overdue()).isZero();
        assertThat(total(due.plusDays(41)).overdue()).isEqualTo(1);
    }

    @Test
    void emptyPeriodGivesEveryActiveGroupAZeroRow() {
        insert(found(eastCommittee, east, D));
        TallyQuery query = TallyQuery.of(Grouping.COMMUNITY, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), D);

        TallyResult result = tally.summarize(query);

        assertThat(result.rows()).extracting(TallyRow::code).containsExactly("C01", "C02");
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.counts()).isEqualTo(TallyCounts.ZERO));
        assertThat(result.total().code()).isEqualTo(TallyRow.TOTAL_CODE);
        assertThat(result.total().counts()).isEqualTo(TallyCounts.ZERO);
        assertThat(result.total().counts().resolutionRate()).isNull();

        TallyResult types = tally.summarize(query.withGrouping(Grouping.TYPE));
        assertThat(types.rows()).hasSize(15).allSatisfy(row -> assertThat(row.counts()).isEqualTo(TallyCounts.ZERO));
        TallyResult months = tally.summarize(query.withGrouping(Grouping.MONTH));
        assertThat(months.rows()).hasSize(12).allSatisfy(row -> assertThat(row.counts()).isEqualTo(TallyCounts.ZERO));
    }

    @Test
    void noLeadsAndAnOpenPeriodGivesNoMonthRows() {
        TallyResult result = tally.summarize(TallyQuery.of(Grouping.MONTH, null, null, D));

        assertThat(result.rows()).isEmpty();
        assertThat(result.total().counts()).isEqualTo(TallyCounts.ZERO);
    }

    @Test
    void monthRowsAreNamedYearDashMonthAndSpanThePeriod() {
        insert(found(eastCommittee, east, LocalDate.of(2021, 11, 30)));
        insert(found(eastCommittee, east, LocalDate.of(2022, 1, 1)));
        insert(found(westCommittee, west, LocalDate.of(2022, 1, 31)));
        insert(found(westCommittee, west, LocalDate.of(2022, 3, 1)));   // outside the period

        TallyResult result = tally.summarize(TallyQuery.of(Grouping.MONTH, LocalDate.of(2021, 11, 15),
                LocalDate.of(2022, 2, 10), LocalDate.of(2022, 12, 31)));

        assertThat(result.rows()).extracting(TallyRow::code)
                .containsExactly("2021-11", "2021-12", "2022-01", "2022-02");
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.nameZh()).isEqualTo(row.code());
            assertThat(row.nameEn()).isEqualTo(row.code());
        });
        assertThat(result.rows()).extracting(row -> row.counts().leads()).containsExactly(1L, 0L, 2L, 0L);
        assertThat(result.total().counts().leads()).isEqualTo(3);
    }

    @Test
    void monthRowsOfAnOpenPeriodRunFromTheFirstToTheLastLeadFound() {
        insert(found(eastCommittee, east, LocalDate.of(2021, 12, 5)));
        insert(found(westCommittee, west, LocalDate.of(2022, 2, 1)));

        TallyResult open = tally.summarize(TallyQuery.of(Grouping.MONTH, null, null, LocalDate.of(2022, 12, 31)));
        assertThat(open.rows()).extracting(TallyRow::code).containsExactly("2021-12", "2022-01", "2022-02");

        TallyResult openEnd = tally.summarize(TallyQuery.of(Grouping.MONTH, LocalDate.of(2021, 10, 1), null,
                LocalDate.of(2022, 12, 31)));
        assertThat(openEnd.rows()).extracting(TallyRow::code)
                .containsExactly("2021-10", "2021-11", "2021-12", "2022-01", "2022-02");
    }

    @Test
    void communityAndCommitteeFiltersSelectTheirLeadsOnly() {
        insert(found(eastCommittee, east, D));
        insert(found(eastCommittee, west, D));     // the east committee mediating a dispute in the west village
        insert(found(westCommittee, west, D));
        insert(found(westCommittee, west, D));

        TallyResult byCommunity = tally.summarize(new TallyQuery(Grouping.COMMUNITY, null, null, D, west, null));
        assertThat(byCommunity.rows()).extracting(TallyRow::code).containsExactly("C02");
        assertThat(byCommunity.total().counts().leads()).isEqualTo(3);

        TallyResult committeesInWest = tally.summarize(new TallyQuery(Grouping.COMMITTEE, null, null, D, west, null));
        assertThat(committeesInWest.rows()).extracting(TallyRow::code).containsExactly("K01", "K02");
        assertThat(committeesInWest.rows()).extracting(row -> row.counts().leads()).containsExactly(1L, 2L);

        TallyResult byCommittee = tally.summarize(new TallyQuery(Grouping.COMMUNITY, null, null, D, null, eastCommittee));
        assertThat(byCommittee.rows()).extracting(row -> row.counts().leads()).containsExactly(1L, 1L);
        assertThat(byCommittee.total().counts().leads()).isEqualTo(2);

        TallyResult both = tally.summarize(new TallyQuery(Grouping.RISK, null, null, D, west, eastCommittee));
        assertThat(both.total().counts().leads()).isEqualTo(1);
    }

    @Test
    void groupsAreTheDictionaryEntriesInCodeOrderWithTheirLabels() {
        insert(found(eastCommittee, east, D));     // source SCREENING (主动), type NEIGHBOR, risk BLUE

        TallyResult groups = tally.summarize(TallyQuery.of(Grouping.SOURCE_GROUP, null, null, D));
        assertThat(groups.rows()).extracting(TallyRow::code).containsExactly("ACTIVE", "APPLICATION", "REFERRAL");
        assertThat(groups.rows()).extracting(TallyRow::nameZh).containsExactly("主动", "申请", "委托移送");
        assertThat(groups.rows()).extracting(row -> row.counts().leads()).containsExactly(1L, 0L, 0L);

        TallyResult risks = tally.summarize(TallyQuery.of(Grouping.RISK, null, null, D));
        assertThat(risks.rows()).extracting(TallyRow::code).containsExactly("BLUE", "ORANGE", "RED", "YELLOW");
        assertThat(risks.rows()).extracting(TallyRow::nameZh).containsExactly("蓝", "橙", "红", "黄");

        TallyResult types = tally.summarize(TallyQuery.of(Grouping.TYPE, null, null, D));
        assertThat(types.rows()).extracting(TallyRow::code).isSorted();
        assertThat(types.rows()).filteredOn(row -> row.code().equals("NEIGHBOR"))
                .singleElement().satisfies(row -> {
                    assertThat(row.nameZh()).isEqualTo("邻里");
                    assertThat(row.counts().leads()).isEqualTo(1);
                });
    }

    @Test
    void deactivatedCommunityKeepsItsRowOnlyWhileItHasLeads() {
        long old = db.write(tx -> {
            long id = tx.organization().insertCommunity("C00", "旧村");
            tx.organization().updateCommunity(id, "C00", "旧村", false);
            return id;
        });
        assertThat(tally.summarize(TallyQuery.of(Grouping.COMMUNITY, null, null, D)).rows())
                .extracting(TallyRow::code).containsExactly("C01", "C02");

        insert(found(eastCommittee, old, D));
        assertThat(tally.summarize(TallyQuery.of(Grouping.COMMUNITY, null, null, D)).rows())
                .extracting(TallyRow::code).containsExactly("C00", "C01", "C02");
    }

    @Test
    void resolutionRateIsResolvedOverAcceptedWithOneDecimalHalfUp() {
        for (Outcome outcome : List.of(Outcome.RESOLVED, Outcome.RESOLVED, Outcome.FAILED)) {
            insert(accepted(eastCommittee, east, D, D).withOutcome(D.plusDays(5), outcome));
        }
        insert(found(westCommittee, west, D).withVerification(D, VerificationResult.UNFOUNDED, null, null));

        TallyResult result = tally.summarize(TallyQuery.of(Grouping.COMMITTEE, null, null, D.plusDays(10)));
        assertThat(result.rows().get(0).counts().resolutionRate()).isEqualByComparingTo("66.7");
        assertThat(result.rows().get(0).counts().resolutionRate().scale()).isEqualTo(1);
        assertThat(result.rows().get(1).counts().resolutionRate()).isNull();
        assertThat(result.total().counts().resolutionRate()).isEqualTo(new BigDecimal("66.7"));
    }

    // ---- fixtures ----

    private TallyCounts total(LocalDate asOf) {
        return tally.summarize(TallyQuery.of(Grouping.COMMITTEE, null, null, asOf)).total().counts();
    }

    private static TallyCounts counts(long leads, long pending, long unfounded, long duplicate, long transferred,
                                      long declined, long accepted, long mediating, long resolved, long failed,
                                      long terminated, long overdue) {
        return new TallyCounts(leads, pending, unfounded, duplicate, transferred, declined, accepted, mediating,
                resolved, failed, terminated, overdue);
    }

    private static Lead found(long committee, long community, LocalDate foundOn) {
        return new Lead(UUID.randomUUID(), committee, community, null, null, foundOn, "SCREENING", "NEIGHBOR",
                "邻居因排水沟堵塞发生争执", 2, null, RiskLevel.BLUE, false, false, null, null, null, null, null, null,
                null, null, null, null, null, 0);
    }

    /** A genuine lead accepted on {@code acceptedOn} with the default 30-day limit. */
    private static Lead accepted(long committee, long community, LocalDate foundOn, LocalDate acceptedOn) {
        return found(committee, community, foundOn)
                .withVerification(acceptedOn, VerificationResult.GENUINE, null, null)
                .withAcceptance(acceptedOn, null, acceptedOn.plusDays(30));
    }

    private void insert(Lead lead) {
        db.write(tx -> {
            tx.leads().insert(lead, Instant.now());
            return null;
        });
    }

    private void extend(Lead lead, LocalDate agreedOn, LocalDate newDueOn) {
        Store store = db;
        store.write(tx -> {
            tx.leads().insertExtension(new Extension(UUID.randomUUID(), lead.id(), agreedOn, newDueOn, "当事人同意延期"));
            return null;
        });
    }
}
