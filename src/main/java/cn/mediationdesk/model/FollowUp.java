package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/** 回访: a visit after the agreement. {@code escalationSigns} flags a dispute that may flare up again. */
public record FollowUp(UUID id, UUID leadId, LocalDate visitedOn, Performance performance,
                       Satisfaction satisfaction, boolean escalationSigns, String notes) {
}
