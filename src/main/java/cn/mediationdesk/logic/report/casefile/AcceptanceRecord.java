package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解受理登记表: the dispute as registered, how it was verified, the parties' consent and its
 * acceptance. The parties sign it, so it carries no risk level and no 民转刑 or 群体 flags. Labels of
 * the dictionaries are given in both languages; a field not yet reached is {@code null}.
 *
 * @param declinedOn     the day a party refused mediation instead (who refused is left out: a name, and masked
 *                       papers print none)
 * @param consentOn      the day the parties agreed to mediation (人民调解法 Art. 17)
 * @param rightsNoticeOn the day the 当事人权利义务告知书 was given
 * @param mediators      the names of the mediators assigned to the case
 */
public record AcceptanceRecord(CaseHeader header, LocalDate foundOn, String sourceZh, String sourceEn,
                               String typeZh, String typeEn, String communityName, String gridName,
                               Integer peopleCount, BigDecimal amount, List<DocumentParty> parties, String summary,
                               List<VerificationLine> verificationSteps, LocalDate verifiedOn,
                               VerificationResult verificationResult, LocalDate acceptedOn, LocalDate dueOn,
                               LocalDate declinedOn, LocalDate consentOn, ConsentWay consentWay,
                               LocalDate rightsNoticeOn, List<String> mediators) {
    public AcceptanceRecord {
        parties = List.copyOf(parties);
        verificationSteps = List.copyOf(verificationSteps);
        mediators = List.copyOf(mediators);
    }

    /** One step of the verification: when, how, what was found, and by whom (empty when not recorded). */
    public record VerificationLine(LocalDate on, String method, String note, String person) {
    }
}
