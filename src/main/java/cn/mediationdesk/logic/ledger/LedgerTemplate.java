package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An empty ledger to fill in (DESIGN §8): a CSV holding only our header (an example row would be
 * imported as a lead), or a workbook whose first sheet 台账 has the header, date-formatted date
 * columns and drop-down lists for the coded columns, and a sheet 填写说明 explaining each column.
 * Imported untouched, either is an empty ledger: 0 leads added.
 */
public final class LedgerTemplate {
    public static final String LEDGER_SHEET = "台账";
    public static final String INSTRUCTIONS_SHEET = "填写说明";
    /** Holds the drop-down lists, hidden: a list written into a validation may not exceed 255 characters. */
    public static final String LISTS_SHEET = "选项";
    /** The rows (below the header) the drop-down lists and date format cover. */
    static final int PREPARED_ROWS = 5_000;

    private static final Set<LedgerColumn> DATES = EnumSet.of(LedgerColumn.FOUND_ON, LedgerColumn.VERIFIED_ON,
            LedgerColumn.ACCEPTED_ON, LedgerColumn.CLOSED_ON, LedgerColumn.DECLINED_ON);
    private static final Set<LedgerColumn> WIDE = EnumSet.of(LedgerColumn.SUMMARY, LedgerColumn.PARTIES,
            LedgerColumn.COMMITTEE, LedgerColumn.TRANSFERRED_TO);

    private final Localization l10n;

    /** @param l10n the language of the instructions; the headers are always the contract's Chinese ones */
    public LedgerTemplate(Localization l10n) {
        this.l10n = l10n;
    }

    /** Whether {@code file} names a template this class writes (.csv or .xlsx, any case). */
    public static boolean isTemplateName(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx");
    }

    /** Writes the CSV or the workbook, by the file's extension. */
    public void write(Path file, TemplateChoices choices) {
        if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".csv")) {
            writeCsv(file);
        } else {
            writeXlsx(file, choices);
        }
    }

    /** The header alone, UTF-8 with a byte order mark so that Excel opens the Chinese right. */
    public void writeCsv(Path file) {
        String header = Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header).collect(Collectors.joining(","));
        OutputFiles.writeAtomically(file, out -> out.write(("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    public void writeXlsx(Path file, TemplateChoices choices) {
        OutputFiles.writeAtomically(file, out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet ledger = workbook.createSheet(LEDGER_SHEET);
                Sheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
                Sheet lists = workbook.createSheet(LISTS_SHEET);
                fillLedger(workbook, ledger, lists, choices);
                fillInstructions(workbook, instructions, choices);
                workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
                workbook.setActiveSheet(0);
                workbook.write(out);
            }
        });
    }

    private void fillLedger(Workbook workbook, Sheet ledger, Sheet lists, TemplateChoices choices) {
        CellStyle header = headerStyle(workbook);
        CellStyle required = headerStyle(workbook);
        required.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        DataValidationHelper validations = ledger.getDataValidationHelper();
        Row row = ledger.createRow(0);
        int listColumn = 0;
        for (LedgerColumn column : LedgerColumn.values()) {
            int i = column.ordinal();
            var cell = row.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? required : header);
            ledger.setColumnWidth(i, (WIDE.contains(column) ? 28 : DATES.contains(column) ? 13 : 12) * 256);
            if (DATES.contains(column)) {
                ledger.setDefaultColumnStyle(i, date);
            } else if (column == LedgerColumn.LEAD_NO || column == LedgerColumn.DUPLICATE_OF) {
                ledger.setDefaultColumnStyle(i, text); // "001" stays "001"
            }
            List<String> values = choices.of(column);
            if (!values.isEmpty()) {
                String range = writeList(workbook, lists, listColumn++, column, values);
                DataValidationConstraint constraint = validations.createFormulaListConstraint(range);
                DataValidation validation = validations.createValidation(constraint,
                        new CellRangeAddressList(1, PREPARED_ROWS, i, i));
                validation.setShowErrorBox(false); // a value the list lacks is the import's to judge, with its reason
                validation.setSuppressDropDownArrow(true); // POI: true shows the arrow on XSSF
                ledger.addValidationData(validation);
            }
        }
        ledger.createFreezePane(0, 1);
    }

    /** A named range over one list of the hidden sheet. */
    private static String writeList(Workbook workbook, Sheet lists, int listColumn, LedgerColumn column,
                                    List<String> values) {
        for (int r = 0; r < values.size(); r++) {
            Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
            row.createCell(listColumn).setCellValue(values.get(r));
        }
        String letter = CellReference.convertNumToColString(listColumn);
        Name name = workbook.createName();
        name.setNameName("list_" + column.alias());
        name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + values.size());
        return name.getNameName();
    }

    private void fillInstructions(Workbook workbook, Sheet sheet, TemplateChoices choices) {
        CellStyle header = headerStyle(workbook);
        CellStyle wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        Row intro = sheet.createRow(0);
        intro.createCell(0).setCellValue(l10n.text("ledger.template.intro"));
        Row head = sheet.createRow(2);
        String[] titles = {l10n.text("ledger.template.head.column"), l10n.text("ledger.template.head.alias"),
                l10n.text("ledger.template.head.required"), l10n.text("ledger.template.head.values")};
        for (int i = 0; i < titles.length; i++) {
            var cell = head.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(header);
        }
        int r = 3;
        for (LedgerColumn column : LedgerColumn.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(column.alias());
            row.createCell(2).setCellValue(l10n.text(column.required() ? "ledger.template.required"
                    : "ledger.template.optional"));
            String values = l10n.text(instructionKey(column));
            if (!choices.of(column).isEmpty()) {
                values += " " + l10n.text("ledger.template.choices", String.join(" / ", choices.of(column)));
            }
            var cell = row.createCell(3);
            cell.setCellValue(values);
            cell.setCellStyle(wrapped);
        }
        Row dates = sheet.createRow(r + 1);
        dates.createCell(0).setCellValue(l10n.text("ledger.template.dates"));
        Row mapping = sheet.createRow(r + 2);
        mapping.createCell(0).setCellValue(l10n.text("ledger.template.ownLayout"));
        sheet.setColumnWidth(0, 16 * 256);
        sheet.setColumnWidth(1, 16 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 80 * 256);
    }

    /** What a column holds, in the instructions' words (written out whole, so that the bundles' keys are found). */
    private static String instructionKey(LedgerColumn column) {
        return switch (column) {
            case LEAD_NO -> "ledger.template.column.lead_no";
            case FOUND_ON -> "ledger.template.column.found_on";
            case SOURCE -> "ledger.template.column.source";
            case COMMUNITY -> "ledger.template.column.community";
            case GRID -> "ledger.template.column.grid";
            case COMMITTEE -> "ledger.template.column.committee";
            case DISPUTE_TYPE -> "ledger.template.column.dispute_type";
            case SUMMARY -> "ledger.template.column.summary";
            case PARTIES -> "ledger.template.column.parties";
            case PEOPLE -> "ledger.template.column.people";
            case AMOUNT -> "ledger.template.column.amount";
            case RISK -> "ledger.template.column.risk";
            case VERIFIED_ON -> "ledger.template.column.verified_on";
            case VERIFICATION -> "ledger.template.column.verification";
            case ACCEPTED_ON -> "ledger.template.column.accepted_on";
            case OUTCOME -> "ledger.template.column.outcome";
            case CLOSED_ON -> "ledger.template.column.closed_on";
            case AGREEMENT_FORM -> "ledger.template.column.agreement_form";
            case DUPLICATE_OF -> "ledger.template.column.duplicate_of";
            case TRANSFERRED_TO -> "ledger.template.column.transferred_to";
            case DECLINED_ON -> "ledger.template.column.declined_on";
            case DECLINED_BY -> "ledger.template.column.declined_by";
        };
    }

    private static CellStyle headerStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }
}
