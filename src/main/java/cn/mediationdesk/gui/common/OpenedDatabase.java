package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.model.User;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The database the window works on, the jurisdiction it serves (e.g. 金宝新区) and who is logged in.
 *
 * @param firstSummary the period and as-of day the Summaries screen should open on, or
 *                     {@code null} for its usual default (this year, as of today)
 * @param user         the user who logged in (or was just created by the first-run wizard); {@code null}
 *                     only in tests of screens that do not care who works on them
 */
public record OpenedDatabase(Store store, String jurisdictionName, SummaryStart firstSummary, User user) {
    public OpenedDatabase {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jurisdictionName, "jurisdictionName");
    }

    public OpenedDatabase(Store store, String jurisdictionName) {
        this(store, jurisdictionName, null, null);
    }

    public OpenedDatabase(Store store, String jurisdictionName, SummaryStart firstSummary) {
        this(store, jurisdictionName, firstSummary, null);
    }

    /** The same database, worked on by {@code user}. */
    public OpenedDatabase withUser(User user) {
        return new OpenedDatabase(store, jurisdictionName, firstSummary, user);
    }

    public Optional<User> userIfAny() {
        return Optional.ofNullable(user);
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
