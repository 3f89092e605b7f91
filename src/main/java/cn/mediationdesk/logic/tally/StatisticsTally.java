package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The second half of the tally engine: the figures of the statistics table that DESIGN §5's columns
 * do not have (agreements, amounts, escalations prevented, performance, judicial confirmation),
 * counted by the database with the same period and as-of semantics, by dispute type. The grouping of
 * the query is ignored; its period, as-of day, community and committee apply.
 */
public final class StatisticsTally {
    private StatisticsTally() {
    }

    public static StatisticsResult summarize(Tx tx, TallyQuery query) {
        Map<String, StatisticsCounts> counts = tx.statistics().countByType(query);
        List<StatisticsRow> rows = new ArrayList<>();
        List<DictionaryEntry> types = tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE).stream()
                .sorted(Comparator.comparing(DictionaryEntry::code)).toList();
        for (DictionaryEntry type : types) {
            if (type.active() || counts.containsKey(type.code())) {
                rows.add(new StatisticsRow(type.code(), type.nameZh(), type.nameEn(),
                        counts.getOrDefault(type.code(), StatisticsCounts.ZERO)));
            }
        }
        StatisticsCounts total = counts.values().stream().reduce(StatisticsCounts.ZERO, StatisticsCounts::plus);
        return new StatisticsResult(query, rows, new StatisticsRow(TallyRow.TOTAL_CODE, "合计", "Total", total));
    }
}
