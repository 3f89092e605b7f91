package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.util.Map;

/** The statistics-table half of the tally engine, done by the database. */
public interface StatisticsRepository {
    /**
     * The figures of the leads the query selects (its period, as-of day, community and committee;
     * its grouping is ignored), keyed by dispute-type code. Types without leads are absent.
     */
    Map<String, StatisticsCounts> countByType(TallyQuery query);
}
