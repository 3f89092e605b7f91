package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 回访: a visit after the agreement. {@code escalationSigns} flags a dispute that may flare up again.
 *
 * @param visitedParty the party visited (their name)
 * @param way          how (上门, 电话 …); {@code null} when not recorded
 * @param reason       回访事由
 */
public record FollowUp(UUID id, UUID leadId, LocalDate visitedOn, Performance performance,
                       Satisfaction satisfaction, boolean escalationSigns, String notes, String visitedParty,
                       FollowUpWay way, String reason) {
}
