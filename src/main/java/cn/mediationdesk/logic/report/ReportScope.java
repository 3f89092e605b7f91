package cn.mediationdesk.logic.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What every printed report states about itself: whose figures, for which period (on the day leads
 * were found, either end open), as of which day, and when it was printed.
 */
public record ReportScope(String jurisdiction, LocalDate from, LocalDate to, LocalDate asOf, LocalDate printedOn) {
    public ReportScope {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(printedOn, "printedOn");
    }
}
