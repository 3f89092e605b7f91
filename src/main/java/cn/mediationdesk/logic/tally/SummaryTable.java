package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.l10n.Localization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A summary as a text table for a terminal: a title line, headers in the reader's language, columns
 * aligned by display width (a Chinese character takes two columns), numbers right-aligned, and
 * the total under a rule.
 */
public final class SummaryTable {
    private static final String GAP = "  ";

    private SummaryTable() {
    }

    public static String format(TallyResult result, Localization l10n) {
        List<String> headers = new ArrayList<>();
        for (String column : SummaryColumns.ALL) {
            headers.add(l10n.text("cli.summary.column." + column));
        }
        List<List<String>> lines = new ArrayList<>();
        for (TallyRow row : result.rows()) {
            lines.add(cells(row, l10n));
        }
        List<String> total = cells(result.total(), l10n);

        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = DisplayWidth.of(headers.get(i));
            for (List<String> line : lines) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(line.get(i)));
            }
            widths[i] = Math.max(widths[i], DisplayWidth.of(total.get(i)));
        }

        StringBuilder text = new StringBuilder();
        text.append(title(result.query(), l10n)).append('\n');
        text.append(line(headers, widths)).append('\n');
        String rule = rule(widths);
        text.append(rule).append('\n');
        for (List<String> line : lines) {
            text.append(line(line, widths)).append('\n');
        }
        text.append(rule).append('\n');
        text.append(line(total, widths)).append('\n');
        return text.toString();
    }

    private static String title(TallyQuery query, Localization l10n) {
        String grouping = l10n.text("cli.grouping." + query.by().cliName());
        return l10n.text("cli.summary.title", grouping, day(query.from(), l10n), day(query.to(), l10n), query.asOf());
    }

    private static String day(LocalDate date, Localization l10n) {
        return date == null ? l10n.text("cli.summary.open") : date.toString();
    }

    private static List<String> cells(TallyRow row, Localization l10n) {
        List<String> cells = new ArrayList<>();
        boolean total = TallyRow.TOTAL_CODE.equals(row.code());
        cells.add(total ? "" : row.code());
        cells.add(row.name(l10n.isChinese()));
        for (long value : SummaryColumns.values(row.counts())) {
            cells.add(Long.toString(value));
        }
        String rate = SummaryColumns.rate(row.counts());
        cells.add(rate == null ? "-" : rate + "%");
        return cells;
    }

    /** Code and name to the left, numbers to the right; no blanks after the last column. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(i < 2 ? DisplayWidth.padRight(cells.get(i), widths[i]) : DisplayWidth.padLeft(cells.get(i), widths[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        int width = 0;
        for (int w : widths) {
            width += w;
        }
        return "-".repeat(width + GAP.length() * (widths.length - 1));
    }
}
