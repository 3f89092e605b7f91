package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a ledger file into a {@link LedgerTable}: an Excel workbook (its first sheet) or CSV text in
 * UTF-8 (with or without BOM) or GBK. The kind of file is told from its content, not its name,
 * because files are often renamed on their way from one office to another.
 */
public final class LedgerReader {
    public static final Charset GBK = Charset.forName("GBK");
    private static final char BOM = '\uFEFF';
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false) // a blank line is a row in a spreadsheet too: keep the numbering
            .get();

    private LedgerReader() {
    }

    /**
     * Reads {@code file}; {@code charset} forces the encoding of a CSV file, {@code null} detects it
     * (valid UTF-8 is UTF-8, anything else GBK).
     *
     * @throws LedgerRejectedException when the file cannot be read as a ledger at all
     */
    public static LedgerTable read(Path file, Charset charset) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw reject("ledger.file.notFound", file);
        } catch (IOException e) {
            throw reject("ledger.file.unreadable", file, e.getMessage());
        }
        List<List<String>> rows = isXlsx(bytes) || isXls(bytes) ? workbookRows(bytes) : csvRows(text(bytes, charset));
        return table(rows);
    }

    private static LedgerTable table(List<List<String>> rows) {
        int header = 0;
        while (header < rows.size() && LedgerTable.isBlank(rows.get(header))) {
            header++;
        }
        if (header == rows.size()) {
            throw reject("ledger.file.empty");
        }
        List<LedgerTable.Row> data = new ArrayList<>();
        for (int i = header + 1; i < rows.size(); i++) {
            if (!LedgerTable.isBlank(rows.get(i))) {
                data.add(new LedgerTable.Row(i + 1, rows.get(i)));
            }
        }
        if (data.isEmpty()) {
            throw reject("ledger.file.noRows");
        }
        return new LedgerTable(header + 1, rows.get(header), data);
    }

    // ---- CSV ----

    private static String text(byte[] bytes, Charset forced) {
        if (forced == null && looksBinary(bytes)) {
            throw reject("ledger.file.notLedger");
        }
        String text;
        if (forced != null) {
            text = decode(bytes, forced).orElseThrow(() -> reject("ledger.file.notInEncoding", forced.name()));
        } else {
            text = decode(bytes, StandardCharsets.UTF_8).or(() -> decode(bytes, GBK))
                    .orElseThrow(() -> reject("ledger.file.encodingUnknown"));
        }
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The text, if every byte sequence is valid in {@code charset}: a replacement character would hide a wrong guess. */
    private static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Text files in UTF-8 or GBK never hold a NUL byte; images, PDFs and UTF-16 text do. */
    private static boolean looksBinary(byte[] bytes) {
        int end = Math.min(bytes.length, 8192);
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, CSV)) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                }
            } catch (UncheckedIOException e) {
                throw reject("ledger.file.csvMalformed", parser.getCurrentLineNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
        return rows;
    }

    // ---- Excel ----

    private static boolean isXlsx(byte[] bytes) {
        return startsWith(bytes, 0x50, 0x4B, 0x03, 0x04); // a ZIP archive
    }

    /** An OLE2 compound file: an old .xls, or an .xlsx encrypted with a password. */
    private static boolean isXls(byte[] bytes) {
        return startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> workbookRows(byte[] bytes) {
        // The workbook classes directly, not WorkbookFactory: its providers are found through
        // META-INF/services, which a repackaged application can lose.
        try (Workbook workbook = isXlsx(bytes) ? new XSSFWorkbook(new ByteArrayInputStream(bytes))
                : new HSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw reject("ledger.file.empty");
            }
            return sheetRows(workbook.getSheetAt(0));
        } catch (LedgerRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI signals a damaged, encrypted or non-workbook ZIP with assorted runtime exceptions.
            throw reject("ledger.file.badWorkbook");
        }
    }

    private static List<List<String>> sheetRows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            while (rows.size() < row.getRowNum()) {
                rows.add(List.of()); // rows Excel never stored are blank rows
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : text(cell, cell.getCellType()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            case BLANK, _NONE -> "";
        };
    }

    /** A number as a person wrote it: 3 not 3.0, 23800.5 not 23800.50000000001. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static LedgerRejectedException reject(String key, Object... args) {
        return new LedgerRejectedException(RowProblem.ofFile(Problem.of(Field.FILE, key, args)));
    }
}
