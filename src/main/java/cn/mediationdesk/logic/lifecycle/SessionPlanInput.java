package cn.mediationdesk.logic.lifecycle;

import java.time.LocalDate;

/**
 * A mediation session to plan, as entered.
 *
 * @param startsAt the hour it starts as {@code HH:mm}, or blank when not agreed yet
 */
public record SessionPlanInput(LocalDate plannedOn, String startsAt, String place, String note) {
}
