package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.JudicialResult;

import java.time.LocalDate;

/**
 * 司法确认材料: the parties' application to a court to confirm the agreement (法释〔2011〕5号) and how
 * the court ended it; a field not yet known is {@code null}.
 */
public record JudicialDocument(CaseHeader header, LocalDate agreedOn, LocalDate appliedOn, String court,
                               String courtCaseNumber, JudicialResult result, LocalDate decidedOn) {
}
