package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.SessionPlan;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of a case the official forms add to the lifecycle: the parties' agents, the case record
 * (application, consent, notices, police report), the referral log, what the 立卷人 writes on the file,
 * and the 防止 categories recorded at the end. Each is kept whole: saving replaces what was there.
 */
public interface CaseFileRepository {
    List<PartyAgent> agents(UUID leadId);

    /** The lead's agents become exactly {@code agents} (each tied to one of its parties). */
    void replaceAgents(UUID leadId, List<PartyAgent> agents);

    Optional<CaseRecord> caseRecord(UUID leadId);

    void saveCaseRecord(CaseRecord record);

    List<Referral> referrals(UUID leadId);

    /** Adds the referral, or replaces the one with its id (when the receipt or feedback arrives). */
    void saveReferral(Referral referral);

    Optional<CaseFileInfo> caseFileInfo(UUID leadId);

    void saveCaseFileInfo(CaseFileInfo info);

    Set<PreventionKind> preventions(UUID leadId);

    void replacePreventions(UUID leadId, Set<PreventionKind> kinds);

    /** The lead's risk history, oldest first (by day, then by when each was written). */
    List<RiskAssessment> riskAssessments(UUID leadId);

    void insertRiskAssessment(RiskAssessment assessment);

    /** What the lead recurs after (矛盾反复), if it was marked so. */
    Optional<Recurrence> recurrence(UUID leadId);

    /** Marks the lead as a recurrence, in place of any earlier mark. */
    void saveRecurrence(Recurrence recurrence);

    void deleteRecurrence(UUID leadId);

    /** The leads marked as recurring after {@code earlierLeadId}. */
    List<Recurrence> recurrencesOf(UUID earlierLeadId);

    /** The sessions planned for the lead and not yet held, soonest first. */
    List<SessionPlan> sessionPlans(UUID leadId);

    /** Adds the plan, or replaces the one with its id. */
    void saveSessionPlan(SessionPlan plan);

    void deleteSessionPlan(UUID planId);

    /** Removes every part above (an exchange package brings the lead's own). */
    void deleteAll(UUID leadId);
}
