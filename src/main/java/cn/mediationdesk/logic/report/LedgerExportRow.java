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
 * @param partyNames the parties' names in their order, joined with {@code 、}
 */
public record LedgerExportRow(UUID id, String caseNumber, String leadNo, LocalDate foundOn, LocalDate verifiedOn,
                              LocalDate acceptedOn, LocalDate dueOn, LocalDate closedOn, String committeeName,
                              String communityName, String typeZh, String typeEn, String sourceZh, String sourceEn,
                              RiskLevel risk, boolean criminalRisk, boolean groupRisk, LeadState state,
                              boolean overdue, Outcome outcome, String partyNames) {

    public static final String NAME_SEPARATOR = "、";

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }

    public String sourceLabel(boolean chinese) {
        return chinese ? sourceZh : sourceEn;
    }
}
