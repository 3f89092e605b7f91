package cn.mediationdesk.gui.data;

import cn.mediationdesk.logic.ledger.LedgerColumn;

/**
 * One column of the file as the preview shows it.
 *
 * @param index the column's position in the file's rows
 * @param header the header cell as written in the file
 * @param column the ledger column it was recognised as, or {@code null} when it is unknown (ignored)
 * @param repeated whether an earlier column already is this ledger column (the check refuses that)
 */
public record PreviewColumn(int index, String header, LedgerColumn column, boolean repeated) {
    public boolean recognised() {
        return column != null && !repeated;
    }
}
