package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final String DUE_IN_FORCE_OF_LEAD = dueInForce("l");

    /**
     * The due date in force on the as-of day of the lead row {@code alias}: its {@code due_on} unless an
     * extension was agreed by then ({@code extended_on}, the first one's day, kept by {@link TallyFacts}),
     * so only extended leads look their extensions up.
     */
    static String dueInForce(String alias) {
        return """
                CASE WHEN %1$s.extended_on IS NULL OR %1$s.extended_on > :asOf THEN %1$s.due_on
                     ELSE COALESCE((SELECT MAX(x.new_due_on) FROM extension x WHERE x.lead_id = %1$s.id AND x.agreed_on <= :asOf),
                                   %1$s.due_on) END""".formatted(alias);
    }

    /**
     * The risk level of lead {@code l} in force at the end of the as-of day: its latest assessment dated
     * on or before it, else (before the first) its first, else (a lead written without any) the lead
     * row's own. Ties on a day go to the one written last, as in {@code LeadFile.riskOn}. The lead row's
     * facts ({@link TallyFacts}) answer it for a lead assessed once, or on a day after its latest
     * assessment; only before a reassessment is the history looked up, through its (lead_id, assessed_on)
     * index.
     */
    static final String RISK_IN_FORCE = """
            CASE WHEN l.risk_changed_on IS NULL OR l.risk_changed_on <= :asOf THEN COALESCE(l.risk_latest_code, l.risk_code)
            ELSE COALESCE(
                (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = l.id AND ra.assessed_on <= :asOf
                 ORDER BY ra.assessed_on DESC, ra.recorded_at DESC, ra.id DESC FETCH FIRST 1 ROW ONLY),
                (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = l.id
                 ORDER BY ra.assessed_on, ra.recorded_at, ra.id FETCH FIRST 1 ROW ONLY),
                l.risk_code) END""";

    private final String sql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * @param h2 whether the database is H2, whose planner is told to read the lead index that holds every
     *           column the count needs (it otherwise walks a narrower index and fetches each row)
     */
    TallySql(TallyQuery query, boolean h2) {
        this(query, h2, true);
    }

    /**
     * @param countsKeptAhead whether the counts kept ahead may serve the query; without them every lead is
     *                        judged, which the tests compare them with
     */
    TallySql(TallyQuery query, boolean h2, boolean countsKeptAhead) {
        parameters.put("asOf", query.asOf());
        Months months = countsKeptAhead && query.basis() == PeriodBasis.FOUND
                ? Months.within(query.from(), query.to()) : null;
        String parts = months == null ? judged(query, filters(query, parameters), h2)
                : counted(query, months, h2);
        // The parts count leads per group, state and lateness (a few hundred rows at most); the outer
        // statement turns them into the columns.
        this.sql = """
                SELECT grp,
                    %s
                FROM (
                %s
                ) counted
                GROUP BY grp""".formatted(sums(), parts);
    }

    /**
     * Every lead the filters {@code where} select, judged one by one: one index entry per lead, counted
     * per group, state and lateness, grouping by the select list's names (both databases allow it; a
     * derived table per lead costs H2 several times the reading, and expressions holding parameters
     * never match).
     */
    private String judged(TallyQuery query, String where, boolean h2) {
        if (h2 && !where.contains("found_on >=") && query.basis() == PeriodBasis.FOUND) {
            // Without a range on found_on H2 walks the committee index and fetches every row; a range
            // that holds every lead makes it read the index that holds the tally's columns instead.
            where += " AND l.found_on >= :earliest";
            parameters.put("earliest", LocalDate.of(1, 1, 1));
        }
        return """
                    SELECT %s AS grp, %s AS st, %s AS late, COUNT(*) AS n
                    FROM lead l%s
                    %s
                    GROUP BY grp, st, late""".formatted(groupColumn(query), STATE, LATE,
                h2 ? " USE INDEX (lead_list_idx)" : "", where);
    }

    /**
     * A lead that was not accepted by the as-of day cannot be in mediation (see STATE), so most leads
     * are judged late without the due date in force being worked out.
     */
    private static final String LATE = "CASE WHEN l.accepted_on IS NULL OR l.accepted_on > :asOf THEN 0 WHEN ("
            + STATE + ") = 'MEDIATING' AND " + DUE_IN_FORCE_OF_LEAD + " < :asOf THEN 1 ELSE 0 END";

    /**
     * The period's whole months from the counts kept ahead ({@link KeptCounts}): their counts, less the
     * leads settled after the as-of day, plus those leads judged one by one, with the cases mediating
     * past their due date moved to late; the days of the period outside its whole months are judged one
     * by one.
     */
    private String counted(TallyQuery query, Months months, boolean h2) {
        KeptCounts.Dimension dimension = dimension(query.by());
        String place = placeFilters(query, "l");
        StringBuilder kept = new StringBuilder(" AND c.dimension = '").append(dimension.code).append("'");
        StringBuilder found = new StringBuilder();
        if (months.first() != null) {
            kept.append(" AND c.found_month >= :monthsFrom");
            found.append(" AND t.found_on >= :monthsFrom");
            parameters.put("monthsFrom", months.first());
        }
        if (months.last() != null) {
            kept.append(" AND c.found_month <= :monthsTo");
            found.append(" AND t.found_on <= :monthsTo");
            parameters.put("monthsTo", months.last());
        }
        String counts = groupOfCount(query.by());
        String settled = groupOfSettled(query.by());
        List<String> parts = new ArrayList<>(List.of("""
                    SELECT %1$s AS grp, c.state AS st, 0 AS late, SUM(c.leads) AS n
                    FROM tally_count c WHERE 1 = 1%2$s%3$s
                    GROUP BY %1$s, c.state""".formatted(counts, kept, placeFilters(query, "c")),
                // The leads settled after the as-of day, read once: each is taken out of the counts as
                // they hold it (sign -1) and put back as it stood on the as-of day (sign 1).
                """
                    SELECT CASE WHEN side.sign = 1 THEN %1$s ELSE judged.counted_grp END AS grp,
                        CASE WHEN side.sign = 1 THEN %2$s ELSE judged.counted_state END AS st,
                        CASE WHEN side.sign = 1 THEN %3$s ELSE 0 END AS late,
                        SUM(side.sign) AS n
                    FROM (SELECT t.lead_id, %4$s AS counted_grp, t.state AS counted_state
                          FROM tally_lead t WHERE t.settled_on > :asOf%5$s%6$s) judged
                    JOIN lead l ON l.id = judged.lead_id
                    CROSS JOIN (VALUES (1), (-1)) AS side (sign)
                    GROUP BY grp, st, late""".formatted(groupColumn(query), STATE, LATE, settled, found,
                        placeFilters(query, "t")),
                // a case mediating past its due date moves from the counts' "on time" to "late"
                """
                    SELECT %1$s AS grp, 'MEDIATING' AS st, flag.late AS late, flag.sign * COUNT(*) AS n
                    FROM tally_lead t CROSS JOIN (VALUES (1, 1), (0, -1)) AS flag (late, sign)
                    WHERE t.state = 'MEDIATING' AND t.due_on < :asOf AND t.settled_on <= :asOf%2$s%3$s
                    GROUP BY %1$s, flag.late, flag.sign""".formatted(settled, found, placeFilters(query, "t"))));
        for (int i = 0; i < months.edges().size(); i++) {
            LocalDate[] edge = months.edges().get(i);
            parameters.put("edgeFrom" + i, edge[0]);
            parameters.put("edgeTo" + i, edge[1]);
            parts.add(judged(query, " WHERE l.found_on >= :edgeFrom%1$d AND l.found_on <= :edgeTo%1$d%2$s"
                    .formatted(i, place), h2));
        }
        return String.join("\n    UNION ALL\n", parts);
    }

    /** The community and committee of the query, over the row {@code alias} of a table that holds both. */
    private String placeFilters(TallyQuery query, String alias) {
        return placeFilters(query, alias, parameters);
    }

    private static String placeFilters(TallyQuery query, String alias, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (query.communityId() != null) {
            where.append(" AND ").append(alias).append(".community_id = :communityId");
            parameters.put("communityId", query.communityId());
        }
        if (query.committeeId() != null) {
            where.append(" AND ").append(alias).append(".committee_id = :committeeId");
            parameters.put("committeeId", query.committeeId());
        }
        return where.toString();
    }

    private static KeptCounts.Dimension dimension(Grouping by) {
        return switch (by) {
            case COMMUNITY, COMMITTEE, MONTH -> KeptCounts.Dimension.PLACE;
            case TYPE -> KeptCounts.Dimension.TYPE;
            case SOURCE, SOURCE_GROUP -> KeptCounts.Dimension.SOURCE;
            case RISK -> KeptCounts.Dimension.RISK;
        };
    }

    /** {@link #groupColumn} over a count {@code c} of {@code tally_count}. */
    private static String groupOfCount(Grouping by) {
        return switch (by) {
            case COMMUNITY -> "c.community_id";
            case COMMITTEE -> "c.committee_id";
            case MONTH -> "c.found_month";
            case TYPE, SOURCE, SOURCE_GROUP, RISK -> "c.grp";
        };
    }

    /** {@link #groupColumn} over a settled lead {@code t} of {@code tally_lead}, as it is counted. */
    private static String groupOfSettled(Grouping by) {
        return switch (by) {
            case COMMUNITY -> "t.community_id";
            case COMMITTEE -> "t.committee_id";
            case MONTH -> "t.found_on";
            case TYPE -> "t.dispute_type_code";
            case SOURCE, SOURCE_GROUP -> "t.source_code";
            case RISK -> "t.risk_code";
        };
    }

    /**
     * The whole months of a period on {@code found_on}, from {@code first} (the first day of the first)
     * to {@code last} (the last day of the last; either open when the period is), and the period's days
     * outside them ({@code edges}, each a first and last day).
     */
    record Months(LocalDate first, LocalDate last, List<LocalDate[]> edges) {
        /** The whole months of the period from {@code from} to {@code to}, or null when it holds none. */
        static Months within(LocalDate from, LocalDate to) {
            LocalDate first = from == null || from.getDayOfMonth() == 1 ? from
                    : from.withDayOfMonth(1).plusMonths(1);
            LocalDate last = to == null || to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to
                    : to.withDayOfMonth(1).minusDays(1);
            if (first != null && last != null && first.isAfter(last)) {
                return null;
            }
            List<LocalDate[]> edges = new ArrayList<>();
            if (from != null && from.isBefore(first)) {
                edges.add(new LocalDate[] {from, first.minusDays(1)});
            }
            if (to != null && to.isAfter(last)) {
                edges.add(new LocalDate[] {last.plusDays(1), to});
            }
            return new Months(first, last, List.copyOf(edges));
        }
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

    /**
     * One count per column, named as the column in lower case ({@code leads}, {@code pending} …), over
     * the counted rows' state {@code st}, lateness {@code late} (1 when overdue) and number of leads {@code n}.
     */
    private static String sums() {
        return Stream.of(TallyColumn.values())
                .map(c -> "SUM(CASE WHEN " + (c == TallyColumn.OVERDUE ? "late = 1" : condition(c))
                        + " THEN n ELSE 0 END) AS " + c.name().toLowerCase(Locale.ROOT))
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
        return where.append(placeFilters(query, "l", parameters)).toString();
    }

    /**
     * The column that places lead {@code l} in its group, as stored: an id, a code or a day, turned into
     * the group's code by {@link TallyDao} (no join per lead).
     */
    private static String groupColumn(TallyQuery query) {
        return switch (query.by()) {
            case COMMUNITY -> "l.community_id";
            case COMMITTEE -> "l.committee_id";
            case TYPE -> "l.dispute_type_code";
            case SOURCE, SOURCE_GROUP -> "l.source_code";
            case RISK -> RISK_IN_FORCE;
            case MONTH -> periodDay(query.basis());
        };
    }

    String sql() {
        return sql;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
