package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the tally statement of DESIGN §5 from a {@link TallyQuery}. Only fixed fragments chosen by
 * enum are put together here; every value the user gave is a bound parameter.
 *
 * <p>Each lead's state at the end of the as-of day follows from its dates alone: a step dated after
 * that day has not happened yet. The overdue check uses the due date in force that day, i.e. the
 * latest extension agreed by then, else the due date set at acceptance.
 */
final class TallySql {
    static final String STATE = """
            CASE
                WHEN l.verified_on IS NULL OR l.verified_on > :asOf THEN 'PENDING'
                WHEN l.verification_result <> 'GENUINE' THEN l.verification_result
                WHEN l.accepted_on IS NULL OR l.accepted_on > :asOf THEN 'PENDING'
                WHEN l.closed_on IS NULL OR l.closed_on > :asOf THEN 'MEDIATING'
                ELSE l.outcome
            END""";

    private static final String DUE_IN_FORCE = "COALESCE(e.due_on, l.due_on)";

    private static final String EXTENSIONS_IN_FORCE = """
            LEFT JOIN (SELECT lead_id, MAX(new_due_on) AS due_on FROM extension
                       WHERE agreed_on <= :asOf GROUP BY lead_id) e ON e.lead_id = l.id""";

    private final String sql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    TallySql(TallyQuery query) {
        parameters.put("asOf", query.asOf());
        String where = filters(query, parameters);
        this.sql = """
                SELECT grp,
                    SUM(CASE WHEN st <> 'DUPLICATE' THEN 1 ELSE 0 END) AS leads,
                    SUM(CASE WHEN st = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                    SUM(CASE WHEN st = 'UNFOUNDED' THEN 1 ELSE 0 END) AS unfounded,
                    SUM(CASE WHEN st = 'DUPLICATE' THEN 1 ELSE 0 END) AS duplicate,
                    SUM(CASE WHEN st = 'TRANSFERRED' THEN 1 ELSE 0 END) AS transferred,
                    SUM(CASE WHEN st IN ('MEDIATING', 'RESOLVED', 'FAILED', 'TERMINATED') THEN 1 ELSE 0 END) AS accepted,
                    SUM(CASE WHEN st = 'MEDIATING' THEN 1 ELSE 0 END) AS mediating,
                    SUM(CASE WHEN st = 'RESOLVED' THEN 1 ELSE 0 END) AS resolved,
                    SUM(CASE WHEN st = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                    SUM(CASE WHEN st = 'TERMINATED' THEN 1 ELSE 0 END) AS terminated,
                    SUM(CASE WHEN st = 'MEDIATING' AND due IS NOT NULL AND due < :asOf THEN 1 ELSE 0 END) AS overdue
                FROM (
                    SELECT %s AS grp, %s AS st, %s AS due
                    FROM lead l %s %s
                    %s
                ) t
                GROUP BY grp""".formatted(groupKey(query.by()), STATE, DUE_IN_FORCE, EXTENSIONS_IN_FORCE,
                join(query.by()), where);
    }

    /** The first and last found_on among the leads the filters select (for the month rows). */
    static String rangeSql(TallyQuery query, Map<String, Object> parameters) {
        return "SELECT MIN(l.found_on) AS first_day, MAX(l.found_on) AS last_day FROM lead l"
                + filters(query, parameters);
    }

    private static String filters(TallyQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.from() != null) {
            where.append(" AND l.found_on >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND l.found_on <= :to");
            parameters.put("to", query.to());
        }
        if (query.communityId() != null) {
            where.append(" AND l.community_id = :communityId");
            parameters.put("communityId", query.communityId());
        }
        if (query.committeeId() != null) {
            where.append(" AND l.committee_id = :committeeId");
            parameters.put("committeeId", query.committeeId());
        }
        return where.toString();
    }

    private static String groupKey(Grouping by) {
        return switch (by) {
            case COMMUNITY -> "g.code";
            case COMMITTEE -> "g.code";
            case TYPE -> "l.dispute_type_code";
            case SOURCE -> "l.source_code";
            case SOURCE_GROUP -> "g.source_group";
            case RISK -> "l.risk_code";
            case MONTH -> "EXTRACT(YEAR FROM l.found_on) * 100 + EXTRACT(MONTH FROM l.found_on)";
        };
    }

    private static String join(Grouping by) {
        return switch (by) {
            case COMMUNITY -> "JOIN community g ON g.id = l.community_id";
            case COMMITTEE -> "JOIN committee g ON g.id = l.committee_id";
            case SOURCE_GROUP -> "JOIN lead_source g ON g.code = l.source_code";
            case TYPE, SOURCE, RISK, MONTH -> "";
        };
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
