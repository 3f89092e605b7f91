package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.tally.TallyResult;

/**
 * Any summary of DESIGN §5 ready to print or export: the tally as it is, and the names of the
 * community and committee it is limited to, if any.
 */
public record SummaryReport(ReportScope scope, TallyResult result, String communityName, String committeeName) {
}
