package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static cn.mediationdesk.logic.ledger.LedgerTestDatabase.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Reading ledger files into text tables, and refusing what is no ledger: no database involved. */
class LedgerReaderTest {
    private static final int SAMPLE_ROWS = 170;

    @Test
    void readsTheSampleWithItsMultiLineCellsAsOneRowEach() {
        LedgerTable table = LedgerReader.read(fixture("ledger_sample.csv"), null);

        assertThat(table.headerRow()).isEqualTo(1);
        assertThat(table.header()).hasSize(18).startsWith("线索编号", "发现日期");
        assertThat(table.rows()).hasSize(SAMPLE_ROWS);
        // A spreadsheet numbers records, not lines: record k is row k + 2 however many lines came before.
        assertThat(table.rows()).extracting(LedgerTable.Row::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(2, SAMPLE_ROWS + 1).boxed().toList());
        LedgerTable.Row third = table.rows().get(2);
        assertThat(third.cell(0)).isEqualTo("HX-00003");
        assertThat(third.cell(7)).startsWith("郭某称刘某占用公共通道").contains("\n").endsWith("邻里关系紧张");
    }

    @Test
    void detectsGbkAndSkipsTheByteOrderMark() {
        LedgerTable utf8 = LedgerReader.read(fixture("ledger_sample.csv"), null);

        assertThat(LedgerReader.read(fixture("ledger_sample_gbk.csv"), null)).isEqualTo(utf8);
        assertThat(LedgerReader.read(fixture("ledger_sample_bom.csv"), null)).isEqualTo(utf8);
        assertThat(LedgerReader.read(fixture("ledger_sample_gbk.csv"), LedgerReader.GBK)).isEqualTo(utf8);
        assertThat(LedgerReader.read(fixture("ledger_sample_bom.csv"), StandardCharsets.UTF_8)).isEqualTo(utf8);
    }

    @Test
    void aGbkFileForcedAsUtf8IsRefusedByName() {
        assertThat(fileProblem(fixture("ledger_sample_gbk.csv"), StandardCharsets.UTF_8))
                .isEqualTo(Problem.of(Problem.Field.FILE, "ledger.file.notInEncoding", "UTF-8", 1));
    }

    @Test
    void aUtf8FileForcedAsGbkIsRefusedByName() {
        assertThat(fileProblem(fixture("ledger_sample.csv"), LedgerReader.GBK))
                .isEqualTo(Problem.of(Problem.Field.FILE, "ledger.file.notInEncoding", "GBK", 1));
    }

    @Test
    void aTableWithNotOneLedgerColumnIsNoLedger() {
        // Also what mojibake headers come to when a wrong encoding happens to decode.
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> LedgerHeader.of(LedgerReader.read(fixture("not_a_ledger.csv"), null)));

        assertThat(e.problems()).extracting(RowProblem::row, p -> p.problem().key())
                .containsExactly(tuple(1, "ledger.header.noneRecognized"));
    }

    @Test
    void readsTheFirstSheetOfAWorkbookWithDatesAsDaysAndNumbersAsWritten() {
        LedgerTable table = LedgerReader.read(fixture("ledger_sample.xlsx"), null);

        assertThat(table.header()).startsWith("verification", "committee", "lead_no").endsWith("备注");
        assertThat(table.rows()).hasSize(SAMPLE_ROWS);
        LedgerTable.Row first = table.rows().getFirst();
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.cell(2)).isEqualTo("HX-00001");
        assertThat(first.cell(6)).isEqualTo("2022-07-17");      // found_on, an Excel date cell
        assertThat(first.cell(7)).isEqualTo("3");               // people: 3, not 3.0
        assertThat(first.cell(11)).isEqualTo("120000");         // amount
        // The blank row Excel shows as row 52 is skipped, and later rows keep Excel's numbers.
        assertThat(table.rows().get(49).number()).isEqualTo(51);
        assertThat(table.rows().get(50).number()).isEqualTo(53);
    }

    @Test
    void readsAnOldStyleXlsWorkbookToo() {
        LedgerTable xls = LedgerReader.read(fixture("ledger_small.xls"), null);
        LedgerTable csv = LedgerReader.read(fixture("ledger_small.csv"), null);

        assertThat(xls.header()).isEqualTo(csv.header());
        assertThat(xls.rows().get(1).cells()).startsWith("S-2", "2023-01-05", "当事人申请");
        assertThat(xls.rows()).extracting(LedgerTable.Row::number).containsExactly(2, 3, 4, 5);
    }

    @Test
    void refusesAnEmptyFileButReadsAHeaderWithoutRows() {
        assertThat(fileProblem(fixture("empty.csv"), null).key()).isEqualTo("ledger.file.empty");
        // An untouched template (issue 11) is an empty ledger, not a broken one.
        LedgerTable headerOnly = LedgerReader.read(fixture("header_only.csv"), null);
        assertThat(headerOnly.header()).contains("线索编号", "移交单位");
        assertThat(headerOnly.rows()).isEmpty();
    }

    @Test
    void refusesFilesThatAreNeitherCsvNorAWorkbook() {
        assertThat(fileProblem(fixture("not_a_ledger.pdf"), null).key()).isEqualTo("ledger.file.notLedger");
        assertThat(fileProblem(fixture("not_a_workbook.xlsx"), null).key()).isEqualTo("ledger.file.badWorkbook");
        assertThat(fileProblem(fixture("damaged.xls"), null).key()).isEqualTo("ledger.file.badWorkbook");
        assertThat(fileProblem(fixture("bad_encoding.csv"), null))
                .isEqualTo(Problem.of(Problem.Field.FILE, "ledger.file.encodingUnknown", "UTF-8", 2));
    }

    @Test
    void namesAFileThatIsNotThere(@TempDir Path dir) {
        Path missing = dir.resolve("台账.csv");

        assertThat(fileProblem(missing, null)).isEqualTo(Problem.of(Problem.Field.FILE, "ledger.file.notFound", missing));
    }

    @Test
    void refusesAHeaderWithoutRequiredColumnsNamingEachOne() {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> LedgerHeader.of(LedgerReader.read(fixture("missing_required_header.csv"), null)));

        assertThat(e.problems()).containsExactly(
                new RowProblem(1, null, Problem.of(Problem.Field.COLUMN, "ledger.header.missing", "发现日期", "found_on")),
                new RowProblem(1, null, Problem.of(Problem.Field.COLUMN, "ledger.header.missing", "纠纷类型", "dispute_type")));
    }

    @Test
    void refusesAColumnGivenTwiceUnderItsTwoNames() {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> LedgerHeader.of(LedgerReader.read(fixture("column_twice.csv"), null)));

        assertThat(e.problems()).containsExactly(
                new RowProblem(1, "found_on", Problem.of(Problem.Field.COLUMN, "ledger.header.twice", "发现日期")));
    }

    @Test
    void reportsUnknownColumnsWithoutRefusingThem() {
        LedgerHeader header = LedgerHeader.of(LedgerReader.read(fixture("ledger_sample.xlsx"), null));

        assertThat(header.unknownColumns()).containsExactly("备注");
        assertThat(header.name(LedgerColumn.FOUND_ON)).isEqualTo("found_on");
        assertThat(header.name(LedgerColumn.TRANSFERRED_TO)).isEqualTo("移交单位"); // absent: its Chinese name
        assertThat(header.has(LedgerColumn.DUPLICATE_OF)).isFalse();
    }

    private static Problem fileProblem(Path file, Charset charset) {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> LedgerReader.read(file, charset));
        assertThat(e).as("refused").isNotNull();
        List<RowProblem> problems = e.problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().row()).isEqualTo(RowProblem.WHOLE_FILE);
        return problems.getFirst().problem();
    }
}
