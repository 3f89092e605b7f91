package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.agenda.AgendaFixture;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.SessionPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.agenda.AgendaFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 安排调解: planning, changing and calling off the sessions of a case in mediation. */
class SessionPlanServiceTest {
    @TempDir
    Path dir;

    private AgendaFixture f;
    private SessionPlanService plans;
    private Lead lead;

    @BeforeEach
    void open() {
        f = new AgendaFixture(dir);
        plans = new SessionPlanService(f.database, f.clock, f.mediatorA);
        lead = f.mediating(f.committeeA, TODAY.minusDays(3));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static List<String> keysOf(Throwable e) {
        return ((ValidationException) e).problems().stream().map(Problem::key).toList();
    }

    @Test
    void aPlanIsStoredChangedAndCalledOffEachOnTheAuditTrail() {
        SessionPlan plan = plans.plan(lead.id(), new SessionPlanInput(TODAY, " 14:30 ", " 社区调解室 ", ""));
        assertThat(plans.plans(lead.id())).containsExactly(new SessionPlan(plan.id(), lead.id(), TODAY,
                LocalTime.of(14, 30), "社区调解室", null, "zhangli"));

        plans.change(lead.id(), plan.id(), new SessionPlanInput(TODAY.plusDays(2), "", "村委会", "请双方带上宅基地证"));
        assertThat(plans.plans(lead.id())).singleElement().satisfies(p -> {
            assertThat(p.plannedOn()).isEqualTo(TODAY.plusDays(2));
            assertThat(p.startsAt()).isNull();
            assertThat(p.note()).isEqualTo("请双方带上宅基地证");
        });

        plans.callOff(lead.id(), plan.id());
        assertThat(plans.plans(lead.id())).isEmpty();
        List<String> actions = f.database.read(tx -> tx.audit().ofLead(lead.id())).stream()
                .map(e -> e.action()).toList();
        assertThat(actions).containsSubsequence(AuditAction.LEAD_SESSION_PLAN.code(), AuditAction.LEAD_SESSION_PLAN.code(),
                AuditAction.LEAD_SESSION_PLAN_CANCEL.code());
    }

    @Test
    void aPlanNeedsACaseInMediationADayNotPastAndATimeAsHoursAndMinutes() {
        assertThatThrownBy(() -> plans.plan(lead.id(), new SessionPlanInput(TODAY.minusDays(1), "9:30", null,
                "x".repeat(501)))).satisfies(e -> assertThat(keysOf(e))
                .containsExactly("rule.sessionPlan.past", "rule.sessionPlan.time", "rule.text.tooLong"));
        assertThatThrownBy(() -> plans.plan(lead.id(), new SessionPlanInput(null, "25:00", null, null)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.required", "rule.sessionPlan.time"));
        Lead pending = f.pending(f.committeeA, TODAY, RiskLevel.BLUE);
        assertThatThrownBy(() -> plans.plan(pending.id(), new SessionPlanInput(TODAY, null, null, null)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.sessionPlan.needsMediating"));
        Lead closed = f.closed(f.committeeA, TODAY, Outcome.FAILED, null, null);
        assertThatThrownBy(() -> plans.plan(closed.id(), new SessionPlanInput(TODAY, null, null, null)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.sessionPlan.needsMediating"));
        assertThatThrownBy(() -> plans.callOff(lead.id(), UUID.randomUUID()))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.sessionPlan.unknown"));
        assertThat(plans.plans(lead.id())).as("nothing written").isEmpty();
    }

    @Test
    void anotherCommitteesMediatorAndAViewerAreRefused() {
        SessionPlan plan = plans.plan(lead.id(), new SessionPlanInput(TODAY, null, null, null));
        SessionPlanService other = new SessionPlanService(f.database, f.clock, f.mediatorB);
        assertThatThrownBy(() -> other.plan(lead.id(), new SessionPlanInput(TODAY, null, null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> other.callOff(lead.id(), plan.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> new SessionPlanService(f.database, f.clock, f.viewer).plans(lead.id()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(plans.plans(lead.id())).hasSize(1);
    }
}
