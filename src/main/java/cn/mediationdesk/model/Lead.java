package cn.mediationdesk.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dispute lead and the dated facts of its life so far (DESIGN §4). The dates hold
 * {@code foundOn ≤ verifiedOn ≤ acceptedOn ≤ closedOn}; a later step is {@code null} until it happens.
 *
 * @param leadNo the committee's own number for the lead (线索编号), unique within the committee
 * @param caseNumber assigned at acceptance and kept for good, even if the acceptance is corrected away
 * @param dueOn the due date set at acceptance; extensions agreed later are kept apart with their dates
 * @param declinedOn the day a party refused mediation of a genuine lead, instead of its acceptance
 *                   ({@code verifiedOn ≤ declinedOn}); it counts like an acceptance day for a past day's state
 * @param declinedBy who refused
 * @param version optimistic-locking counter, raised by every change
 */
public record Lead(UUID id, long committeeId, long communityId, Long gridId, String leadNo,
                   LocalDate foundOn, String sourceCode, String disputeTypeCode, String summary,
                   Integer peopleCount, BigDecimal amount, RiskLevel risk, boolean criminalRisk,
                   boolean groupRisk,
                   LocalDate verifiedOn, VerificationResult verificationResult, UUID duplicateOfId,
                   String transferredTo,
                   LocalDate acceptedOn, CaseNumber caseNumber, LocalDate dueOn,
                   LocalDate closedOn, Outcome outcome,
                   LocalDate declinedOn, String declinedBy,
                   int version) {

    /** The lead's state at the end of {@code day}: facts dated after it are ignored. */
    public LeadState stateOn(LocalDate day) {
        if (verifiedOn == null || verifiedOn.isAfter(day)) {
            return LeadState.PENDING;
        }
        if (verificationResult != VerificationResult.GENUINE) {
            return LeadState.of(verificationResult);
        }
        if (declinedOn != null && !declinedOn.isAfter(day)) {
            return LeadState.DECLINED;
        }
        if (acceptedOn == null || acceptedOn.isAfter(day)) {
            return LeadState.PENDING;
        }
        if (outcome == null || closedOn == null || closedOn.isAfter(day)) {
            return LeadState.MEDIATING;
        }
        return LeadState.of(outcome);
    }

    public boolean isAccepted() {
        return acceptedOn != null;
    }

    public boolean isDeclined() {
        return declinedOn != null;
    }

    public Lead withDetails(long committeeId, long communityId, Long gridId, String leadNo, LocalDate foundOn,
                            String sourceCode, String disputeTypeCode, String summary, Integer peopleCount,
                            BigDecimal amount, RiskLevel risk, boolean criminalRisk, boolean groupRisk) {
        return new Lead(id, committeeId, communityId, gridId, leadNo, foundOn, sourceCode, disputeTypeCode, summary,
                peopleCount, amount, risk, criminalRisk, groupRisk, verifiedOn, verificationResult, duplicateOfId,
                transferredTo, acceptedOn, caseNumber, dueOn, closedOn, outcome, declinedOn, declinedBy, version);
    }

    public Lead withVerification(LocalDate verifiedOn, VerificationResult result, UUID duplicateOfId,
                                 String transferredTo) {
        return new Lead(id, committeeId, communityId, gridId, leadNo, foundOn, sourceCode, disputeTypeCode, summary,
                peopleCount, amount, risk, criminalRisk, groupRisk, verifiedOn, result, duplicateOfId,
                transferredTo, acceptedOn, caseNumber, dueOn, closedOn, outcome, declinedOn, declinedBy, version);
    }

    public Lead withAcceptance(LocalDate acceptedOn, CaseNumber caseNumber, LocalDate dueOn) {
        return new Lead(id, committeeId, communityId, gridId, leadNo, foundOn, sourceCode, disputeTypeCode, summary,
                peopleCount, amount, risk, criminalRisk, groupRisk, verifiedOn, verificationResult, duplicateOfId,
                transferredTo, acceptedOn, caseNumber, dueOn, closedOn, outcome, declinedOn, declinedBy, version);
    }

    public Lead withOutcome(LocalDate closedOn, Outcome outcome) {
        return new Lead(id, committeeId, communityId, gridId, leadNo, foundOn, sourceCode, disputeTypeCode, summary,
                peopleCount, amount, risk, criminalRisk, groupRisk, verifiedOn, verificationResult, duplicateOfId,
                transferredTo, acceptedOn, caseNumber, dueOn, closedOn, outcome, declinedOn, declinedBy, version);
    }

    public Lead withDecline(LocalDate declinedOn, String declinedBy) {
        return new Lead(id, committeeId, communityId, gridId, leadNo, foundOn, sourceCode, disputeTypeCode, summary,
                peopleCount, amount, risk, criminalRisk, groupRisk, verifiedOn, verificationResult, duplicateOfId,
                transferredTo, acceptedOn, caseNumber, dueOn, closedOn, outcome, declinedOn, declinedBy, version);
    }
}
