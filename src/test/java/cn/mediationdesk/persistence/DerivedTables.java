package cn.mediationdesk.persistence;

import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the tables derived from the lead rows hold (text index, tally facts, kept counts), read back in a
 * comparable form: the tests that keep them in step compare them with a rebuild from scratch.
 */
final class DerivedTables {
    private DerivedTables() {
    }

    /** Each lead's indexed text and pairs, read back from {@code lead_text} and {@code lead_gram}. */
    static Map<UUID, Set<String>> textIndex(Handle h) {
        return h.createQuery("""
                        SELECT t.lead_id, t.indexed, g.k FROM lead_text t
                        LEFT JOIN lead_gram g ON MOD(g.k, %d) = t.seq""".formatted(LeadTextIndex.SEQ_RANGE))
                .reduceRows(new HashMap<UUID, Set<String>>(), (map, row) -> {
                    Set<String> entries = map.computeIfAbsent(row.getColumn("lead_id", UUID.class),
                            id -> new TreeSet<>());
                    entries.add("text " + row.getColumn("indexed", String.class));
                    Long k = row.getColumn("k", Long.class);
                    if (k != null) {
                        entries.add("pair " + k / LeadTextIndex.SEQ_RANGE);
                    }
                    return map;
                });
    }

    /** Every lead's tally facts (migration 17), by lead id. */
    static List<Map<String, Object>> tallyFacts(Handle h) {
        return h.createQuery("SELECT id, extended_on, risk_latest_code, risk_changed_on FROM lead ORDER BY id")
                .mapToMap().list();
    }

    /** Every lead's row of {@code tally_lead}. */
    static List<Map<String, Object>> keptLeads(Handle h) {
        return h.createQuery("SELECT * FROM tally_lead ORDER BY lead_id").mapToMap().list();
    }

    /** Every count of {@code tally_count} but the zeros a change leaves behind. */
    static List<Map<String, Object>> keptCounts(Handle h) {
        return h.createQuery("SELECT * FROM tally_count WHERE leads <> 0 ORDER BY dimension, found_month,"
                + " committee_id, community_id, grp, state").mapToMap().list();
    }

    /** What {@code read} gives after {@code rebuild}, in a transaction rolled back afterwards. */
    static <T> T rebuilt(Database db, java.util.function.Consumer<Handle> rebuild, Function<Handle, T> read) {
        return db.jdbi().inTransaction(h -> {
            rebuild.accept(h);
            T result = read.apply(h);
            h.rollback();
            return result;
        });
    }

    /** What {@code read} gives now. */
    static <T> T now(Database db, Function<Handle, T> read) {
        return db.jdbi().withHandle(read::apply);
    }
}
