package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.SessionPlan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of a case the official forms add to the lifecycle: the parties' agents, the case record
 * (application, consent, notices, police report), the referral log, what the 立卷人 writes on the file,
 * and the 防止 categories recorded at the end. Each is kept whole: saving replaces what was there.
 */
public interface CaseFileRepository {
    default List<PartyAgent> agents(UUID leadId) {
        return agentsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    /** Many leads' parts at once, as {@link LeadRepository#partiesByLead} reads them; likewise below. */
    Map<UUID, List<PartyAgent>> agentsByLead(Collection<UUID> leadIds);

    /** The lead's agents become exactly {@code agents} (each tied to one of its parties). */
    void replaceAgents(UUID leadId, List<PartyAgent> agents);

    default Optional<CaseRecord> caseRecord(UUID leadId) {
        return Optional.ofNullable(caseRecordsByLead(List.of(leadId)).get(leadId));
    }

    Map<UUID, CaseRecord> caseRecordsByLead(Collection<UUID> leadIds);

    void saveCaseRecord(CaseRecord record);

    default List<Referral> referrals(UUID leadId) {
        return referralsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<Referral>> referralsByLead(Collection<UUID> leadIds);

    /** Adds the referral, or replaces the one with its id (when the receipt or feedback arrives). */
    void saveReferral(Referral referral);

    default Optional<CaseFileInfo> caseFileInfo(UUID leadId) {
        return Optional.ofNullable(caseFileInfosByLead(List.of(leadId)).get(leadId));
    }

    Map<UUID, CaseFileInfo> caseFileInfosByLead(Collection<UUID> leadIds);

    void saveCaseFileInfo(CaseFileInfo info);

    default Set<PreventionKind> preventions(UUID leadId) {
        return preventionsByLead(List.of(leadId)).getOrDefault(leadId, Set.of());
    }

    Map<UUID, Set<PreventionKind>> preventionsByLead(Collection<UUID> leadIds);

    void replacePreventions(UUID leadId, Set<PreventionKind> kinds);

    /** The lead's risk history, oldest first (by day, then by when each was written). */
    default List<RiskAssessment> riskAssessments(UUID leadId) {
        return riskAssessmentsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<RiskAssessment>> riskAssessmentsByLead(Collection<UUID> leadIds);

    void insertRiskAssessment(RiskAssessment assessment);

    /** What the lead recurs after (矛盾反复), if it was marked so. */
    default Optional<Recurrence> recurrence(UUID leadId) {
        return Optional.ofNullable(recurrencesByLead(List.of(leadId)).get(leadId));
    }

    Map<UUID, Recurrence> recurrencesByLead(Collection<UUID> leadIds);

    /** Marks the lead as a recurrence, in place of any earlier mark. */
    void saveRecurrence(Recurrence recurrence);

    void deleteRecurrence(UUID leadId);

    /** The leads marked as recurring after {@code earlierLeadId}. */
    List<Recurrence> recurrencesOf(UUID earlierLeadId);

    /** The sessions planned for the lead and not yet held, soonest first. */
    default List<SessionPlan> sessionPlans(UUID leadId) {
        return sessionPlansByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<SessionPlan>> sessionPlansByLead(Collection<UUID> leadIds);

    /** Adds the plan, or replaces the one with its id. */
    void saveSessionPlan(SessionPlan plan);

    void deleteSessionPlan(UUID planId);

    /** Removes every part above (an exchange package brings the lead's own). */
    void deleteAll(UUID leadId);
}
