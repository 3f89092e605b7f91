package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One lead as the ledger export writes it, judged at the end of the as-of day: a step dated after
 * that day has not happened yet, so its date (and the case number it brought) is left empty. It
 * carries the parties' names only, never their ID or phone numbers.
 *
 * @param id         the lead's id, so that a caller can keep only the leads it picked
 * @param caseNumber the case number, when the lead was accepted by the as-of day
 * @param dueOn      the due date in force on the as-of day, for a case accepted by then
 * @param outcome    the outcome, when the case was closed by the as-of day
 * @param partyNames the parties in their order as {@code 姓名(角色)}, joined with {@code ；} (DESIGN §8)
 */
public record LedgerExportRow(UUID id, String caseNumber, String leadNo, LocalDate foundOn, LocalDate verifiedOn,
                              LocalDate acceptedOn, LocalDate dueOn, LocalDate closedOn, String committeeName,
                              String communityName, String typeZh, String typeEn, String sourceZh, String sourceEn,
                              RiskLevel risk, boolean criminalRisk, boolean groupRisk, LeadState state,
                              boolean overdue, Outcome outcome, String partyNames, ImportColumns forImport) {

    /** Between the parties of the 当事人 column, as DESIGN §8 separates them. */
    public static final String NAME_SEPARATOR = "；";

    /** A party as the 当事人 column of DESIGN §8 writes it: {@code 张某(申请人)}. */
    public static String party(String name, cn.mediationdesk.model.PartyRole role) {
        return name + "(" + switch (role) {
            case APPLICANT -> "申请人";
            case RESPONDENT -> "被申请人";
            case OTHER -> "第三人";
        } + ")";
    }

    /**
     * The rest of what an import needs to make the same lead again (DESIGN §8), judged at the as-of
     * day like the rest: the verification only once verified, the agreement's form once resolved.
     *
     * @param duplicateOfLeadNo the lead number of the lead a duplicate repeats
     */
    public record ImportColumns(String summary, String grid, Integer people, java.math.BigDecimal amount,
                                cn.mediationdesk.model.VerificationResult verification,
                                cn.mediationdesk.model.AgreementForm agreementForm, String duplicateOfLeadNo,
                                String transferredTo, LocalDate declinedOn, String declinedBy) {
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }

    public String sourceLabel(boolean chinese) {
        return chinese ? sourceZh : sourceEn;
    }
}
