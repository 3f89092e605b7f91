package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.store.CaseFileRepository;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.SessionPlan;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A lead with everything recorded under it: what the editor shows, the audit trail compares and the
 * case file prints.
 *
 * @param caseRecord   the application, consent, notices and police report ({@link CaseRecord#empty} when none)
 * @param caseFileInfo what the 立卷人 wrote on the file ({@link CaseFileInfo#empty} when nothing)
 * @param preventions  the 防止 categories recorded as outcomes of the case
 * @param riskAssessments the dated risk history, oldest first
 * @param recurrence   the earlier lead this one recurs after (矛盾反复), if marked
 * @param sessionPlans sessions planned and not yet held, soonest first
 */
public record LeadFile(Lead lead, List<Party> parties, List<VerificationStep> verificationSteps,
                       List<Long> mediatorIds, List<MediationSession> sessions, Optional<Agreement> agreement,
                       List<Extension> extensions, List<FollowUp> followUps,
                       Optional<JudicialConfirmation> judicialConfirmation, List<Transition> transitions,
                       List<PartyAgent> agents, CaseRecord caseRecord, List<Referral> referrals,
                       CaseFileInfo caseFileInfo, Set<PreventionKind> preventions, List<Attachment> attachments,
                       List<RiskAssessment> riskAssessments, Optional<Recurrence> recurrence,
                       List<SessionPlan> sessionPlans) {
    public LeadFile {
        parties = List.copyOf(parties);
        verificationSteps = List.copyOf(verificationSteps);
        mediatorIds = List.copyOf(mediatorIds);
        sessions = List.copyOf(sessions);
        extensions = List.copyOf(extensions);
        followUps = List.copyOf(followUps);
        transitions = List.copyOf(transitions);
        agents = List.copyOf(agents);
        caseRecord = caseRecord == null ? CaseRecord.empty(lead.id()) : caseRecord;
        referrals = List.copyOf(referrals);
        caseFileInfo = caseFileInfo == null ? CaseFileInfo.empty(lead.id()) : caseFileInfo;
        // in the enum's order, so that the audit trail compares the same text each time
        preventions = preventions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(preventions));
        attachments = List.copyOf(attachments);
        riskAssessments = List.copyOf(riskAssessments);
        recurrence = recurrence == null ? Optional.empty() : recurrence;
        sessionPlans = List.copyOf(sessionPlans);
    }

    /** The lead and all its parts as they are in {@code tx}. */
    public static LeadFile read(Tx tx, Lead lead) {
        UUID id = lead.id();
        LeadRepository leads = tx.leads();
        CaseFileRepository parts = tx.caseFiles();
        return new LeadFile(lead, leads.parties(id), leads.verificationSteps(id), leads.mediators(id),
                leads.sessions(id), leads.agreement(id), leads.extensions(id), leads.followUps(id),
                leads.judicialConfirmation(id), leads.transitions(id), parts.agents(id),
                parts.caseRecord(id).orElse(null), parts.referrals(id), parts.caseFileInfo(id).orElse(null),
                parts.preventions(id), tx.attachments().attachments(id), parts.riskAssessments(id),
                parts.recurrence(id), parts.sessionPlans(id));
    }

    /** The same file with {@code lead} and {@code transitions} in place of its own. */
    public LeadFile with(Lead lead, List<Transition> transitions) {
        return new LeadFile(lead, parties, verificationSteps, mediatorIds, sessions, agreement, extensions, followUps,
                judicialConfirmation, transitions, agents, caseRecord, referrals, caseFileInfo, preventions,
                attachments, riskAssessments, recurrence, sessionPlans);
    }

    /**
     * The assessment in force at the end of {@code day}: the latest dated on or before it; before the
     * first, the first (a lead is assessed when it is registered).
     */
    public Optional<RiskAssessment> riskOn(LocalDate day) {
        RiskAssessment inForce = null;
        for (RiskAssessment a : riskAssessments) {
            if (!a.assessedOn().isAfter(day)) {
                inForce = a;
            }
        }
        return Optional.ofNullable(inForce != null ? inForce : riskAssessments.isEmpty() ? null : riskAssessments.getFirst());
    }

    /** The due date in force at the end of {@code day}: the latest extension agreed by then, else the original. */
    public LocalDate dueOn(LocalDate day) {
        return extensions.stream()
                .filter(e -> !e.agreedOn().isAfter(day))
                .map(cn.mediationdesk.model.Extension::newDueOn)
                .max(Comparator.naturalOrder())
                .orElse(lead.dueOn());
    }
}
