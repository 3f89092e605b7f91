package cn.mediationdesk.logic.search;

import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.User;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists leads a page at a time, filtered, sorted and counted by the database, so that a ledger of a
 * million leads pages as quickly as one of a hundred. A filter made from a tally cell
 * ({@link LeadFilter#of}) lists exactly the leads that cell counts.
 */
public final class LeadSearchService {
    /** The most rows one page may ask for. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** Past this many leads a free-text search's count stops: "more than 5,000" ({@link #boundedCount}). */
    public static final long COUNT_CAP = 5_000;

    private final Store store;
    private final User actor;
    private final long countCap;

    /**
     * @param actor who searches: an administrator lists every lead, a director or mediator their own
     *              committee's, a viewer none (a lead's row carries its summary and parties)
     */
    public LeadSearchService(Store store, User actor) {
        this(store, actor, COUNT_CAP);
    }

    /** @param countCap where {@link #boundedCount} stops counting the leads of a free-text search */
    public LeadSearchService(Store store, User actor, long countCap) {
        if (countCap < 0) {
            throw new IllegalArgumentException("count cap " + countCap + " is negative");
        }
        this.store = store;
        this.actor = actor;
        this.countCap = countCap;
    }

    /**
     * The leads {@code filter} selects, in {@code sort} order, from the {@code offset}-th on, at most
     * {@code limit} of them, with the number of all the leads it selects.
     */
    public LeadPage search(LeadFilter filter, LeadSort sort, int offset, int limit) {
        check(filter, sort, offset, limit);
        return store.read(tx -> tx.search().search(scoped(tx, filter), sort, offset, limit));
    }

    /**
     * One page without the count: with a million leads, counting those in a state takes longer than
     * finding the first hundred, so a screen can show the page before the count.
     */
    public List<LeadListRow> page(LeadFilter filter, LeadSort sort, int offset, int limit) {
        check(filter, sort, offset, limit);
        return limit == 0 ? List.of() : store.read(tx -> tx.search().page(scoped(tx, filter), sort, offset, limit));
    }

    /**
     * The next page after a row shown: at most {@code limit} of the leads {@code filter} selects that come
     * after {@code key} (the row's {@link LeadListRow#key()}) in {@code sort} order. It is the page offset
     * paging gives after that row, found as quickly as the first page however deep it lies; a lead changed or
     * deleted since the row was shown still marks where to go on from.
     */
    public List<LeadListRow> pageAfter(LeadFilter filter, LeadSort sort, LeadKey key, int limit) {
        check(filter, sort, 0, limit);
        Objects.requireNonNull(key, "key");
        return limit == 0 ? List.of() : store.read(tx -> tx.search().pageAfter(scoped(tx, filter), sort, key, limit));
    }

    /** The page before a row shown: at most {@code limit} of the selected leads just before {@code key}, in order. */
    public List<LeadListRow> pageBefore(LeadFilter filter, LeadSort sort, LeadKey key, int limit) {
        check(filter, sort, 0, limit);
        Objects.requireNonNull(key, "key");
        return limit == 0 ? List.of() : store.read(tx -> tx.search().pageBefore(scoped(tx, filter), sort, key, limit));
    }

    /** How many leads {@code filter} selects. */
    public long count(LeadFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return store.read(tx -> tx.search().count(scoped(tx, filter)));
    }

    /**
     * How many leads {@code filter} selects, as the ledger shows it: exactly, but for a free-text search
     * that selects more than the count cap, which says only that there are more. Counting every lead
     * holding a common word would check most leads' texts; the cap stops after a few thousand.
     */
    public LeadCount boundedCount(LeadFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return store.read(tx -> tx.search().count(scoped(tx, filter), countCap));
    }

    /** Whether the actor may list leads at all (everyone but a viewer). */
    public boolean listsLeads() {
        return Access.readsCases(actor);
    }

    private LeadFilter scoped(Tx tx, LeadFilter filter) {
        return filter.withCommittee(Access.scopedCommittee(tx, actor, filter.committeeId()));
    }

    private static void check(LeadFilter filter, LeadSort sort, int offset, int limit) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " is negative");
        }
        if (limit < 0 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit " + limit + " is not between 0 and " + MAX_PAGE_SIZE);
        }
    }

    /** The communities, committees and dictionary entries a filter can name. */
    public FilterChoices choices() {
        return store.read(tx -> new FilterChoices(tx.organization().communities(), tx.organization().committees(),
                ordered(tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE)),
                ordered(tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE)),
                ordered(tx.dictionaries().entries(DictionaryKind.SOURCE_GROUP)),
                ordered(tx.dictionaries().entries(DictionaryKind.RISK_LEVEL))));
    }

    /** The first and last day any lead was found on, if there is a lead at all. */
    public Optional<DateRange> foundOnRange() {
        // The as-of day plays no part in when leads were found; any day will do.
        return store.read(tx -> tx.tally().foundOnRange(TallyQuery.of(Grouping.MONTH, null, null, LocalDate.EPOCH)));
    }

    private static List<DictionaryEntry> ordered(List<DictionaryEntry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(DictionaryEntry::sortOrder)
                .thenComparing(DictionaryEntry::code)).toList();
    }
}
