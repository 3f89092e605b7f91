package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem;

import java.util.Objects;

/**
 * A problem of a ledger file, placed where the user will look for it: the row as a spreadsheet
 * numbers it (the header is row 1) and the column by the header text the file used.
 *
 * @param row the spreadsheet row, or {@link #WHOLE_FILE} for a problem of the file itself
 * @param column the column's header as written in the file, or {@code null} when no one column is at fault
 */
public record RowProblem(int row, String column, Problem problem) {
    public static final int WHOLE_FILE = 0;

    public RowProblem {
        Objects.requireNonNull(problem);
        if (row < 0) {
            throw new IllegalArgumentException("row " + row);
        }
    }

    public static RowProblem ofFile(Problem problem) {
        return new RowProblem(WHOLE_FILE, null, problem);
    }

    /** One line for the user: {@code 第 N 行，“列名”列：…} / {@code row N, column 列名: …}. */
    public String describe(Localization l10n) {
        String message = l10n.message(problem);
        if (row == WHOLE_FILE) {
            return message;
        }
        return column == null
                ? l10n.text("ledger.problem.row", row, message)
                : l10n.text("ledger.problem.cell", row, column, message);
    }
}
