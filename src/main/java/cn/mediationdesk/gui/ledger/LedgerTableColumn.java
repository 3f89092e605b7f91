package cn.mediationdesk.gui.ledger;

import cn.mediationdesk.logic.search.LeadSort;

import java.util.Optional;

/** The columns of the ledger table, in their order; the column chooser shows or hides each. */
public enum LedgerTableColumn {
    CASE_NUMBER(LeadSort.Column.CASE_NUMBER, true),
    LEAD_NO(LeadSort.Column.LEAD_NO, false),
    FOUND_ON(LeadSort.Column.FOUND_ON, true),
    COMMITTEE(LeadSort.Column.COMMITTEE, true),
    COMMUNITY(LeadSort.Column.COMMUNITY, false),
    TYPE(LeadSort.Column.DISPUTE_TYPE, true),
    SOURCE(LeadSort.Column.SOURCE, false),
    RISK(LeadSort.Column.RISK, true),
    STATE(LeadSort.Column.STATE, true),
    DUE_ON(LeadSort.Column.DUE_ON, true),
    PARTIES(null, true),
    SUMMARY(null, true);

    private final LeadSort.Column sortColumn;
    private final boolean shownAtFirst;

    LedgerTableColumn(LeadSort.Column sortColumn, boolean shownAtFirst) {
        this.sortColumn = sortColumn;
        this.shownAtFirst = shownAtFirst;
    }

    /** What the database sorts by when this column's header is clicked; empty when it cannot sort by it. */
    public Optional<LeadSort.Column> sortColumn() {
        return Optional.ofNullable(sortColumn);
    }

    /** Shown until the user chooses otherwise; the rest fit a 1366-pixel screen only when chosen. */
    public boolean shownAtFirst() {
        return shownAtFirst;
    }
}
