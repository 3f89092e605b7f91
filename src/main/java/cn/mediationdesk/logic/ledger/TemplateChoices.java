package cn.mediationdesk.logic.ledger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a ledger template offers in its drop-down lists: per coded column, the values to choose
 * from, as a ledger writes them (Chinese labels and names).
 */
public record TemplateChoices(Map<LedgerColumn, List<String>> values) {
    public TemplateChoices {
        Map<LedgerColumn, List<String>> copy = new EnumMap<>(LedgerColumn.class);
        values.forEach((column, list) -> {
            if (!list.isEmpty()) {
                copy.put(column, List.copyOf(list));
            }
        });
        values = Map.copyOf(copy);
    }

    public List<String> of(LedgerColumn column) {
        return values.getOrDefault(column, List.of());
    }
}
