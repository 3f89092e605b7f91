package cn.mediationdesk.logic.tally;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to count (DESIGN §5): leads found between {@code from} and {@code to} (inclusive, either
 * open), each in its state at the end of {@code asOf}, optionally within one community or committee.
 */
public record TallyQuery(Grouping by, LocalDate from, LocalDate to, LocalDate asOf, Long communityId,
                         Long committeeId) {
    public TallyQuery {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(asOf, "asOf");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    public static TallyQuery of(Grouping by, LocalDate from, LocalDate to, LocalDate asOf) {
        return new TallyQuery(by, from, to, asOf, null, null);
    }

    public TallyQuery withCommittee(Long committee) {
        return new TallyQuery(by, from, to, asOf, communityId, committee);
    }

    public TallyQuery withGrouping(Grouping grouping) {
        return new TallyQuery(grouping, from, to, asOf, communityId, committeeId);
    }
}
