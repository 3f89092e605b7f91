package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.PreventionKind;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the statistics-table statement, the tally engine's second one: per dispute type, the
 * accepted and resolved cases (with the conditions of {@link TallySql}, so they equal the tally's)
 * and what the statistics table adds about the resolved ones, and the 防止 categories of the closed
 * ones (from {@code lead_prevention}, recorded as outcomes, never derived from the risk flags). The period, community and committee
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

    /** Closed by the as-of day with any outcome: where a 防止 category, recorded at closing, counts. */
    private static final String CLOSED = "st IN ('RESOLVED', 'FAILED', 'TERMINATED')";

    /** The column alias of a 防止 category's flag ({@code prevented_suicide} …). */
    static String preventedColumn(PreventionKind kind) {
        return "prevented_" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** Per 防止 category, the closed cases and their people: two sums each. */
    private static String preventionSums() {
        return Stream.of(PreventionKind.values()).map(kind -> {
            String flag = preventedColumn(kind);
            return ("SUM(CASE WHEN %1$s AND %2$s THEN 1 ELSE 0 END) AS %2$s_cases,\n"
                    + "    SUM(CASE WHEN %1$s AND %2$s THEN persons ELSE 0 END) AS %2$s_persons").formatted(CLOSED, flag);
        }).collect(Collectors.joining(",\n    "));
    }

    /** Per 防止 category, whether lead {@code l} has it recorded. */
    private static String preventionFlags() {
        return Stream.of(PreventionKind.values()).map(kind -> ("EXISTS (SELECT 1 FROM lead_prevention v WHERE "
                + "v.lead_id = l.id AND v.kind = '%s') AS %s").formatted(kind.name(), preventedColumn(kind)))
                .collect(Collectors.joining(",\n        "));
    }

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
                    %7$s,
                    SUM(CASE WHEN %2$s AND performance = 'PERFORMED' THEN 1 ELSE 0 END) AS performed,
                    SUM(CASE WHEN %2$s AND applied_on <= :asOf THEN 1 ELSE 0 END) AS judicial_applied,
                    SUM(CASE WHEN %2$s AND confirmed AND decided_on <= :asOf THEN 1 ELSE 0 END) AS judicial_confirmed
                FROM (
                    SELECT l.dispute_type_code AS grp, %3$s AS st,
                        a.form, COALESCE(a.amount, 0) AS amount,
                        %4$s AS persons,
                        %8$s,
                        %5$s AS performance,
                        j.applied_on, j.decided_on, COALESCE(j.result = 'CONFIRMED', FALSE) AS confirmed
                    FROM lead l
                    LEFT JOIN agreement a ON a.lead_id = l.id
                    LEFT JOIN judicial_confirmation j ON j.lead_id = l.id
                    %6$s
                ) t
                GROUP BY grp""".formatted(TallySql.condition(TallyColumn.ACCEPTED), RESOLVED, TallySql.STATE,
                PERSONS, LATEST_PERFORMANCE, where, preventionSums(), preventionFlags());
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
