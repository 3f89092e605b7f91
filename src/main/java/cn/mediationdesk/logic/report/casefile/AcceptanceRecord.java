package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解受理登记表: the dispute as registered, how it was verified, and its acceptance. Labels of the
 * dictionaries are given in both languages; a field not yet reached is {@code null}.
 *
 * @param declinedOn the day a party refused mediation instead (who refused is left out: a name, and masked papers
 *                   print none)
 * @param mediators the names of the mediators assigned to the case
 */
public record AcceptanceRecord(CaseHeader header, LocalDate foundOn, String sourceZh, String sourceEn,
                               String typeZh, String typeEn, String communityName, String gridName,
                               Integer peopleCount, BigDecimal amount, RiskLevel risk, boolean criminalRisk,
                               boolean groupRisk, List<DocumentParty> parties, String summary,
                               List<VerificationLine> verificationSteps, LocalDate verifiedOn,
                               VerificationResult verificationResult, LocalDate acceptedOn, LocalDate dueOn,
                               LocalDate declinedOn, List<String> mediators) {
    public AcceptanceRecord {
        parties = List.copyOf(parties);
        verificationSteps = List.copyOf(verificationSteps);
        mediators = List.copyOf(mediators);
    }

    /** One step of the verification: when, how, what was found, and by whom (empty when not recorded). */
    public record VerificationLine(LocalDate on, String method, String note, String person) {
    }
}
