package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadPage;
import cn.mediationdesk.logic.search.LeadSort;

/** The listing half of the ledger, done by the database: filtering, counting, sorting and paging. */
public interface LeadSearchRepository {
    /**
     * The leads {@code filter} selects in {@code sort} order, skipping {@code offset} and returning at
     * most {@code limit}, with the count of every lead it selects.
     */
    LeadPage search(LeadFilter filter, LeadSort sort, int offset, int limit);
}
