package cn.mediationdesk.logic.search;

/**
 * How many leads a filter selects, as a screen shows it: exact, or, for a free-text search that
 * selects more than a cap, only that it selects more than {@code count} ({@code capped}). Counting every
 * lead holding a common word means checking most leads' texts; knowing there are more than a few
 * thousand is enough for a clerk, who narrows the search rather than reads them all.
 *
 * @param count  the leads selected; when {@code capped}, the cap they exceed
 * @param capped whether more than {@code count} leads are selected
 */
public record LeadCount(long count, boolean capped) {
    public LeadCount {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
    }

    public static LeadCount exactly(long count) {
        return new LeadCount(count, false);
    }

    public static LeadCount moreThan(long cap) {
        return new LeadCount(cap, true);
    }
}
