package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;

/**
 * A lead named on a printed page: by its case number (or, before acceptance, its lead number) and
 * its type, never by anything personal.
 *
 * @param caseNumber the case number, when the lead was accepted by the as-of day
 * @param dueOn      the due date in force on the as-of day, for a case in mediation
 */
public record ListedLead(String caseNumber, String leadNo, LocalDate foundOn, String typeZh, String typeEn,
                         RiskLevel risk, LeadState state, LocalDate dueOn, boolean overdue) {

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }
}
