package cn.mediationdesk.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's text index: which leads hold which pair of characters in their case number, lead
 * number, summary or a party's name, so that a search for Chinese text (which has no spaces to split
 * words at) reads a few index entries instead of every summary and name.
 *
 * <p>Two tables (migration 16, {@link LeadTextIndexMigration}):
 * <ul>
 *   <li>{@code lead_text}: per lead a small number ({@code seq}) and its searched fields, lower-cased and
 *   joined by {@link #SEPARATOR}. A search checks its words against this text with LIKE, so it gives
 *   exactly the leads a LIKE over the fields themselves gives; and a change rewrites only the pairs that
 *   changed, found by comparing with the text indexed before.</li>
 *   <li>{@code lead_gram}: one BIGINT key per distinct pair and lead, the pair in the high bits and the
 *   lead's {@code seq} in the low 31, so the whole index is one B-tree of numbers (about 8 bytes an
 *   entry) and the leads of a pair are one range of it. A field's last character pairs with 0, so the
 *   leads holding one character are the range of all pairs starting with it.</li>
 * </ul>
 *
 * <p>Kept in step inside the writing transaction: the DAOs that write a lead's searched fields or its
 * parties report the lead to {@link LeadChanges}, which indexes the leads changed together just before
 * the commit.
 */
public final class LeadTextIndex {
    /** Joins a lead's fields in {@code lead_text.indexed}: no pair spans two fields. */
    static final char SEPARATOR = '\u0001';
    /** The low bits of a key hold the lead's {@code seq}. */
    static final long SEQ_RANGE = 1L << 31;
    private static final int CHUNK = 500;
    /** Leads read and indexed together by {@link #rebuild}. */
    private static final int REBUILD_CHUNK = 10_000;
    /** Keys sent to the database in one JDBC batch. */
    private static final int KEY_BATCH = 50_000;

    private LeadTextIndex() {
    }

    /**
     * New leads, just inserted on {@code handle}, from their fields in memory ({@link #fieldsOf} plus the
     * party names): indexed now in bulk ({@link #indexNew}), except those in {@code changingLater}, whose
     * searched fields this transaction is still to change (a case number given last): they are only
     * reported to {@link LeadChanges}, so that they are indexed once, as they are at the commit.
     */
    public static void newLeads(Handle handle, Map<UUID, List<String>> fieldsByLead, Set<UUID> changingLater) {
        Map<UUID, List<String>> now = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<String>> lead : fieldsByLead.entrySet()) {
            if (changingLater.contains(lead.getKey())) {
                LeadChanges.changed(handle, lead.getKey());
            } else {
                now.put(lead.getKey(), lead.getValue());
            }
        }
        indexNew(handle, now);
    }

    /**
     * Brings the index of the leads {@code leadIds} up to date with their rows, in a few statements per
     * {@value #CHUNK} leads: for a bulk load, call this once with the ids loaded (inside its
     * transaction), or {@link #rebuild} after it.
     */
    public static void indexLeads(Handle handle, Collection<UUID> leadIds) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(leadIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            indexChunk(handle, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
    }

    /**
     * Indexes every lead afresh: after a bulk load, to repair the index, or when migration 16 meets the
     * leads of an earlier release. The leads are read {@value #REBUILD_CHUNK} at a time in id order and
     * indexed as new ({@link #indexNew}).
     */
    public static void rebuild(Handle handle) {
        handle.execute("DELETE FROM lead_gram");
        handle.execute("DELETE FROM lead_text");
        UUID after = null;
        while (true) {
            Map<UUID, List<String>> fields = new LinkedHashMap<>();
            Query leads = handle.createQuery(
                    "SELECT id, case_number, lead_no, summary FROM lead" + (after == null ? "" : " WHERE id > :after")
                            + " ORDER BY id FETCH FIRST " + REBUILD_CHUNK + " ROWS ONLY");
            if (after != null) {
                leads.bind("after", after);
            }
            leads.map((rs, ctx) -> fields.put(rs.getObject("id", UUID.class), fieldsOf(
                            rs.getString("case_number"), rs.getString("lead_no"), rs.getString("summary"))))
                    .forEach(ignored -> { });
            if (fields.isEmpty()) {
                return;
            }
            UUID first = fields.keySet().iterator().next();
            after = fields.keySet().stream().reduce((a, b) -> b).orElseThrow();
            // The parties of the chunk are one range of party_lead_idx.
            appendPartyNames(handle.createQuery("SELECT lead_id, name FROM party WHERE lead_id BETWEEN :first AND :last"
                            + " ORDER BY lead_id, position")
                    .bind("first", first).bind("last", after), fields);
            indexNew(handle, fields);
        }
    }

    /**
     * A lead's searched fields in the order the index joins them: case number, lead number, summary,
     * then (added by the caller) its parties' names by position.
     */
    public static List<String> fieldsOf(String caseNumber, String leadNo, String summary) {
        List<String> values = new ArrayList<>(6);
        values.add(caseNumber);
        values.add(leadNo);
        values.add(summary);
        return values;
    }

    /**
     * Indexes leads that have no entry yet, from their fields in memory ({@link #fieldsOf} plus the party
     * names): for a bulk load, which knows what it wrote. The same text and pairs as {@link #indexLeads}
     * gives them, written in bulk: the texts in one batch (their {@code seq} handed back by the
     * database), then the keys in ascending order. Each lead's {@code seq} is above every earlier one,
     * so within each pair the keys are appended after the pair's existing ones, a few places of the
     * B-tree instead of one random place per key.
     */
    public static void indexNew(Handle handle, Map<UUID, List<String>> fieldsByLead) {
        if (fieldsByLead.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(fieldsByLead.size());
        fieldsByLead.values().forEach(values -> texts.add(text(values)));
        Connection connection = handle.getConnection();
        long[] seqs = new long[texts.size()];
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO lead_text (lead_id, indexed) VALUES (?, ?)", new String[] {"seq"})) {
            int row = 0;
            for (Map.Entry<UUID, List<String>> lead : fieldsByLead.entrySet()) {
                insert.setObject(1, lead.getKey());
                insert.setString(2, texts.get(row++));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                int n = 0;
                while (keys.next()) {
                    seqs[n++] = keys.getLong(1);
                }
                if (n != seqs.length) {
                    throw new IllegalStateException("the database handed back " + n + " keys for " + seqs.length
                            + " indexed leads");
                }
            }
        } catch (SQLException e) {
            throw new GeneratedLeadBulkWriter.BulkWriteFailed("indexing leads in bulk", e);
        }
        long[] keys = new long[0];
        int count = 0;
        for (int i = 0; i < seqs.length; i++) {
            for (long gram : grams(texts.get(i))) {
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, Math.max(1024, count * 2));
                }
                keys[count++] = key(gram, seqs[i]);
            }
        }
        Arrays.sort(keys, 0, count);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lead_gram (k) VALUES (?)")) {
            for (int i = 0; i < count; i++) {
                insert.setLong(1, keys[i]);
                insert.addBatch();
                if ((i + 1) % KEY_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new GeneratedLeadBulkWriter.BulkWriteFailed("indexing leads in bulk", e);
        }
    }

    private record Indexed(long seq, String text) {
    }

    private static void indexChunk(Handle handle, List<UUID> ids) {
        Map<UUID, List<String>> fields = new HashMap<>();
        handle.createQuery("SELECT id, case_number, lead_no, summary FROM lead WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    List<String> values = new ArrayList<>(4);
                    values.add(rs.getString("case_number"));
                    values.add(rs.getString("lead_no"));
                    values.add(rs.getString("summary"));
                    fields.put(rs.getObject("id", UUID.class), values);
                    return null;
                }).forEach(ignored -> { });
        appendPartyNames(handle.createQuery("SELECT lead_id, name FROM party WHERE lead_id IN (<ids>)"
                + " ORDER BY lead_id, position").bindList("ids", ids), fields);
        Map<UUID, Indexed> before = indexed(handle, ids);

        PreparedBatch removeText = handle.prepareBatch("DELETE FROM lead_text WHERE lead_id = :id");
        PreparedBatch changeText = handle.prepareBatch("UPDATE lead_text SET indexed = :text WHERE lead_id = :id");
        // Keys are collected and written in key order: into H2's B-tree that is appending within each
        // pair's range instead of jumping across the whole index (the same as indexNew).
        SortedKeys removeKeys = new SortedKeys();
        SortedKeys addKeys = new SortedKeys();
        Map<UUID, List<String>> added = new LinkedHashMap<>();
        for (UUID id : ids) {
            Indexed old = before.get(id);
            List<String> values = fields.get(id);
            String text = values == null ? null : text(values);
            if (old != null && old.text().equals(text)) {
                continue;
            }
            if (old != null) {
                Set<Long> oldGrams = grams(old.text());
                if (text != null) {
                    oldGrams.removeAll(grams(text));
                }
                for (long gram : oldGrams) {
                    removeKeys.add(key(gram, old.seq()));
                }
                if (text == null) {
                    removeText.bind("id", id).add();
                    continue;
                }
                Set<Long> newGrams = grams(text);
                newGrams.removeAll(grams(old.text()));
                for (long gram : newGrams) {
                    addKeys.add(key(gram, old.seq()));
                }
                changeText.bind("id", id).bind("text", text).add();
            } else if (text != null) {
                added.put(id, values);
            }
        }
        removeKeys.write(handle, "DELETE FROM lead_gram WHERE k = :k");
        run(removeText);
        run(changeText);
        addKeys.write(handle, "INSERT INTO lead_gram (k) VALUES (:k)");
        // A lead not indexed yet (one written in bulk whose fields changed before the commit) as a new one:
        // its text and keys in plain JDBC batches, the seq handed back by the insert instead of read again.
        indexNew(handle, added);
    }

    /** Index keys gathered for one statement, run in ascending order. */
    private static final class SortedKeys {
        private long[] keys = new long[1024];
        private int count;

        void add(long key) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
            }
            keys[count++] = key;
        }

        void write(Handle handle, String sql) {
            Arrays.sort(keys, 0, count);
            PreparedBatch batch = handle.prepareBatch(sql);
            for (int i = 0; i < count; i++) {
                batch.bind("k", keys[i]).add();
            }
            run(batch);
        }
    }

    /** Adds the names {@code parties} reads (lead_id, name, in party order) to their leads' fields. */
    private static void appendPartyNames(org.jdbi.v3.core.statement.Query parties, Map<UUID, List<String>> fields) {
        parties.map((rs, ctx) -> {
            List<String> values = fields.get(rs.getObject("lead_id", UUID.class));
            if (values != null) {
                values.add(rs.getString("name"));
            }
            return null;
        }).forEach(ignored -> { });
    }

    private static void run(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private static Map<UUID, Indexed> indexed(Handle handle, List<UUID> ids) {
        Map<UUID, Indexed> rows = new HashMap<>();
        handle.createQuery("SELECT lead_id, seq, indexed FROM lead_text WHERE lead_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> rows.put(rs.getObject("lead_id", UUID.class),
                        new Indexed(rs.getLong("seq"), rs.getString("indexed"))))
                .forEach(ignored -> { });
        return rows;
    }

    /** The searched fields as the index holds them: lower-cased, the empty ones left out, joined. */
    static String text(List<String> fields) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (field == null || field.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(SEPARATOR);
            }
            text.append(field.toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    /** The distinct pairs of {@code text}, each field's last character paired with 0. */
    static Set<Long> grams(String text) {
        Set<Long> grams = new LinkedHashSet<>();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char first = text.charAt(i);
            if (first == SEPARATOR) {
                continue;
            }
            char second = i + 1 < length ? text.charAt(i + 1) : 0;
            grams.add(gram(first, second == SEPARATOR ? 0 : second));
        }
        return grams;
    }

    static long gram(char first, char second) {
        return ((long) first << 16) | second;
    }

    static long key(long gram, long seq) {
        return gram * SEQ_RANGE + seq;
    }

    /** The keys of every lead holding the pair {@code gram}: {@code [first, last]}. */
    static long[] pairRange(long gram) {
        return new long[]{key(gram, 0), key(gram, SEQ_RANGE - 1)};
    }

    /** The keys of every lead holding the character {@code c} anywhere. */
    static long[] characterRange(char c) {
        return new long[]{key(gram(c, (char) 0), 0), key(gram(c, (char) 0xFFFF), SEQ_RANGE - 1)};
    }
}
