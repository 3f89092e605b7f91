package cn.mediationdesk.gui.data;

import java.util.List;

/**
 * One data row of the preview.
 *
 * @param number the row as a spreadsheet numbers it (the header is row 1)
 */
public record PreviewRow(int number, List<String> cells) {
    public PreviewRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
