package cn.mediationdesk.logic.store;

import java.util.List;

/**
 * Stores synthetic leads in bulk, inside the transaction of the {@link Tx} that made it: for the
 * {@code generate} command, whose millions of rows would take hours through the one-row statements
 * of {@link LeadRepository}. The caller has made every row valid; nothing is checked again here
 * beyond the database's own constraints.
 */
public interface GeneratedLeadWriter {
    /** Inserts the leads and all their parts, in order (a duplicate may point at a lead before it). */
    void write(List<GeneratedLead> leads);

    /** The last case number issued, per committee id and year: where generated numbering goes on from. */
    java.util.Map<Long, java.util.Map<Integer, Integer>> caseNumberCounters();

    /** Sets a committee's case-number counter of a year to {@code lastNumber}, making the row if needed. */
    void setCaseNumberCounter(long committeeId, int year, int lastNumber);

    /**
     * The embedded database's page cache in KB, for a bulk load to raise and set back (H2 keeps the
     * setting in the file); empty on PostgreSQL, whose server has its own.
     */
    java.util.OptionalInt pageCacheKb();

    /** Sets the page cache of an embedded database; nothing on PostgreSQL. */
    void setPageCacheKb(int kilobytes);

    /**
     * Drops the plain indexes of the tables a bulk load fills (not those of keys and constraints), after
     * recording in the database how to make each again: a load into nearly empty tables then writes each
     * row once instead of once per index, and {@link #restoreIndexes} builds each index in one pass
     * afterwards. Commits the open transaction (the statements are DDL). Nothing on PostgreSQL.
     *
     * @return how many indexes were set aside
     */
    int setIndexesAside();

    /**
     * Makes again every index recorded as set aside and not present, by the statements recorded from the
     * schema, then forgets the record: after a load, or after a load that died half-way. Commits.
     *
     * @return how many indexes were made
     */
    int restoreIndexes();

    /** Refreshes the planner's statistics after a bulk load, so that queries see the new sizes. */
    void analyze();
}
