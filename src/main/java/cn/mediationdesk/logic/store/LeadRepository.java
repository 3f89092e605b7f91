package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads and everything under them. Knows no rules: the lifecycle service checks them first. */
public interface LeadRepository {
    void insert(Lead lead, Instant now);

    /**
     * Writes many new leads with their parties, agreements, transitions and risk assessments, each kind
     * in one batch, in that order (a lead's parts after every lead, a duplicate after the lead it
     * repeats when that comes first in {@code leads}).
     */
    void insertAll(NewLeads rows, Instant now);

    /** New leads and their first parts, as {@link #insertAll} writes them. */
    record NewLeads(List<Lead> leads, List<Party> parties, List<Agreement> agreements, List<Transition> transitions,
                    List<cn.mediationdesk.model.RiskAssessment> riskAssessments) {
    }

    /**
     * Writes the lead's facts if its stored version is still {@code lead.version()}, raising the
     * version by one; returns false when someone else changed it meanwhile.
     */
    boolean update(Lead lead, Instant now);

    Optional<Lead> find(UUID id);

    /** Those of the leads {@code ids} that exist, in no particular order. */
    List<Lead> findAll(Collection<UUID> ids);

    Optional<Lead> findByLeadNo(long committeeId, String leadNo);

    /**
     * The committee's leads among {@code leadNos}, by lead number: what {@link #findByLeadNo} gives for
     * each, in a few statements for a whole ledger instead of one a row.
     */
    default java.util.Map<String, Lead> findByLeadNos(long committeeId, java.util.Collection<String> leadNos) {
        java.util.Map<String, Lead> found = new java.util.HashMap<>();
        for (String leadNo : leadNos) {
            findByLeadNo(committeeId, leadNo).ifPresent(lead -> found.put(leadNo, lead));
        }
        return found;
    }

    /** The leads whose case number or lead number is {@code number}, in every committee. */
    List<Lead> findByNumber(String number);

    long count();

    /** Raises the case-number counter of a committee and year and returns the new number. */
    int nextCaseNumber(long committeeId, int year);

    /**
     * Takes the lock that issuing a committee's case numbers takes, held until the commit: for a
     * transaction that issues numbers of several committees, which takes them in one order (by id).
     */
    void lockCaseNumbers(long committeeId);

    /**
     * Raises the counter of a committee and year by {@code count} at once and returns the first of the
     * {@code count} consecutive numbers it reserved (in this transaction: a rollback gives them back).
     */
    int reserveCaseNumbers(long committeeId, int year, int count);

    /**
     * Gives leads written without one their case numbers, and the text of each one's ACCEPTED
     * transition (written without it); false when any lead has one already or is gone.
     */
    boolean assignCaseNumbers(java.util.Map<UUID, CaseNumber> numbers);

    /*
     * Each part is read for many leads at once (…ByLead: by lead id, each lead's rows in the order the
     * one-lead method gives, a lead without any absent), so that a package or a case-file run over
     * thousands of leads reads a few statements per chunk of leads instead of some twenty per lead; the
     * one-lead methods read through the same statements.
     */

    default List<Party> parties(UUID leadId) {
        return partiesByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<Party>> partiesByLead(Collection<UUID> leadIds);

    void replaceParties(UUID leadId, List<Party> parties);

    default List<VerificationStep> verificationSteps(UUID leadId) {
        return verificationStepsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<VerificationStep>> verificationStepsByLead(Collection<UUID> leadIds);

    void insertVerificationStep(VerificationStep step);

    /** The lead's mediators' person ids, the principal mediator first. */
    default List<Long> mediators(UUID leadId) {
        return mediatorsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<Long>> mediatorsByLead(Collection<UUID> leadIds);

    void replaceMediators(UUID leadId, List<Long> personIds);

    default List<MediationSession> sessions(UUID leadId) {
        return sessionsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<MediationSession>> sessionsByLead(Collection<UUID> leadIds);

    void insertSession(MediationSession session);

    default Optional<Agreement> agreement(UUID leadId) {
        return Optional.ofNullable(agreementsByLead(List.of(leadId)).get(leadId));
    }

    Map<UUID, Agreement> agreementsByLead(Collection<UUID> leadIds);

    void saveAgreement(Agreement agreement);

    void deleteAgreement(UUID leadId);

    default List<Extension> extensions(UUID leadId) {
        return extensionsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<Extension>> extensionsByLead(Collection<UUID> leadIds);

    void insertExtension(Extension extension);

    default List<FollowUp> followUps(UUID leadId) {
        return followUpsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<FollowUp>> followUpsByLead(Collection<UUID> leadIds);

    void insertFollowUp(FollowUp followUp);

    default Optional<JudicialConfirmation> judicialConfirmation(UUID leadId) {
        return Optional.ofNullable(judicialConfirmationsByLead(List.of(leadId)).get(leadId));
    }

    Map<UUID, JudicialConfirmation> judicialConfirmationsByLead(Collection<UUID> leadIds);

    void saveJudicialConfirmation(JudicialConfirmation confirmation);

    void insertTransition(Transition transition);

    default List<Transition> transitions(UUID leadId) {
        return transitionsByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    Map<UUID, List<Transition>> transitionsByLead(Collection<UUID> leadIds);
}
