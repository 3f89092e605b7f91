package cn.mediationdesk.gui.data;

/**
 * One problem of the checked ledger, for the problems table.
 *
 * @param row the spreadsheet row, or 0 for a problem of the whole file
 * @param column the column as the file names it, or empty when no one column is at fault
 * @param message what is wrong
 * @param line the whole problem in one line, as the command line prints it
 */
public record ProblemRow(int row, String column, String message, String line) {
}
