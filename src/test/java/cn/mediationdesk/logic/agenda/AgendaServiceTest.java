package cn.mediationdesk.logic.agenda;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.SessionPlan;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.agenda.AgendaFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agenda against cases built with known dates: for each kind, a case just inside the window, one
 * just outside, one late and one done; and whose agenda shows what.
 */
class AgendaServiceTest {
    private static final int DAYS = 7;
    private static final LocalDate UNTIL = TODAY.plusDays(DAYS);

    @TempDir
    Path dir;

    private AgendaFixture f;

    @BeforeEach
    void open() {
        f = new AgendaFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<AgendaItem> itemsOf(AgendaKind kind) {
        return f.agenda().agenda(f.admin, TODAY, DAYS).stream().filter(i -> i.kind() == kind).toList();
    }

    private static List<UUID> leadsOf(List<AgendaItem> items) {
        return items.stream().map(AgendaItem::leadId).toList();
    }

    @Test
    void aTimeLimitIsListedFromWarnDaysBeforeItAndLateOncePast() {
        // due = accepted + 30; listed when due - 5 <= today + 7
        Lead inside = f.mediating(f.committeeA, UNTIL.plusDays(5).minusDays(30));
        Lead outside = f.mediating(f.committeeA, UNTIL.plusDays(6).minusDays(30));
        Lead late = f.mediating(f.committeeA, TODAY.minusDays(31));
        Lead dueToday = f.mediating(f.committeeA, TODAY.minusDays(30));
        Lead closed = f.closed(f.committeeA, TODAY.minusDays(31), Outcome.FAILED, null, null);
        Lead extended = f.mediating(f.committeeA, TODAY.minusDays(29));
        f.lifecycle().extend(extended.id(), extended.version(), TODAY, TODAY.plusDays(40), "双方同意延期");

        List<AgendaItem> items = itemsOf(AgendaKind.TIME_LIMIT);
        assertThat(leadsOf(items)).containsExactly(late.id(), dueToday.id(), inside.id())
                .doesNotContain(outside.id(), closed.id(), extended.id());
        assertThat(items).extracting(AgendaItem::late).containsExactly(true, false, false);
        assertThat(items.getFirst().dueOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(items.getLast().dueOn()).isEqualTo(UNTIL.plusDays(5));
        assertThat(items.getLast().number()).isEqualTo(inside.caseNumber().text());
    }

    @Test
    void theWarningDaysComeFromTheSettings() {
        Lead lead = f.mediating(f.committeeA, UNTIL.plusDays(10).minusDays(30));
        assertThat(itemsOf(AgendaKind.TIME_LIMIT)).isEmpty();
        f.agenda().changeSettings(f.admin, 10, 15);
        assertThat(leadsOf(itemsOf(AgendaKind.TIME_LIMIT))).containsExactly(lead.id());
    }

    @Test
    void aPlannedSessionIsListedUntilHeldOrCalledOff() {
        Lead lead = f.mediating(f.committeeA, TODAY.minusDays(3));
        SessionPlanService plans = new SessionPlanService(f.database, f.clock, f.mediatorA);
        SessionPlan inside = plans.plan(lead.id(), new SessionPlanInput(UNTIL, "09:30", "调解室", null));
        plans.plan(lead.id(), new SessionPlanInput(UNTIL.plusDays(1), null, null, null));
        SessionPlan today = plans.plan(lead.id(), new SessionPlanInput(TODAY, null, null, null));
        SessionPlan calledOff = plans.plan(lead.id(), new SessionPlanInput(TODAY.plusDays(2), null, null, null));
        plans.callOff(lead.id(), calledOff.id());
        // a plan whose day passed without a session recorded (planned while that day was still to come)
        f.database.write(tx -> {
            tx.caseFiles().saveSessionPlan(new SessionPlan(UUID.randomUUID(), lead.id(), TODAY.minusDays(1), null, null,
                    null, "zhangli"));
            return null;
        });

        List<AgendaItem> items = itemsOf(AgendaKind.SESSION);
        assertThat(items).extracting(AgendaItem::dueOn).containsExactly(TODAY.minusDays(1), TODAY, UNTIL);
        assertThat(items).extracting(AgendaItem::late).containsExactly(true, false, false);

        f.lifecycle().recordSession(lead.id(), new SessionInput(TODAY, "调解室", "张某", null, "通道纠纷", "张丽", true, true));
        assertThat(plans.plans(lead.id())).extracting(SessionPlan::id).doesNotContain(today.id()).contains(inside.id());
        assertThat(itemsOf(AgendaKind.SESSION)).extracting(AgendaItem::dueOn).containsExactly(TODAY.minusDays(1), UNTIL);
    }

    @Test
    void aPerformanceDeadlineIsListedUntilAFollowUpFindsItPerformed() {
        Lead inside = f.resolved(f.committeeA, TODAY.minusDays(2), AgreementForm.WRITTEN, UNTIL);
        Lead outside = f.resolved(f.committeeA, TODAY.minusDays(2), AgreementForm.WRITTEN, UNTIL.plusDays(1));
        Lead late = f.resolved(f.committeeA, TODAY.minusDays(9), AgreementForm.ORAL, TODAY.minusDays(1));
        Lead partly = f.resolved(f.committeeA, TODAY.minusDays(9), AgreementForm.ORAL, TODAY.minusDays(2));
        Lead performed = f.resolved(f.committeeA, TODAY.minusDays(9), AgreementForm.ORAL, TODAY.minusDays(3));
        f.lifecycle().recordFollowUp(partly.id(), followUp(TODAY, Performance.PARTLY));
        f.lifecycle().recordFollowUp(performed.id(), followUp(TODAY, Performance.PERFORMED));

        List<AgendaItem> items = itemsOf(AgendaKind.PERFORMANCE);
        assertThat(leadsOf(items)).containsExactly(partly.id(), late.id(), inside.id())
                .doesNotContain(outside.id(), performed.id());
        assertThat(items).extracting(AgendaItem::late).containsExactly(true, true, false);
    }

    @Test
    void aFollowUpFallsDueTheSetDaysAfterClosingUntilAVisit() {
        // due = closed + 15
        Lead inside = f.resolved(f.committeeA, UNTIL.minusDays(15), AgreementForm.ORAL, null);
        Lead outside = f.resolved(f.committeeA, UNTIL.minusDays(14), AgreementForm.ORAL, null);
        Lead late = f.resolved(f.committeeA, TODAY.minusDays(20), AgreementForm.ORAL, null);
        Lead visited = f.resolved(f.committeeA, TODAY.minusDays(30), AgreementForm.ORAL, null);
        Lead failed = f.closed(f.committeeA, TODAY.minusDays(30), Outcome.FAILED, null, null);
        f.lifecycle().recordFollowUp(visited.id(), followUp(TODAY.minusDays(10), Performance.PARTLY));

        List<AgendaItem> items = itemsOf(AgendaKind.FOLLOW_UP);
        assertThat(leadsOf(items)).containsExactly(late.id(), inside.id())
                .doesNotContain(outside.id(), visited.id(), failed.id());
        assertThat(items).extracting(AgendaItem::dueOn).containsExactly(TODAY.minusDays(5), UNTIL);
        assertThat(items).extracting(AgendaItem::late).containsExactly(true, false);

        f.agenda().changeSettings(f.admin, 5, 14);
        assertThat(leadsOf(itemsOf(AgendaKind.FOLLOW_UP))).contains(outside.id());
    }

    @Test
    void theJudicialWindowIsListedInItsLastDaysAndDropsOnceClosed() {
        // due = closed + 30, listed while today <= due <= today + 7
        Lead inside = f.resolved(f.committeeA, UNTIL.minusDays(30), AgreementForm.WRITTEN, null);
        Lead outside = f.resolved(f.committeeA, UNTIL.minusDays(29), AgreementForm.WRITTEN, null);
        Lead lastDay = f.resolved(f.committeeA, TODAY.minusDays(30), AgreementForm.WRITTEN, null);
        Lead past = f.resolved(f.committeeA, TODAY.minusDays(31), AgreementForm.WRITTEN, null);
        Lead oral = f.resolved(f.committeeA, TODAY.minusDays(28), AgreementForm.ORAL, null);
        Lead applied = f.resolved(f.committeeA, TODAY.minusDays(28), AgreementForm.WRITTEN, null);
        f.lifecycle().recordJudicialConfirmation(applied.id(), TODAY, "金宝新区人民法院", null, null, null);

        List<AgendaItem> items = itemsOf(AgendaKind.JUDICIAL_WINDOW);
        assertThat(leadsOf(items)).containsExactly(lastDay.id(), inside.id())
                .doesNotContain(outside.id(), past.id(), oral.id(), applied.id());
        assertThat(items).extracting(AgendaItem::late).containsOnly(false);
        assertThat(items.getFirst().dueOn()).isEqualTo(TODAY);
    }

    @Test
    void aRiskyLeadNotYetFinalIsDueForReviewByItsLevel() {
        // YELLOW 30, ORANGE 15, RED 7 days after the latest assessment
        Lead yellowInside = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.YELLOW);
        f.assess(yellowInside.id(), UNTIL.minusDays(30), RiskLevel.YELLOW);
        Lead yellowOutside = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.YELLOW);
        f.assess(yellowOutside.id(), UNTIL.minusDays(29), RiskLevel.YELLOW);
        Lead redLate = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.RED);
        f.assess(redLate.id(), TODAY.minusDays(8), RiskLevel.RED);
        Lead orangeReassessed = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.ORANGE);
        f.assess(orangeReassessed.id(), TODAY.minusDays(30), RiskLevel.ORANGE);
        f.assess(orangeReassessed.id(), TODAY.minusDays(1), RiskLevel.ORANGE);
        Lead blue = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.BLUE);
        Lead unfounded = f.pending(f.committeeA, TODAY.minusDays(40), RiskLevel.RED);
        f.lifecycle().verify(unfounded.id(), unfounded.version(), VerificationResult.UNFOUNDED, TODAY.minusDays(39),
                null, null);
        Lead mediatingRed = f.mediating(f.committeeA, TODAY.minusDays(20), RiskLevel.RED);
        f.assess(mediatingRed.id(), TODAY.minusDays(7), RiskLevel.RED);
        Lead resolvedRed = f.mediating(f.committeeA, TODAY.minusDays(20), RiskLevel.RED);
        f.lifecycle().close(resolvedRed.id(), resolvedRed.version(), Outcome.FAILED, TODAY.minusDays(2), null);

        List<AgendaItem> items = itemsOf(AgendaKind.RISK_REVIEW);
        assertThat(leadsOf(items)).containsExactly(redLate.id(), mediatingRed.id(), yellowInside.id())
                .doesNotContain(yellowOutside.id(), orangeReassessed.id(), blue.id(), unfounded.id(), resolvedRed.id());
        assertThat(items).extracting(AgendaItem::dueOn).containsExactly(TODAY.minusDays(1), TODAY, UNTIL);
        assertThat(items).extracting(AgendaItem::late).containsExactly(true, false, false);
    }

    @Test
    void aMonthlyReportIsAskedForEachEndedMonthSinceTheDatabaseBeganUntilSigned() throws Exception {
        // the database began in January 2026; on 10 March, January (due 5 Feb) and February (due 5 Mar) are late
        f.signReport(f.committeeB, "2026-01");
        List<AgendaItem> items = itemsOf(AgendaKind.MONTHLY_REPORT);
        assertThat(items).extracting(i -> i.committeeId() + " " + i.month() + " " + i.dueOn() + " " + i.late())
                .containsExactly(
                        f.committeeA + " 2026-01 2026-02-05 true",
                        f.committeeA + " 2026-02 2026-03-05 true",
                        f.committeeB + " 2026-02 2026-03-05 true");
        assertThat(items).extracting(AgendaItem::leadId).containsOnlyNulls();

        // on 2 March, February's report is not late yet, and March (not ended) is never asked
        List<AgendaItem> early = f.agenda().agenda(f.admin, LocalDate.of(2026, 3, 2), DAYS).stream()
                .filter(i -> i.kind() == AgendaKind.MONTHLY_REPORT && i.month().equals(YearMonth.of(2026, 2))).toList();
        assertThat(early).extracting(AgendaItem::late).containsOnly(false).hasSize(2);
        // a year and a half later, at most the last twelve months are asked for
        assertThat(f.agenda().agenda(f.admin, LocalDate.of(2027, 8, 20), 0).stream()
                .filter(i -> i.kind() == AgendaKind.MONTHLY_REPORT && i.committeeId() == f.committeeA))
                .extracting(AgendaItem::month)
                .containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10),
                        YearMonth.of(2026, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2),
                        YearMonth.of(2027, 3), YearMonth.of(2027, 4), YearMonth.of(2027, 5), YearMonth.of(2027, 6),
                        YearMonth.of(2027, 7));
    }

    @Test
    void aMediatorSeesOnlyTheOwnCommitteeAndAViewerOnlyTheReports() {
        Lead a = f.mediating(f.committeeA, TODAY.minusDays(31));
        Lead b = f.mediating(f.committeeB, TODAY.minusDays(31));

        List<AgendaItem> ofA = f.agenda().agenda(f.mediatorA, TODAY, DAYS);
        assertThat(ofA).extracting(AgendaItem::committeeId).containsOnly(f.committeeA);
        assertThat(leadsOf(ofA)).contains(a.id()).doesNotContain(b.id());
        assertThat(ofA).extracting(AgendaItem::committeeName).contains("金宝新区人民调解委员会");

        List<AgendaItem> all = f.agenda().agenda(f.admin, TODAY, DAYS);
        assertThat(leadsOf(all)).contains(a.id(), b.id());

        List<AgendaItem> ofViewer = f.agenda().agenda(f.viewer, TODAY, DAYS);
        assertThat(ofViewer).isNotEmpty().extracting(AgendaItem::kind).containsOnly(AgendaKind.MONTHLY_REPORT);
        assertThat(ofViewer).extracting(AgendaItem::committeeId).contains(f.committeeA, f.committeeB);
    }

    @Test
    void nobodySignedInGetsNoAgenda() {
        assertThatThrownBy(() -> f.agenda().agenda(null, TODAY, DAYS)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void onlyAnAdministratorChangesTheSettingsAndOnlyWithinTheirRanges() {
        assertThat(f.agenda().settings()).isEqualTo(new AgendaSettings(5, 15));
        assertThatThrownBy(() -> f.agenda().changeSettings(f.mediatorA, 3, 10))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> f.agenda().changeSettings(f.admin, 61, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly(Problem.Field.AGENDA_WARN_DAYS,
                                Problem.Field.FOLLOW_UP_DAYS));
        assertThat(f.agenda().settings()).as("nothing half-written").isEqualTo(new AgendaSettings(5, 15));
        assertThat(f.agenda().changeSettings(f.admin, 0, 365)).isEqualTo(new AgendaSettings(0, 365));
    }

    private static FollowUpInput followUp(LocalDate on, Performance performance) {
        return new FollowUpInput(on, "张某", FollowUpWay.PHONE, "履行情况", performance, null, false, null);
    }
}
