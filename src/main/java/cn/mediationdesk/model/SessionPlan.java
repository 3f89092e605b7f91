package cn.mediationdesk.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A mediation session planned for a coming day, which the agenda lists until it is held (then the
 * session is recorded and the plan removed) or called off.
 *
 * @param startsAt the hour and minute it starts, if agreed
 * @param plannedBy the user who planned it
 */
public record SessionPlan(UUID id, UUID leadId, LocalDate plannedOn, LocalTime startsAt, String place, String note,
                          String plannedBy) {
}
