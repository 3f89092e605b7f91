package cn.mediationdesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The tally's counts kept ahead (migration 19, issue 12): a summary over a million leads reads a few
 * thousand counts instead of judging every lead.
 *
 * <p>A lead's state on a day follows from its dates (DESIGN §5, {@link TallySql#STATE}); once the
 * as-of day is on or after the last day recorded for it — found, verified, declined, accepted, closed,
 * its latest reassessment — it is in the state its dates end in, whatever the as-of day, and not
 * overdue unless it is still mediating. Two tables hold that:
 * <ul>
 *   <li>{@code tally_lead}: per lead its found day, committee, community, type, source, the state and
 *   risk level its dates end in, and that last day ({@code settled_on}); null for a lead still
 *   mediating, whose overdue count depends on the as-of day;</li>
 *   <li>{@code tally_count}: the number of leads with a {@code settled_on}, per month found, committee,
 *   community, state and one of: nothing else, type, source, risk level ({@link Dimension}).</li>
 * </ul>
 * A summary then adds the counts of the whole months in its period, takes out the leads settled after
 * its as-of day, judges those and the mediating ones lead by lead, and the days at the period's ends
 * too ({@link TallySql}). Both tables are recomputed from the lead rows for the leads a transaction
 * changed ({@link LeadChanges}), never adjusted by the services, so they hold exactly what the rows say.
 */
public final class KeptCounts {
    /** An as-of day after every day recorded: the state a lead's dates end in. */
    static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
    /** Ids per statement: an IN list of this size stays well inside both databases' limits. */
    private static final int CHUNK = 500;

    /** What a count is kept by besides month, committee, community and state. */
    enum Dimension {
        /** Nothing more: the counts by committee, community and month. */
        PLACE("P", "''"),
        TYPE("T", "%s.dispute_type_code"),
        SOURCE("S", "%s.source_code"),
        RISK("R", "%s.risk_code");

        final String code;
        private final String column;

        Dimension(String code, String column) {
            this.code = code;
            this.column = column;
        }

        /** The value of this dimension in the {@code tally_lead} row {@code alias}. */
        String of(String alias) {
            return column.formatted(alias);
        }
    }

    /**
     * The last day recorded for lead {@code l} that its state or risk level on a day depends on; the
     * dates a lead cannot have without the earlier ones (DESIGN §4) are each taken on their own, so a
     * date left null never hides a later one.
     */
    private static final String LAST_DAY = """
            GREATEST(l.found_on, COALESCE(l.verified_on, l.found_on), COALESCE(l.declined_on, l.found_on),
                     COALESCE(l.accepted_on, l.found_on), COALESCE(l.closed_on, l.found_on),
                     COALESCE(l.risk_changed_on, l.found_on))""";

    /** A lead's {@code tally_lead} row as its lead row says it should be (with {@code :asOf} the end of time). */
    private static final String ROW_OF_LEAD = """
            l.id AS lead_id, l.found_on,
            CASE WHEN (%1$s) = 'MEDIATING' THEN NULL ELSE %2$s END AS settled_on,
            l.committee_id, l.community_id, l.dispute_type_code, l.source_code,
            COALESCE(l.risk_latest_code, l.risk_code) AS risk_code,
            %1$s AS state""".formatted(TallySql.STATE, LAST_DAY);

    /** The {@code tally_lead} row {@code h} as held, each column prefixed {@code h_}. */
    private static final String HELD = "h.found_on AS h_found_on, h.settled_on AS h_settled_on,"
            + " h.committee_id AS h_committee_id, h.community_id AS h_community_id,"
            + " h.dispute_type_code AS h_dispute_type_code, h.source_code AS h_source_code, h.risk_code AS h_risk_code,"
            + " h.state AS h_state";

    private static final String COLUMNS = "lead_id, found_on, settled_on, committee_id, community_id, dispute_type_code,"
            + " source_code, risk_code, state";

    private KeptCounts() {
    }

    /** The statements of migration 19: the two tables and the index that finds the leads settled after a day. */
    static final List<String> SCHEMA = List.of("""
            CREATE TABLE tally_lead (
                lead_id           UUID        NOT NULL PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
                found_on          DATE        NOT NULL,
                settled_on        DATE,
                committee_id      BIGINT      NOT NULL,
                community_id      BIGINT      NOT NULL,
                dispute_type_code VARCHAR(32) NOT NULL,
                source_code       VARCHAR(32) NOT NULL,
                risk_code         VARCHAR(32) NOT NULL,
                state             VARCHAR(32) NOT NULL
            )""",
            // A summary finds the leads still mediating (null) or settled after its as-of day here, with
            // everything it needs to take them out of the counts.
            """
            CREATE INDEX tally_lead_settled_idx ON tally_lead (settled_on, found_on, committee_id, community_id,
                state, dispute_type_code, source_code, risk_code)""",
            """
            CREATE TABLE tally_count (
                dimension    VARCHAR(1)  NOT NULL,
                found_month  DATE        NOT NULL,
                committee_id BIGINT      NOT NULL,
                community_id BIGINT      NOT NULL,
                grp          VARCHAR(32) NOT NULL,
                state        VARCHAR(32) NOT NULL,
                leads        INTEGER     NOT NULL,
                PRIMARY KEY (dimension, found_month, committee_id, community_id, grp, state)
            )""");

    /** Brings both tables up to date with the lead rows of {@code leadIds} (a lead no longer stored drops out). */
    public static void recount(Handle handle, Collection<UUID> leadIds) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(leadIds));
        Map<CountKey, Integer> deltas = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            recountChunk(handle, ids.subList(from, Math.min(ids.size(), from + CHUNK)), deltas);
        }
        apply(handle, deltas);
    }

    /** Both tables afresh from every lead row: migration 19, and a repair. */
    public static void rebuild(Handle handle) {
        handle.execute("DELETE FROM tally_count");
        handle.execute("DELETE FROM tally_lead");
        handle.createUpdate("INSERT INTO tally_lead (" + COLUMNS + ") SELECT " + ROW_OF_LEAD + " FROM lead l")
                .bind("asOf", END_OF_TIME)
                .execute();
        for (Dimension dimension : Dimension.values()) {
            handle.execute("""
                    INSERT INTO tally_count (dimension, found_month, committee_id, community_id, grp, state, leads)
                    SELECT '%1$s', %2$s, t.committee_id, t.community_id, %3$s, t.state, COUNT(*)
                    FROM tally_lead t WHERE t.settled_on IS NOT NULL
                    GROUP BY %2$s, t.committee_id, t.community_id%4$s, t.state"""
                    .formatted(dimension.code, firstOfMonth(handle, "t.found_on"), dimension.of("t"),
                            // PostgreSQL refuses a constant among the grouping terms
                            dimension == Dimension.PLACE ? "" : ", " + dimension.of("t")));
        }
    }

    /** The first day of the month of the date expression {@code day}, in the database's own words. */
    static String firstOfMonth(Handle handle, String day) {
        return PostgresRoles.isPostgres(handle) ? "CAST(DATE_TRUNC('month', " + day + ") AS DATE)"
                : "DATEADD(DAY, 1 - EXTRACT(DAY FROM " + day + "), " + day + ")";
    }

    private static void recountChunk(Handle handle, List<UUID> ids, Map<CountKey, Integer> deltas) {
        // One statement reads what the row says and what the tables hold, so both come from the same
        // committed state: a transaction that did not write the lead finds them equal and writes nothing.
        Map<UUID, Row> wanted = new HashMap<>();
        Map<UUID, Row> held = new HashMap<>();
        handle.createQuery("SELECT " + ROW_OF_LEAD + ", " + HELD + " FROM lead l LEFT JOIN tally_lead h ON h.lead_id = l.id"
                        + " WHERE l.id IN (<ids>)")
                .bind("asOf", END_OF_TIME)
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    UUID id = rs.getObject("lead_id", UUID.class);
                    wanted.put(id, Row.of(rs, ""));
                    if (rs.getObject("h_found_on") != null) {
                        held.put(id, Row.of(rs, "h_"));
                    }
                    return id;
                })
                .list();
        List<UUID> stale = ids.stream().filter(id -> held.containsKey(id) && !held.get(id).equals(wanted.get(id))).toList();
        List<UUID> fresh = ids.stream().filter(id -> wanted.containsKey(id) && !wanted.get(id).equals(held.get(id))).toList();
        if (!stale.isEmpty()) {
            handle.createUpdate("DELETE FROM tally_lead WHERE lead_id IN (<ids>)").bindList("ids", stale).execute();
            stale.forEach(id -> held.get(id).count(deltas, -1));
        }
        if (!fresh.isEmpty()) {
            PreparedBatch insert = handle.prepareBatch("INSERT INTO tally_lead (" + COLUMNS + ") VALUES (:id, :foundOn,"
                    + " :settledOn, :committeeId, :communityId, :type, :source, :risk, :state)");
            for (UUID id : fresh) {
                Row row = wanted.get(id);
                insert.bind("id", id).bind("foundOn", row.foundOn()).bind("settledOn", row.settledOn())
                        .bind("committeeId", row.committeeId()).bind("communityId", row.communityId())
                        .bind("type", row.type()).bind("source", row.source()).bind("risk", row.risk())
                        .bind("state", row.state()).add();
                row.count(deltas, 1);
            }
            insert.execute();
        }
    }

    /** Adds the net changes to the counts: one statement per count that changed. */
    private static void apply(Handle handle, Map<CountKey, Integer> deltas) {
        deltas.values().removeIf(delta -> delta == 0);
        if (deltas.isEmpty()) {
            return;
        }
        // PostgreSQL adds in one statement that cannot race another PC's first count of the same key; H2
        // (one process, or its own server) adds and, for a key not counted before, inserts.
        boolean postgres = PostgresRoles.isPostgres(handle);
        PreparedBatch batch = handle.prepareBatch(postgres ? """
                INSERT INTO tally_count (dimension, found_month, committee_id, community_id, grp, state, leads)
                VALUES (:dimension, :month, :committeeId, :communityId, :grp, :state, :delta)
                ON CONFLICT (dimension, found_month, committee_id, community_id, grp, state)
                DO UPDATE SET leads = tally_count.leads + EXCLUDED.leads""" : """
                MERGE INTO tally_count t
                USING (VALUES (CAST(:dimension AS VARCHAR(1)), CAST(:month AS DATE), CAST(:committeeId AS BIGINT),
                               CAST(:communityId AS BIGINT), CAST(:grp AS VARCHAR(32)), CAST(:state AS VARCHAR(32)),
                               CAST(:delta AS INTEGER)))
                    AS s (dimension, found_month, committee_id, community_id, grp, state, leads)
                ON t.dimension = s.dimension AND t.found_month = s.found_month AND t.committee_id = s.committee_id
                   AND t.community_id = s.community_id AND t.grp = s.grp AND t.state = s.state
                WHEN MATCHED THEN UPDATE SET leads = t.leads + s.leads
                WHEN NOT MATCHED THEN INSERT (dimension, found_month, committee_id, community_id, grp, state, leads)
                    VALUES (s.dimension, s.found_month, s.committee_id, s.community_id, s.grp, s.state, s.leads)""");
        deltas.forEach((key, delta) -> batch.bind("dimension", key.dimension().code).bind("month", key.month())
                .bind("committeeId", key.committeeId()).bind("communityId", key.communityId()).bind("grp", key.grp())
                .bind("state", key.state()).bind("delta", delta).add());
        batch.execute();
    }

    /** A {@code tally_lead} row. */
    private record Row(LocalDate foundOn, LocalDate settledOn, long committeeId, long communityId, String type,
                       String source, String risk, String state) {
        /** The row in the columns named {@code prefix} + the table's column names. */
        static Row of(ResultSet rs, String prefix) throws SQLException {
            return new Row(rs.getObject(prefix + "found_on", LocalDate.class),
                    rs.getObject(prefix + "settled_on", LocalDate.class), rs.getLong(prefix + "committee_id"),
                    rs.getLong(prefix + "community_id"), rs.getString(prefix + "dispute_type_code"),
                    rs.getString(prefix + "source_code"), rs.getString(prefix + "risk_code"),
                    rs.getString(prefix + "state"));
        }

        /** Adds {@code sign} to each count this lead is in; a lead still mediating is in none. */
        void count(Map<CountKey, Integer> deltas, int sign) {
            if (settledOn == null) {
                return;
            }
            LocalDate month = foundOn.withDayOfMonth(1);
            for (Dimension dimension : Dimension.values()) {
                String grp = switch (dimension) {
                    case PLACE -> "";
                    case TYPE -> type;
                    case SOURCE -> source;
                    case RISK -> risk;
                };
                deltas.merge(new CountKey(dimension, month, committeeId, communityId, Objects.requireNonNull(grp), state),
                        sign, Integer::sum);
            }
        }
    }

    private record CountKey(Dimension dimension, LocalDate month, long committeeId, long communityId, String grp,
                            String state) {
    }
}
