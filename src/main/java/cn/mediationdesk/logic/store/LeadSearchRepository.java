package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.search.LeadCount;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadPage;
import cn.mediationdesk.logic.search.LeadSort;

import java.util.List;
import java.util.function.Consumer;

/** The listing half of the ledger, done by the database: filtering, counting, sorting and paging. */
public interface LeadSearchRepository {
    /** How many leads {@code filter} selects. */
    long count(LeadFilter filter);

    /**
     * How many leads {@code filter} selects: exactly for a filter without words; for a free-text search,
     * exactly up to {@code cap} and otherwise only that there are more (most leads may hold a common word).
     */
    LeadCount count(LeadFilter filter, long cap);

    /** The leads {@code filter} selects in {@code sort} order, skipping {@code offset}, at most {@code limit}. */
    List<LeadListRow> page(LeadFilter filter, LeadSort sort, int offset, int limit);

    /**
     * At most {@code limit} of the leads {@code filter} selects that come after {@code key} in {@code sort}
     * order: the page offset paging gives after the row the key was taken from, read from the key's values
     * without reading the leads before it.
     */
    List<LeadListRow> pageAfter(LeadFilter filter, LeadSort sort, LeadKey key, int limit);

    /** At most {@code limit} of the selected leads that come just before {@code key}, in {@code sort} order. */
    List<LeadListRow> pageBefore(LeadFilter filter, LeadSort sort, LeadKey key, int limit);

    /**
     * Hands every lead {@code filter} selects to {@code each}, in {@code sort} order, reading {@code pageSize}
     * at a time, each page after the last row of the one before: every page as quick as the first, where
     * pages by offset would read all the leads before each one.
     */
    default void forEach(LeadFilter filter, LeadSort sort, int pageSize, Consumer<LeadListRow> each) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " is not positive");
        }
        List<LeadListRow> rows = page(filter, sort, 0, pageSize);
        while (true) {
            rows.forEach(each);
            if (rows.size() < pageSize) {
                return;
            }
            rows = pageAfter(filter, sort, rows.getLast().key(), pageSize);
        }
    }

    /** One page and the count of every lead {@code filter} selects, in this transaction. */
    default LeadPage search(LeadFilter filter, LeadSort sort, int offset, int limit) {
        long total = count(filter);
        List<LeadListRow> rows = limit == 0 || offset >= total ? List.of() : page(filter, sort, offset, limit);
        return new LeadPage(rows, total);
    }
}
