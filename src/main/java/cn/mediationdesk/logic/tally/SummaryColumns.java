package cn.mediationdesk.logic.tally;

import java.util.List;

/**
 * The columns of a summary in the order and with the names of the DESIGN §6 contract, shared by
 * the CSV, JSON and table forms so that they can never disagree.
 */
public final class SummaryColumns {
    /** The count columns, as the CSV header and the JSON keys name them. */
    public static final List<String> COUNTS = List.of("leads", "pending", "unfounded", "duplicate",
            "transferred", "declined", "accepted", "mediating", "resolved", "failed", "terminated", "overdue");
    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String RESOLUTION_RATE = "resolution_rate";
    /** Every column, in contract order. */
    public static final List<String> ALL = all();

    private SummaryColumns() {
    }

    /** The counts of {@code counts} in the order of {@link #COUNTS}. */
    public static long[] values(TallyCounts counts) {
        return new long[] {counts.leads(), counts.pending(), counts.unfounded(), counts.duplicate(),
                counts.transferred(), counts.declined(), counts.accepted(), counts.mediating(), counts.resolved(), counts.failed(),
                counts.terminated(), counts.overdue()};
    }

    /** The resolution rate as the contract writes it ({@code 73.6}), or {@code null} when nothing was accepted. */
    public static String rate(TallyCounts counts) {
        var rate = counts.resolutionRate();
        return rate == null ? null : rate.toPlainString();
    }

    private static List<String> all() {
        var columns = new java.util.ArrayList<String>();
        columns.add(CODE);
        columns.add(NAME);
        columns.addAll(COUNTS);
        columns.add(RESOLUTION_RATE);
        return List.copyOf(columns);
    }
}
