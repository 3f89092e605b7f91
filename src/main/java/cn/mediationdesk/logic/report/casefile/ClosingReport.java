package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PreventionKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 结案报告: the mediator's account of how the case was handled and ended, with the case's facts
 * beside it.
 *
 * @param report           the account, empty when not written
 * @param preventions      what the mediation prevented (防止 categories)
 * @param policeReportedOn the day the dispute was reported to the police (Art. 25), or {@code null}
 */
public record ClosingReport(CaseHeader header, List<DocumentParty> parties, String typeZh, String typeEn,
                            LocalDate acceptedOn, LocalDate closedOn, Outcome outcome, List<String> mediators,
                            Set<PreventionKind> preventions, LocalDate policeReportedOn, String policeReportedTo,
                            String report) {
    public ClosingReport {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
        preventions = Set.copyOf(preventions);
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }
}
