package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.model.SignedMonthlyReport;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One committee's report of one month and where it stands.
 *
 * @param signed the signed report, or {@code null}
 */
public record MonthlyStatusRow(long committeeId, String committeeCode, String committeeName, YearMonth month,
                               ReportStatus status, LocalDate dueOn, SignedMonthlyReport signed) {
}
