package cn.mediationdesk.logic.ledger;

import java.util.List;

/**
 * A ledger file read as text: the header cells and the non-blank rows below them. Every cell is
 * text already (an Excel date cell as {@code 2022-03-05}, a number as written, without ".0").
 *
 * @param headerRow the spreadsheet row of the header (1 unless blank rows come first)
 */
public record LedgerTable(int headerRow, List<String> header, List<Row> rows) {
    public LedgerTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One row of cells, numbered as a spreadsheet shows it. */
    public record Row(int number, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell at {@code index}, or "" past the row's last cell. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
