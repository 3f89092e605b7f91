package cn.mediationdesk.logic.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dated facts the agenda is computed from: one statement per kind, each bounded by committee
 * ({@code committeeId} {@code null} for every committee) and by the dates it may fall due on.
 */
public interface AgendaRepository {
    /** A lead and the day something of it falls due. */
    record LeadDue(UUID leadId, long committeeId, String caseNumber, String leadNo, String summary, LocalDate dueOn) {
    }

    /** A lead at a risk level ({@code riskCode}) with its latest assessment day as {@code lead.dueOn()}. */
    record RiskDue(LeadDue lead, String riskCode) {
    }

    /** A signed monthly report: committee and month ({@code YYYY-MM}). */
    record ReportedMonth(long committeeId, String month) {
    }

    /** Planned sessions of cases still in mediation, on or before {@code until}, not recorded as held that day. */
    List<LeadDue> sessionPlans(Long committeeId, LocalDate until);

    /** Cases in mediation (as stored today) whose due date in force on {@code today} is on or before {@code until}. */
    List<LeadDue> timeLimits(Long committeeId, LocalDate today, LocalDate until);

    /** Resolved cases whose agreement's performance deadline is on or before {@code until}, with no follow-up finding it performed. */
    List<LeadDue> performanceDeadlines(Long committeeId, LocalDate until);

    /** Resolved cases closed on or before {@code closedUntil} with no follow-up visit since closing; due = the closing day. */
    List<LeadDue> unvisitedClosings(Long committeeId, LocalDate closedUntil);

    /**
     * Resolved cases with a written agreement, closed from {@code closedFrom} to {@code closedUntil}, for which no
     * judicial confirmation was applied; due = the closing day.
     */
    List<LeadDue> judicialWindows(Long committeeId, LocalDate closedFrom, LocalDate closedUntil);

    /**
     * Leads not yet final (pending or in mediation) at a risk level that needs reviewing, whose latest assessment
     * is on or before the day given for their level (keyed by the level's code); due = that latest assessment day.
     */
    List<RiskDue> riskReviews(Long committeeId, Map<String, LocalDate> assessedUntilByLevel);

    /** The monthly reports signed for months from {@code fromMonth} on ({@code YYYY-MM}). */
    List<ReportedMonth> reportedMonths(Long committeeId, String fromMonth);
}
