package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the tally statement of DESIGN §5 from a {@link TallyQuery}. Only fixed fragments chosen by
 * enum are put together here; every value the user gave is a bound parameter.
 *
 * <p>Each lead's state at the end of the as-of day follows from its dates alone: a step dated after
 * that day has not happened yet. The overdue check uses the due date in force that day, i.e. the
 * latest extension agreed by then, else the due date set at acceptance.
 *
 * <p>The state, the due date in force and the condition of each column are written once, here, and
 * the lead search ({@link LeadSearchSql}) uses them too, so that a list of the leads behind a cell
 * holds exactly the leads the cell counts.
 */
final class TallySql {
    static final String STATE = """
            CASE
                WHEN l.verified_on IS NULL OR l.verified_on > :asOf THEN 'PENDING'
                WHEN l.verification_result <> 'GENUINE' THEN l.verification_result
                WHEN l.declined_on IS NOT NULL AND l.declined_on <= :asOf THEN 'DECLINED'
                WHEN l.accepted_on IS NULL OR l.accepted_on > :asOf THEN 'PENDING'
                WHEN l.closed_on IS NULL OR l.closed_on > :asOf THEN 'MEDIATING'
                ELSE l.outcome
            END""";

    /** The due date in force on the as-of day; needs {@link #EXTENSIONS_IN_FORCE} joined as {@code e}. */
    static final String DUE_IN_FORCE = "COALESCE(e.due_on, l.due_on)";

    static final String EXTENSIONS_IN_FORCE = """
            LEFT JOIN (SELECT lead_id, MAX(new_due_on) AS due_on FROM extension
                       WHERE agreed_on <= :asOf GROUP BY lead_id) e ON e.lead_id = l.id""";

    /**
     * {@link #DUE_IN_FORCE} of the lead {@code l} on its own, without the join: for lists, which need
     * it for one page of leads, or to sort by it.
     */
    static final String DUE_IN_FORCE_OF_LEAD = """
            COALESCE((SELECT MAX(x.new_due_on) FROM extension x WHERE x.lead_id = l.id AND x.agreed_on <= :asOf),
                l.due_on)""";

    /**
     * The risk level of lead {@code l} in force at the end of the as-of day: its latest assessment dated
     * on or before it, else (before the first) its first, else (a lead written without any) the lead
     * row's own. Ties on a day go to the one written last, as in {@code LeadFile.riskOn}. Each lookup
     * walks the (lead_id, assessed_on) index.
     */
    static final String RISK_IN_FORCE = """
            COALESCE(
                (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = l.id AND ra.assessed_on <= :asOf
                 ORDER BY ra.assessed_on DESC, ra.recorded_at DESC, ra.id DESC FETCH FIRST 1 ROW ONLY),
                (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = l.id
                 ORDER BY ra.assessed_on, ra.recorded_at, ra.id FETCH FIRST 1 ROW ONLY),
                l.risk_code)""";

    private final String sql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    TallySql(TallyQuery query) {
        parameters.put("asOf", query.asOf());
        String where = filters(query, parameters);
        this.sql = """
                SELECT grp,
                    %s
                FROM (
                    SELECT %s AS grp, %s AS st, %s AS due
                    FROM lead l %s %s
                    %s
                ) t
                GROUP BY grp""".formatted(sums(), groupKey(query), STATE, DUE_IN_FORCE, EXTENSIONS_IN_FORCE,
                join(query.by()), where);
    }

    /**
     * Whether a lead counts in {@code column}, over its state {@code st} and due date in force
     * {@code due} (columns of a derived table that selects {@link #STATE} and {@link #DUE_IN_FORCE}).
     */
    static String condition(TallyColumn column) {
        return condition(column, "st", "due");
    }

    /** Whether a lead counts in {@code column}, over the expressions of its state and its due date in force. */
    static String condition(TallyColumn column, String state, String due) {
        return switch (column) {
            case LEADS -> state + " <> 'DUPLICATE'";
            case PENDING -> state + " = 'PENDING'";
            case UNFOUNDED -> state + " = 'UNFOUNDED'";
            case DUPLICATE -> state + " = 'DUPLICATE'";
            case TRANSFERRED -> state + " = 'TRANSFERRED'";
            case DECLINED -> state + " = 'DECLINED'";
            case ACCEPTED -> state + " IN ('MEDIATING', 'RESOLVED', 'FAILED', 'TERMINATED')";
            case MEDIATING -> state + " = 'MEDIATING'";
            case RESOLVED -> state + " = 'RESOLVED'";
            case FAILED -> state + " = 'FAILED'";
            case TERMINATED -> state + " = 'TERMINATED'";
            case OVERDUE -> state + " = 'MEDIATING' AND " + due + " IS NOT NULL AND " + due + " < :asOf";
        };
    }

    /** One count per column, named as the column in lower case ({@code leads}, {@code pending} …). */
    private static String sums() {
        return Stream.of(TallyColumn.values())
                .map(c -> "SUM(CASE WHEN " + condition(c) + " THEN 1 ELSE 0 END) AS " + c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(",\n    "));
    }

    /** The first and last day of the basis among the leads the filters select (for the month rows). */
    static String rangeSql(TallyQuery query, Map<String, Object> parameters) {
        String day = periodDay(query.basis());
        return "SELECT MIN(" + day + ") AS first_day, MAX(" + day + ") AS last_day FROM lead l"
                + filters(query, parameters);
    }

    /**
     * The day that places lead {@code l} in a period: found, or (for the statistics table) accepted or
     * declined — a lead is never both.
     */
    static String periodDay(PeriodBasis basis) {
        return switch (basis) {
            case FOUND -> "l.found_on";
            case ACCEPTED -> "COALESCE(l.accepted_on, l.declined_on)";
        };
    }

    /** The period, community and committee of {@code query} as a WHERE clause over {@code lead l}. */
    static String filters(TallyQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        String day = periodDay(query.basis());
        if (query.basis() == PeriodBasis.ACCEPTED) {
            // A case accepted after the as-of day was not yet taken up then.
            where.append(" AND ").append(day).append(" <= :asOf");
            parameters.put("asOf", query.asOf());
        }
        if (query.from() != null) {
            where.append(" AND ").append(day).append(" >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND ").append(day).append(" <= :to");
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

    /** The group of lead {@code l}; a month is that of the day the basis counts by. */
    private static String groupKey(TallyQuery query) {
        String day = periodDay(query.basis());
        return switch (query.by()) {
            case COMMUNITY -> "g.code";
            case COMMITTEE -> "g.code";
            case TYPE -> "l.dispute_type_code";
            case SOURCE -> "l.source_code";
            case SOURCE_GROUP -> "g.source_group";
            case RISK -> RISK_IN_FORCE;
            case MONTH -> "EXTRACT(YEAR FROM " + day + ") * 100 + EXTRACT(MONTH FROM " + day + ")";
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
