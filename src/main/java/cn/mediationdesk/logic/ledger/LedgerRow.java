package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.lifecycle.LeadFacts;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One ledger row read into typed values, with the defaults of DESIGN §8 applied (risk BLUE, a
 * genuine lead accepted on its verification day, a resolved case's agreement written). Optional
 * text left blank is {@code null}. Community and committee are still the names the row used.
 *
 * @param number the row as a spreadsheet numbers it
 */
record LedgerRow(int number, String leadNo, LocalDate foundOn, String sourceCode, String community, String grid,
                 String committee, String disputeTypeCode, String summary, List<LedgerParty> parties,
                 Integer people, BigDecimal amount, RiskLevel risk,
                 LocalDate verifiedOn, VerificationResult verification, LocalDate acceptedOn,
                 Outcome outcome, LocalDate closedOn, AgreementForm agreementForm,
                 String duplicateOf, String transferredTo, LocalDate declinedOn, String declinedBy) {

    LedgerRow {
        parties = List.copyOf(parties);
    }

    LeadFacts facts() {
        return new LeadFacts(foundOn, summary, people, amount, verifiedOn, verification, duplicateOf != null,
                transferredTo, acceptedOn, declinedOn, declinedBy, outcome, closedOn, agreementForm);
    }
}
