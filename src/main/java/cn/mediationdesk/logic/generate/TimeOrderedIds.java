package cn.mediationdesk.logic.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Identifiers for generated rows, laid out like version-7 UUIDs: the high bits count up with the
 * lead's ordinal (and the part's number within it), the low bits come from the seeded random. A
 * table's new rows then always land at the end of its primary-key index instead of on a random page,
 * which is where a bulk insert spends its time (docs/notes: 25 s against 19–20 s for an import); and
 * the same seed gives the same identifiers.
 */
final class TimeOrderedIds {
    /** Room for this many rows of one lead (the lead itself is 0), across all its tables. */
    static final int PARTS_PER_LEAD = 64;
    /** 2024-01-01T00:00:00Z in milliseconds: the ids read as moments of a plausible recent time. */
    private static final long BASE = 1_704_067_200_000L;

    private final SplittableRandom random;

    TimeOrderedIds(SplittableRandom random) {
        this.random = random;
    }

    /** The id of part {@code part} (0 for the lead) of the lead numbered {@code ordinal} in the database. */
    UUID of(long ordinal, int part) {
        if (part < 0 || part >= PARTS_PER_LEAD) {
            throw new IllegalArgumentException("part " + part + " of a lead");
        }
        long moment = BASE + ordinal * PARTS_PER_LEAD + part;
        long high = (moment << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
