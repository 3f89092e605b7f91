package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.report.casefile.AcceptanceRecord.VerificationLine;

import java.util.List;

/** 调查记录: the verification steps of the case, each when, how, by whom and what was found. */
public record InvestigationRecord(CaseHeader header, List<VerificationLine> steps, List<DocumentParty> parties) {
    public InvestigationRecord {
        steps = List.copyOf(steps);
        parties = List.copyOf(parties);
    }
}
