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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
        return readStored(tx, List.of(lead)).getFirst().file();
    }

    /** Leads read together: a statement per part for every {@value #CHUNK} leads, not some twenty per lead. */
    private static final int CHUNK = 500;

    /**
     * A lead's file, and whether its case record and file cover are stored at all: an exchange package
     * tells an absent row from an empty one, which the file (holding an empty one for either) does not.
     */
    public record Stored(LeadFile file, boolean caseRecordStored, boolean caseFileInfoStored) {
    }

    /** The files of {@code leads}, in their order, read {@value #CHUNK} leads at a time. */
    public static List<Stored> readStored(Tx tx, List<Lead> leads) {
        return readStored(tx, leads, CHUNK);
    }

    /** {@link #readStored(Tx, List)} reading {@code chunk} leads at a time. */
    public static List<Stored> readStored(Tx tx, List<Lead> leads, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk " + chunk + " is not positive");
        }
        List<Stored> files = new ArrayList<>(leads.size());
        for (int from = 0; from < leads.size(); from += chunk) {
            List<Lead> part = leads.subList(from, Math.min(leads.size(), from + chunk));
            List<UUID> ids = part.stream().map(Lead::id).toList();
            LeadRepository parts = tx.leads();
            CaseFileRepository caseFile = tx.caseFiles();
            Map<UUID, List<Party>> parties = parts.partiesByLead(ids);
            Map<UUID, List<VerificationStep>> steps = parts.verificationStepsByLead(ids);
            Map<UUID, List<Long>> mediators = parts.mediatorsByLead(ids);
            Map<UUID, List<MediationSession>> sessions = parts.sessionsByLead(ids);
            Map<UUID, Agreement> agreements = parts.agreementsByLead(ids);
            Map<UUID, List<Extension>> extensions = parts.extensionsByLead(ids);
            Map<UUID, List<FollowUp>> followUps = parts.followUpsByLead(ids);
            Map<UUID, JudicialConfirmation> confirmations = parts.judicialConfirmationsByLead(ids);
            Map<UUID, List<Transition>> transitions = parts.transitionsByLead(ids);
            Map<UUID, List<PartyAgent>> agents = caseFile.agentsByLead(ids);
            Map<UUID, CaseRecord> caseRecords = caseFile.caseRecordsByLead(ids);
            Map<UUID, List<Referral>> referrals = caseFile.referralsByLead(ids);
            Map<UUID, CaseFileInfo> caseFileInfos = caseFile.caseFileInfosByLead(ids);
            Map<UUID, Set<PreventionKind>> preventions = caseFile.preventionsByLead(ids);
            Map<UUID, List<Attachment>> attachments = tx.attachments().attachmentsByLead(ids);
            Map<UUID, List<RiskAssessment>> risks = caseFile.riskAssessmentsByLead(ids);
            Map<UUID, Recurrence> recurrences = caseFile.recurrencesByLead(ids);
            Map<UUID, List<SessionPlan>> plans = caseFile.sessionPlansByLead(ids);
            for (Lead lead : part) {
                UUID id = lead.id();
                LeadFile file = new LeadFile(lead, parties.getOrDefault(id, List.of()),
                        steps.getOrDefault(id, List.of()), mediators.getOrDefault(id, List.of()),
                        sessions.getOrDefault(id, List.of()), Optional.ofNullable(agreements.get(id)),
                        extensions.getOrDefault(id, List.of()), followUps.getOrDefault(id, List.of()),
                        Optional.ofNullable(confirmations.get(id)), transitions.getOrDefault(id, List.of()),
                        agents.getOrDefault(id, List.of()), caseRecords.get(id), referrals.getOrDefault(id, List.of()),
                        caseFileInfos.get(id), preventions.getOrDefault(id, Set.of()),
                        attachments.getOrDefault(id, List.of()), risks.getOrDefault(id, List.of()),
                        Optional.ofNullable(recurrences.get(id)), plans.getOrDefault(id, List.of()));
                files.add(new Stored(file, caseRecords.containsKey(id), caseFileInfos.containsKey(id)));
            }
        }
        return files;
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
