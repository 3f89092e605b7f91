package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.model.Community;

import java.util.List;

/**
 * One community's page: its counts (its row of the district summary), its leads by dispute type and
 * by source group (both in the dictionary's order, as printed forms list them), and its overdue cases
 * and 红/橙 leads by case number and type.
 *
 * @param overdue  the cases in mediation past their due date on the as-of day, the longest overdue first
 * @param highRisk the red and orange leads (duplicates aside), red first, each in its state on the as-of day
 */
public record CommunityPage(ReportScope scope, Community community, TallyRow counts, TallyResult byType,
                            TallyResult bySourceGroup, List<ListedLead> overdue, List<ListedLead> highRisk) {
    public CommunityPage {
        overdue = List.copyOf(overdue);
        highRisk = List.copyOf(highRisk);
    }
}
