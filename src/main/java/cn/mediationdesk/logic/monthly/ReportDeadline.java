package cn.mediationdesk.logic.monthly;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a committee's monthly report (月报, or its 零报告) is due: signed by its director by the fifth
 * day of the next month, as governance offices commonly ask of 矛盾纠纷排查 reports. A month can be
 * reported once it has ended.
 */
public final class ReportDeadline {
    /** The day of the following month by which the report is due (inclusive). */
    public static final int DUE_DAY = 5;

    private ReportDeadline() {
    }

    public static LocalDate dueOn(YearMonth month) {
        return month.plusMonths(1).atDay(DUE_DAY);
    }

    /** Whether an unsigned report of {@code month} is late on {@code today}. */
    public static boolean lateOn(YearMonth month, LocalDate today) {
        return today.isAfter(dueOn(month));
    }

    /** Whether {@code month} has ended by {@code today}, so that it can be reported. */
    public static boolean reportable(YearMonth month, LocalDate today) {
        return today.isAfter(month.atEndOfMonth());
    }
}
