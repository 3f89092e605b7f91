package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.VerificationResult;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The corrected verification, acceptance (or decline) and outcome facts of a lead, replacing what was recorded
 * by mistake. A {@code null} step undoes it. The case number, once issued, is kept whatever changes.
 */
public record Correction(LocalDate verifiedOn, VerificationResult verificationResult, UUID duplicateOfId,
                         String transferredTo, LocalDate acceptedOn, LocalDate declinedOn, String declinedBy,
                         Outcome outcome, LocalDate closedOn, AgreementInput agreement, String reason) {
}
