package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.tally.TallyResult;

/** The district summary (辖区汇总): the tally by committee and by community, each with its total. */
public record DistrictSummary(ReportScope scope, TallyResult byCommittee, TallyResult byCommunity) {
}
