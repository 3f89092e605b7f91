package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The facts of a lead that the rules of DESIGN §4 constrain, whether they arrive from a form, a
 * ledger row or a package. Any may be {@code null} where the lead has not got that far.
 *
 * @param hasDuplicateOf whether the lead a duplicate repeats is named
 * @param declinedOn the day a party refused mediation, instead of an acceptance
 * @param declinedBy who refused
 */
public record LeadFacts(LocalDate foundOn, String summary, Integer peopleCount, BigDecimal amount,
                        LocalDate verifiedOn, VerificationResult verificationResult,
                        boolean hasDuplicateOf, String transferredTo,
                        LocalDate acceptedOn, LocalDate declinedOn, String declinedBy,
                        Outcome outcome, LocalDate closedOn,
                        AgreementForm agreementForm) {
}
