package cn.mediationdesk.logic.report.pdf;

import cn.mediationdesk.logic.report.pdf.LaidPage.Fill;
import cn.mediationdesk.logic.report.pdf.LaidPage.Image;
import cn.mediationdesk.logic.report.pdf.LaidPage.Imported;
import cn.mediationdesk.logic.report.pdf.LaidPage.Line;
import cn.mediationdesk.logic.report.pdf.LaidPage.Op;
import cn.mediationdesk.logic.report.pdf.LaidPage.Text;
import cn.mediationdesk.logic.report.print.PrintBlock;
import cn.mediationdesk.logic.report.print.PrintBlock.Align;
import cn.mediationdesk.logic.report.print.PrintBlock.BoundFile;
import cn.mediationdesk.logic.report.print.PrintBlock.Cell;
import cn.mediationdesk.logic.report.print.PrintBlock.Field;
import cn.mediationdesk.logic.report.print.PrintBlock.FieldLines;
import cn.mediationdesk.logic.report.print.PrintBlock.HeaderCell;
import cn.mediationdesk.logic.report.print.PrintBlock.Heading;
import cn.mediationdesk.logic.report.print.PrintBlock.LabeledText;
import cn.mediationdesk.logic.report.print.PrintBlock.PageBreak;
import cn.mediationdesk.logic.report.print.PrintBlock.Paragraph;
import cn.mediationdesk.logic.report.print.PrintBlock.Row;
import cn.mediationdesk.logic.report.print.PrintBlock.Signatures;
import cn.mediationdesk.logic.report.print.PrintBlock.Spacer;
import cn.mediationdesk.logic.report.print.PrintBlock.Table;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.logic.report.print.PrintDocument.Orientation;
import cn.mediationdesk.logic.report.print.PrintDocument.Style;
import cn.mediationdesk.logic.tally.DisplayWidth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Lays a {@link PrintDocument} out on A4 pages: wraps text (Chinese at any character, Latin at
 * spaces), breaks tables between rows and repeats their header rows on every page, splits a row only
 * when it is taller than a page, keeps headings with what follows and signature blocks whole.
 */
final class PdfLayout {
    /** Lines and frames. */
    private static final float HAIRLINE = 0.5f;
    private static final float FRAME = 1.0f;
    private static final float HEADER_GRAY = 0.88f;
    private static final float LABEL_GRAY = 0.94f;
    private static final float TOTAL_GRAY = 0.92f;
    private static final float CELL_PAD_X = 4;
    private static final float CELL_PAD_Y = 3.5f;
    /** Where a baseline sits below the top of its line box, as a share of the font size. */
    private static final float ASCENT = 0.86f;
    /** Closing punctuation may hang past the right edge rather than start a line. */
    private static final String NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)%";
    /** Opening punctuation never ends a line: it goes with what follows. */
    private static final String NO_LINE_END = "（《「『“‘([";

    private final PdfFonts fonts;

    // the document being laid out
    private PrintDocument document;
    private Sizes sizes;
    private PDRectangle pageSize;
    private float left;
    private float right;
    private float top;
    private float bottom;
    private List<LaidPage> pages;
    private List<Op> ops;
    private float y;
    /** Where the content of the current page starts: {@link #ensure} never leaves a page with nothing on it. */
    private float pageStart;

    PdfLayout(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The type sizes and spacing of a style, in points. */
    private record Sizes(float title, float scope, float heading, float body, float bodyLeading, float table,
                         float tableLeading, float afterTitle) {
        static Sizes of(Style style) {
            return switch (style) {
                case REPORT -> new Sizes(18, 10, 12, 10.5f, 1.6f, 9.5f, 1.3f, 12);
                case DOCUMENT -> new Sizes(20, 10.5f, 12, 11.5f, 1.75f, 10.5f, 1.4f, 14);
                case COVER -> new Sizes(34, 18, 12, 15, 1.6f, 10.5f, 1.4f, 40);
            };
        }
    }

    List<LaidPage> layout(PrintDocument doc) {
        this.document = doc;
        this.sizes = Sizes.of(doc.style());
        this.pageSize = doc.orientation() == Orientation.LANDSCAPE
                ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        // A4 with room to bind on the left, as an office files its papers.
        boolean landscape = doc.orientation() == Orientation.LANDSCAPE;
        this.left = landscape ? 56 : 70;
        this.right = pageSize.getWidth() - (landscape ? 56 : 56);
        this.top = pageSize.getHeight() - (landscape ? 48 : 62);
        this.bottom = landscape ? 58 : 66;
        this.pages = new ArrayList<>();
        List<PrintBlock> blocks = doc.blocks();
        if (blocks.size() == 1 && blocks.getFirst() instanceof BoundFile file) {
            // A scan or photo alone: no title, its own pages only.
            boundFile(file);
            return pages;
        }
        newPage();
        title();
        for (int i = 0; i < blocks.size(); i++) {
            PrintBlock block = blocks.get(i);
            switch (block) {
                case Heading h -> {
                    // A heading goes with the start of its table; a table that fits on a page is not cut
                    // where less than half of it would stay on this one.
                    float keep = 60;
                    if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table t) {
                        TableMetrics m = measure(t);
                        float headingHeight = sizes.heading() * 1.5f + 10;
                        boolean fitsOnAPage = m.height() + headingHeight <= pageHeight();
                        keep = fitsOnAPage ? m.start((t.rows().size() + 1) / 2) : m.start(3);
                    }
                    heading(h, keep);
                }
                case Paragraph p -> paragraph(p);
                case LabeledText t -> labeledText(t);
                case Table t -> {
                    table(t);
                    boolean nextIsTable = i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table;
                    if (!nextIsTable) {
                        y -= 10;
                    }
                }
                case FieldLines f -> fieldLines(f);
                case Signatures s -> signatures(s);
                case Spacer s -> y -= Math.min(s.points(), y - bottom);
                case PageBreak b -> newPage();
                case BoundFile f -> {
                    if (y >= pageStart - 0.5f) {
                        pages.removeLast();
                    }
                    boundFile(f);
                    newPage();
                }
            }
        }
        return pages;
    }

    private float width() {
        return right - left;
    }

    private void newPage() {
        ops = new ArrayList<>();
        pages.add(new LaidPage(pageSize, ops, document.pageNumbers()));
        y = top;
        if (document.style() == Style.COVER) {
            // An archive cover's double frame.
            float inset = 36;
            frameBox(inset, FRAME * 1.5f);
            frameBox(inset + 4, HAIRLINE);
        }
        if (pages.size() > 1 && document.style() != Style.COVER) {
            // The running head: which document a loose page belongs to.
            float size = 8.5f;
            ops.add(new Text(left, top + 14, size, document.title(), false, 0.35f));
            ops.add(new Line(left, top + 10, right, top + 10, HAIRLINE));
            y = top - 4;
        }
        pageStart = y;
    }

    private void frameBox(float inset, float width) {
        float l = inset;
        float r = pageSize.getWidth() - inset;
        float b = inset;
        float t = pageSize.getHeight() - inset;
        ops.add(new Line(l, t, r, t, width));
        ops.add(new Line(l, b, r, b, width));
        ops.add(new Line(l, t, l, b, width));
        ops.add(new Line(r, t, r, b, width));
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    private void ensure(float height) {
        if (y - height < bottom && y < pageStart - 0.5f) {
            newPage();
        }
    }

    // ---- title ----

    private void title() {
        Style style = document.style();
        if (style == Style.COVER) {
            y = top - 110;
        }
        float size = titleSize();
        for (String line : wrap(document.title(), size, width(), 0)) {
            y -= size * 1.3f;
            text(centered(line, size), y + size * 0.25f, size, line, true);
        }
        y -= style == Style.COVER ? 24 : 8;
        scopeLines();
        y -= sizes.afterTitle();
    }

    /**
     * The title's size: its own, or a little smaller when that keeps it on one line (a long committee
     * name would otherwise leave the last character or two of 月报 alone on a second line, and how
     * wide the text is depends on which Chinese font the PC has); a title longer still wraps.
     */
    private float titleSize() {
        float size = sizes.title();
        for (float smaller = size; smaller >= size * 0.8f; smaller -= 0.5f) {
            if (wrap(document.title(), smaller, width(), 0).size() == 1) {
                return smaller;
            }
        }
        return size;
    }

    /** Side by side when they fit (first at the left, last at the right), else one under the other. */
    private void scopeLines() {
        List<String> lines = document.scopeLines();
        if (lines.isEmpty()) {
            return;
        }
        float size = sizes.scope();
        float leading = size * 1.6f;
        if (document.style() == Style.COVER) {
            for (String line : lines) {
                for (String part : wrap(line, size, width(), 0)) {
                    y -= leading;
                    text(centered(part, size), y, size, part, false);
                }
            }
            return;
        }
        float total = 0;
        for (String line : lines) {
            total += fonts.width(line, size);
        }
        float gap = 24;
        if (total + gap * (lines.size() - 1) <= width()) {
            y -= leading;
            if (lines.size() == 1) {
                String only = lines.getFirst();
                float x = document.style() == Style.DOCUMENT ? right - fonts.width(only, size) : centered(only, size);
                text(x, y, size, only, false);
            } else {
                float spare = (width() - total) / (lines.size() - 1);
                float x = left;
                for (String line : lines) {
                    text(x, y, size, line, false);
                    x += fonts.width(line, size) + spare;
                }
            }
        } else {
            for (String line : lines) {
                for (String part : wrap(line, size, width(), 0)) {
                    y -= leading;
                    text(left, y, size, part, false);
                }
            }
        }
    }

    // ---- running text ----

    /** A heading, on a new page unless {@code keep} points of what follows fit below it. */
    private void heading(Heading heading, float keep) {
        float size = sizes.heading();
        List<String> lines = wrap(heading.text(), size, width(), 0);
        ensure(size * 1.5f * lines.size() + 10 + keep);
        y -= 8;
        for (String line : lines) {
            y -= size * 1.5f;
            text(left, y + size * 0.3f, size, line, true);
        }
        y -= 2;
    }

    private void paragraph(Paragraph p) {
        float size = sizes.body();
        float indent = p.indent() ? 2 * size : 0;
        float leading = size * sizes.bodyLeading();
        for (WrappedLine line : wrapLines(p.text(), size, width(), indent)) {
            ensure(leading);
            y -= leading;
            float lineWidth = fonts.width(line.text(), size);
            float x = switch (p.align()) {
                case LEFT -> left + (line.first() ? indent : 0);
                case CENTER -> left + (width() - lineWidth) / 2;
                case RIGHT -> right - lineWidth;
            };
            text(x, y + size * 0.3f, size, line.text(), false);
        }
    }

    private void labeledText(LabeledText t) {
        float size = sizes.body();
        float leading = size * sizes.bodyLeading();
        ensure(leading * 2 + 4);
        y -= leading;
        text(left, y + size * 0.3f, size, t.label(), true);
        List<WrappedLine> lines = t.text().isBlank() ? List.of() : wrapLines(t.text(), size, width(), 2 * size);
        int drawn = 0;
        for (WrappedLine line : lines) {
            ensure(leading);
            y -= leading;
            float x = left + (line.first() ? 2 * size : 0);
            text(x, y + size * 0.3f, size, line.text(), false);
            drawn++;
        }
        for (int i = drawn; i < t.minLines(); i++) {
            ensure(leading);
            y -= leading;
        }
        y -= 4;
    }

    // ---- tables ----

    /** A header cell placed in the header grid. */
    private record PlacedHeader(HeaderCell cell, int row, int column, List<String> lines) {
    }

    /** A body cell placed on its columns, with its wrapped lines. */
    private record PlacedCell(Cell cell, int column, int span, Align align, List<String> lines) {
    }

    /** A table measured: its column edges, its header and the height of each body row. */
    private record TableMetrics(float[] x, List<PlacedHeader> header, float[] headerRows, float headerHeight,
                                List<List<PlacedCell>> rows, float[] rowHeights) {
        float height() {
            float height = headerHeight;
            for (float h : rowHeights) {
                height += h;
            }
            return height;
        }

        /** The header and the first few rows: what must go on a page together with a heading above. */
        float start(int rows) {
            float height = headerHeight;
            for (int i = 0; i < Math.min(rows, rowHeights.length); i++) {
                height += rowHeights[i];
            }
            return height;
        }
    }

    private TableMetrics measure(Table table) {
        int columns = table.columns().size();
        float total = 0;
        for (PrintBlock.Column c : table.columns()) {
            total += c.weight();
        }
        float[] x = new float[columns + 1];
        x[0] = left;
        for (int i = 0; i < columns; i++) {
            x[i + 1] = x[i] + width() * table.columns().get(i).weight() / total;
        }
        x[columns] = right;
        float size = sizes.table();
        float leading = size * sizes.tableLeading();
        List<PlacedHeader> header = placeHeader(table, x, size);
        float[] headerRows = headerRowHeights(table, header, leading);
        float headerHeight = 0;
        for (float h : headerRows) {
            headerHeight += h;
        }
        List<List<PlacedCell>> rows = new ArrayList<>();
        float[] heights = new float[table.rows().size()];
        for (int i = 0; i < heights.length; i++) {
            List<PlacedCell> cells = placeRow(table, table.rows().get(i), x, size);
            rows.add(cells);
            heights[i] = rowHeight(cells, table.rows().get(i), leading);
        }
        return new TableMetrics(x, header, headerRows, headerHeight, rows, heights);
    }

    /** The most a page holds below its running head. */
    private float pageHeight() {
        return top - bottom - 4;
    }

    private void table(Table table) {
        TableMetrics m = measure(table);
        float[] x = m.x();
        float size = sizes.table();
        float leading = size * sizes.tableLeading();
        List<PlacedHeader> header = m.header();
        float[] headerRows = m.headerRows();
        float headerHeight = m.headerHeight();

        boolean headerOnPage = false;
        float segmentTop = y;
        for (int i = 0; i < table.rows().size(); i++) {
            Row row = table.rows().get(i);
            List<PlacedCell> cells = m.rows().get(i);
            float height = m.rowHeights()[i];
            float pageRoom = pageHeight() - headerHeight;
            if (!headerOnPage) {
                ensure(headerHeight + Math.min(height, pageRoom));
                segmentTop = y;
                drawHeader(header, headerRows, x, size, leading);
                headerOnPage = true;
            }
            while (y - height < bottom) {
                float room = y - bottom;
                int fit = (int) Math.floor((room - 2 * CELL_PAD_Y) / leading);
                if (height <= pageRoom || fit < 2) {
                    frame(x, segmentTop);
                    newPage();
                    segmentTop = y;
                    drawHeader(header, headerRows, x, size, leading);
                    continue;
                }
                // Taller than a page: what fits here, the rest on the next page.
                List<PlacedCell> now = new ArrayList<>();
                List<PlacedCell> later = new ArrayList<>();
                for (PlacedCell c : cells) {
                    int n = Math.min(fit, c.lines().size());
                    now.add(new PlacedCell(c.cell(), c.column(), c.span(), c.align(), c.lines().subList(0, n)));
                    later.add(new PlacedCell(c.cell(), c.column(), c.span(), c.align(),
                            c.lines().subList(n, c.lines().size())));
                }
                drawRow(now, row, x, room, size, leading, true);
                frame(x, segmentTop);
                newPage();
                segmentTop = y;
                drawHeader(header, headerRows, x, size, leading);
                cells = later;
                row = new Row(row.cells(), row.total(), Math.max(0, row.minHeight() - room));
                height = rowHeight(cells, row, leading);
            }
            drawRow(cells, row, x, height, size, leading, row.minHeight() > 0);
        }
        if (!headerOnPage) {
            ensure(headerHeight);
            segmentTop = y;
            drawHeader(header, headerRows, x, size, leading);
        }
        frame(x, segmentTop);
    }

    /** The outer frame of a table's part on one page, drawn heavier than the cell rules. */
    private void frame(float[] x, float segmentTop) {
        if (segmentTop - y < 0.5f) {
            return;
        }
        float l = x[0];
        float r = x[x.length - 1];
        ops.add(new Line(l, segmentTop, r, segmentTop, FRAME));
        ops.add(new Line(l, y, r, y, FRAME));
        ops.add(new Line(l, segmentTop, l, y, FRAME));
        ops.add(new Line(r, segmentTop, r, y, FRAME));
    }

    private List<PlacedHeader> placeHeader(Table table, float[] x, float size) {
        int rows = table.header().size();
        int columns = table.columns().size();
        boolean[][] taken = new boolean[rows][columns];
        List<PlacedHeader> placed = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int column = 0;
            for (HeaderCell cell : table.header().get(r)) {
                while (column < columns && taken[r][column]) {
                    column++;
                }
                if (column >= columns) {
                    break;
                }
                int span = Math.min(cell.colSpan(), columns - column);
                int rowSpan = Math.min(cell.rowSpan(), rows - r);
                for (int rr = r; rr < r + rowSpan; rr++) {
                    for (int cc = column; cc < column + span; cc++) {
                        taken[rr][cc] = true;
                    }
                }
                float cellWidth = x[column + span] - x[column] - 2 * CELL_PAD_X;
                placed.add(new PlacedHeader(new HeaderCell(cell.text(), span, rowSpan), r, column,
                        wrap(cell.text(), size, cellWidth, 0)));
                column += span;
            }
        }
        return placed;
    }

    private static float[] headerRowHeights(Table table, List<PlacedHeader> header, float leading) {
        float[] heights = new float[table.header().size()];
        for (int r = 0; r < heights.length; r++) {
            heights[r] = leading + 2 * CELL_PAD_Y;
        }
        for (PlacedHeader h : header) {
            if (h.cell().rowSpan() == 1) {
                heights[h.row()] = Math.max(heights[h.row()], h.lines().size() * leading + 2 * CELL_PAD_Y);
            }
        }
        for (PlacedHeader h : header) {
            if (h.cell().rowSpan() > 1) {
                float need = h.lines().size() * leading + 2 * CELL_PAD_Y;
                float have = 0;
                for (int r = h.row(); r < h.row() + h.cell().rowSpan(); r++) {
                    have += heights[r];
                }
                if (need > have) {
                    heights[h.row() + h.cell().rowSpan() - 1] += need - have;
                }
            }
        }
        return heights;
    }

    private void drawHeader(List<PlacedHeader> header, float[] rowHeights, float[] x, float size, float leading) {
        if (header.isEmpty()) {
            return;
        }
        float[] rowTop = new float[rowHeights.length + 1];
        rowTop[0] = y;
        for (int r = 0; r < rowHeights.length; r++) {
            rowTop[r + 1] = rowTop[r] - rowHeights[r];
        }
        // Shading first, so that no cell's shade covers half of its neighbour's rule.
        ops.add(new Fill(x[0], rowTop[rowHeights.length], x[x.length - 1] - x[0], y - rowTop[rowHeights.length],
                HEADER_GRAY));
        for (PlacedHeader h : header) {
            float cellTop = rowTop[h.row()];
            float cellBottom = rowTop[h.row() + h.cell().rowSpan()];
            float l = x[h.column()];
            float r = x[h.column() + h.cell().colSpan()];
            box(l, cellTop, r, cellBottom);
            float textHeight = h.lines().size() * leading;
            float lineTop = cellTop - (cellTop - cellBottom - textHeight) / 2;
            for (String line : h.lines()) {
                float w = fonts.width(line, size);
                text(l + (r - l - w) / 2, baseline(lineTop, size, leading), size, line, true);
                lineTop -= leading;
            }
        }
        y = rowTop[rowHeights.length];
    }

    private List<PlacedCell> placeRow(Table table, Row row, float[] x, float size) {
        List<PlacedCell> placed = new ArrayList<>();
        int column = 0;
        int columns = table.columns().size();
        for (Cell cell : row.cells()) {
            if (column >= columns) {
                break;
            }
            int span = Math.max(1, Math.min(cell.colSpan(), columns - column));
            Align align = cell.align() != null ? cell.align()
                    : cell.label() ? Align.CENTER : table.columns().get(column).align();
            float cellWidth = x[column + span] - x[column] - 2 * CELL_PAD_X;
            placed.add(new PlacedCell(cell, column, span, align, wrap(cell.text(), size, cellWidth, 0)));
            column += span;
        }
        return placed;
    }

    private static float rowHeight(List<PlacedCell> cells, Row row, float leading) {
        float height = Math.max(leading + 2 * CELL_PAD_Y, row.minHeight());
        for (PlacedCell c : cells) {
            height = Math.max(height, c.lines().size() * leading + 2 * CELL_PAD_Y);
        }
        return height;
    }

    /** One body row of {@code height}; text sits at the top of a tall row (room left for writing), else in the middle. */
    private void drawRow(List<PlacedCell> cells, Row row, float[] x, float height, float size, float leading,
                         boolean topAligned) {
        float rowTop = y;
        float rowBottom = y - height;
        // Shading first, so that no cell's shade covers half of its neighbour's rule.
        for (PlacedCell c : cells) {
            if (c.cell().label() || row.total()) {
                float l = x[c.column()];
                float r = x[c.column() + c.span()];
                ops.add(new Fill(l, rowBottom, r - l, height, c.cell().label() ? LABEL_GRAY : TOTAL_GRAY));
            }
        }
        for (PlacedCell c : cells) {
            float l = x[c.column()];
            float r = x[c.column() + c.span()];
            box(l, rowTop, r, rowBottom);
            float textHeight = c.lines().size() * leading;
            float lineTop = topAligned && !c.cell().label() ? rowTop - CELL_PAD_Y
                    : rowTop - (height - textHeight) / 2;
            for (String line : c.lines()) {
                float w = fonts.width(line, size);
                float tx = switch (c.align()) {
                    case LEFT -> l + CELL_PAD_X;
                    case CENTER -> l + (r - l - w) / 2;
                    case RIGHT -> r - CELL_PAD_X - w;
                };
                text(tx, baseline(lineTop, size, leading), size, line, row.total());
                lineTop -= leading;
            }
        }
        y = rowBottom;
    }

    private static float baseline(float lineTop, float size, float leading) {
        return lineTop - (leading - size) / 2 - size * ASCENT;
    }

    private void box(float l, float t, float r, float b) {
        ops.add(new Line(l, t, r, t, HAIRLINE));
        ops.add(new Line(l, b, r, b, HAIRLINE));
        ops.add(new Line(l, t, l, b, HAIRLINE));
        ops.add(new Line(r, t, r, b, HAIRLINE));
    }

    // ---- forms ----

    /** Label, then the value on an underline; the block is centred and kept on one page. */
    private void fieldLines(FieldLines block) {
        float size = sizes.body();
        float spacing = size * 2.7f;
        float blockWidth = width() * 0.78f;
        float x0 = left + (width() - blockWidth) / 2;
        float labelWidth = 0;
        for (Field f : block.fields()) {
            labelWidth = Math.max(labelWidth, fonts.width(f.label() + "：", size));
        }
        float lineStart = x0 + labelWidth + 6;
        float lineEnd = x0 + blockWidth;
        List<List<String>> values = new ArrayList<>();
        int lines = 0;
        for (Field f : block.fields()) {
            List<String> wrapped = f.value().isBlank() ? List.of("") : wrap(f.value(), size, lineEnd - lineStart - 8, 0);
            values.add(wrapped);
            lines += wrapped.size();
        }
        ensure(lines * spacing);
        for (int i = 0; i < block.fields().size(); i++) {
            Field f = block.fields().get(i);
            List<String> wrapped = values.get(i);
            for (int j = 0; j < wrapped.size(); j++) {
                y -= spacing;
                if (j == 0) {
                    String label = f.label() + "：";
                    text(x0 + labelWidth - fonts.width(label, size), y, size, label, true);
                }
                text(lineStart + 4, y, size, wrapped.get(j), false);
                ops.add(new Line(lineStart, y - size * 0.35f, lineEnd, y - size * 0.35f, HAIRLINE));
            }
        }
        y -= size;
    }

    private void signatures(Signatures s) {
        float size = sizes.body();
        float lineGap = size * 2.6f;
        int lines = s.inline() ? 1 : s.labels().size();
        float height = 14 + lines * lineGap + (s.seal() != null ? lineGap : 0) + (s.date() != null ? lineGap : 0);
        ensure(height);
        y -= 14;
        if (s.inline()) {
            int n = s.labels().size();
            float segment = width() / n;
            y -= lineGap * 0.8f;
            for (int i = 0; i < n; i++) {
                String label = s.labels().get(i) + "：";
                float x0 = left + i * segment;
                float labelEnd = x0 + fonts.width(label, size);
                text(x0, y, size, label, false);
                ops.add(new Line(labelEnd + 2, y - 3, x0 + segment - 18, y - 3, HAIRLINE));
            }
        } else {
            float labelWidth = 0;
            for (String label : s.labels()) {
                labelWidth = Math.max(labelWidth, fonts.width(label + "：", size));
            }
            float lineEnd = Math.min(right, left + labelWidth + 170);
            for (String label : s.labels()) {
                y -= lineGap;
                text(left, y, size, label + "：", false);
                ops.add(new Line(left + labelWidth + 2, y - 3, lineEnd, y - 3, HAIRLINE));
            }
        }
        if (s.seal() != null) {
            y -= lineGap;
            float w = fonts.width(s.seal(), size);
            text(right - w - 10, y, size, s.seal(), false);
        }
        if (s.date() != null) {
            y -= lineGap;
            float w = fonts.width(s.date(), size);
            text(right - w - 10, y, size, s.date(), false);
        }
    }

    // ---- scans and photos ----

    /** The pages of a bound file: a PDF's own, or one A4 page with the picture under its caption. */
    private void boundFile(BoundFile file) {
        if (file.isPdf()) {
            List<PDRectangle> sizes = pdfPageSizes(file.content());
            if (!sizes.isEmpty()) {
                for (int i = 0; i < sizes.size(); i++) {
                    pages.add(new LaidPage(sizes.get(i), List.of(new Imported(file.content(), i)),
                            document.pageNumbers()));
                }
                return;
            }
        }
        newPage();
        float size = sizes.body();
        for (String line : wrap(file.caption(), size, width(), 0)) {
            y -= size * 1.5f;
            text(left, y, size, line, true);
        }
        y -= 10;
        int[] pixels = file.isPdf() ? null : imageSize(file.content());
        if (pixels == null) {
            for (String line : wrap(file.unreadable(), size, width(), 0)) {
                y -= size * 1.5f;
                text(left, y, size, line, false);
            }
            return;
        }
        float scale = Math.min(width() / pixels[0], (y - bottom) / pixels[1]);
        float w = pixels[0] * scale;
        float h = pixels[1] * scale;
        ops.add(new Image(left + (width() - w) / 2, y - h, w, h, file.content()));
        y -= h;
    }

    /** Each page's size, rotation applied; empty when the content is not a PDF PDFBox can open. */
    private static List<PDRectangle> pdfPageSizes(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            List<PDRectangle> sizes = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                boolean turned = page.getRotation() % 180 != 0;
                sizes.add(turned ? new PDRectangle(box.getHeight(), box.getWidth()) : box);
            }
            return sizes;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Width and height in pixels, read from the header only; {@code null} when it is no picture ImageIO reads. */
    private static int[] imageSize(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return w > 0 && h > 0 ? new int[]{w, h} : null;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    // ---- text ----

    private float centered(String text, float size) {
        return left + (width() - fonts.width(text, size)) / 2;
    }

    private void text(float x, float baseline, float size, String text, boolean bold) {
        if (!text.isEmpty()) {
            ops.add(new Text(x, baseline, size, text, bold, 0));
        }
    }

    /** A line of wrapped text; {@code first} for the first line of a paragraph, which an indent applies to. */
    record WrappedLine(String text, boolean first) {
    }

    List<String> wrap(String text, float size, float width, float indent) {
        return wrapLines(text, size, width, indent).stream().map(WrappedLine::text).toList();
    }

    /**
     * {@code text} broken into lines no wider than {@code width} (the first line of each paragraph
     * {@code indent} narrower): at any Chinese character, at spaces between Latin words, inside a Latin
     * word only when it is wider than a line; closing punctuation hangs rather than starting a line.
     * The text's own line breaks start new paragraphs.
     */
    List<WrappedLine> wrapLines(String text, float size, float width, float indent) {
        List<WrappedLine> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            boolean first = true;
            float room = width - indent;
            for (String token : tokens(paragraph)) {
                float w = fonts.width(token, size);
                boolean blank = token.isBlank();
                if (line.isEmpty() && blank) {
                    continue;
                }
                if (lineWidth + w <= room || (!line.isEmpty() && NO_LINE_START.contains(token))) {
                    line.append(token);
                    lineWidth += w;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(new WrappedLine(line.toString().stripTrailing(), first));
                    line.setLength(0);
                    lineWidth = 0;
                    room = width;
                    first = false;
                    if (blank) {
                        continue;
                    }
                }
                if (w <= room) {
                    line.append(token);
                    lineWidth = w;
                    continue;
                }
                // A word wider than a whole line: cut it where it must be cut.
                for (int i = 0; i < token.length(); ) {
                    int cp = token.codePointAt(i);
                    String ch = new String(Character.toChars(cp));
                    float cw = fonts.width(ch, size);
                    if (lineWidth + cw > room && !line.isEmpty()) {
                        lines.add(new WrappedLine(line.toString(), first));
                        line.setLength(0);
                        lineWidth = 0;
                        room = width;
                        first = false;
                    }
                    line.append(ch);
                    lineWidth += cw;
                    i += Character.charCount(cp);
                }
            }
            lines.add(new WrappedLine(line.toString().stripTrailing(), first));
        }
        return lines;
    }

    /**
     * Each Chinese (wide) character alone, each blank alone, and Latin words whole; opening
     * punctuation is joined to what follows it, so that no line ends with it.
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String opening = "";
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            boolean wide = DisplayWidth.of(cp) == 2;
            boolean blank = Character.isWhitespace(cp);
            if (NO_LINE_END.contains(ch)) {
                if (!word.isEmpty()) {
                    tokens.add(opening + word);
                    word.setLength(0);
                    opening = "";
                }
                opening += ch;
            } else if (wide || blank) {
                if (!word.isEmpty()) {
                    tokens.add(opening + word);
                    word.setLength(0);
                    opening = "";
                }
                if (blank && !opening.isEmpty()) {
                    tokens.add(opening);
                    opening = "";
                }
                tokens.add(opening + ch);
                opening = "";
            } else {
                word.append(ch);
            }
        }
        if (!word.isEmpty() || !opening.isEmpty()) {
            tokens.add(opening + word);
        }
        return tokens;
    }
}
