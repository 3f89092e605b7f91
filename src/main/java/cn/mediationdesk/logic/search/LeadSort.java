package cn.mediationdesk.logic.search;

import java.util.Objects;

/**
 * The order of a lead list: one of the sortable columns, up or down. Leads that tie (and those
 * without a value, which always come last) follow in the order they were found, newest first, then
 * by id, so that paging never shows a lead twice or skips one.
 */
public record LeadSort(Column column, boolean ascending) {
    /** Newest first: what a ledger opens on. */
    public static final LeadSort DEFAULT = new LeadSort(Column.FOUND_ON, false);

    public LeadSort {
        Objects.requireNonNull(column, "column");
    }

    /** The columns a list can be sorted by; the database sorts, so only these. */
    public enum Column {
        FOUND_ON,
        /** By year, then the case number as issued. */
        CASE_NUMBER,
        LEAD_NO,
        /** By code, the order of the summaries' rows. */
        COMMITTEE,
        /** By code, the order of the summaries' rows. */
        COMMUNITY,
        /** In the dictionary's order. */
        DISPUTE_TYPE,
        /** In the dictionary's order. */
        SOURCE,
        /** Blue (latent) to red (major). */
        RISK,
        /** Along the lifecycle: pending, the final verification results, mediating, then the outcomes. */
        STATE,
        /** The due date in force on the as-of day. */
        DUE_ON
    }
}
