package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the statistics-table statement, the tally engine's second one: per dispute type, the
 * accepted and resolved cases (with the conditions of {@link TallySql}, so they equal the tally's)
 * and what the statistics table adds about the resolved ones. The period, community and committee
 * filters and each lead's state at the end of the as-of day are {@link TallySql}'s own; agreements
 * belong to resolved cases, and follow-ups and judicial confirmations dated after the as-of day are
 * ignored like every other late fact.
 */
final class StatisticsSql {
    /**
     * The performance the latest follow-up by the as-of day found. Two visits on that same day that
     * disagree count as the less performed one: a print should not claim more than was seen.
     */
    private static final String LATEST_PERFORMANCE = """
            (SELECT f.performance FROM follow_up f
             WHERE f.lead_id = l.id AND f.visited_on <= :asOf
             ORDER BY f.visited_on DESC,
                 CASE f.performance WHEN 'NOT_PERFORMED' THEN 0 WHEN 'PARTLY' THEN 1 ELSE 2 END
             FETCH FIRST 1 ROWS ONLY)""";

    /** The people a case involves: as recorded, else at least its parties. */
    private static final String PERSONS = "COALESCE(l.people_count, (SELECT COUNT(*) FROM party p WHERE p.lead_id = l.id))";

    private static final String RESOLVED = TallySql.condition(TallyColumn.RESOLVED);

    private final String sql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    StatisticsSql(TallyQuery query) {
        parameters.put("asOf", query.asOf());
        String where = TallySql.filters(query, parameters);
        this.sql = """
                SELECT grp,
                    SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS accepted,
                    SUM(CASE WHEN %2$s THEN 1 ELSE 0 END) AS resolved,
                    SUM(CASE WHEN %2$s AND form = 'WRITTEN' THEN 1 ELSE 0 END) AS written,
                    SUM(CASE WHEN %2$s AND form = 'ORAL' THEN 1 ELSE 0 END) AS oral,
                    SUM(CASE WHEN %2$s THEN amount ELSE 0 END) AS amount,
                    SUM(CASE WHEN %2$s AND criminal_risk THEN 1 ELSE 0 END) AS criminal_cases,
                    SUM(CASE WHEN %2$s AND criminal_risk THEN persons ELSE 0 END) AS criminal_persons,
                    SUM(CASE WHEN %2$s AND group_risk THEN 1 ELSE 0 END) AS group_cases,
                    SUM(CASE WHEN %2$s AND group_risk THEN persons ELSE 0 END) AS group_persons,
                    SUM(CASE WHEN %2$s AND performance = 'PERFORMED' THEN 1 ELSE 0 END) AS performed,
                    SUM(CASE WHEN %2$s AND applied_on <= :asOf THEN 1 ELSE 0 END) AS judicial_applied,
                    SUM(CASE WHEN %2$s AND confirmed AND decided_on <= :asOf THEN 1 ELSE 0 END) AS judicial_confirmed
                FROM (
                    SELECT l.dispute_type_code AS grp, %3$s AS st,
                        a.form, COALESCE(a.amount, 0) AS amount, l.criminal_risk, l.group_risk,
                        %4$s AS persons,
                        %5$s AS performance,
                        j.applied_on, j.decided_on, COALESCE(j.result = 'CONFIRMED', FALSE) AS confirmed
                    FROM lead l
                    LEFT JOIN agreement a ON a.lead_id = l.id
                    LEFT JOIN judicial_confirmation j ON j.lead_id = l.id
                    %6$s
                ) t
                GROUP BY grp""".formatted(TallySql.condition(TallyColumn.ACCEPTED), RESOLVED, TallySql.STATE,
                PERSONS, LATEST_PERFORMANCE, where);
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
