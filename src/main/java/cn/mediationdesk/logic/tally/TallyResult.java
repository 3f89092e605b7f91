package cn.mediationdesk.logic.tally;

import java.util.List;

/** A whole summary: one row per group (zero rows included, ordered by code) and the total. */
public record TallyResult(TallyQuery query, List<TallyRow> rows, TallyRow total) {
    public TallyResult {
        rows = List.copyOf(rows);
    }
}
