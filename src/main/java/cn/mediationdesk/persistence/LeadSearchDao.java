package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadCount;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.store.LeadSearchRepository;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.persistence.LeadSearchSql.WordLookup;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The lead search: one statement counts; for a page, one finds its ids, one reads what the list
 * shows of them, one the parties' names.
 */
final class LeadSearchDao implements LeadSearchRepository {
    /**
     * From this offset on, a page of a filter without words is taken from the end when it is nearer the end
     * (the order read backwards, the page turned round): worth a count of the selected leads.
     */
    static final int REVERSE_FROM = 1_000;

    private final Handle handle;
    private final int common;
    private final int reverseFrom;
    private final Merging merging;

    LeadSearchDao(Handle handle) {
        this(handle, COMMON, REVERSE_FROM);
    }

    /** @param common from how many leads on a pair counts as common (a test lowers it to reach every way) */
    LeadSearchDao(Handle handle, int common) {
        this(handle, common, REVERSE_FROM);
    }

    /** @param reverseFrom from which offset a page near the end is taken from the end (a test lowers it) */
    LeadSearchDao(Handle handle, int common, int reverseFrom) {
        this(handle, common, reverseFrom, Merging.DEFAULT);
    }

    /** @param merging when a word of common pairs is narrowed by merging their ranges (a test varies it to reach every way) */
    LeadSearchDao(Handle handle, int common, Merging merging) {
        this(handle, common, REVERSE_FROM, merging);
    }

    private LeadSearchDao(Handle handle, int common, int reverseFrom, Merging merging) {
        this.handle = handle;
        this.common = common;
        this.reverseFrom = reverseFrom;
        this.merging = merging;
    }

    @Override
    public long count(LeadFilter filter) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::lookup);
        return handle.createQuery(statement.countSql()).bindMap(statement.countParameters()).mapTo(Long.class).one();
    }

    /**
     * A free-text search counts up to {@code cap}: each word either from its rarest pair's keys (each
     * candidate's text checked) or, when those keys are more than {@link #keysWorthCounting}, by checking
     * the text of each selected lead until {@code cap} + 1 are found. A dense word reaches the cap soon (after
     * cap ÷ its share of the leads, whatever their number); a rarer one is found from its keys. Either way the leads counted are the LIKE's.
     */
    @Override
    public LeadCount count(LeadFilter filter, long cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap " + cap + " is negative");
        }
        if (filter.words().isEmpty()) {
            return LeadCount.exactly(count(filter));
        }
        long worthCounting = keysWorthCounting(cap);
        LeadSearchSql statement = new LeadSearchSql(filter, word -> keysToCount(word, worthCounting));
        Map<String, Object> parameters = new LinkedHashMap<>(statement.countParameters());
        parameters.put("upTo", cap + 1);
        long found = handle.createQuery(statement.cappedCountSql()).bindMap(parameters).mapTo(Long.class).one();
        return found > cap ? LeadCount.moreThan(cap) : LeadCount.exactly(found);
    }

    /**
     * Up to how many keys a word's candidates are worth reading for a count capped at {@code cap}. Reading
     * k keys costs about k lookups; checking leads in turn until cap + 1 match costs about
     * (cap + 1) × leads / k reads, if about k leads match. The two are equal at the square root of
     * (cap + 1) × leads: about 22,000 keys at 100,000 leads and 71,000 at a million, for a cap of 5,000.
     */
    private long keysWorthCounting(long cap) {
        long leads = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM lead_text").mapTo(Long.class).one();
        return (long) Math.sqrt((double) (cap + 1) * leads);
    }

    /**
     * How a count reads {@code word}'s candidates ({@link #lookup}, including a common pair's keys when they
     * are no more than {@code worthCounting}); {@link WordLookup.EveryText} to check each lead's text instead.
     */
    private WordLookup keysToCount(String word, long worthCounting) {
        return switch (lookup(word)) {
            case WordLookup.EveryText every -> {
                // A common word: its first pair's (or its character's) keys are all the candidates there are.
                long[] range = word.length() == 1 ? LeadTextIndex.characterRange(word.charAt(0))
                        : LeadTextIndex.pairRange(LeadTextIndex.gram(word.charAt(0), word.charAt(1)));
                yield cappedCount(range, worthCounting) > worthCounting ? every
                        : new WordLookup.KeyRanges(List.of(range));
            }
            case WordLookup.KeyRanges keys ->
                    cappedCount(keys.ranges().getFirst(), worthCounting) > worthCounting ? new WordLookup.EveryText() : keys;
            case WordLookup.InFields inFields -> inFields;
            case WordLookup.Candidates candidates -> candidates;
        };
    }

    @Override
    public List<LeadListRow> page(LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::lookup);
        return rows(filter, pageIds(statement, filter, sort, offset, limit));
    }

    /**
     * The parts of the order from the one the key falls in (by its values, wherever the lead is now): that
     * part's leads after the key, then the next parts' from their start, until the page is full.
     */
    @Override
    public List<LeadListRow> pageAfter(LeadFilter filter, LeadSort sort, LeadKey key, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::lookup);
        return rows(filter, afterKey(parts(statement, sort, false), key, limit));
    }

    /** The same from the other end: the order read backwards after the key, turned round. */
    @Override
    public List<LeadListRow> pageBefore(LeadFilter filter, LeadSort sort, LeadKey key, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::lookup);
        List<UUID> ids = new ArrayList<>(afterKey(parts(statement, sort, true), key, limit));
        Collections.reverse(ids);
        return rows(filter, ids);
    }

    private static List<UUID> afterKey(List<Part> parts, LeadKey key, int limit) {
        int at = 0;
        while (at < parts.size() && !parts.get(at).holds(key)) {
            at++;
        }
        if (at == parts.size()) {
            throw new IllegalArgumentException("no part of the order holds " + key);
        }
        List<UUID> ids = new ArrayList<>(limit == 0 ? List.of() : parts.get(at).after(key, limit));
        for (Part part : parts.subList(at + 1, parts.size())) {
            if (ids.size() >= limit) {
                break;
            }
            ids.addAll(part.page(0, limit - ids.size()));
        }
        return ids;
    }

    /** What the list shows of the leads {@code ids}, in that order. */
    private List<LeadListRow> rows(LeadFilter filter, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = partyNames(ids);
        Map<UUID, LeadListRow> rows = new HashMap<>();
        handle.createQuery(LeadSearchSql.rowsSql()).bindList("ids", ids).bind("asOf", filter.asOf())
                .map((rs, ctx) -> new LeadListRow(rs.getObject("id", UUID.class), rs.getInt("version"),
                        rs.getString("case_number"), rs.getString("lead_no"),
                        rs.getObject("found_on", LocalDate.class), rs.getString("committee_name"),
                        rs.getString("community_name"), rs.getString("type_zh"), rs.getString("type_en"),
                        rs.getString("source_zh"), rs.getString("source_en"),
                        RiskLevel.valueOf(rs.getString("risk_code")), rs.getBoolean("criminal_risk"),
                        rs.getBoolean("group_risk"), LeadState.valueOf(rs.getString("st")),
                        rs.getBoolean("overdue"), rs.getObject("due_shown", LocalDate.class),
                        rs.getString("summary"), names.getOrDefault(rs.getObject("id", UUID.class), ""),
                        new LeadKey(rs.getObject("found_on", LocalDate.class), rs.getObject("id", UUID.class),
                                rs.getObject("case_year", Integer.class), rs.getString("case_number"),
                                rs.getString("lead_no"), rs.getObject("due_shown", LocalDate.class),
                                LeadState.valueOf(rs.getString("st")), rs.getLong("committee_id"),
                                rs.getLong("community_id"), rs.getString("dispute_type_code"),
                                rs.getString("source_code"), RiskLevel.valueOf(rs.getString("risk_code")))))
                .forEach(row -> rows.put(row.id(), row));
        // In the order the page found them.
        return ids.stream().map(rows::get).toList();
    }

    /** Counting a pair's leads stops here: past it, a pair is common and any such pair will do. */
    static final int COMMON = 5_000;
    /** How many indexed leads tell common pairs apart. */
    private static final long SAMPLE = 50_000;
    /**
     * The sample is this many windows of {@code seq} spread over every indexed lead, not the first leads:
     * leads are indexed about in the order found, so the first ones would rank pairs by the oldest years
     * (a case-number fragment's "23" is rare until the year 2023 shows in case numbers and dates).
     */
    private static final int SAMPLE_WINDOWS = 10;
    /** The most further pairs each candidate is looked up in: enough to make a long word's candidates few. */
    private static final int FURTHER_PAIRS = 3;
    /**
     * When a word whose pairs are all common is narrowed by merging their ranges ({@link #merged}).
     *
     * @param keys           merging starts only if the rarest pair has at most this many keys: above it the
     *                       word's pairs are in most leads, and so (nearly always) is the word, which the page
     *                       then finds at once by checking each lead's text in order
     * @param candidates     candidates left after merging beyond which the word is treated as common (each
     *                       lead's text checked); they are one array parameter, and H2's hold at most 65,536
     * @param few            candidates so few that checking their text costs less than narrowing them further
     * @param readsPerLookup keys of a range read in order for the cost of one key looked up: a further pair's
     *                       range is read whole while it has at most this many times the candidates, else each
     *                       candidate is looked up in it
     * @param lookupChunk    candidates looked up in one statement
     */
    record Merging(long keys, int candidates, int few, int readsPerLookup, int lookupChunk) {
        static final Merging DEFAULT = new Merging(300_000, 20_000, 200, 1, 10_000);
    }

    /**
     * How the text index answers {@code word}. From its rarest pair (found by counting each pair's keys up
     * to {@link #COMMON}), then up to {@link #FURTHER_PAIRS} others, rarest first; for one character, the
     * range of every pair starting with it. A word whose pairs are all common (the pieces of a case number:
     * digits, 调字, 第) is narrowed in memory instead ({@link #merged}); one of a single common pair has each
     * lead's text checked. A word holding the separator of the indexed fields is looked for in the fields.
     */
    private WordLookup lookup(String word) {
        if (word.indexOf(LeadTextIndex.SEPARATOR) >= 0) {
            return new WordLookup.InFields();
        }
        if (word.length() == 1) {
            long[] range = LeadTextIndex.characterRange(word.charAt(0));
            return cappedCount(range, common) > common ? new WordLookup.EveryText()
                    : new WordLookup.KeyRanges(List.of(range));
        }
        Map<Long, Long> keys = new LinkedHashMap<>();
        long[] sampleWindows = null;
        for (int i = 0; i + 1 < word.length(); i++) {
            long gram = LeadTextIndex.gram(word.charAt(i), word.charAt(i + 1));
            if (keys.containsKey(gram)) {
                continue;
            }
            long[] range = LeadTextIndex.pairRange(gram);
            long count = cappedCount(range, common);
            if (count > common) {
                // Common pairs all count alike: rank them by their share of a sample of the leads instead.
                if (sampleWindows == null) {
                    sampleWindows = sampleWindows();
                }
                count += estimated(range, sampleWindows);
            }
            keys.put(gram, count);
            if (count == 0) {
                return new WordLookup.KeyRanges(List.of(range));
            }
        }
        List<Long> rarestFirst = keys.keySet().stream().sorted(Comparator.comparing(keys::get)).toList();
        if (keys.get(rarestFirst.getFirst()) > common) {
            // One common pair: the candidates would be most leads; no other pair narrows them.
            return keys.size() == 1 ? new WordLookup.EveryText() : merged(rarestFirst, keys);
        }
        List<long[]> ranges = new ArrayList<>();
        for (long gram : rarestFirst.subList(0, Math.min(rarestFirst.size(), 1 + FURTHER_PAIRS))) {
            ranges.add(LeadTextIndex.pairRange(gram));
        }
        return new WordLookup.KeyRanges(ranges);
    }

    /**
     * The candidates of a word whose pairs are all common, narrowed by reading the pairs' ranges rather than
     * looking each candidate up in them: the {@code seq}s of the rarest pair's range (keys in order, so
     * {@code seq}s ascending), then for each further pair, rarest first, the ones it holds too: its range read
     * in order and merged while that costs less than a lookup per candidate, else the candidates looked up in
     * it in one statement; until the candidates are few. Each step keeps every lead holding the word, so the
     * LIKE on the candidates' text gives exactly the LIKE's leads.
     *
     * @param keys each pair's keys, estimated from the sample for a common pair ({@link #estimated})
     */
    private WordLookup merged(List<Long> rarestFirst, Map<Long, Long> keys) {
        if (keys.get(rarestFirst.getFirst()) > merging.keys()) {
            return new WordLookup.EveryText();
        }
        int[] candidates = inRange(LeadTextIndex.pairRange(rarestFirst.getFirst()), null);
        for (long gram : rarestFirst.subList(1, rarestFirst.size())) {
            if (candidates.length <= merging.few()) {
                break;
            }
            candidates = keys.get(gram) <= (long) candidates.length * merging.readsPerLookup()
                    ? inRange(LeadTextIndex.pairRange(gram), candidates) : lookedUp(gram, candidates);
        }
        return candidates.length > merging.candidates() ? new WordLookup.EveryText()
                : new WordLookup.Candidates(candidates);
    }

    /**
     * The {@code seq}s of the keys in {@code range}, ascending; with {@code among}, only those also in it
     * (ascending too): the range read in key order and merged with it, no key looked up.
     */
    private int[] inRange(long[] range, int[] among) {
        return handle.createQuery("SELECT k FROM lead_gram WHERE k BETWEEN :lo AND :hi ORDER BY k")
                .bind("lo", range[0]).bind("hi", range[1]).setFetchSize(10_000)
                .scanResultSet((results, ctx) -> {
                    IntList found = new IntList();
                    ResultSet keys = results.get();
                    int next = 0;
                    while (keys.next()) {
                        int seq = (int) (keys.getLong(1) - range[0]);
                        if (among == null) {
                            found.add(seq);
                            continue;
                        }
                        while (next < among.length && among[next] < seq) {
                            next++;
                        }
                        if (next == among.length) {
                            break;
                        }
                        if (among[next] == seq) {
                            found.add(seq);
                        }
                    }
                    return found.toArray();
                });
    }

    /**
     * The {@code seq}s of {@code candidates} (ascending) whose leads hold the pair {@code gram}, looked up
     * {@link Merging#lookupChunk} at a time (H2 takes arrays of at most 65,536 elements).
     */
    private int[] lookedUp(long gram, int[] candidates) {
        long first = LeadTextIndex.key(gram, 0);
        IntList found = new IntList();
        for (int from = 0; from < candidates.length; from += merging.lookupChunk()) {
            Long[] wanted = new Long[Math.min(merging.lookupChunk(), candidates.length - from)];
            for (int i = 0; i < wanted.length; i++) {
                wanted[i] = LeadTextIndex.key(gram, candidates[from + i]);
            }
            // A join with the array rather than "k = ANY(:keys)", which H2 checks row by row against the whole array.
            handle.createQuery("SELECT g.k FROM UNNEST(:keys) AS wanted (k) JOIN lead_gram g ON g.k = wanted.k"
                            + " ORDER BY g.k")
                    .bind("keys", wanted).mapTo(Long.class)
                    .forEach(k -> found.add((int) (k - first)));
        }
        return found.toArray();
    }

    /** A growing array of {@code int}s, without boxing a million of them. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * The first {@code seq} of each of the {@link #SAMPLE_WINDOWS} windows of the sample, then their width and
     * the number of {@code seq}s sampled from, so that together they hold about {@link #SAMPLE} leads spread over every one indexed.
     */
    private long[] sampleWindows() {
        long seqs = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM lead_text").mapTo(Long.class).one() + 1;
        long width = Math.max(1, Math.min(SAMPLE, seqs) / SAMPLE_WINDOWS);
        long[] windows = new long[SAMPLE_WINDOWS + 2];
        for (int w = 0; w < SAMPLE_WINDOWS; w++) {
            windows[w] = seqs * w / SAMPLE_WINDOWS;
        }
        windows[SAMPLE_WINDOWS] = width;
        windows[SAMPLE_WINDOWS + 1] = seqs;
        return windows;
    }

    /**
     * About how many keys the pair {@code range} holds: its keys in the sample's windows ({@link #sampleWindows}),
     * scaled from the leads sampled to every one indexed.
     */
    private long estimated(long[] range, long[] windows) {
        long width = windows[SAMPLE_WINDOWS];
        long keys = 0;
        for (int w = 0; w < SAMPLE_WINDOWS; w++) {
            long first = range[0] + windows[w];
            keys += handle.createQuery("SELECT COUNT(*) FROM lead_gram WHERE k BETWEEN :lo AND :hi")
                    .bind("lo", first).bind("hi", first + width - 1).mapTo(Long.class).one();
        }
        return keys * windows[SAMPLE_WINDOWS + 1] / (width * SAMPLE_WINDOWS);
    }

    /** How many keys {@code range} holds, counted up to one past {@code limit}. */
    private long cappedCount(long[] range, long limit) {
        return handle.createQuery("SELECT COUNT(*) FROM (SELECT k FROM lead_gram WHERE k BETWEEN :lo AND :hi"
                        + " FETCH FIRST " + (limit + 1) + " ROWS ONLY) c")
                .bind("lo", range[0]).bind("hi", range[1]).mapTo(Long.class).one();
    }

    /** {@code parameters} and the page's own: {@code offset} leads skipped, at most {@code limit}. */
    private static Map<String, Object> page(Map<String, Object> parameters, long offset, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("o", offset);
        all.put("n", limit);
        return all;
    }

    /**
     * The ids of a page. A page nearer the end than the start (of a filter without words, whose count is
     * exact) is the page at the same distance from the end of the order read backwards, turned round: each
     * part of the order (see {@link #parts}) can be read from either end of its index, so the last page
     * costs what the first does.
     */
    private List<UUID> pageIds(LeadSearchSql statement, LeadFilter filter, LeadSort sort, int offset, int limit) {
        if (offset >= reverseFrom && filter.words().isEmpty()) {
            long total = handle.createQuery(statement.countSql()).bindMap(statement.countParameters())
                    .mapTo(Long.class).one();
            long toTheEnd = total - offset;
            if (toTheEnd < offset) {
                if (toTheEnd <= 0) {
                    return List.of();
                }
                List<UUID> ids = new ArrayList<>(walk(parts(statement, sort, true),
                        Math.max(0, toTheEnd - limit), (int) Math.min(limit, toTheEnd)));
                Collections.reverse(ids);
                return ids;
            }
        }
        if (sort.column() == LeadSort.Column.STATE && offset > 0) {
            // Counting each state alone would read every selected lead once per state; one statement counts them all.
            return idsByState(statement, sort, offset, limit);
        }
        return walk(parts(statement, sort, false), offset, limit);
    }

    /**
     * A run of a sort's order that comes whole before the next: the leads with a value and those without,
     * or one group of a sort by few values. Each reads a page from its own index, forwards or backwards.
     */
    private interface Part {
        List<UUID> page(long offset, int limit);

        long count();

        /** Whether a lead with the key's values belongs to this part (whether it is selected or not). */
        boolean holds(LeadKey key);

        /** At most {@code limit} of the part's leads after the key, which the part {@link #holds}. */
        List<UUID> after(LeadKey key, int limit);

        /** Whether a page past the part's start counts its leads first, a cheap index range, to skip it whole. */
        default boolean countsFirst() {
            return false;
        }
    }

    /**
     * The page of {@code limit} after {@code offset} from the parts in turn: a part the page starts past is
     * skipped by its count (counted first, or once a try found none of its leads); a part cut short ends
     * where its count says, without counting.
     */
    private static List<UUID> walk(List<Part> parts, long offset, int limit) {
        List<UUID> ids = new ArrayList<>();
        long skip = offset;
        for (Part part : parts) {
            if (ids.size() == limit) {
                break;
            }
            if (skip > 0 && part.countsFirst()) {
                long count = part.count();
                if (skip >= count) {
                    skip -= count;
                    continue;
                }
            }
            List<UUID> found = part.page(skip, limit - ids.size());
            ids.addAll(found);
            if (!found.isEmpty()) {
                skip = 0;
            } else if (skip > 0) {
                skip -= Math.min(skip, part.count());
            }
        }
        return ids;
    }

    /** The parts of {@code sort}'s order, in that order, or ({@code reversed}) the other way round, each read backwards. */
    private List<Part> parts(LeadSearchSql statement, LeadSort sort, boolean reversed) {
        List<Part> parts = new ArrayList<>();
        switch (sort.column()) {
            case FOUND_ON -> {
                LeadSort read = reversed ? new LeadSort(LeadSort.Column.FOUND_ON, !sort.ascending()) : sort;
                parts.add(part((o, n) -> ids(statement.pageSql(read), page(statement.pageParameters(read), o, n)),
                        () -> count(statement.countSql(), statement.countParameters()), key -> true,
                        (key, n) -> afterKey(statement.pageAfterKeySql(read), page(statement.pageParameters(read), 0, n),
                                key)));
            }
            case CASE_NUMBER, LEAD_NO -> {
                Predicate<LeadKey> valued = key -> (sort.column() == LeadSort.Column.CASE_NUMBER
                        ? key.caseYear() : key.leadNo()) != null;
                parts.add(part((o, n) -> ids(statement.valuedPageSql(sort, reversed),
                                statement.valuedPageParameters(sort, o, n)),
                        () -> count(statement.valuedCountSql(sort), statement.pageParameters(sort)), valued,
                        (key, n) -> afterKey(statement.valuedPageSql(sort, reversed, true),
                                statement.valuedPageParameters(sort, 0, n), key)));
                parts.add(part((o, n) -> ids(statement.unvaluedPageSql(sort, reversed),
                                page(statement.pageParameters(sort), o, n)),
                        () -> count(statement.unvaluedCountSql(sort), statement.pageParameters(sort)), valued.negate(),
                        (key, n) -> afterKey(statement.unvaluedPageSql(sort, reversed, true),
                                page(statement.pageParameters(sort), 0, n), key)));
            }
            case DUE_ON -> {
                Predicate<LeadKey> showsDue = key -> key.dueOn() != null;
                parts.add(statement.mayShowDueDates()
                        ? part((o, n) -> ids(statement.dueShownPageSql(sort.ascending(), reversed),
                                statement.dueShownPageParameters(o, n)),
                        () -> count(statement.dueShownCountSql(), statement.dueParameters()), showsDue,
                        (key, n) -> afterKey(statement.dueShownPageSql(sort.ascending(), reversed, true),
                                statement.dueShownPageParameters(0, n), key))
                        : emptyPart(showsDue));
                parts.add(statement.mayShowNoDueDate()
                        ? part((o, n) -> ids(statement.noDueShownPageSql(reversed),
                                page(statement.dueParameters(), o, n)),
                        () -> count(statement.noDueShownCountSql(), statement.dueParameters()), showsDue.negate(),
                        (key, n) -> afterKey(statement.noDueShownPageSql(reversed, true),
                                page(statement.dueParameters(), 0, n), key))
                        : emptyPart(showsDue.negate()));
            }
            case STATE -> {
                List<LeadState> states = new ArrayList<>(List.of(LeadState.values()));
                if (!sort.ascending()) {
                    Collections.reverse(states);
                }
                for (LeadState state : states) {
                    // A state the filter rules out stays as an empty part: a key may still fall in it.
                    parts.add(statement.maySelect(state) ? groupPart(statement, sort, state.name(), reversed, false)
                            : emptyPart(key -> key.state() == state));
                }
            }
            case COMMITTEE, COMMUNITY, DISPUTE_TYPE, SOURCE, RISK -> {
                List<Group> groups = new ArrayList<>(handle.createQuery(LeadSearchSql.groupValuesSql(sort))
                        .map((rs, ctx) -> new Group(rs.getObject("k"), order(sort, rs.getObject("o")), 0)).list());
                sortGroups(groups, sort);
                for (Group group : groups) {
                    parts.add(groupPart(statement, sort, group.key(), reversed, true));
                }
            }
        }
        if (reversed) {
            Collections.reverse(parts);
        }
        return parts;
    }

    private Part groupPart(LeadSearchSql statement, LeadSort sort, Object group, boolean reversed, boolean countsFirst) {
        return new Part() {
            @Override
            public List<UUID> page(long offset, int limit) {
                return ids(statement.groupPageSql(sort, reversed, h2()), statement.groupPageParameters(sort, group, offset, limit));
            }

            @Override
            public boolean holds(LeadKey key) {
                return sameGroup(group, groupOf(sort, key));
            }

            @Override
            public List<UUID> after(LeadKey key, int limit) {
                return afterKey(statement.groupPageSql(sort, reversed, h2(), true),
                        statement.groupPageParameters(sort, group, 0, limit), key);
            }

            @Override
            public long count() {
                Map<String, Object> parameters = new LinkedHashMap<>(statement.pageParameters(sort));
                parameters.put("group", group);
                return LeadSearchDao.this.count(statement.groupCountSql(sort), parameters);
            }

            @Override
            public boolean countsFirst() {
                return countsFirst;
            }
        };
    }

    private interface PageReader {
        List<UUID> page(long offset, int limit);
    }

    private interface KeyReader {
        List<UUID> after(LeadKey key, int limit);
    }

    private static Part part(PageReader pages, LongSupplier counter, Predicate<LeadKey> holds, KeyReader after) {
        return new Part() {
            @Override
            public List<UUID> page(long offset, int limit) {
                return pages.page(offset, limit);
            }

            @Override
            public long count() {
                return counter.getAsLong();
            }

            @Override
            public boolean holds(LeadKey key) {
                return holds.test(key);
            }

            @Override
            public List<UUID> after(LeadKey key, int limit) {
                return after.after(key, limit);
            }
        };
    }

    /** A part of the order that the filter leaves empty. */
    private static Part emptyPart(Predicate<LeadKey> holds) {
        return part((o, n) -> List.of(), () -> 0, holds, (key, n) -> List.of());
    }

    /** The ids a statement after the key finds, the key's values bound. */
    private List<UUID> afterKey(String sql, Map<String, Object> parameters, LeadKey key) {
        return ids(sql, LeadSearchSql.keyParameters(parameters, sql, key));
    }

    /** The key's value of a sort by groups, as the group's key is read from its dictionary. */
    private static Object groupOf(LeadSort sort, LeadKey key) {
        return switch (sort.column()) {
            case COMMITTEE -> key.committeeId();
            case COMMUNITY -> key.communityId();
            case DISPUTE_TYPE -> key.disputeTypeCode();
            case SOURCE -> key.sourceCode();
            case RISK -> key.risk().name();
            case STATE -> key.state().name();
            case FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON -> throw new IllegalArgumentException(sort + " is not by groups");
        };
    }

    /** Whether a group's key is the key's value: an id may be read as any kind of number. */
    private static boolean sameGroup(Object group, Object value) {
        if (group instanceof Number a && value instanceof Number b) {
            return a.longValue() == b.longValue();
        }
        return Objects.equals(group, value);
    }

    /** Whether the database is H2, whose planner is told which index a group's page walks. */
    private boolean h2() {
        return !PostgresRoles.isPostgres(handle);
    }

    private long count(String sql, Map<String, Object> parameters) {
        return handle.createQuery(sql).bindMap(parameters).mapTo(Long.class).one();
    }

    private List<UUID> ids(String sql, Map<String, Object> parameters) {
        return handle.createQuery(sql).bindMap(parameters).map((rs, ctx) -> rs.getObject("id", UUID.class)).list();
    }

    /** One value of a sort by groups, with what it sorts by and how many selected leads have it. */
    private record Group(Object key, String order, long count) {
    }

    /** Groups in the sort's order: by what they sort by, either way, then by their key. */
    private static void sortGroups(List<Group> groups, LeadSort sort) {
        Comparator<Group> byOrder = Comparator.comparing(Group::order);
        groups.sort((sort.ascending() ? byOrder : byOrder.reversed()).thenComparing(g -> String.valueOf(g.key())));
    }

    /**
     * A page sorted by state after the first: the states counted in one statement and put in order,
     * skipping whole states before the page, then the leads of each state the page reaches, in the order found.
     */
    private List<UUID> idsByState(LeadSearchSql statement, LeadSort sort, int offset, int limit) {
        Map<String, Object> parameters = statement.pageParameters(sort);
        List<Group> groups = new ArrayList<>(handle.createQuery(statement.stateCountsSql()).bindMap(parameters)
                .map((rs, ctx) -> new Group(rs.getObject("k"), order(sort, rs.getObject("o")), rs.getLong("n")))
                .list());
        sortGroups(groups, sort);
        List<UUID> ids = new ArrayList<>();
        long skip = offset;
        for (Group group : groups) {
            if (ids.size() == limit) {
                break;
            }
            if (skip >= group.count()) {
                skip -= group.count();
                continue;
            }
            ids.addAll(ids(statement.groupPageSql(sort, false, h2()),
                    statement.groupPageParameters(sort, group.key(), skip, limit - ids.size())));
            skip = 0;
        }
        return ids;
    }

    /**
     * What a group sorts by, as text that sorts the same way: a state by its place in the lifecycle,
     * a dictionary entry by its order (both as zero-padded numbers), a committee or community by its code.
     */
    private static String order(LeadSort sort, Object value) {
        if (sort.column() == LeadSort.Column.STATE) {
            return "%010d".formatted(LeadState.valueOf((String) value).ordinal());
        }
        return value instanceof Number number ? "%010d".formatted(number.longValue()) : String.valueOf(value);
    }

    private Map<UUID, String> partyNames(List<UUID> leads) {
        Map<UUID, String> names = new LinkedHashMap<>();
        handle.createQuery(LeadSearchSql.partiesSql()).bindList("ids", leads)
                .map((rs, ctx) -> {
                    UUID lead = rs.getObject("lead_id", UUID.class);
                    String name = rs.getString("name");
                    names.merge(lead, name, (joined, next) -> joined + LeadListRow.NAME_SEPARATOR + next);
                    return lead;
                })
                .list();
        return names;
    }
}
