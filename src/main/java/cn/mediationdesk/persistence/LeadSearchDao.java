package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadCount;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.store.LeadSearchRepository;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lead search: one statement counts; for a page, one finds its ids, one reads what the list
 * shows of them, one the parties' names.
 */
final class LeadSearchDao implements LeadSearchRepository {
    private final Handle handle;
    private final int common;

    LeadSearchDao(Handle handle) {
        this(handle, COMMON);
    }

    /** @param common from how many leads on a pair counts as common (a test lowers it to reach every way) */
    LeadSearchDao(Handle handle, int common) {
        this.handle = handle;
        this.common = common;
    }

    @Override
    public long count(LeadFilter filter) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::rarestKeys);
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
     * The key ranges a count reads {@code word}'s candidates from ({@link #rarestKeys}, including a common
     * pair's when it has no more than {@code worthCounting} keys); empty to check each lead's text instead.
     */
    private List<long[]> keysToCount(String word, long worthCounting) {
        List<long[]> ranges = rarestKeys(word);
        if (ranges == null) {
            return null;
        }
        if (ranges.isEmpty()) {
            // One common pair (or character): its keys are all the candidates there are.
            ranges = List.of(word.length() == 1 ? LeadTextIndex.characterRange(word.charAt(0))
                    : LeadTextIndex.pairRange(LeadTextIndex.gram(word.charAt(0), word.charAt(1))));
        }
        return cappedCount(ranges.getFirst(), worthCounting) > worthCounting ? List.of() : ranges;
    }

    @Override
    public List<LeadListRow> page(LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter, this::rarestKeys);
        List<UUID> ids = sort.column() == LeadSort.Column.STATE && offset == 0 ? firstIdsByState(statement, sort, limit)
                : LeadSearchSql.byGroups(sort) ? idsByGroups(statement, sort, offset, limit)
                : sort.column() == LeadSort.Column.DUE_ON ? idsByDueDate(statement, sort.ascending(), offset, limit)
                : ids(statement.pageSql(sort), page(statement.pageParameters(sort), offset, limit));
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
                        rs.getString("summary"), names.getOrDefault(rs.getObject("id", UUID.class), "")))
                .forEach(row -> rows.put(row.id(), row));
        // In the order the page found them.
        return ids.stream().map(rows::get).toList();
    }

    /** Counting a pair's leads stops here: past it, a pair is common and any such pair will do. */
    private static final int COMMON = 5_000;
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
     * The {@code lead_gram} key ranges a word's candidates are found from: its rarest pair (found by
     * counting each pair's keys up to {@link #COMMON}) first, then up to {@link #FURTHER_PAIRS} others,
     * rarest first; for one character, the range of every pair starting with it. {@code null} for a
     * word the index cannot answer (one holding the separator of the indexed fields).
     */
    private List<long[]> rarestKeys(String word) {
        if (word.indexOf(LeadTextIndex.SEPARATOR) >= 0) {
            return null;
        }
        if (word.length() == 1) {
            long[] range = LeadTextIndex.characterRange(word.charAt(0));
            return cappedCount(range, common) > common ? List.of() : List.of(range);
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        long[] sampleWindows = null;
        for (int i = 0; i + 1 < word.length(); i++) {
            long gram = LeadTextIndex.gram(word.charAt(i), word.charAt(i + 1));
            if (counts.containsKey(gram)) {
                continue;
            }
            long[] range = LeadTextIndex.pairRange(gram);
            long count = cappedCount(range, common);
            if (count > common) {
                // Common pairs all count alike: rank them by their share of a sample of the leads instead.
                if (sampleWindows == null) {
                    sampleWindows = sampleWindows();
                }
                count += sampled(range, sampleWindows);
            }
            counts.put(gram, count);
            if (count == 0) {
                return List.of(range);
            }
        }
        if (counts.size() == 1 && counts.values().iterator().next() > common) {
            // One common pair: the candidates would be most leads; no other pair narrows them.
            return List.of();
        }
        List<Long> rarestFirst = counts.keySet().stream().sorted(Comparator.comparing(counts::get)).toList();
        List<long[]> ranges = new ArrayList<>();
        for (long gram : rarestFirst.subList(0, Math.min(rarestFirst.size(), 1 + FURTHER_PAIRS))) {
            ranges.add(LeadTextIndex.pairRange(gram));
        }
        return ranges;
    }

    /**
     * The first {@code seq} of each of the {@link #SAMPLE_WINDOWS} windows of the sample, and (last) their
     * width, so that together they hold about {@link #SAMPLE} leads spread over every one indexed.
     */
    private long[] sampleWindows() {
        long seqs = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM lead_text").mapTo(Long.class).one() + 1;
        long width = Math.max(1, Math.min(SAMPLE, seqs) / SAMPLE_WINDOWS);
        long[] windows = new long[SAMPLE_WINDOWS + 1];
        for (int w = 0; w < SAMPLE_WINDOWS; w++) {
            windows[w] = seqs * w / SAMPLE_WINDOWS;
        }
        windows[SAMPLE_WINDOWS] = width;
        return windows;
    }

    /** How many keys of the pair {@code range} fall in the sample's windows ({@link #sampleWindows}). */
    private long sampled(long[] range, long[] windows) {
        long width = windows[SAMPLE_WINDOWS];
        long keys = 0;
        for (int w = 0; w < SAMPLE_WINDOWS; w++) {
            long first = range[0] + windows[w];
            keys += handle.createQuery("SELECT COUNT(*) FROM lead_gram WHERE k BETWEEN :lo AND :hi")
                    .bind("lo", first).bind("hi", first + width - 1).mapTo(Long.class).one();
        }
        return keys;
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
     * A page by the due date shown: the leads showing one come first (from the due-date indexes); the
     * leads showing none follow, newest first, and are read only when the page reaches them.
     */
    private List<UUID> idsByDueDate(LeadSearchSql statement, boolean ascending, int offset, int limit) {
        List<UUID> ids = new ArrayList<>();
        long showing = 0;
        if (statement.mayShowDueDates()) {
            ids.addAll(ids(statement.dueShownPageSql(ascending), statement.dueShownPageParameters(offset, limit)));
            if (ids.size() == limit || !statement.mayShowNoDueDate()) {
                return ids;
            }
            // A page cut short holds the last leads showing a due date, so they number offset + its size;
            // an empty one says only that they number no more than the offset.
            showing = !ids.isEmpty() ? offset + ids.size() : handle.createQuery(statement.dueShownCountSql())
                    .bindMap(statement.dueParameters()).mapTo(Long.class).one();
        }
        ids.addAll(ids(statement.noDueShownPageSql(),
                page(statement.dueParameters(), Math.max(0, offset - showing), limit - ids.size())));
        return ids;
    }

    private List<UUID> ids(String sql, Map<String, Object> parameters) {
        return handle.createQuery(sql).bindMap(parameters).map((rs, ctx) -> rs.getObject("id", UUID.class)).list();
    }

    /** One value of a sort by groups, with what it sorts by and how many selected leads have it. */
    private record Group(Object key, String order, long count) {
    }

    /**
     * A page sorted by a column of few values: the groups in order, skipping whole groups before the
     * page, then the leads of each group the page reaches, in the order found.
     */
    private List<UUID> idsByGroups(LeadSearchSql statement, LeadSort sort, int offset, int limit) {
        Map<String, Object> parameters = statement.pageParameters(sort);
        List<Group> groups = new ArrayList<>(handle.createQuery(statement.groupsSql(sort)).bindMap(parameters)
                .map((rs, ctx) -> new Group(rs.getObject("k"), order(sort, rs.getObject("o")), rs.getLong("n")))
                .list());
        Comparator<Group> byOrder = Comparator.comparing(Group::order);
        groups.sort((sort.ascending() ? byOrder : byOrder.reversed())
                .thenComparing(g -> String.valueOf(g.key())));
        List<UUID> ids = new ArrayList<>();
        int skip = offset;
        for (Group group : groups) {
            if (ids.size() == limit) {
                break;
            }
            if (skip >= group.count()) {
                skip -= (int) group.count();
                continue;
            }
            Map<String, Object> ofGroup = page(parameters, skip, limit - ids.size());
            ofGroup.put("group", group.key());
            ids.addAll(ids(statement.groupPageSql(sort), ofGroup));
            skip = 0;
        }
        return ids;
    }

    /**
     * The first page sorted by state: the states are known and ordered by the lifecycle, so the page is
     * taken from the first state on, each in the order found, until it is full, without first counting
     * the leads of every state (which reads every selected lead). A later page counts them, to skip whole
     * states ({@link #idsByGroups}).
     */
    private List<UUID> firstIdsByState(LeadSearchSql statement, LeadSort sort, int limit) {
        List<LeadState> states = new ArrayList<>(List.of(LeadState.values()));
        if (!sort.ascending()) {
            Collections.reverse(states);
        }
        String sql = statement.groupPageSql(sort);
        List<UUID> ids = new ArrayList<>();
        for (LeadState state : states) {
            if (ids.size() == limit) {
                break;
            }
            if (statement.maySelect(state)) {
                Map<String, Object> ofState = page(statement.pageParameters(sort), 0, limit - ids.size());
                ofState.put("group", state.name());
                ids.addAll(ids(sql, ofState));
            }
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
