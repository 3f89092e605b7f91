package cn.mediationdesk.logic.agenda;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.tally.DisplayWidth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An agenda in words: each item's number and description as the screens show them, and the whole
 * agenda as a text table for a terminal (columns aligned by display width).
 */
public final class AgendaText {
    private static final String GAP = "  ";

    private AgendaText() {
    }

    /** What to show as the item's number: the case or lead number, or the month a report is for. */
    public static String number(AgendaItem item) {
        return item.kind() == AgendaKind.MONTHLY_REPORT ? item.month().toString() : item.number();
    }

    /** What the item is about: the lead's summary, or for a report which month awaits signing. */
    public static String description(AgendaItem item, Localization l10n) {
        return item.kind() == AgendaKind.MONTHLY_REPORT
                ? l10n.text("agenda.report.unsigned", item.month().toString())
                : item.summary();
    }

    public static String table(List<AgendaItem> items, LocalDate today, int days, Localization l10n) {
        long late = items.stream().filter(AgendaItem::late).count();
        StringBuilder text = new StringBuilder();
        text.append(l10n.text("agenda.title", today, today.plusDays(days), items.size(), late)).append('\n');
        if (items.isEmpty()) {
            return text.append(l10n.text("agenda.empty")).append('\n').toString();
        }
        List<String> headers = List.of(l10n.text("agenda.column.due"), l10n.text("agenda.column.late"),
                l10n.text("agenda.column.kind"), l10n.text("agenda.column.number"),
                l10n.text("agenda.column.committee"), l10n.text("agenda.column.summary"));
        List<List<String>> lines = new ArrayList<>();
        for (AgendaItem item : items) {
            lines.add(List.of(item.dueOn().toString(), item.late() ? l10n.text("agenda.lateMark") : "",
                    l10n.text(item.kind().labelKey()), number(item), item.committeeName(), description(item, l10n)));
        }
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = DisplayWidth.of(headers.get(i));
            for (List<String> line : lines) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(line.get(i)));
            }
        }
        text.append(line(headers, widths)).append('\n');
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        text.append("-".repeat(total)).append('\n');
        for (List<String> line : lines) {
            text.append(line(line, widths)).append('\n');
        }
        return text.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            line.append(DisplayWidth.padRight(cells.get(i), widths[i]));
        }
        return line.toString().stripTrailing();
    }
}
