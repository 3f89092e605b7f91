package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.search.RiskFlag;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the statements of the lead search from a {@link LeadFilter} and a {@link LeadSort}. Only
 * fixed fragments chosen by enum (or by the number of words searched for) are put together here;
 * every value, the searched words included, is a bound parameter.
 *
 * <p>The period, community and committee, the state at the end of the as-of day, the due date in
 * force and the condition of each tally column come from {@link TallySql}, so a search by a tally
 * cell selects exactly the leads that cell counts.
 *
 * <p>A page is found in two steps so that it stays quick at a million leads: first the ids of the
 * page, from the lead table alone (joined only to what the sort needs), which lets the database walk
 * an index in order and stop after the page; then the columns shown, for those ids only. A page next to
 * a row shown is found from that row's {@link LeadKey}: each statement of a part can start its index walk
 * at the key instead of skipping leads by offset.
 */
final class LeadSearchSql {
    /** The escape character of the LIKE patterns; one that needs no escaping in SQL or Java itself. */
    static final char ESCAPE = '!';

    private static final String STATE = "(" + TallySql.STATE + ")";
    private static final String DUE = "(" + TallySql.DUE_IN_FORCE_OF_LEAD + ")";
    /** The due date a list shows and sorts by: none before the lead was accepted, as of the day. */
    private static final String DUE_SHOWN = "CASE WHEN " + TallySql.condition(TallyColumn.ACCEPTED, STATE, DUE)
            + " THEN " + DUE + " END";

    /** The values of the filters; the as-of day is added only where a statement uses it. */
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final LocalDate asOf;
    private final boolean judgesState;
    private final TallyColumn column;
    private final String where;

    /** {@code AND column IN (:name0, :name1, …)}; nothing for no values (any value). */
    private void inList(StringBuilder sql, String column, String name, List<?> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(':').append(name).append(i);
            parameters.put(name + i, values.get(i));
        }
        sql.append(")");
    }

    /** A search without the text index: every word is looked for with LIKE in the fields themselves. */
    LeadSearchSql(LeadFilter filter) {
        this(filter, word -> new WordLookup.InFields());
    }

    /** How the text index ({@link LeadTextIndex}) answers one word of a search. */
    sealed interface WordLookup {
        /** The index cannot answer (the word holds the separator of the indexed fields): LIKE on the fields. */
        record InFields() implements WordLookup {
        }

        /** A word so common that each lead's indexed text is checked as the page walks in order. */
        record EveryText() implements WordLookup {
        }

        /**
         * Candidates read from key ranges: the first holds them (the leads with the word's rarest pair, or
         * with its one character), each further one another pair of the word that a candidate must hold too.
         */
        record KeyRanges(List<long[]> ranges) implements WordLookup {
        }

        /**
         * Candidates already narrowed in memory to the {@code seq}s (ascending) of the leads holding the
         * pairs merged: every lead holding the word is among them.
         */
        record Candidates(int[] seqs) implements WordLookup {
        }
    }

    /** @param lookups how the text index answers each word of the filter */
    LeadSearchSql(LeadFilter filter, java.util.function.Function<String, WordLookup> lookups) {
        this.asOf = filter.asOf();
        this.judgesState = filter.column() != null || !filter.risks().isEmpty();
        this.column = filter.column();
        TallyQuery period = new TallyQuery(Grouping.COMMUNITY, filter.from(), filter.to(), filter.asOf(),
                filter.communityId(), filter.committeeId());
        StringBuilder sql = new StringBuilder(TallySql.filters(period, parameters));
        if (filter.disputeTypeCode() != null) {
            sql.append(" AND l.dispute_type_code = :type");
            parameters.put("type", filter.disputeTypeCode());
        }
        inList(sql, "l.dispute_type_code", "types", filter.disputeTypeCodes().stream().sorted().toList());
        inList(sql, "l.community_id", "communities", filter.communityIds().stream().sorted().toList());
        if (filter.sourceCode() != null) {
            sql.append(" AND l.source_code = :source");
            parameters.put("source", filter.sourceCode());
        }
        if (filter.sourceGroupCode() != null) {
            sql.append(" AND l.source_code IN (SELECT code FROM lead_source WHERE source_group = :sourceGroup)");
            parameters.put("sourceGroup", filter.sourceGroupCode());
        }
        // The level in force on the as-of day, as the tally's risk rows count it (today: the lead row's).
        inList(sql, "(" + TallySql.RISK_IN_FORCE + ")", "risk",
                filter.risks().stream().sorted().map(RiskLevel::name).toList());
        if (filter.month() != null) {
            sql.append(" AND l.found_on >= :monthFirst AND l.found_on <= :monthLast");
            parameters.put("monthFirst", filter.month().atDay(1));
            parameters.put("monthLast", filter.month().atEndOfMonth());
        }
        if (!filter.flags().isEmpty()) {
            sql.append(filter.flags().stream().sorted().map(LeadSearchSql::flagColumn)
                    .map(c -> c + " = TRUE").collect(Collectors.joining(" OR ", " AND (", ")")));
        }
        List<String> words = filter.words();
        for (int i = 0; i < words.size(); i++) {
            String p = ":word" + i;
            parameters.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
            WordLookup lookup = lookups.apply(words.get(i));
            if (lookup instanceof WordLookup.EveryText) {
                // A common word: most leads hold it, so the page found in order checks each lead's indexed text.
                sql.append(" AND EXISTS (SELECT 1 FROM lead_text t WHERE t.lead_id = l.id AND t.indexed LIKE ")
                        .append(p).append(escapeClause()).append(")");
                continue;
            }
            if (lookup instanceof WordLookup.KeyRanges(List<long[]> ranges)) {
                sql.append(" AND l.id IN (SELECT t.lead_id FROM lead_text t WHERE t.seq IN (")
                        .append(candidates(i, ranges)).append(") AND t.indexed LIKE ").append(p)
                        .append(escapeClause()).append(")");
                continue;
            }
            if (lookup instanceof WordLookup.Candidates(int[] seqs)) {
                // The candidates as one array parameter (a statement of the same text whatever their number), joined:
                // H2 would check "seq = ANY(:seqs)" against the whole array for each lead_text row it reads.
                sql.append(" AND l.id IN (SELECT t.lead_id FROM UNNEST(:seqs").append(i).append(") AS candidate")
                        .append(i).append(" (seq) JOIN lead_text t ON t.seq = candidate").append(i)
                        .append(".seq WHERE t.indexed LIKE ").append(p).append(escapeClause()).append(")");
                parameters.put("seqs" + i, java.util.Arrays.stream(seqs).boxed().toArray(Integer[]::new));
                continue;
            }
            sql.append(" AND (LOWER(l.case_number) LIKE ").append(p).append(escapeClause())
                    .append(" OR LOWER(l.lead_no) LIKE ").append(p).append(escapeClause())
                    .append(" OR LOWER(l.summary) LIKE ").append(p).append(escapeClause())
                    .append(" OR EXISTS (SELECT 1 FROM party p WHERE p.lead_id = l.id AND LOWER(p.name) LIKE ")
                    .append(p).append(escapeClause()).append("))");
        }
        if (filter.column() != null) {
            sql.append(" AND (").append(TallySql.condition(filter.column(), STATE, DUE)).append(")");
        }
        this.where = sql.toString();
    }

    /**
     * The {@code seq} of the leads holding the pairs {@code ranges} (or the one character): the first
     * range read, each key then looked up in the further pairs' ranges at the same {@code seq}. Every
     * bound is a number computed from the word, bound as a parameter.
     */
    private String candidates(int word, List<long[]> ranges) {
        String lo = "lo" + word + "_";
        String hi = "hi" + word + "_";
        StringBuilder sql = new StringBuilder("SELECT CAST(MOD(g.k, ").append(LeadTextIndex.SEQ_RANGE)
                .append(") AS INTEGER) FROM lead_gram g WHERE g.k BETWEEN :").append(lo).append("0 AND :")
                .append(hi).append("0");
        parameters.put(lo + "0", ranges.getFirst()[0]);
        parameters.put(hi + "0", ranges.getFirst()[1]);
        for (int r = 1; r < ranges.size(); r++) {
            sql.append(" AND EXISTS (SELECT 1 FROM lead_gram h WHERE h.k = g.k - :").append(lo).append("0 + :")
                    .append(lo).append(r).append(")");
            parameters.put(lo + r, ranges.get(r)[0]);
        }
        return sql.toString();
    }

    private static String flagColumn(RiskFlag flag) {
        return switch (flag) {
            case CRIMINAL_RISK -> "l.criminal_risk";
            case GROUP_RISK -> "l.group_risk";
        };
    }

    private static String escapeClause() {
        return " ESCAPE '" + ESCAPE + "'";
    }

    /** {@code word} as a literal inside a LIKE pattern: its own % and _ match only themselves. */
    static String escapeLike(String word) {
        StringBuilder escaped = new StringBuilder(word.length() + 4);
        for (char c : word.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** How many leads the filter selects. */
    String countSql() {
        return "SELECT COUNT(*) FROM lead l" + where;
    }

    /** How many leads the filter selects, counted up to {@code :upTo} (a statement that stops there). */
    String cappedCountSql() {
        return "SELECT COUNT(*) FROM (SELECT l.id FROM lead l" + where + " FETCH FIRST :upTo ROWS ONLY) c";
    }

    /** The values {@link #countSql()} binds: a count of every state needs no as-of day. */
    Map<String, Object> countParameters() {
        return judgesState ? withAsOf() : parameters;
    }

    /**
     * Whether {@code sort} is by a column of few values (a state, a committee, a dictionary entry).
     * Sorting a million leads by such a value takes the database seconds; counting the leads of
     * each value and then paging through one value at a time in the order found takes a fraction.
     */
    static boolean byGroups(LeadSort sort) {
        return switch (sort.column()) {
            case STATE, COMMITTEE, COMMUNITY, DISPUTE_TYPE, SOURCE, RISK -> true;
            case FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON -> false;
        };
    }

    /**
     * The ids of one page of the selected leads in {@code sort} order (a sort not {@link #byGroups}):
     * {@code :o} leads skipped, at most {@code :n} returned. The ledger pages by the day found with it. By
     * the due date, case number or lead number it sorts every selected lead; pages come instead from
     * {@link #dueShownPageSql}, {@link #valuedPageSql} and the statements of the leads without a value,
     * which give the same leads in the same order (a property test checks it against this statement).
     */
    String pageSql(LeadSort sort) {
        return "SELECT l.id FROM lead l" + where + "\nORDER BY " + orderBy(sort)
                + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
    }

    /** By the day found: the page after the key ({@link #keyParameters}) in {@code sort} order. */
    String pageAfterKeySql(LeadSort sort) {
        if (sort.column() != LeadSort.Column.FOUND_ON) {
            throw new IllegalArgumentException(sort + " is read in parts");
        }
        return "SELECT l.id FROM lead l" + where
                + after(new Term("l.found_on", "kFound", sort.ascending()), new Term("l.id", "kId", sort.ascending()))
                + "\nORDER BY " + orderBy(sort) + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
    }

    /**
     * One column of an order, the key's value of it bound as {@code :parameter}, walked up or down.
     */
    private record Term(String column, String parameter, boolean up) {
    }

    /**
     * The leads after the key in the order {@code terms}, written out so that both H2 and PostgreSQL start the
     * index walk at the key: the first column at or beyond the key's value (an index range), then beyond the
     * key in the whole order (the first column beyond it, or equal and the rest beyond). A row-value
     * comparison would say it shorter but cannot mix directions, and H2 does not read an index range from it.
     */
    private static String after(Term... terms) {
        Term first = terms[0];
        return " AND " + first.column() + (first.up() ? " >= :" : " <= :") + first.parameter() + " AND "
                + beyond(terms, 0);
    }

    private static String beyond(Term[] terms, int at) {
        Term term = terms[at];
        String strictly = term.column() + (term.up() ? " > :" : " < :") + term.parameter();
        if (at == terms.length - 1) {
            return strictly;
        }
        return "(" + strictly + " OR " + term.column() + " = :" + term.parameter() + " AND " + beyond(terms, at + 1)
                + ")";
    }

    /** The ties of a part after its value: newest found first (oldest {@code reversed}), then by id the same way. */
    private static Term[] afterTies(String found, String id, boolean reversed, Term... before) {
        Term[] terms = java.util.Arrays.copyOf(before, before.length + 2);
        terms[before.length] = new Term(found, "kFound", reversed);
        terms[before.length + 1] = new Term(id, "kId", reversed);
        return terms;
    }

    /**
     * {@code parameters} with the key's values that {@code sql} names ({@code :kFound}, {@code :kId},
     * {@code :kYear}, {@code :kCase}, {@code :kLeadNo}, {@code :kDue}), each statement naming only those its
     * order needs.
     */
    static Map<String, Object> keyParameters(Map<String, Object> parameters, String sql, LeadKey key) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kFound", key.foundOn());
        values.put("kId", key.id());
        values.put("kYear", key.caseYear());
        values.put("kCase", key.caseNumber());
        values.put("kLeadNo", key.leadNo());
        values.put("kDue", key.dueOn());
        values.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                all.put(name, value);
            }
        });
        return all;
    }

    /**
     * Whether any lead the filter selects can show a due date, i.e. be accepted on the as-of day: not
     * when the filter asks for a column of leads not (or never) accepted.
     */
    boolean mayShowDueDates() {
        return Stream.of(LeadState.values()).filter(LeadState::isAccepted).anyMatch(this::maySelect);
    }

    /** Whether any lead the filter selects can show no due date: not when it asks for overdue cases, which have one. */
    boolean mayShowNoDueDate() {
        return column != TallyColumn.OVERDUE;
    }

    /** Whether the filter can select a lead in {@code state} on the as-of day (its column may rule it out). */
    boolean maySelect(LeadState state) {
        return column == null || column.includes(state, false) || column.includes(state, true);
    }

    /**
     * The page of the selected leads that show a due date ({@link #DUE_SHOWN}), in its order ({@link #orderBy})
     * ({@code :o} skipped, at most {@code :n}), merged from two parts that each come in due-date order from an
     * index and stop after {@code :upTo} (= {@code :o + :n}) leads, instead of working the due date out for
     * every lead and sorting them all:
     * <ol>
     *   <li>leads accepted by the as-of day and not extended by then: their {@code due_on}, from
     *   {@code lead_due_sort_idx};</li>
     *   <li>leads extended by then (few): the latest due date agreed by then, from
     *   {@code extension_due_sort_idx}, one extension per lead (the one that sets it).</li>
     * </ol>
     * These are exactly the leads showing a due date, each with the one shown, as long as {@code extended_on}
     * is the first extension's day ({@link TallyFacts}; the tally relies on it too). Each part is cut by the due
     * date alone, with its ties, so that one index serves either direction; the outer order breaks the ties.
     * With {@code reversed}, that order read backwards: the due date the other way, its ties oldest found
     * first, then by id up (what a page near the end is taken from).
     */
    String dueShownPageSql(boolean ascending, boolean reversed) {
        return dueShownPageSql(ascending, reversed, false);
    }

    /**
     * As {@link #dueShownPageSql(boolean, boolean)}, or with {@code afterKey} the page after the key
     * ({@link #keyParameters}): each part starts its walk at the key's due date.
     */
    String dueShownPageSql(boolean ascending, boolean reversed, boolean afterKey) {
        boolean up = ascending != reversed;
        String direction = up ? " ASC" : " DESC";
        String ties = reversed ? " ASC" : " DESC";
        String accepted = TallySql.condition(TallyColumn.ACCEPTED, STATE, DUE);
        String neverExtendedAfter = afterKey
                ? after(afterTies("l.found_on", "l.id", reversed, new Term("l.due_on", "kDue", up))) : "";
        String extendedAfter = afterKey
                ? after(afterTies("l.found_on", "l.id", reversed, new Term("ext.new_due_on", "kDue", up))) : "";
        // ">= :earliestDue" rather than IS NOT NULL: H2 starts the index walk there instead of at the nulls.
        return """
                SELECT id FROM (
                    SELECT * FROM (
                        SELECT l.id, l.due_on AS due, l.found_on FROM lead l%1$s
                        AND l.due_on >= :earliestDue AND (l.extended_on IS NULL OR l.extended_on > :asOf) AND %2$s%5$s
                        ORDER BY l.due_on%3$s FETCH FIRST :upTo ROWS WITH TIES) never_extended
                    UNION ALL
                    SELECT * FROM (
                        SELECT l.id, ext.new_due_on AS due, l.found_on FROM extension ext JOIN lead l ON l.id = ext.lead_id%1$s
                        AND ext.agreed_on <= :asOf AND l.extended_on <= :asOf AND %2$s%6$s
                        AND NOT EXISTS (SELECT 1 FROM extension later WHERE later.lead_id = ext.lead_id
                            AND later.agreed_on <= :asOf AND (later.new_due_on > ext.new_due_on
                                OR later.new_due_on = ext.new_due_on AND later.id > ext.id))
                        ORDER BY ext.new_due_on%3$s FETCH FIRST :upTo ROWS WITH TIES) extended_by_then
                ) merged
                ORDER BY due%3$s, found_on%4$s, id%4$s
                OFFSET :o ROWS FETCH NEXT :n ROWS ONLY""".formatted(where, accepted, direction, ties,
                neverExtendedAfter, extendedAfter);
    }

    /** How many selected leads show a due date: where the leads showing none begin, for a page past them. */
    String dueShownCountSql() {
        return "SELECT COUNT(*) FROM lead l" + where + " AND (" + DUE_SHOWN + ") IS NOT NULL";
    }

    /**
     * The page of the selected leads showing no due date: they come last, newest first ({@link #orderBy}),
     * or with {@code reversed} oldest first, then by id up.
     */
    String noDueShownPageSql(boolean reversed) {
        return noDueShownPageSql(reversed, false);
    }

    /** As {@link #noDueShownPageSql(boolean)}, or with {@code afterKey} the page after the key. */
    String noDueShownPageSql(boolean reversed, boolean afterKey) {
        return "SELECT l.id FROM lead l" + where + " AND (" + DUE_SHOWN + ") IS NULL"
                + (afterKey ? after(afterTies("l.found_on", "l.id", reversed)) : "") + "\nORDER BY "
                + tieBreak(reversed) + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
    }

    /** How many selected leads show no due date. */
    String noDueShownCountSql() {
        return "SELECT COUNT(*) FROM lead l" + where + " AND (" + DUE_SHOWN + ") IS NULL";
    }

    /**
     * For the sort by case number or by lead number: whether the sort has the fast path. Both sort their
     * leads with a value by that value (in the database's collation), then the leads without one.
     */
    static boolean byValue(LeadSort sort) {
        return sort.column() == LeadSort.Column.CASE_NUMBER || sort.column() == LeadSort.Column.LEAD_NO;
    }

    /**
     * The page of the selected leads that have a case number (or a lead number), in {@link #orderBy}'s order,
     * or with {@code reversed} that order read backwards: the first {@code :upTo} (= {@code :o + :n}) with
     * their ties in the value's order come from the value's index (either direction), then the ties are
     * broken by the day found and the id. A case number is its year and text together (migration 20
     * checks it), so {@code case_year} set means the whole number is.
     */
    String valuedPageSql(LeadSort sort, boolean reversed) {
        return valuedPageSql(sort, reversed, false);
    }

    /**
     * As {@link #valuedPageSql(LeadSort, boolean)}, or with {@code afterKey} the page after the key: the
     * value's index walked from the key's value (a case number's year first).
     */
    String valuedPageSql(LeadSort sort, boolean reversed, boolean afterKey) {
        boolean up = sort.ascending() != reversed;
        String ties = reversed ? " ASC" : " DESC";
        // The index's own null order in the walk's direction (no null is read: the first condition skips them).
        String walk = up ? " ASC NULLS LAST" : " DESC NULLS FIRST";
        String plain = up ? " ASC" : " DESC";
        return switch (sort.column()) {
            case CASE_NUMBER -> afterKey ? caseNumbersAfterKeySql(up, reversed) : """
                    SELECT id FROM (
                        SELECT l.id, l.case_year AS k1, l.case_number AS k2, l.found_on FROM lead l%1$s
                        AND l.case_year >= :lowestYear AND l.case_year <= :highestYear
                        ORDER BY l.case_year%2$s, l.case_number%2$s FETCH FIRST :upTo ROWS WITH TIES) valued
                    ORDER BY k1%3$s, k2%3$s, found_on%4$s, id%4$s
                    OFFSET :o ROWS FETCH NEXT :n ROWS ONLY""".formatted(where, walk, plain, ties);
            case LEAD_NO -> """
                    SELECT id FROM (
                        SELECT l.id, l.lead_no AS k1, l.found_on FROM lead l%1$s
                        AND l.lead_no >= :lowestText%4$s
                        ORDER BY l.lead_no%2$s FETCH FIRST :upTo ROWS WITH TIES) valued
                    ORDER BY k1%2$s, found_on%3$s, id%3$s
                    OFFSET :o ROWS FETCH NEXT :n ROWS ONLY""".formatted(where, plain, ties, afterKey
                    ? after(afterTies("l.found_on", "l.id", reversed, new Term("l.lead_no", "kLeadNo", up))) : "");
            default -> throw new IllegalArgumentException(sort + " is not by a value");
        };
    }

    /**
     * The leads with a case number after the key, in two parts merged: the rest of the key's year from its
     * number on, then the years beyond it. Each is one range of {@code lead_case_sort_idx}; a single
     * condition "year at or beyond" would walk the key's year from its first number to the key.
     */
    private String caseNumbersAfterKeySql(boolean up, boolean reversed) {
        String ties = reversed ? " ASC" : " DESC";
        String walk = up ? " ASC NULLS LAST" : " DESC NULLS FIRST";
        String plain = up ? " ASC" : " DESC";
        return """
                SELECT id FROM (
                    SELECT * FROM (
                        SELECT l.id, l.case_year AS k1, l.case_number AS k2, l.found_on FROM lead l%1$s
                        AND l.case_year = :kYear%5$s
                        ORDER BY l.case_year%2$s, l.case_number%2$s FETCH FIRST :upTo ROWS WITH TIES) same_year
                    UNION ALL
                    SELECT * FROM (
                        SELECT l.id, l.case_year AS k1, l.case_number AS k2, l.found_on FROM lead l%1$s
                        AND l.case_year %6$s :kYear AND l.case_year >= :lowestYear AND l.case_year <= :highestYear
                        ORDER BY l.case_year%2$s, l.case_number%2$s FETCH FIRST :upTo ROWS WITH TIES) years_beyond
                ) valued
                ORDER BY k1%3$s, k2%3$s, found_on%4$s, id%4$s
                OFFSET :o ROWS FETCH NEXT :n ROWS ONLY""".formatted(where, walk, plain, ties,
                after(afterTies("l.found_on", "l.id", reversed, new Term("l.case_number", "kCase", up))),
                up ? ">" : "<");
    }

    /** How many selected leads have a case number (or a lead number). */
    String valuedCountSql(LeadSort sort) {
        return "SELECT COUNT(*) FROM lead l" + where + " AND " + valued(sort, true);
    }

    /**
     * The page of the selected leads without a case number (or a lead number): they come last, newest first
     * (oldest first {@code reversed}). The order names the value's index columns, which are all null here,
     * so that the database walks that index's nulls in the order found.
     */
    String unvaluedPageSql(LeadSort sort, boolean reversed) {
        return unvaluedPageSql(sort, reversed, false);
    }

    /** As {@link #unvaluedPageSql(LeadSort, boolean)}, or with {@code afterKey} the page after the key. */
    String unvaluedPageSql(LeadSort sort, boolean reversed, boolean afterKey) {
        String ties = reversed ? " ASC" : " DESC";
        String order = switch (sort.column()) {
            // lead_case_sort_idx (migration 16): case_year NULLS LAST, case_number NULLS LAST, found_on DESC, id DESC
            case CASE_NUMBER -> reversed
                    ? "l.case_year DESC NULLS FIRST, l.case_number DESC NULLS FIRST, l.found_on ASC, l.id ASC"
                    : "l.case_year ASC NULLS LAST, l.case_number ASC NULLS LAST, l.found_on DESC, l.id DESC";
            // lead_no_sort_idx (migration 20): lead_no, found_on, id
            case LEAD_NO -> "l.lead_no" + ties + ", l.found_on" + ties + ", l.id" + ties;
            default -> throw new IllegalArgumentException(sort + " is not by a value");
        };
        // By case number both index columns are named null (the same leads: migration 20's check), so that H2
        // reads the key's day on as a range of the index rather than walking the nulls from their start.
        String bothNull = sort.column() == LeadSort.Column.CASE_NUMBER ? " AND l.case_number IS NULL" : "";
        return "SELECT l.id FROM lead l" + where + " AND " + valued(sort, false) + bothNull
                + (afterKey ? after(afterTies("l.found_on", "l.id", reversed)) : "") + "\nORDER BY " + order
                + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
    }

    /** How many selected leads have no case number (or lead number). */
    String unvaluedCountSql(LeadSort sort) {
        return "SELECT COUNT(*) FROM lead l" + where + " AND " + valued(sort, false);
    }

    private static String valued(LeadSort sort, boolean has) {
        String column = switch (sort.column()) {
            case CASE_NUMBER -> "l.case_year";
            case LEAD_NO -> "l.lead_no";
            default -> throw new IllegalArgumentException(sort + " is not by a value");
        };
        return column + (has ? " IS NOT NULL" : " IS NULL");
    }

    /** The values {@link #valuedPageSql} binds for at most {@code limit} leads after {@code offset}. */
    Map<String, Object> valuedPageParameters(LeadSort sort, long offset, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(pageParameters(sort));
        if (sort.column() == LeadSort.Column.CASE_NUMBER) {
            // Both bounds: a walk down H2's index (nulls last) then starts at the highest year, not at the nulls.
            all.put("lowestYear", Integer.MIN_VALUE);
            all.put("highestYear", Integer.MAX_VALUE);
        } else {
            all.put("lowestText", "");
        }
        all.put("upTo", offset + limit);
        all.put("o", offset);
        all.put("n", limit);
        return all;
    }

    /** The values {@link #pageSql} and {@link #groupPageSql} bind, but for their own. */
    Map<String, Object> pageParameters(LeadSort sort) {
        boolean sortJudges = sort.column() == LeadSort.Column.STATE || sort.column() == LeadSort.Column.DUE_ON;
        return judgesState || sortJudges ? withAsOf() : parameters;
    }

    /** The values the statements of a page by due date bind, but for the page's own. */
    Map<String, Object> dueParameters() {
        return withAsOf();
    }

    /** The values {@link #dueShownPageSql} binds for the page of at most {@code limit} leads after {@code offset}. */
    Map<String, Object> dueShownPageParameters(long offset, int limit) {
        Map<String, Object> all = withAsOf();
        all.put("earliestDue", LocalDate.of(1, 1, 1));
        all.put("upTo", (long) offset + limit);
        all.put("o", offset);
        all.put("n", limit);
        return all;
    }

    private Map<String, Object> withAsOf() {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("asOf", asOf);
        return all;
    }

    /**
     * For the sort by state: each state of the selected leads ({@code k}), what it sorts by ({@code o}, its
     * name, put in the lifecycle's order by the caller) and how many leads are in it ({@code n}).
     */
    String stateCountsSql() {
        return "SELECT st AS k, st AS o, COUNT(*) AS n FROM (SELECT " + STATE + " AS st FROM lead l" + where
                + ") t GROUP BY st";
    }

    /**
     * The ids of the leads of one group ({@code :group}) newest found first, then by id down, or with
     * {@code reversed} oldest first, then by id up. A state is judged lead by lead along the found-day
     * index; any other group is a range of its column's index (column, found_on), walked in either
     * direction: the first {@code :upTo} (= {@code :o + :n}) with their ties on the day, then the ties
     * broken by id. The order names the group's column, one value here, so that the database takes
     * that index's order.
     */
    String groupPageSql(LeadSort sort, boolean reversed, boolean h2) {
        return groupPageSql(sort, reversed, h2, false);
    }

    /**
     * As {@link #groupPageSql(LeadSort, boolean, boolean)}, or with {@code afterKey} the group's leads after
     * the key: its index range from the key's day found on.
     */
    String groupPageSql(LeadSort sort, boolean reversed, boolean h2, boolean afterKey) {
        String ties = reversed ? " ASC" : " DESC";
        String afterTheKey = afterKey ? after(afterTies("l.found_on", "l.id", reversed)) : "";
        if (sort.column() == LeadSort.Column.STATE) {
            return "SELECT l.id FROM lead l" + where + " AND " + STATE + " = :group" + afterTheKey + "\nORDER BY "
                    + tieBreak(reversed) + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
        }
        String key = groupColumn(sort);
        // H2 would take the column's own index (its foreign key's) and sort the group: it is told which to walk.
        String index = h2 ? " USE INDEX (" + groupIndex(sort) + ")" : "";
        return """
                SELECT id FROM (
                    SELECT l.id, l.found_on FROM lead l%4$s%1$s AND %2$s = :group%5$s
                    ORDER BY %2$s%3$s, l.found_on%3$s FETCH FIRST :upTo ROWS WITH TIES) grouped
                ORDER BY found_on%3$s, id%3$s
                OFFSET :o ROWS FETCH NEXT :n ROWS ONLY""".formatted(where, key, ties, index, afterTheKey);
    }

    /** The index (column, found_on) of a group column: migration 1's for committee and community, 20's for the rest. */
    private static String groupIndex(LeadSort sort) {
        return switch (sort.column()) {
            case COMMITTEE -> "lead_committee_found_idx";
            case COMMUNITY -> "lead_community_found_idx";
            case DISPUTE_TYPE -> "lead_type_found_idx";
            case SOURCE -> "lead_source_found_idx";
            case RISK -> "lead_risk_found_idx";
            case STATE, FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON -> throw new IllegalArgumentException(sort + " is not by groups");
        };
    }

    /** How many selected leads are in one group ({@code :group}). */
    String groupCountSql(LeadSort sort) {
        String key = sort.column() == LeadSort.Column.STATE ? STATE : groupColumn(sort);
        return "SELECT COUNT(*) FROM lead l" + where + " AND " + key + " = :group";
    }

    /**
     * Every value a sort by groups other than the state can take ({@code k}), with what it sorts by
     * ({@code o}), from its dictionary (a few rows): a value no selected lead has gives an empty group.
     */
    static String groupValuesSql(LeadSort sort) {
        return switch (sort.column()) {
            case COMMITTEE -> "SELECT id AS k, code AS o FROM committee";
            case COMMUNITY -> "SELECT id AS k, code AS o FROM community";
            case DISPUTE_TYPE -> "SELECT code AS k, sort_order AS o FROM dispute_type";
            case SOURCE -> "SELECT code AS k, sort_order AS o FROM lead_source";
            case RISK -> "SELECT code AS k, sort_order AS o FROM risk_level";
            case STATE, FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON ->
                    throw new IllegalArgumentException(sort + " has no dictionary");
        };
    }

    private static String groupColumn(LeadSort sort) {
        return switch (sort.column()) {
            case COMMITTEE -> "l.committee_id";
            case COMMUNITY -> "l.community_id";
            case DISPUTE_TYPE -> "l.dispute_type_code";
            case SOURCE -> "l.source_code";
            case RISK -> "l.risk_code";
            case STATE, FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON -> throw new IllegalArgumentException(sort + " is not by groups");
        };
    }

    /** The values a group's page binds: {@code offset} skipped, at most {@code limit}. */
    Map<String, Object> groupPageParameters(LeadSort sort, Object group, long offset, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(pageParameters(sort));
        all.put("group", group);
        if (sort.column() != LeadSort.Column.STATE) {
            all.put("upTo", offset + limit);
        }
        all.put("o", offset);
        all.put("n", limit);
        return all;
    }

    private static String tieBreak(boolean reversed) {
        return reversed ? "l.found_on ASC, l.id ASC" : TIE_BREAK;
    }

    /** After the sort column: the newest found first, then the id, so that the order is total. */
    private static final String TIE_BREAK = "l.found_on DESC, l.id DESC";

    /**
     * The sort column, then {@link #TIE_BREAK}: a total order, so pages neither overlap nor leave gaps.
     * Empty values come last whichever the direction. By the day found, the id follows the day's
     * direction, so that one index (found_on, id …) serves both.
     */
    static String orderBy(LeadSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        String key = switch (sort.column()) {
            case FOUND_ON -> null;
            case CASE_NUMBER -> "l.case_year" + direction + " NULLS LAST, l.case_number";
            case LEAD_NO -> "l.lead_no";
            case DUE_ON -> DUE_SHOWN;
            case STATE, COMMITTEE, COMMUNITY, DISPUTE_TYPE, SOURCE, RISK ->
                    throw new IllegalArgumentException(sort + " is sorted by groups");
        };
        return key == null ? "l.found_on" + direction + ", l.id" + direction
                : key + direction + " NULLS LAST, " + TIE_BREAK;
    }

    /** What a list shows of the leads {@code <ids>}, each judged at the end of {@code :asOf}. */
    static String rowsSql() {
        return """
                SELECT t.*, CASE WHEN %s THEN TRUE ELSE FALSE END AS overdue
                FROM (
                    SELECT l.id, l.version, l.case_year, l.case_number, l.lead_no, l.found_on, l.summary,
                        l.committee_id, l.community_id, l.dispute_type_code, l.source_code,
                        l.risk_code, l.criminal_risk, l.group_risk,
                        cm.name AS committee_name, cy.name AS community_name,
                        dt.name_zh AS type_zh, dt.name_en AS type_en, ls.name_zh AS source_zh, ls.name_en AS source_en,
                        %s AS st, %s AS due, %s AS due_shown
                    FROM lead l
                    JOIN committee cm ON cm.id = l.committee_id
                    JOIN community cy ON cy.id = l.community_id
                    JOIN dispute_type dt ON dt.code = l.dispute_type_code
                    JOIN lead_source ls ON ls.code = l.source_code
                    WHERE l.id IN (<ids>)
                ) t""".formatted(TallySql.condition(TallyColumn.OVERDUE), TallySql.STATE,
                TallySql.DUE_IN_FORCE_OF_LEAD, DUE_SHOWN);
    }

    /** The parties' names of the leads {@code <ids>}, in their order. */
    static String partiesSql() {
        return "SELECT lead_id, name FROM party WHERE lead_id IN (<ids>) ORDER BY lead_id, position";
    }
}
