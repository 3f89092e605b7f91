package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** A ledger with any problem is refused whole: every problem named by row and column, nothing written. */
class LedgerRejectionTest {
    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private Map<String, Long> before;

    @BeforeEach
    void open() {
        db = LedgerTestDatabase.create(dir).withNanchi();
        before = db.footprint();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<RowProblem> rejected(String fixture, boolean createMissing) {
        return rejected(LedgerTestDatabase.fixture(fixture), createMissing);
    }

    private List<RowProblem> rejected(Path file, boolean createMissing) {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(file, new ImportOptions(false, createMissing, null)));
        assertThat(e).as("the ledger is refused").isNotNull();
        assertThat(db.footprint()).as("nothing written").isEqualTo(before);
        return e.problems();
    }

    @Test
    void namesEveryBadRowByItsSpreadsheetRowAndColumn() {
        assertThat(rejected("bad_rows.csv", false))
                .extracting(RowProblem::row, RowProblem::column, p -> p.problem().key())
                .containsExactly(
                        tuple(3, "发现日期", "ledger.date.invalid"),
                        tuple(4, "发现日期", "rule.date.future"),
                        tuple(5, "核实日期", "rule.date.beforeEarlier"),
                        tuple(6, "调解结果", "rule.close.needsAcceptance"),
                        tuple(7, "办结日期", "rule.close.dateMissing"),
                        tuple(8, "社区", "ledger.community.unknown"),
                        tuple(9, "线索来源", "ledger.value.unknown"),
                        tuple(10, "涉及金额", "rule.amount.decimals"),
                        tuple(11, "涉及人数", "rule.people.atLeastOne"),
                        tuple(12, "线索编号", "ledger.leadNo.repeated"),
                        // Row 13 spans three lines of the file; row 14 is still the 14th row.
                        tuple(14, "调委会", "ledger.committee.unknown"),
                        tuple(15, "重复线索编号", "ledger.duplicateOf.notFound"),
                        tuple(16, "核实结果", "ledger.value.unknown"),
                        tuple(17, "简要情况", "rule.required"),
                        tuple(18, "当事人", "ledger.parties.malformed"),
                        tuple(19, "受理日期", "rule.accept.needsGenuine"),
                        tuple(20, "核实日期", "rule.verification.dateMissing"),
                        tuple(21, "移交单位", "rule.transfer.onlyForTransferred"),
                        tuple(22, "办结日期", "rule.date.beforeEarlier"),
                        tuple(23, "协议形式", "rule.agreement.onlyWhenResolved"));
    }

    @Test
    void eachLineTellsTheUserWhatIsWrongInTheirLanguage() {
        List<RowProblem> problems = rejected("bad_rows.csv", false);
        Localization zh = new Localization(Localization.CHINESE);
        Localization en = new Localization(Localization.ENGLISH);

        assertThat(problems.get(1).describe(zh)).isEqualTo("第 4 行，“发现日期”列：日期 2025-01-01 晚于今天（2024-06-30）");
        assertThat(problems.get(1).describe(en)).isEqualTo("row 4, column 发现日期: the date 2025-01-01 is after today (2024-06-30)");
        assertThat(problems.get(9).describe(zh)).isEqualTo("第 12 行，“线索编号”列：线索编号“B-001”在同一调委会中已出现在第 2 行");
        assertThat(problems.get(5).describe(en)).isEqualTo("row 8, column 社区: there is no community named or coded "
                + "\"北海村\" (to create missing communities and committees, import with --create-missing)");
        assertThat(problems.get(11).describe(zh)).isEqualTo("第 15 行，“重复线索编号”列：“南池村人民调解委员会”中没有线索编号为“NOPE”的线索");
    }

    @Test
    void creatingMissingNamesStillRefusesTheOtherProblemsAndCreatesNothing() {
        List<RowProblem> problems = rejected("bad_rows.csv", true);

        assertThat(problems).extracting(RowProblem::row).doesNotContain(8, 14).contains(3, 23);
        assertThat(db.communities()).hasSize(1);
    }

    @Test
    void namesTheColumnsOfAWorkbookByItsOwnHeadersAndRowsAsExcelNumbersThem() {
        assertThat(rejected("bad_rows.xlsx", false))
                .extracting(RowProblem::row, RowProblem::column, p -> p.problem().key())
                .containsExactly(
                        tuple(4, "amount", "rule.amount.decimals"),
                        tuple(5, "found_on", "rule.date.future"),
                        tuple(6, "found_on", "ledger.date.invalid"));
    }

    @Test
    void refusesAMissingRequiredHeader() {
        assertThat(rejected("missing_required_header.csv", false))
                .extracting(RowProblem::row, RowProblem::column, p -> p.problem().args())
                .containsExactly(tuple(1, null, List.of("发现日期", "found_on")),
                        tuple(1, null, List.of("纠纷类型", "dispute_type")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.csv", "not_a_ledger.pdf", "not_a_workbook.xlsx",
            "damaged.xls", "bad_encoding.csv"})
    void refusesFilesThatHoldNoLedger(String fixture) {
        assertThat(rejected(fixture, true)).singleElement()
                .satisfies(p -> assertThat(p.row()).isEqualTo(RowProblem.WHOLE_FILE));
    }

    @Test
    void refusesAGbkLedgerForcedAsUtf8() {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(LedgerTestDatabase.fixture("ledger_sample_gbk.csv"),
                        new ImportOptions(false, true, StandardCharsets.UTF_8)));

        // The first Chinese character of the header is no UTF-8.
        assertThat(e.problems()).containsExactly(RowProblem.ofFile(Problem.of(Field.FILE, "ledger.file.notInEncoding", "UTF-8", 1)));
        assertThat(db.footprint()).isEqualTo(before);
    }

    @Test
    void refusesDuplicatesThatRepeatEachOther() {
        assertThat(rejected("duplicate_ring.csv", false))
                .containsExactly(new RowProblem(2, "重复线索编号", Problem.of(Field.DUPLICATE_OF, "ledger.duplicateOf.ring", "R-2")));
    }

    @Test
    void refusesANewNameTooLongForTheDatabase() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "发现日期,线索来源,社区,调委会,纠纷类型,简要情况\n"
                + "2023-04-01,主动排查," + "长".repeat(101) + ",南池村人民调解委员会,邻里,社区名称太长\n");

        assertThat(rejected(file, true)).containsExactly(
                new RowProblem(2, "社区", Problem.of(Field.COMMUNITY, "rule.name.tooLong", 100)));
    }

    @Test
    void refusesALeadNumberTakenTwiceEvenWhenTheCommitteeIsNamedByCode() throws IOException {
        Path file = dir.resolve("codes.csv");
        Files.writeString(file, "lead_no,found_on,source,community,committee,dispute_type,summary\n"
                + "K-1,2023-04-01,主动排查,SQ001,南池村人民调解委员会,邻里,按名称\n"
                + "K-1,2023-04-02,主动排查,南池村,tw001,邻里,按编码\n");

        assertThat(rejected(file, false)).containsExactly(new RowProblem(3, "lead_no",
                Problem.of(Field.LEAD_NO, "ledger.leadNo.repeated", "K-1", 2)));
    }
}
