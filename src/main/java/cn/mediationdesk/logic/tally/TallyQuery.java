package cn.mediationdesk.logic.tally;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to count (DESIGN §5): leads found between {@code from} and {@code to} (inclusive, either
 * open) — or, on the {@link PeriodBasis#ACCEPTED} basis, accepted or declined in that period by the
 * as-of day — each in its state at the end of {@code asOf}, optionally within one community or committee.
 */
public record TallyQuery(Grouping by, LocalDate from, LocalDate to, LocalDate asOf, Long communityId,
                         Long committeeId, PeriodBasis basis) {
    public TallyQuery {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(basis, "basis");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    /** A query of leads by the day they were found, as every summary counts. */
    public TallyQuery(Grouping by, LocalDate from, LocalDate to, LocalDate asOf, Long communityId, Long committeeId) {
        this(by, from, to, asOf, communityId, committeeId, PeriodBasis.FOUND);
    }

    public static TallyQuery of(Grouping by, LocalDate from, LocalDate to, LocalDate asOf) {
        return new TallyQuery(by, from, to, asOf, null, null);
    }

    public TallyQuery withCommittee(Long committee) {
        return new TallyQuery(by, from, to, asOf, communityId, committee, basis);
    }

    public TallyQuery withGrouping(Grouping grouping) {
        return new TallyQuery(grouping, from, to, asOf, communityId, committeeId, basis);
    }

    public TallyQuery withBasis(PeriodBasis periodBasis) {
        return new TallyQuery(by, from, to, asOf, communityId, committeeId, periodBasis);
    }

    /** The same query over another period and as-of day (本年累计, 同比). */
    public TallyQuery withPeriod(LocalDate periodFrom, LocalDate periodTo, LocalDate periodAsOf) {
        return new TallyQuery(by, periodFrom, periodTo, periodAsOf, communityId, committeeId, basis);
    }
}
