package cn.mediationdesk.logic.report.print;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A report or case document laid out as blocks, in the reader's language, ready for any renderer:
 * the PDF exporter draws it on A4, a print dialog can draw the same blocks on its own pages. Texts
 * are final; a renderer only places them.
 *
 * @param title       the heading of the first page, and the running head of the pages after it
 * @param scopeLines  the lines under the title (jurisdiction, period, as-of day; or committee and case number),
 *                    set out across one line when they fit
 * @param printedOn   the print date a report shows at the foot of each page, or {@code null} for none
 * @param pageNumbers whether the pages carry 第 N 页 共 M 页 (a cover does not)
 */
public record PrintDocument(Style style, Orientation orientation, String title, List<String> scopeLines,
                            List<PrintBlock> blocks, LocalDate printedOn, boolean pageNumbers) {
    public PrintDocument {
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(title, "title");
        scopeLines = List.copyOf(scopeLines);
        blocks = List.copyOf(blocks);
    }

    /** How the title is set: a report's, a document's (larger, with more air), or a file cover's. */
    public enum Style {
        REPORT, DOCUMENT, COVER
    }

    public enum Orientation {
        PORTRAIT, LANDSCAPE
    }
}
