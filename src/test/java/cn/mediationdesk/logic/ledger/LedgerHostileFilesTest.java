package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files that are damaged or built to do harm: cut short, cut inside a quote, with bad bytes, too
 * large, with a zip bomb. Each is refused with the row or line named, and nothing is written.
 */
class LedgerHostileFilesTest {
    /** ledger_sample.csv has 170 rows; its header is row 1, so its last row is 171. */
    private static final int SAMPLE_LAST_ROW = 171;

    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private byte[] sample;

    @BeforeEach
    void open() throws IOException {
        db = LedgerTestDatabase.create(dir);
        sample = Files.readAllBytes(LedgerTestDatabase.fixture("ledger_sample.csv"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Where the line that begins with {@code start} begins in the sample. */
    private int offsetOf(String start) {
        String text = new String(sample, StandardCharsets.UTF_8);
        int at = text.indexOf("\n" + start);
        assertThat(at).as(start).isPositive();
        return text.substring(0, at + 1).getBytes(StandardCharsets.UTF_8).length;
    }

    private List<RowProblem> refusedOnImport(Path file) {
        Map<String, Long> before = db.footprint();
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(file, new ImportOptions(false, true, null)));
        assertThat(e).as("refused").isNotNull();
        assertThat(db.footprint()).as("nothing written").isEqualTo(before);
        return e.problems();
    }

    private static RowProblem refusedOnReading(Path file) {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class, () -> LedgerReader.read(file, null));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().getFirst();
    }

    // ---- cut short ----

    @Test
    void theSampleCutMidRowIsRefusedNamingItsLastRow() throws IOException {
        // Cut after "HX-00027,2022-": the 27th lead keeps two of its eighteen fields.
        int row28 = offsetOf("HX-00027,");
        Path cut = write("cut.csv", Arrays.copyOf(sample, row28 + "HX-00027,2022-".length()));

        assertThat(refusedOnImport(cut)).containsExactly(
                new RowProblem(28, null, Problem.of(Field.FILE, "ledger.file.fieldCount", 2, 18)));
    }

    @Test
    void theSampleCutInsideAQuotedCellIsRefusedNamingItsLastRowAndTheLineTheQuoteOpens() throws IOException {
        // HX-00146 (row 147) has a summary over two lines; cut inside it.
        String text = new String(sample, StandardCharsets.UTF_8);
        int start = text.indexOf("\nHX-00146,") + 1;
        int quote = text.indexOf('"', start);
        byte[] bytes = text.substring(0, quote + 4).getBytes(StandardCharsets.UTF_8);
        long line = text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        Path cut = write("cut.csv", bytes);

        assertThat(refusedOnImport(cut)).containsExactly(
                new RowProblem(147, null, Problem.of(Field.FILE, "ledger.file.unterminatedQuote", line)));
    }

    @Test
    void aFileCutHalfwayThroughACharacterIsRefusedAsIncomplete() throws IOException {
        // The last row ends "…,2023/3/14,重复,,,," — cut after the first byte of 重.
        String text = new String(sample, StandardCharsets.UTF_8);
        int chong = text.lastIndexOf("重复");
        int bytes = text.substring(0, chong).getBytes(StandardCharsets.UTF_8).length + 1;
        Path cut = write("cut.csv", Arrays.copyOf(sample, bytes));

        assertThat(refusedOnImport(cut)).containsExactly(
                new RowProblem(SAMPLE_LAST_ROW - 4, null, Problem.of(Field.FILE, "ledger.file.truncated")));
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRefusedToo() throws IOException {
        Path file = write("extra.csv", String.join("\n",
                "发现日期,线索来源,社区,调委会,纠纷类型,简要情况",
                "2023-03-01,主动排查,南池村,南池村人民调解委员会,邻里,两户因晾晒衣物发生口角",
                "2023-03-02,主动排查,南池村,南池村人民调解委员会,邻里,张某,李某因排水沟争执",
                "").getBytes(StandardCharsets.UTF_8));

        assertThat(refusedOnImport(file)).containsExactly(
                new RowProblem(3, null, Problem.of(Field.FILE, "ledger.file.fieldCount", 7, 6)));
    }

    @Test
    void textAfterAClosingQuoteIsAMalformedRowNotAnUnclosedQuote() throws IOException {
        Path file = write("malformed.csv", String.join("\n",
                "发现日期,线索来源,社区,调委会,纠纷类型,简要情况",
                "2023-03-01,主动排查,南池村,南池村人民调解委员会,邻里,两户因晾晒衣物发生口角",
                "2023-03-02,主动排查,南池村,南池村人民调解委员会,邻里,\"张某\"与李某",
                "2023-03-03,主动排查,南池村,南池村人民调解委员会,邻里,王某",
                "").getBytes(StandardCharsets.UTF_8));

        assertThat(refusedOnImport(file)).containsExactly(
                new RowProblem(3, null, Problem.of(Field.FILE, "ledger.file.csvMalformed", 3L)));
    }

    // ---- encodings ----

    @Test
    void aBadByteInUtf8TextNamesItsLineInsteadOfReadingTheFileAsGbk() throws IOException {
        // 0x81 0x40 is a GBK character, so the file also decodes as GBK: into nonsense.
        int row50 = offsetOf("HX-00049,");
        byte[] bytes = new byte[sample.length + 2];
        System.arraycopy(sample, 0, bytes, 0, row50);
        bytes[row50] = (byte) 0x81;
        bytes[row50 + 1] = 0x40;
        System.arraycopy(sample, row50, bytes, row50 + 2, sample.length - row50);
        int line = (int) new String(Arrays.copyOf(sample, row50), StandardCharsets.UTF_8).chars()
                .filter(c -> c == '\n').count() + 1;
        Path damaged = write("damaged.csv", bytes);

        assertThat(refusedOnReading(damaged)).isEqualTo(
                RowProblem.ofFile(Problem.of(Field.FILE, "ledger.file.encodingUnknown", "UTF-8", line)));
        assertThat(catchThrowableOfType(LedgerRejectedException.class,
                () -> LedgerReader.read(damaged, StandardCharsets.UTF_8)).problems()).containsExactly(
                RowProblem.ofFile(Problem.of(Field.FILE, "ledger.file.notInEncoding", "UTF-8", line)));
    }

    // ---- sizes ----

    @Test
    void aCsvFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("发现日期\n".getBytes(StandardCharsets.UTF_8));
            file.setLength(LedgerReader.MAX_CSV_BYTES + 1); // sparse: no disk and no time
        }

        assertThat(refusedOnReading(huge)).isEqualTo(RowProblem.ofFile(
                Problem.of(Field.FILE, "ledger.file.tooLarge", 101L, 100L)));
    }

    @Test
    void aWorkbookOverItsSizeLimitIsRefusedBeforeItIsOpened() throws IOException {
        Path huge = dir.resolve("huge.xlsx");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(new byte[]{0x50, 0x4B, 0x03, 0x04});
            file.setLength(LedgerReader.MAX_WORKBOOK_BYTES + 1);
        }

        assertThat(refusedOnReading(huge)).isEqualTo(RowProblem.ofFile(
                Problem.of(Field.FILE, "ledger.file.tooLarge", 51L, 50L)));
    }

    @Test
    void moreRowsThanOneImportTakesAreRefusedWhileReading() throws IOException {
        Path file = dir.resolve("many.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("发现日期,简要情况\n");
            for (int i = 0; i <= LedgerReader.MAX_ROWS; i++) {
                out.write("2023-03-01,x\n");
            }
        }

        assertThat(refusedOnReading(file)).isEqualTo(RowProblem.ofFile(
                Problem.of(Field.FILE, "ledger.file.tooManyRows", LedgerReader.MAX_ROWS)));
    }

    @Test
    void theMostRowsOneImportTakesAreRead() throws IOException {
        Path file = dir.resolve("many.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("发现日期,简要情况\n");
            for (int i = 0; i < LedgerReader.MAX_ROWS; i++) {
                out.write("2023-03-01,x\n");
            }
        }

        assertThat(LedgerReader.read(file, null).rows()).hasSize(LedgerReader.MAX_ROWS);
    }

    @Test
    void aCellLongerThanAnExcelCellIsRefusedNamingItsRowAndColumn() throws IOException {
        Path file = write("long.csv", ("发现日期,简要情况\n2023-03-01,ok\n2023-03-02," + "长".repeat(LedgerReader.MAX_CELL_LENGTH + 1)
                + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(refusedOnReading(file)).isEqualTo(new RowProblem(3, "简要情况",
                Problem.of(Field.FILE, "ledger.file.cellTooLong", LedgerReader.MAX_CELL_LENGTH + 1,
                        LedgerReader.MAX_CELL_LENGTH)));
    }

    @Test
    void aWorkbookCellLongerThanAnExcelCellIsRefusedWhileStreaming() throws IOException {
        Path file = dir.resolve("long.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("台账");
            sheet.createRow(0).createCell(0).setCellValue("简要情况");
            // Excel refuses to hold more; a file written by another program need not.
            var cell = sheet.createRow(1).createCell(0);
            cell.setCellValue("x");
            workbook.write(out);
        }
        Path hostile = dir.resolve("hostile.xlsx");
        try (ZipFile in = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream part = in.getInputStream(entry)) {
                    byte[] bytes = part.readAllBytes();
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replace("<t>x</t>",
                                "<t>" + "长".repeat(LedgerReader.MAX_CELL_LENGTH + 1) + "</t>").getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }

        assertThat(refusedOnReading(hostile)).isEqualTo(new RowProblem(2, "简要情况",
                Problem.of(Field.FILE, "ledger.file.cellTooLong", LedgerReader.MAX_CELL_LENGTH + 1,
                        LedgerReader.MAX_CELL_LENGTH)));
    }

    @Test
    void aZipBombIsRefusedAsAWorkbookTooLargeNotReadIntoMemory() throws IOException {
        // A sheet of 64 MB of blanks packs into some 64 KB: far beyond the ratio POI allows.
        Path bomb = dir.resolve("bomb.xlsx");
        Path template = dir.resolve("template.xlsx");
        Files.write(template, workbookBytes());
        try (ZipFile in = new ZipFile(template.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream part = in.getInputStream(entry)) {
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        String xml = new String(part.readAllBytes(), StandardCharsets.UTF_8);
                        int data = xml.indexOf("<sheetData>");
                        out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
                        byte[] blanks = new byte[1024 * 1024];
                        Arrays.fill(blanks, (byte) ' ');
                        for (int i = 0; i < 64; i++) {
                            out.write(blanks);
                        }
                        out.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
                    } else {
                        part.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);

        assertThat(refusedOnReading(bomb)).isEqualTo(RowProblem.ofFile(
                Problem.of(Field.FILE, "ledger.file.workbookTooLarge", 256L, 100L)));
    }

    @Test
    void aWorkbookIsReadAsAStreamOfRowsWithTheSameCellsAsTheCsv() throws IOException {
        Path file = dir.resolve("ledger.xlsx");
        Files.write(file, workbookBytes());

        LedgerTable table = LedgerReader.read(file, null);

        assertThat(table.header()).containsExactly("发现日期", "简要情况", "涉及人数");
        assertThat(table.rows()).extracting(LedgerTable.Row::number).containsExactly(2, 4);
        assertThat(table.rows().getFirst().cells()).containsExactly("2023-03-01", "=1+2", "3");
        assertThat(table.rows().get(1).cells()).containsExactly("", "'abc");
    }

    /** A small workbook: a header, a row with a quoted formula-like text, a blank row, a row with a gap. */
    private static byte[] workbookBytes() throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("发现日期");
            header.createCell(1).setCellValue("简要情况");
            header.createCell(2).setCellValue("涉及人数");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("2023-03-01");
            row.createCell(1).setCellValue("'=1+2"); // as our exports write =1+2
            row.createCell(2).setCellValue(3);
            sheet.createRow(3).createCell(1).setCellValue("'abc");
            try (OutputStream out = bytes) {
                workbook.write(out);
            }
            return bytes.toByteArray();
        }
    }
}
