package cn.mediationdesk.logic.tally;

import java.util.List;

/** The statistics figures by dispute type (every active type, ordered by code) and their total. */
public record StatisticsResult(TallyQuery query, List<StatisticsRow> rows, StatisticsRow total) {
    public StatisticsResult {
        rows = List.copyOf(rows);
    }
}
