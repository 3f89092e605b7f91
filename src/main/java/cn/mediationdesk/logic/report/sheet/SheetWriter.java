package cn.mediationdesk.logic.report.sheet;

import cn.mediationdesk.logic.CellNeutralizer;
import cn.mediationdesk.logic.tally.DisplayWidth;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes one sheet as an office expects it: a title block (title, jurisdiction, period, as-of day),
 * a bold header row that stays in view (frozen) while scrolling, numbers as numbers, dates as date
 * cells, and column widths to fit what was written (a Chinese character counts twice). Every text
 * cell goes through {@link CellNeutralizer}, so that a name or summary that reads like a formula
 * stays text also when the workbook is saved again as CSV.
 */
final class SheetWriter {
    /** A percentage as the tally gives it (73.6), printed with one decimal. */
    record Rate(BigDecimal value) {
    }

    /** Money (yuan, or 万元 on the statistics table), printed with two decimals and thousands separated. */
    record Money(BigDecimal value) {
    }

    /** The cell styles of one workbook, made once: a workbook holds a limited number of them. */
    static final class Styles {
        final CellStyle title;
        final CellStyle scope;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle rate;
        final CellStyle money;
        final CellStyle date;
        final CellStyle totalText;
        final CellStyle totalInteger;
        final CellStyle totalRate;
        final CellStyle totalMoney;

        Styles(Workbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            scope = workbook.createCellStyle();
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            var format = workbook.createDataFormat();
            text = bordered(workbook);
            integer = bordered(workbook);
            integer.setDataFormat(format.getFormat("0"));
            rate = bordered(workbook);
            rate.setDataFormat(format.getFormat("0.0"));
            money = bordered(workbook);
            money.setDataFormat(format.getFormat("#,##0.00"));
            date = bordered(workbook);
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            date.setAlignment(HorizontalAlignment.CENTER);
            totalText = total(workbook, text, bold);
            totalInteger = total(workbook, integer, bold);
            totalRate = total(workbook, rate, bold);
            totalMoney = total(workbook, money, bold);
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }

        private static CellStyle total(Workbook workbook, CellStyle base, Font bold) {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setFont(bold);
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }

    private static final int MAX_WIDTH = 60;

    private final Sheet sheet;
    private final Styles styles;
    private final int[] widths;
    private int next;
    private int headerRow = -1;

    SheetWriter(Workbook workbook, Styles styles, String name, int columns) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
        this.widths = new int[columns];
    }

    /** The title in bold across the table's width, then one line for each part of the scope, then a blank row. */
    SheetWriter titleBlock(String title, List<String> scope) {
        Row row = sheet.createRow(next);
        Cell cell = row.createCell(0);
        text(cell, title);
        cell.setCellStyle(styles.title);
        row.setHeightInPoints(22);
        if (widths.length > 1) {
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, widths.length - 1));
        }
        next++;
        for (String line : scope) {
            Cell c = sheet.createRow(next++).createCell(0);
            text(c, line);
            c.setCellStyle(styles.scope);
        }
        next++;
        return this;
    }

    SheetWriter header(List<String> headers) {
        Row row = sheet.createRow(next);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            text(cell, headers.get(i));
            cell.setCellStyle(styles.header);
            widen(i, headers.get(i));
        }
        headerRow = next++;
        return this;
    }

    SheetWriter row(List<?> values) {
        return write(values, false);
    }

    SheetWriter total(List<?> values) {
        return write(values, true);
    }

    /** A line of text under the table (a note), outside its borders. */
    SheetWriter note(String text) {
        next++;
        for (String line : text.split("\n")) {
            Cell cell = sheet.createRow(next++).createCell(0);
            text(cell, line);
            cell.setCellStyle(styles.scope);
        }
        return this;
    }

    private SheetWriter write(List<?> values, boolean total) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Cell cell = row.createCell(i);
            switch (value) {
                case null -> cell.setCellStyle(total ? styles.totalText : styles.text);
                case Long n -> number(cell, n, total ? styles.totalInteger : styles.integer);
                case Integer n -> number(cell, n, total ? styles.totalInteger : styles.integer);
                case Rate r -> {
                    cell.setCellStyle(total ? styles.totalRate : styles.rate);
                    if (r.value() != null) {
                        cell.setCellValue(r.value().doubleValue());
                        widen(i, r.value().toPlainString());
                    }
                }
                case Money m -> {
                    cell.setCellStyle(total ? styles.totalMoney : styles.money);
                    cell.setCellValue(m.value().doubleValue());
                    widen(i, m.value().toPlainString() + "   ");
                }
                case LocalDate d -> {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.date);
                    widen(i, "2022-12-31");
                }
                default -> {
                    String text = value.toString();
                    text(cell, text);
                    cell.setCellStyle(total ? styles.totalText : styles.text);
                    widen(i, text);
                }
            }
        }
        return this;
    }

    /** A text cell: never a formula, whatever the text begins with. */
    private static void text(Cell cell, String text) {
        cell.setCellValue(CellNeutralizer.neutralize(text));
    }

    private void number(Cell cell, long n, CellStyle style) {
        cell.setCellValue(n);
        cell.setCellStyle(style);
        widen(cell.getColumnIndex(), Long.toString(n));
    }

    private void widen(int column, String text) {
        if (column < widths.length) {
            widths[column] = Math.max(widths[column], Math.min(MAX_WIDTH, DisplayWidth.of(text) + 2));
        }
    }

    /** Sets the widths and freezes everything down to the header row (and the first column, where the names are). */
    void finish() {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, Math.max(8, widths[i]) * 256);
        }
        if (headerRow >= 0) {
            sheet.createFreezePane(1, headerRow + 1);
        }
    }
}
