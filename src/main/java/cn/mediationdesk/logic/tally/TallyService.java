package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one tally engine of DESIGN §5: every figure on a screen, print or export comes from here.
 * The database counts; this class lays the counts over the full list of groups (zero rows
 * included, ordered by code) and adds the total.
 */
public final class TallyService {
    private final Store store;

    public TallyService(Store store) {
        this.store = store;
    }

    public TallyResult summarize(TallyQuery query) {
        return store.read(tx -> summarize(tx, query));
    }

    /** For callers already inside a transaction (reports that tally several groupings at once). */
    public static TallyResult summarize(Tx tx, TallyQuery query) {
        Map<String, TallyCounts> counts = tx.tally().countByGroup(query);
        List<TallyRow> rows = new ArrayList<>();
        for (Group group : groups(tx, query)) {
            TallyCounts groupCounts = counts.getOrDefault(group.code(), TallyCounts.ZERO);
            if (group.active() || counts.containsKey(group.code())) {
                rows.add(new TallyRow(group.code(), group.nameZh(), group.nameEn(), groupCounts));
            }
        }
        TallyCounts total = counts.values().stream().reduce(TallyCounts.ZERO, TallyCounts::plus);
        return new TallyResult(query, rows, new TallyRow(TallyRow.TOTAL_CODE, "合计", "Total", total));
    }

    private record Group(String code, String nameZh, String nameEn, boolean active) {
    }

    private static List<Group> groups(Tx tx, TallyQuery query) {
        List<Group> groups = switch (query.by()) {
            case COMMUNITY -> tx.organization().communities().stream()
                    .filter(c -> query.communityId() == null || c.id() == query.communityId())
                    .map(c -> new Group(c.code(), c.name(), c.name(), c.active())).toList();
            case COMMITTEE -> tx.organization().committees().stream()
                    .filter(c -> query.committeeId() == null || c.id() == query.committeeId())
                    .map(c -> new Group(c.code(), c.name(), c.name(), c.active())).toList();
            case TYPE -> dictionary(tx, DictionaryKind.DISPUTE_TYPE);
            case SOURCE -> dictionary(tx, DictionaryKind.LEAD_SOURCE);
            case SOURCE_GROUP -> dictionary(tx, DictionaryKind.SOURCE_GROUP);
            case RISK -> dictionary(tx, DictionaryKind.RISK_LEVEL);
            case MONTH -> months(tx, query);
        };
        return groups.stream().sorted(Comparator.comparing(Group::code)).toList();
    }

    private static List<Group> dictionary(Tx tx, DictionaryKind kind) {
        List<DictionaryEntry> entries = tx.dictionaries().entries(kind);
        return entries.stream().map(e -> new Group(e.code(), e.nameZh(), e.nameEn(), e.active())).toList();
    }

    /** Every month from the period's first to its last; an open end takes the first or last lead. */
    private static List<Group> months(Tx tx, TallyQuery query) {
        Optional<DateRange> found = query.from() != null && query.to() != null ? Optional.empty()
                : tx.tally().foundOnRange(query);
        var first = query.from() != null ? query.from() : found.map(DateRange::first).orElse(null);
        var last = query.to() != null ? query.to() : found.map(DateRange::last).orElse(null);
        if (first == null || last == null || last.isBefore(first)) {
            return List.of();
        }
        List<Group> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
            months.add(new Group(m.toString(), m.toString(), m.toString(), true));
        }
        return months;
    }
}
