package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.DateRange;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The database the window works on and the jurisdiction it serves (e.g. 金宝新区).
 *
 * @param firstSummary the period and as-of day the Summaries screen should open on, or
 *                     {@code null} for its usual default (this year, as of today)
 */
public record OpenedDatabase(Store store, String jurisdictionName, SummaryStart firstSummary) {
    public OpenedDatabase {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jurisdictionName, "jurisdictionName");
    }

    public OpenedDatabase(Store store, String jurisdictionName) {
        this(store, jurisdictionName, null);
    }

    /** Where the data lives, for the status bar (a path, or a JDBC URL without secrets). */
    public String location() {
        return store.location();
    }

    public Optional<SummaryStart> firstSummaryIfAny() {
        return Optional.ofNullable(firstSummary);
    }

    /** A period (on the day leads were found) and the as-of day to summarize first. */
    public record SummaryStart(DateRange period, LocalDate asOf) {
        public SummaryStart {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(asOf, "asOf");
        }
    }
}
