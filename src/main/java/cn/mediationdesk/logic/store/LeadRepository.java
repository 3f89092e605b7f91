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
import java.util.List;
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

    List<Party> parties(UUID leadId);

    void replaceParties(UUID leadId, List<Party> parties);

    List<VerificationStep> verificationSteps(UUID leadId);

    void insertVerificationStep(VerificationStep step);

    List<Long> mediators(UUID leadId);

    void replaceMediators(UUID leadId, List<Long> personIds);

    List<MediationSession> sessions(UUID leadId);

    void insertSession(MediationSession session);

    Optional<Agreement> agreement(UUID leadId);

    void saveAgreement(Agreement agreement);

    void deleteAgreement(UUID leadId);

    List<Extension> extensions(UUID leadId);

    void insertExtension(Extension extension);

    List<FollowUp> followUps(UUID leadId);

    void insertFollowUp(FollowUp followUp);

    Optional<JudicialConfirmation> judicialConfirmation(UUID leadId);

    void saveJudicialConfirmation(JudicialConfirmation confirmation);

    void insertTransition(Transition transition);

    List<Transition> transitions(UUID leadId);
}
