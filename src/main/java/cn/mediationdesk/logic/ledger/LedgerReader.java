package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.CellNeutralizer;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a ledger file into a {@link LedgerTable}: an Excel workbook (its first sheet) or CSV text in
 * UTF-8 (with or without BOM) or GBK. The kind of file is told from its content, not its name,
 * because files are often renamed on their way from one office to another.
 * <p>
 * A file from elsewhere may be damaged or hostile, so reading refuses, with the row or line named:
 * a CSV row with more or fewer fields than the header (a file cut short mid-row), a CSV that ends
 * inside a quoted cell, bytes that are not text in the encoding, and anything beyond the limits
 * below, which keep an import well inside the memory of an office PC. A workbook is read as a
 * stream of rows (not as a whole document in memory), with POI's guards against zip bombs on.
 * A cell that an export of ours wrote with a protective quote ({@link CellNeutralizer}) is read
 * back without it.
 */
public final class LedgerReader {
    public static final Charset GBK = Charset.forName("GBK");

    /**
     * The largest CSV ledger read: 100 MB. Read whole, it takes some three times that in memory
     * (bytes, text, cells); 200,000 rows of the sample's kind are under 50 MB.
     */
    public static final long MAX_CSV_BYTES = 100L * 1024 * 1024;
    /** The largest workbook read (XLSX or XLS): 50 MB. */
    public static final long MAX_WORKBOOK_BYTES = 50L * 1024 * 1024;
    /** The most any one part of an XLSX (a sheet, the shared texts) may unpack to: 256 MB. */
    public static final long MAX_WORKBOOK_PART_BYTES = 256L * 1024 * 1024;
    /** POI's zip-bomb guard: a part may not unpack to more than 100 times its packed size. */
    private static final double MIN_INFLATE_RATIO = 0.01;
    /**
     * The most data rows one import takes, all checked and written in one transaction; a larger
     * ledger is imported in parts. (100,000 rows take some 150 MB as cells.)
     */
    public static final int MAX_ROWS = 200_000;
    /** The longest cell read: what an Excel cell can hold at most. */
    public static final int MAX_CELL_LENGTH = 32_767;
    /** UTF-8 text with this many non-ASCII characters before a bad byte is damaged UTF-8, not GBK. */
    private static final int UTF8_EVIDENCE = 8;

    private static final char BOM = '\uFEFF';
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(false) // a blank line is a row in a spreadsheet too: keep the numbering
            .get();
    /** The same, except that the end of the file may close a quoted cell: only to tell why {@link #CSV} failed. */
    private static final CSVFormat CSV_LENIENT_EOF = CSV.builder().setLenientEof(true).get();

    static {
        // POI's guards are process-wide settings; make sure they are on wherever a ledger is read.
        ZipSecureFile.setMinInflateRatio(Math.max(ZipSecureFile.getMinInflateRatio(), MIN_INFLATE_RATIO));
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), MAX_WORKBOOK_PART_BYTES));
    }

    private LedgerReader() {
    }

    /**
     * Reads {@code file}; {@code charset} forces the encoding of a CSV file, {@code null} detects it
     * (valid UTF-8 is UTF-8, anything else GBK).
     *
     * @throws LedgerRejectedException when the file cannot be read as a ledger at all
     */
    public static LedgerTable read(Path file, Charset charset) {
        byte[] start;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(8);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw reject("ledger.file.notFound", file);
        } catch (IOException e) {
            throw reject("ledger.file.unreadable", file, e.getMessage());
        }
        boolean xlsx = isXlsx(start);
        boolean workbook = xlsx || isXls(start);
        long limit = workbook ? MAX_WORKBOOK_BYTES : MAX_CSV_BYTES;
        if (size > limit) {
            throw reject("ledger.file.tooLarge", megabytes(size), megabytes(limit));
        }
        Rows rows = new Rows(!workbook);
        if (xlsx) {
            readXlsx(file, rows);
        } else if (workbook) {
            readXls(file, rows);
        } else {
            Text text = text(readAll(file), charset);
            readCsv(text.text(), rows);
            if (text.cutInCharacter()) {
                // Cut at a byte, not at a line: whatever the last row now says, it is not what was written.
                throw new LedgerRejectedException(new RowProblem(rows.count(), null,
                        Problem.of(Field.FILE, "ledger.file.truncated")));
            }
        }
        return rows.table();
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw reject("ledger.file.unreadable", file, e.getMessage());
        }
    }

    /** Megabytes rounded up, so that a file just over the limit does not read as being at it. */
    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    /**
     * The rows as they are read, checked on the way: their number, each cell's length, and for CSV
     * that every row has as many fields as the header.
     */
    private static final class Rows {
        private final boolean csv;
        private final List<List<String>> rows = new ArrayList<>();
        private int headerIndex = -1;

        Rows(boolean csv) {
            this.csv = csv;
        }

        /** Adds the next row (rows Excel never stored come as empty ones). */
        void add(List<String> cells) {
            int number = rows.size() + 1;
            if (headerIndex >= 0 && number - (headerIndex + 1) > MAX_ROWS) {
                throw reject("ledger.file.tooManyRows", MAX_ROWS);
            }
            List<String> restored = new ArrayList<>(cells.size());
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i) == null ? "" : cells.get(i);
                if (cell.length() > MAX_CELL_LENGTH) {
                    throw new LedgerRejectedException(new RowProblem(number, columnName(i),
                            Problem.of(Field.FILE, "ledger.file.cellTooLong", cell.length(), MAX_CELL_LENGTH)));
                }
                restored.add(CellNeutralizer.restore(cell));
            }
            rows.add(restored);
            // The header is the first row of more than one cell, or of one that names a column: a title
            // block above it (a sheet's title, the scope lines of an exported ledger) is passed over.
            if (headerIndex < 0 && looksLikeHeader(restored)) {
                headerIndex = rows.size() - 1;
            }
        }

        int count() {
            return rows.size();
        }

        private static boolean looksLikeHeader(List<String> cells) {
            List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
            return filled.size() > 1 || filled.size() == 1 && LedgerColumn.byHeader(filled.getFirst()).isPresent();
        }

        /** A column by its header, or by its letter where the header is blank or not read yet. */
        private String columnName(int index) {
            if (headerIndex >= 0 && index < rows.get(headerIndex).size() && !rows.get(headerIndex).get(index).isBlank()) {
                return rows.get(headerIndex).get(index).strip();
            }
            return CellReference.convertNumToColString(index);
        }

        LedgerTable table() {
            if (headerIndex < 0) {
                throw reject("ledger.file.empty");
            }
            List<String> header = rows.get(headerIndex);
            List<LedgerTable.Row> data = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            for (int i = headerIndex + 1; i < rows.size(); i++) {
                List<String> cells = rows.get(i);
                if (LedgerTable.isBlank(cells)) {
                    continue;
                }
                // A spreadsheet writes every field of every row; a short row is a file cut short (or a
                // cell with an unquoted comma), and reading it would shift or drop its last columns.
                if (csv && cells.size() != header.size()) {
                    problems.add(new RowProblem(i + 1, null, Problem.of(Field.FILE, "ledger.file.fieldCount",
                            cells.size(), header.size())));
                }
                data.add(new LedgerTable.Row(i + 1, cells));
            }
            if (!problems.isEmpty()) {
                throw new LedgerRejectedException(problems);
            }
            return new LedgerTable(headerIndex + 1, header, data);
        }
    }

    // ---- CSV ----

    /**
     * A CSV file's text.
     *
     * @param cutInCharacter the file ended halfway through a character: it was cut short at a byte
     */
    private record Text(String text, boolean cutInCharacter) {
    }

    private static Text text(byte[] bytes, Charset forced) {
        if (forced == null && looksBinary(bytes)) {
            throw reject("ledger.file.notLedger");
        }
        Text text;
        if (forced != null) {
            Decoding decoding = decode(bytes, forced);
            if (decoding.text() != null) {
                text = new Text(decoding.text(), false);
            } else if (decoding.cutAtEnd(bytes)) {
                text = decoding.beforeCut(bytes);
            } else {
                throw reject("ledger.file.notInEncoding", forced.name(), decoding.line(bytes));
            }
        } else {
            text = detected(bytes);
        }
        String s = text.text();
        return !s.isEmpty() && s.charAt(0) == BOM ? new Text(s.substring(1), text.cutInCharacter()) : text;
    }

    /** UTF-8 if the file is valid UTF-8, else GBK if it is valid GBK; else refused naming the line that is neither. */
    private static Text detected(byte[] bytes) {
        Decoding utf8 = decode(bytes, StandardCharsets.UTF_8);
        if (utf8.text() != null) {
            return new Text(utf8.text(), false);
        }
        if (utf8.cutAtEnd(bytes)) {
            return utf8.beforeCut(bytes);
        }
        // Chinese UTF-8 text with one damaged line would often decode as GBK, into nonsense.
        if (utf8.nonAsciiBefore(bytes) >= UTF8_EVIDENCE) {
            throw reject("ledger.file.encodingUnknown", "UTF-8", utf8.line(bytes));
        }
        Decoding gbk = decode(bytes, GBK);
        if (gbk.text() != null) {
            return new Text(gbk.text(), false);
        }
        if (gbk.cutAtEnd(bytes)) {
            return gbk.beforeCut(bytes);
        }
        Decoding further = gbk.badByte() > utf8.badByte() ? gbk : utf8;
        throw reject("ledger.file.encodingUnknown", further.charset().name(), further.line(bytes));
    }

    /** The text, or where the first byte sequence that is no text in {@code charset} begins. */
    private record Decoding(Charset charset, String text, int badByte) {
        /** The line of the file that holds the bad byte, counting from 1. */
        int line(byte[] bytes) {
            int line = 1;
            for (int i = 0; i < badByte; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        }

        /**
         * Whether the bytes from the bad one on are the beginning of a character that the end of the
         * file cut off: they need more bytes rather than being wrong.
         */
        boolean cutAtEnd(byte[] bytes) {
            int tail = bytes.length - badByte;
            if (tail <= 0 || tail > 3) { // no character of UTF-8 or GBK is longer than four bytes
                return false;
            }
            CoderResult result = decoder(charset).decode(ByteBuffer.wrap(bytes, badByte, tail), CharBuffer.allocate(4), false);
            return result.isUnderflow();
        }

        /** The text before the cut-off character. */
        Text beforeCut(byte[] bytes) {
            return new Text(decode(Arrays.copyOf(bytes, badByte), charset).text(), true);
        }

        /** How many characters of more than one byte come before the bad byte (in UTF-8: their lead bytes). */
        int nonAsciiBefore(byte[] bytes) {
            int count = 0;
            for (int i = 0; i < badByte; i++) {
                if ((bytes[i] & 0xC0) == 0xC0) {
                    count++;
                }
            }
            return count;
        }
    }

    private static Decoding decode(byte[] bytes, Charset charset) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            // Reported, not replaced: a replacement character would hide a wrong guess.
            return new Decoding(charset, decoder(charset).decode(in).toString(), -1);
        } catch (CharacterCodingException e) {
            return new Decoding(charset, null, in.position()); // the decoder stops at the bad input
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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

    private static void readCsv(String text, Rows rows) {
        long linesRead = 0;
        try (CSVParser parser = CSVParser.parse(text, CSV)) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                    linesRead = parser.getCurrentLineNumber();
                }
            } catch (UncheckedIOException e) {
                // The record that failed is the next row; it began on the line after the last one read.
                String key = endsInsideQuotes(text) ? "ledger.file.unterminatedQuote" : "ledger.file.csvMalformed";
                throw new LedgerRejectedException(new RowProblem(rows.count() + 1, null,
                        Problem.of(Field.FILE, key, linesRead + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /**
     * commons-csv fails alike on a quote that is never closed and on text after a closing quote.
     * Parsing again with the end of the file allowed to close a quote tells them apart: only the
     * first then succeeds.
     */
    private static boolean endsInsideQuotes(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSV_LENIENT_EOF)) {
            parser.forEach(record -> { });
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
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

    /**
     * The first sheet of an XLSX, streamed row by row: a workbook held whole in memory takes some
     * ten times its unpacked size, which a large (or hostile) one would not leave.
     */
    private static void readXlsx(Path file, Rows rows) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = usesDate1904(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw reject("ledger.file.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                        new SheetRows(rows), new LedgerCellFormat(date1904), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (LedgerRejectedException e) {
            throw e;
        } catch (Exception e) {
            // POI signals a damaged, encrypted or non-workbook ZIP with assorted exceptions.
            throw workbookProblem(e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // opened for reading: nothing to save
            }
        }
    }

    /** Whether the workbook counts days from 1904 (old Mac Excel) instead of 1900. */
    private static boolean usesDate1904(XSSFReader reader) throws Exception {
        boolean[] date1904 = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return date1904[0];
    }

    /** Collects the streamed cells of each row in column order, with blanks for the cells Excel did not store. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            while (rows.count() < rowNum) {
                rows.add(List.of()); // rows Excel never stored are blank rows
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(List.copyOf(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(value == null ? "" : value);
            }
        }
    }

    /**
     * Numbers as a person wrote them (3, not 3.0) and date cells as days ({@code 2022-03-05}), which
     * is how the rows of a CSV file read too.
     */
    private static final class LedgerCellFormat extends DataFormatter {
        private final boolean date1904;

        LedgerCellFormat(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString();
            }
            return plain(value);
        }
    }

    /** An old-style .xls: at most 65,536 rows, read whole. */
    private static void readXls(Path file, Rows rows) {
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new HSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw reject("ledger.file.empty");
            }
            for (Row row : workbook.getSheetAt(0)) {
                while (rows.count() < row.getRowNum()) {
                    rows.add(List.of());
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, cell.getCellType()));
                }
                rows.add(cells);
            }
        } catch (LedgerRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw workbookProblem(e);
        }
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

    /**
     * Why POI could not read a workbook: too large once unpacked (POI's zip-bomb guard or its
     * limit on a record's size), or not a readable workbook at all.
     */
    private static LedgerRejectedException workbookProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean bomb = t.getMessage() != null && t.getMessage().startsWith("Zip bomb detected");
            if (bomb || t instanceof RecordFormatException) {
                return reject("ledger.file.workbookTooLarge", megabytes(MAX_WORKBOOK_PART_BYTES),
                        Math.round(1 / MIN_INFLATE_RATIO));
            }
        }
        return reject("ledger.file.badWorkbook");
    }

    private static LedgerRejectedException reject(String key, Object... args) {
        return new LedgerRejectedException(RowProblem.ofFile(Problem.of(Field.FILE, key, args)));
    }
}
