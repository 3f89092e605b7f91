package cn.mediationdesk.logic;

/**
 * Keeps text that we write into a CSV or XLSX cell from being run as a formula when a clerk opens
 * the file in a spreadsheet ("CSV injection"): a text cell that begins with {@code = + - @}, a tab
 * or a carriage return gets a single quote in front, as OWASP recommends. {@code =HYPERLINK(…)} or a
 * DDE command in an imported ledger thus stays text in every export.
 * <p>
 * Only text cells pass through here; numbers (also negative ones) are written as numbers. The quote
 * is also written into XLSX text cells, which Excel would not evaluate anyway, so that a workbook
 * saved again as CSV stays safe. {@link #restore} takes the quote off again when a ledger is
 * imported, so that what we export reads back unchanged.
 */
public final class CellNeutralizer {
    /** What a spreadsheet puts in front of text that must not be evaluated. */
    public static final char QUOTE = '\'';
    /** The first characters that make a spreadsheet read a cell as a formula (or a DDE command). */
    private static final String TRIGGERS = "=+-@\t\r";

    private CellNeutralizer() {
    }

    /** {@code text} as it is safe to write into a text cell: with a quote in front when it could be run. */
    public static String neutralize(String text) {
        return text != null && needsQuote(text) ? QUOTE + text : text;
    }

    /**
     * A cell read from a ledger without the quote {@link #neutralize} added, so that
     * {@code restore(neutralize(s))} is {@code s} for every text. A quote in front of anything else
     * is the cell's own and stays.
     */
    public static String restore(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == QUOTE && needsQuote(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    /**
     * Whether {@code text}, after any quotes it begins with, starts with a trigger. Text that already
     * begins with quotes and a trigger ({@code '=1}) is quoted once more, so that restoring gives it back.
     */
    private static boolean needsQuote(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == QUOTE) {
            i++;
        }
        return i < text.length() && TRIGGERS.indexOf(text.charAt(i)) >= 0;
    }
}
