package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Satisfaction;

import java.time.LocalDate;

/**
 * One 回访记录 to record.
 *
 * @param visitedParty the name of the party visited: one of the lead's parties
 * @param way          how the follow-up was made
 * @param reason       回访事由
 */
public record FollowUpInput(LocalDate visitedOn, String visitedParty, FollowUpWay way, String reason,
                            Performance performance, Satisfaction satisfaction, boolean escalationSigns,
                            String notes) {
}
