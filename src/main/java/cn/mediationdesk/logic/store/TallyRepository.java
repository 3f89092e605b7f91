package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;

import cn.mediationdesk.logic.tally.DateRange;
import java.util.Map;
import java.util.Optional;

/** The counting half of the tally engine, done by the database. */
public interface TallyRepository {
    /**
     * The counts of the leads the query selects, keyed by the code of their group (for
     * {@code MONTH}, {@code YYYY-MM}). Groups without leads are absent.
     */
    Map<String, TallyCounts> countByGroup(TallyQuery query);

    /** The first and last {@code found_on} among the leads the query's filters select, if any. */
    Optional<DateRange> foundOnRange(TallyQuery query);
}
