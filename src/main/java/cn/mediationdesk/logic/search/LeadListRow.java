package cn.mediationdesk.logic.search;

import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One lead as a list shows it, judged on the filter's as-of day. It carries the parties' names only:
 * a list never shows ID or phone numbers.
 *
 * @param caseNumber the case number as issued, or {@code null} before acceptance
 * @param state      the lead's state at the end of the as-of day
 * @param overdue    in mediation, and the as-of day is after the due date in force
 * @param dueOn      the due date in force on the as-of day (the latest extension agreed by then); {@code null}
 *                   when the lead was not accepted by then
 * @param partyNames the parties' names in their order, joined with {@code 、}; empty when none are recorded
 * @param key        where the row stands in every order, to page on from it ({@link LeadSearchService#pageAfter})
 */
public record LeadListRow(UUID id, int version, String caseNumber, String leadNo, LocalDate foundOn,
                          String committeeName, String communityName, String typeZh, String typeEn,
                          String sourceZh, String sourceEn, RiskLevel risk, boolean criminalRisk, boolean groupRisk,
                          LeadState state, boolean overdue, LocalDate dueOn, String summary, String partyNames,
                          LeadKey key) {

    /** What separates the parties' names. */
    public static final String NAME_SEPARATOR = "、";

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }

    public String sourceLabel(boolean chinese) {
        return chinese ? sourceZh : sourceEn;
    }
}
