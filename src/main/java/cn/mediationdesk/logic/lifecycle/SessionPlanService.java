package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.SessionPlan;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Plans the mediation sessions of a case in mediation (安排调解), changes and calls them off. A
 * session is recorded only once held, so a plan is how a coming one is known; recording the session
 * ({@link LifecycleService#recordSession}) removes the plan of that day. Every change is audited as
 * a change to the lead.
 */
public final class SessionPlanService {
    public static final int PLACE_MAX_LENGTH = 200;
    public static final int NOTE_MAX_LENGTH = 500;
    private static final Pattern HOUR_MINUTE = Pattern.compile("\\d{2}:\\d{2}");

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;

    public SessionPlanService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.audit = AuditTrail.onThisPc(clock);
    }

    /** The lead's planned sessions, soonest first. */
    public List<SessionPlan> plans(UUID leadId) {
        return store.read(tx -> {
            existing(tx, leadId);
            return tx.caseFiles().sessionPlans(leadId);
        });
    }

    /** Plans a session of a case in mediation, on today or a later day. */
    public SessionPlan plan(UUID leadId, SessionPlanInput input) {
        return changing(leadId, AuditAction.LEAD_SESSION_PLAN, tx -> {
            Lead lead = existing(tx, leadId);
            SessionPlan plan = checked(lead, UUID.randomUUID(), input, tx);
            tx.caseFiles().saveSessionPlan(plan);
            return plan;
        });
    }

    /** Changes a planned session: its day (today or later), hour, place or note. */
    public SessionPlan change(UUID leadId, UUID planId, SessionPlanInput input) {
        return changing(leadId, AuditAction.LEAD_SESSION_PLAN, tx -> {
            Lead lead = existing(tx, leadId);
            planOf(tx, leadId, planId);
            SessionPlan plan = checked(lead, planId, input, tx);
            tx.caseFiles().saveSessionPlan(plan);
            return plan;
        });
    }

    /** Calls a planned session off. */
    public void callOff(UUID leadId, UUID planId) {
        changing(leadId, AuditAction.LEAD_SESSION_PLAN_CANCEL, tx -> {
            existing(tx, leadId);
            planOf(tx, leadId, planId);
            tx.caseFiles().deleteSessionPlan(planId);
            return null;
        });
    }

    private <R> R changing(UUID leadId, AuditAction action, Store.Work<R> work) {
        return store.write(tx -> {
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            R result = work.run(tx);
            audit.leadChanged(tx, actor.username(), action, before, leadId);
            return result;
        });
    }

    private SessionPlan checked(Lead lead, UUID planId, SessionPlanInput input, Tx tx) {
        List<Problem> problems = new ArrayList<>();
        if (lead.acceptedOn() == null || lead.outcome() != null) {
            problems.add(Problem.of(Field.SESSION_PLAN, "rule.sessionPlan.needsMediating"));
            throw new ValidationException(problems);
        }
        LocalDate day = input.plannedOn();
        if (day == null) {
            problems.add(Problem.of(Field.DATE, "rule.required"));
        } else if (day.isBefore(LocalDate.now(clock))) {
            problems.add(Problem.of(Field.DATE, "rule.sessionPlan.past"));
        }
        LocalTime startsAt = null;
        String time = blankToNull(input.startsAt());
        if (time != null) {
            try {
                if (!HOUR_MINUTE.matcher(time).matches()) {
                    throw new DateTimeParseException("not HH:mm", time, 0);
                }
                startsAt = LocalTime.parse(time, DateTimeFormatter.ofPattern("HH:mm"));
            } catch (DateTimeParseException e) {
                problems.add(Problem.of(Field.STARTS_AT, "rule.sessionPlan.time"));
            }
        }
        String place = blankToNull(input.place());
        String note = blankToNull(input.note());
        CaseRecordRules.checkLength(place, PLACE_MAX_LENGTH, Field.PLACE, problems);
        CaseRecordRules.checkLength(note, NOTE_MAX_LENGTH, Field.NOTE, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        User current = Access.current(tx, actor);
        return new SessionPlan(planId, lead.id(), day, startsAt, place, note, current.username());
    }

    private Lead existing(Tx tx, UUID leadId) {
        Lead lead = tx.leads().find(leadId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
        Access.requireCase(tx, actor, lead.committeeId());
        return lead;
    }

    private static SessionPlan planOf(Tx tx, UUID leadId, UUID planId) {
        return tx.caseFiles().sessionPlans(leadId).stream().filter(p -> p.id().equals(planId)).findFirst()
                .orElseThrow(() -> new ValidationException(Problem.of(Field.SESSION_PLAN, "rule.sessionPlan.unknown")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
