package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One row at a time, against the dictionaries the real schema seeds. */
class LedgerRowParserTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    private static final List<String> HEADER = Arrays.stream(LedgerColumn.values()).map(LedgerColumn::alias).toList();

    @TempDir
    static Path dir;
    private static LedgerTestDatabase db;
    private static LedgerVocabulary vocabulary;

    @BeforeAll
    static void loadDictionaries() {
        db = LedgerTestDatabase.create(dir);
        vocabulary = db.store.read(tx -> LedgerVocabulary.load(tx.dictionaries()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** A valid pending lead, with {@code changes} (alias → cell) written over it. */
    private static LedgerRowParser.Parsed parse(Map<String, String> changes) {
        Map<String, String> cells = new HashMap<>(Map.of("found_on", "2023-05-04", "source", "主动排查",
                "community", "南池村", "committee", "南池村人民调解委员会", "dispute_type", "邻里", "summary", "邻里纠纷"));
        cells.putAll(changes);
        List<String> row = new ArrayList<>();
        HEADER.forEach(alias -> row.add(cells.getOrDefault(alias, "")));
        LedgerTable table = new LedgerTable(1, HEADER, List.of(new LedgerTable.Row(7, row)));
        return new LedgerRowParser(LedgerHeader.of(table), vocabulary, TODAY).parse(table.rows().getFirst());
    }

    private static LedgerRow valid(Map<String, String> changes) {
        LedgerRowParser.Parsed parsed = parse(changes);
        assertThat(parsed.problems()).isEmpty();
        return parsed.row();
    }

    private static List<String> problemKeys(Map<String, String> changes) {
        return parse(changes).problems().stream().map(p -> p.column() + " " + p.problem().key()).toList();
    }

    @Test
    void aPendingLeadTakesTheDefaults() {
        LedgerRow row = valid(Map.of());

        assertThat(row.number()).isEqualTo(7);
        assertThat(row.foundOn()).isEqualTo(LocalDate.of(2023, 5, 4));
        assertThat(row.sourceCode()).isEqualTo("SCREENING");
        assertThat(row.disputeTypeCode()).isEqualTo("NEIGHBOR");
        assertThat(row.risk()).isEqualTo(RiskLevel.BLUE);
        assertThat(row.verification()).isNull();
        assertThat(row.acceptedOn()).isNull();
        assertThat(row.leadNo()).isNull();
        assertThat(row.parties()).isEmpty();
    }

    @Test
    void aGenuineLeadIsAcceptedOnItsVerificationDayUnlessAnotherIsGiven() {
        assertThat(valid(Map.of("verified_on", "2023/5/6", "verification", "属实")).acceptedOn())
                .isEqualTo(LocalDate.of(2023, 5, 6));
        assertThat(valid(Map.of("verified_on", "2023/5/6", "verification", "属实", "accepted_on", "2023年5月8日"))
                .acceptedOn()).isEqualTo(LocalDate.of(2023, 5, 8));
        assertThat(valid(Map.of("verified_on", "2023/5/6", "verification", "不属实")).acceptedOn()).isNull();
    }

    @Test
    void aResolvedCaseHasAWrittenAgreementUnlessOralIsSaid() {
        Map<String, String> resolved = Map.of("verified_on", "2023-05-06", "verification", "属实",
                "outcome", "调解成功", "closed_on", "2023-05-20");
        assertThat(valid(resolved).agreementForm()).isEqualTo(AgreementForm.WRITTEN);

        Map<String, String> oral = new HashMap<>(resolved);
        oral.put("agreement_form", "口头");
        assertThat(valid(oral).agreementForm()).isEqualTo(AgreementForm.ORAL);
        assertThat(valid(oral).outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @ParameterizedTest
    @CsvSource({"终止, TERMINATED", "终止调解, TERMINATED", "terminated, TERMINATED", "调解不成, FAILED",
            "FAILED, FAILED", "Resolved, RESOLVED"})
    void readsOutcomesByLabelCodeOrTheContractsShortWord(String cell, Outcome outcome) {
        assertThat(valid(Map.of("verified_on", "2023-05-06", "verification", "属实", "outcome", cell,
                "closed_on", "2023-05-20")).outcome()).isEqualTo(outcome);
    }

    @Test
    void readsDictionaryValuesByChineseLabelCodeOrEnglishLabel() {
        LedgerRow row = valid(Map.of("source", "grid_report", "dispute_type", "Neighbours", "risk", "红",
                "verification", "GENUINE", "verified_on", "2023-05-05"));

        assertThat(row.sourceCode()).isEqualTo("GRID_REPORT");
        assertThat(row.disputeTypeCode()).isEqualTo("NEIGHBOR");
        assertThat(row.risk()).isEqualTo(RiskLevel.RED);
        assertThat(row.verification()).isEqualTo(VerificationResult.GENUINE);
    }

    @Test
    void readsPeopleAmountsAndPartiesAsPeopleWriteThem() {
        LedgerRow row = valid(Map.of("people", "3人", "amount", "¥1,500.5元", "parties", "张某（申请人）；李某(被申请人)"));

        assertThat(row.people()).isEqualTo(3);
        assertThat(row.amount()).isEqualByComparingTo(new BigDecimal("1500.50"));
        assertThat(row.parties()).containsExactly(new LedgerParty("张某", PartyRole.APPLICANT),
                new LedgerParty("李某", PartyRole.RESPONDENT));
    }

    @Test
    void keepsTheLinesOfAMultiLineSummary() {
        assertThat(valid(Map.of("summary", "王某称：\r\n邻居占道\r多次协商未果")).summary())
                .isEqualTo("王某称：\n邻居占道\n多次协商未果");
    }

    @Test
    void namesEachUnreadableCellAtItsColumn() {
        assertThat(problemKeys(Map.of("found_on", "2023-02-30", "source", "飞鸽传书", "people", "两人",
                "amount", "一千", "risk", "紫", "parties", "张某(申请人", "agreement_form", "书信")))
                .containsExactly("found_on ledger.date.invalid", "source ledger.value.unknown",
                        "parties ledger.parties.malformed", "people ledger.people.invalid",
                        "amount ledger.amount.invalid", "risk ledger.value.unknown",
                        "agreement_form ledger.value.unknown");
    }

    /** A resolved case whose four dates are all {@code day}. */
    private static List<String> allDatesOn(String day) {
        return problemKeys(Map.of("found_on", day, "verified_on", day, "verification", "属实", "accepted_on", day,
                "outcome", "调解成功", "closed_on", day));
    }

    @ParameterizedTest
    @CsvSource({"0000-01-01, rule.date.beforeEarliest", "1949-09-30, rule.date.beforeEarliest",
            "1949年9月30日, rule.date.beforeEarliest", "2024-07-01, rule.date.future"})
    void everyDateColumnRefusesADayBeforeTheRepublicOrAfterToday(String day, String key) {
        assertThat(allDatesOn(day)).containsExactly("found_on " + key, "verified_on " + key, "accepted_on " + key,
                "closed_on " + key);
    }

    @Test
    void theFirstDayOfThePeoplesRepublicAndTodayAreTaken() {
        assertThat(allDatesOn("1949-10-01")).isEmpty();
        assertThat(allDatesOn("1949/10/1")).isEmpty();
        assertThat(allDatesOn(TODAY.toString())).isEmpty();
    }

    @Test
    void anUnreadablePartyRoleIsAProblemOfThePartiesColumnNotAnotherParty() {
        LedgerRowParser.Parsed parsed = parse(Map.of("parties", "张某(申请人);李某(被申请)"));

        assertThat(parsed.problems()).extracting(RowProblem::row, RowProblem::column, p -> p.problem().key(),
                p -> p.problem().args()).containsExactly(
                tuple(7, "parties", "ledger.parties.unknownRole", List.of("李某", "被申请")));
        assertThat(valid(Map.of("parties", "张某(申请人);李某(第三人)")).parties())
                .extracting(LedgerParty::role).containsExactly(PartyRole.APPLICANT, PartyRole.OTHER);
    }

    @Test
    void tellsWhatAnUnknownWordCouldHaveBeen() {
        assertThat(parse(Map.of("verification", "假的", "verified_on", "2023-05-05")).problems().getFirst().problem().args())
                .containsExactly("假的", "属实/不属实/重复/移交");
    }

    @Test
    void requiresTheRequiredCells() {
        assertThat(problemKeys(Map.of("found_on", "", "source", " ", "community", "", "committee", "",
                "dispute_type", "", "summary", "")))
                .containsExactly("found_on rule.required", "source rule.required", "community rule.required",
                        "committee rule.required", "dispute_type rule.required", "summary rule.required");
    }

    @Test
    void checksTheLifecycleRulesOnRowsThatRead() {
        assertThat(problemKeys(Map.of("people", "0", "amount", "12.345", "summary", "长".repeat(2001))))
                .containsExactly("summary rule.summary.tooLong", "people rule.people.atLeastOne",
                        "amount rule.amount.decimals");
        assertThat(problemKeys(Map.of("amount", "-1"))).containsExactly("amount rule.amount.negative");
        assertThat(problemKeys(Map.of("found_on", "2024-07-01"))).containsExactly("found_on rule.date.future");
        assertThat(problemKeys(Map.of("verified_on", "2023-05-06", "verification", "属实", "outcome", "调解成功")))
                .containsExactly("closed_on rule.close.dateMissing");
    }

    @Test
    void leavesFollowOnRulesAloneWhileACellCannotBeRead() {
        // An unreadable acceptance date would otherwise also make the outcome "not accepted".
        assertThat(problemKeys(Map.of("verified_on", "2023-05-06", "verification", "属实", "accepted_on", "明天",
                "outcome", "调解成功", "closed_on", "2023-05-20")))
                .containsExactly("accepted_on ledger.date.invalid");
    }

    @Test
    void refusesTextLongerThanItsColumn() {
        assertThat(parse(Map.of("lead_no", "N".repeat(51))).problems())
                .extracting(p -> p.column(), p -> p.problem().key(), p -> p.problem().args())
                .containsExactly(tuple("lead_no", "ledger.value.tooLong", List.of(50, 51)));
        assertThat(problemKeys(Map.of("parties", "某".repeat(51) + "(申请人)")))
                .containsExactly("parties ledger.parties.nameTooLong");
    }
}
