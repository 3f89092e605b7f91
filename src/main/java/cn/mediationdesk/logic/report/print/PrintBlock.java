package cn.mediationdesk.logic.report.print;

import java.util.List;
import java.util.Objects;

/** One piece of a {@link PrintDocument}, drawn below the one before. */
public sealed interface PrintBlock {

    enum Align {
        LEFT, CENTER, RIGHT
    }

    /** A section heading, e.g. 一、按调委会汇总. It is never left alone at the foot of a page. */
    record Heading(String text) implements PrintBlock {
    }

    /** Running text, wrapped to the width; {@code indent}s its first line by two characters as Chinese prose does. */
    record Paragraph(String text, boolean indent, Align align) implements PrintBlock {
        public static Paragraph of(String text) {
            return new Paragraph(text, true, Align.LEFT);
        }
    }

    /** A label in bold on its own line, then its text indented below it, taking at least {@code minLines} lines. */
    record LabeledText(String label, String text, int minLines) implements PrintBlock {
    }

    /**
     * A ruled table. Its header rows repeat at the top of every page it runs onto. Tables that follow
     * each other directly share their borders, so several of them can make one form.
     */
    record Table(List<Column> columns, List<List<HeaderCell>> header, List<Row> rows) implements PrintBlock {
        public Table {
            columns = List.copyOf(columns);
            header = header.stream().map(List::copyOf).toList();
            rows = List.copyOf(rows);
        }
    }

    /** A column's share of the table's width and how its cells are aligned. */
    record Column(float weight, Align align) {
        public static Column text(float weight) {
            return new Column(weight, Align.LEFT);
        }

        public static Column number(float weight) {
            return new Column(weight, Align.RIGHT);
        }

        public static Column centered(float weight) {
            return new Column(weight, Align.CENTER);
        }
    }

    /** A header cell spanning {@code colSpan} columns and {@code rowSpan} header rows. */
    record HeaderCell(String text, int colSpan, int rowSpan) {
        public static HeaderCell of(String text) {
            return new HeaderCell(text, 1, 1);
        }
    }

    /**
     * A body row. A {@code total} row stands out (bold, shaded); {@code minHeight} (in points) keeps room
     * for what is written by hand.
     */
    record Row(List<Cell> cells, boolean total, float minHeight) {
        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(List<Cell> cells) {
            return new Row(cells, false, 0);
        }
    }

    /**
     * A body cell spanning {@code colSpan} columns. A {@code label} cell is shaded and centred, as a
     * form's field names are; {@code align} overrides the column's when not {@code null}.
     */
    record Cell(String text, int colSpan, boolean label, Align align) {
        public Cell {
            text = Objects.requireNonNullElse(text, "");
        }

        public static Cell of(String text) {
            return new Cell(text, 1, false, null);
        }

        public static Cell label(String text) {
            return new Cell(text, 1, true, null);
        }

        public static Cell spanning(String text, int colSpan) {
            return new Cell(text, colSpan, false, null);
        }
    }

    /** Fields written on lines, as on a file cover: the label, then the value on an underline. */
    record FieldLines(List<Field> fields) implements PrintBlock {
        public FieldLines {
            fields = List.copyOf(fields);
        }
    }

    /** One field of {@link FieldLines}; an empty value leaves the line to be filled in by hand. */
    record Field(String label, String value) {
        public Field {
            value = Objects.requireNonNullElse(value, "");
        }
    }

    /**
     * Where people sign: each label followed by a line to sign on. {@code inline} sets them side by side
     * (制表人 审核人 日期 under a table), else one under the other. {@code seal} (e.g. 人民调解委员会（印章）)
     * and {@code date} (e.g. 2022年3月20日), when given, stand at the right under the signatures.
     */
    record Signatures(List<String> labels, boolean inline, String seal, String date) implements PrintBlock {
        public Signatures {
            labels = List.copyOf(labels);
        }
    }

    /** Empty space of {@code points} height. */
    record Spacer(float points) implements PrintBlock {
    }

    /**
     * A scan or photo bound into a case file: a JPEG or PNG on a page of its own, scaled to fit under
     * its {@code caption}; a PDF's pages as they are. A document holding one starts it on a new page.
     *
     * @param mediaType  {@code image/jpeg}, {@code image/png} or {@code application/pdf}
     * @param unreadable the line printed under the caption instead, when the content cannot be read
     */
    record BoundFile(String mediaType, byte[] content, String caption, String unreadable) implements PrintBlock {
        public BoundFile {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
            caption = Objects.requireNonNullElse(caption, "");
            unreadable = Objects.requireNonNullElse(unreadable, "");
        }

        public boolean isPdf() {
            return mediaType.equals("application/pdf");
        }
    }

    /** What follows starts on a new page. */
    record PageBreak() implements PrintBlock {
    }
}
