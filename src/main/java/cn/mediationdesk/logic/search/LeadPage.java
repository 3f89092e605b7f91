package cn.mediationdesk.logic.search;

import java.util.List;

/** One page of a lead list, and how many leads the whole list has. */
public record LeadPage(List<LeadListRow> rows, long total) {
    public LeadPage {
        rows = List.copyOf(rows);
        if (total < rows.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the rows on the page");
        }
    }
}
