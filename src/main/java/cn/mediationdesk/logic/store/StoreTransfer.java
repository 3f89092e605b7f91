package cn.mediationdesk.logic.store;

import java.util.Map;

/**
 * Moving a whole database into an empty server database (migrate-to): the table-by-table copy the
 * migration service checks. Rows keep their ids; the target was made by the same migrations.
 */
public interface StoreTransfer {
    /**
     * Copies every table of the source into the target, in one transaction on the target, in
     * dependency order and in batches, then moves the target's identity counters past the copied ids.
     *
     * @return the rows copied, per table
     */
    Map<String, Long> copy();

    /** The rows of every table in the source. */
    Map<String, Long> sourceRows();

    /** The rows of every table in the target. */
    Map<String, Long> targetRows();

    /**
     * Removes everything the target's opening and the copy made there (tables, views, functions and,
     * on PostgreSQL, the login and group roles), leaving the target as empty as it was.
     */
    void undo();
}
