package cn.mediationdesk.logic.tally;

import java.time.LocalDate;
import java.util.List;

/** A small hand-made summary for the formatter tests. */
final class SummaryFormatsTestData {
    private SummaryFormatsTestData() {
    }

    static final TallyCounts EAST = new TallyCounts(55, 2, 3, 1, 1, 2, 47, 5, 35, 4, 3, 2);
    static final TallyCounts WEST = new TallyCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    static final TallyCounts ODD = new TallyCounts(3, 0, 0, 0, 0, 0, 3, 0, 2, 1, 0, 0);

    static TallyResult result(LocalDate from, LocalDate to) {
        TallyQuery query = TallyQuery.of(Grouping.COMMUNITY, from, to, LocalDate.of(2022, 12, 31));
        List<TallyRow> rows = List.of(
                new TallyRow("SQ001", "东山社区", "Dongshan", EAST),
                new TallyRow("SQ002", "西岭村", "Xiling", WEST),
                new TallyRow("SQ003", "Quote \"and\", comma", "Odd", ODD));
        return new TallyResult(query, rows, new TallyRow(TallyRow.TOTAL_CODE, "合计", "Total",
                EAST.plus(WEST).plus(ODD)));
    }

    static TallyResult year2022() {
        return result(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
    }
}
