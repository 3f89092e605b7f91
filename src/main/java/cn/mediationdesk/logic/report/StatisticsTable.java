package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.tally.StatisticsResult;
import cn.mediationdesk.logic.tally.TallyResult;

/**
 * The official people's-mediation statistics table (人民调解案件统计表): by dispute type the cases
 * accepted and resolved and the resolution rate ({@code byType}, from the tally), and what became of
 * the resolved ones ({@code figures}, from the tally's statistics statement); the cases by source
 * group (主动 / 申请 / 委托移送). The rows of {@code byType} and {@code bySourceGroup} are in the
 * dictionary's order (婚姻家庭, 邻里 …), as the official table lists them.
 */
public record StatisticsTable(ReportScope scope, TallyResult byType, StatisticsResult figures,
                              TallyResult bySourceGroup) {
}
