package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The sample ledger imported into a fresh database, as {@code init} then {@code import --create-missing}. */
class LedgerImporterTest {
    private static final List<String> SAMPLE_COMMUNITIES = List.of("南池村", "东岳社区", "西坪社区");
    private static final List<String> SAMPLE_COMMITTEES = List.of("南池村人民调解委员会", "新区人民调解委员会",
            "西坪社区人民调解委员会", "东岳社区人民调解委员会", "医疗纠纷人民调解委员会", "道路交通事故人民调解委员会");

    @TempDir
    Path dir;
    private LedgerTestDatabase db;

    @BeforeEach
    void open() {
        db = LedgerTestDatabase.create(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void importsTheSampleCreatingTheOrganizationItNames() {
        ImportReport report = db.importFixture("ledger_sample.csv", true);

        assertThat(report).isEqualTo(new ImportReport(170, 0, SAMPLE_COMMUNITIES, SAMPLE_COMMITTEES, 18, List.of(), false));
        assertThat(db.leadCount()).isEqualTo(170);
        assertThat(db.communities())
                .extracting(Community::code, Community::name)
                .containsExactly(tuple("SQ001", "南池村"), tuple("SQ002", "东岳社区"), tuple("SQ003", "西坪社区"));
    }

    @Test
    void guessesTheKindOfEachNewCommitteeFromItsName() {
        db.importFixture("ledger_sample.csv", true);

        List<Committee> committees = db.committees();
        long nanchi = db.communities().getFirst().id();
        assertThat(committees).extracting(Committee::code, Committee::name, Committee::shortName, Committee::kind)
                .containsExactly(
                        tuple("TW001", "南池村人民调解委员会", "南池村", CommitteeKind.COMMUNITY),
                        tuple("TW002", "新区人民调解委员会", "新区", CommitteeKind.JURISDICTION),
                        tuple("TW003", "西坪社区人民调解委员会", "西坪社区", CommitteeKind.COMMUNITY),
                        tuple("TW004", "东岳社区人民调解委员会", "东岳社区", CommitteeKind.COMMUNITY),
                        tuple("TW005", "医疗纠纷人民调解委员会", "医疗纠纷", CommitteeKind.TRADE),
                        tuple("TW006", "道路交通事故人民调解委员会", "道路交通事故", CommitteeKind.TRADE));
        assertThat(committees.getFirst().communityId()).isEqualTo(nanchi);
    }

    @Test
    void numbersAcceptedLeadsGapFreePerCommitteeAndYearInOrderOfAcceptance() {
        db.importFixture("ledger_sample.csv", true);

        // Every committee and year counts 1, 2, 3 … with no gap and no repeat.
        assertThat(db.rows("""
                SELECT committee_id, case_year, COUNT(*), MIN(case_seq), MAX(case_seq), COUNT(DISTINCT case_seq)
                FROM lead WHERE case_number IS NOT NULL GROUP BY committee_id, case_year"""))
                .hasSize(15)
                .allSatisfy(r -> {
                    long count = ((Number) r.get(2)).longValue();
                    assertThat(((Number) r.get(3)).longValue()).isEqualTo(1);
                    assertThat(((Number) r.get(4)).longValue()).isEqualTo(count);
                    assertThat(((Number) r.get(5)).longValue()).isEqualTo(count);
                });
        assertThat(db.value("SELECT COUNT(*) FROM lead WHERE accepted_on IS NOT NULL AND case_number IS NOT NULL"))
                .isEqualTo(111L);
        // 南池村's first acceptance of 2022 is HX-00041's, on 20 January.
        Lead first = lead("南池村人民调解委员会", "HX-00041");
        assertThat(first.caseNumber().text()).isEqualTo("(2022)南池村人调字第001号");
        assertThat(first.dueOn()).isEqualTo(LocalDate.of(2022, 2, 19));
        assertThat(db.value("SELECT COUNT(*) FROM lead WHERE accepted_on IS NOT NULL AND due_on <> accepted_on + 30"))
                .isEqualTo(0L);
    }

    @Test
    void takesEachCellOfARowIntoTheLead() {
        db.importFixture("ledger_sample.csv", true);

        Lead lead = lead("新区人民调解委员会", "HX-00002");
        assertThat(lead.foundOn()).isEqualTo(LocalDate.of(2023, 3, 25));
        assertThat(lead.sourceCode()).isEqualTo("PETITION_REFERRAL");
        assertThat(lead.disputeTypeCode()).isEqualTo("ENVIRONMENT");
        assertThat(lead.peopleCount()).isEqualTo(2);
        assertThat(lead.amount()).isEqualByComparingTo("1500");
        assertThat(lead.acceptedOn()).isEqualTo(LocalDate.of(2023, 3, 25)); // defaulted to the verification day
        assertThat(lead.closedOn()).isEqualTo(LocalDate.of(2023, 6, 23));
        List<Party> parties = db.store.read(tx -> tx.leads().parties(lead.id()));
        assertThat(parties)
                .extracting(p -> p.name() + "/" + p.role() + "/" + p.position())
                .containsExactly("周某某/APPLICANT/0", "郭某/RESPONDENT/1");
        List<Transition> transitions = db.store.read(tx -> tx.leads().transitions(lead.id()));
        assertThat(transitions)
                .extracting(t -> t.kind(), t -> t.effectiveOn(), t -> t.recordedBy())
                .containsExactlyInAnyOrder(
                        tuple(TransitionKind.FOUND, LocalDate.of(2023, 3, 25), "setup"),
                        tuple(TransitionKind.VERIFIED, LocalDate.of(2023, 3, 25), "setup"),
                        tuple(TransitionKind.ACCEPTED, LocalDate.of(2023, 3, 25), "setup"),
                        tuple(TransitionKind.CLOSED, LocalDate.of(2023, 6, 23), "setup"));

        Lead multiLine = lead("西坪社区人民调解委员会", "HX-00003");
        assertThat(multiLine.summary()).isEqualTo("郭某称刘某占用公共通道，\n邻里关系紧张");
        assertThat(multiLine.caseNumber()).isNull();
        assertThat(db.value("SELECT form FROM agreement a JOIN lead l ON l.id = a.lead_id WHERE l.lead_no = 'HX-00007'"))
                .isEqualTo("ORAL");
        assertThat(db.value("SELECT form FROM agreement a JOIN lead l ON l.id = a.lead_id WHERE l.lead_no = 'HX-00010'"))
                .isEqualTo("WRITTEN");
        assertThat(db.value("SELECT COUNT(*) FROM agreement")).isEqualTo(75L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ledger_sample_gbk.csv", "ledger_sample_bom.csv", "ledger_sample.xlsx"})
    void importsTheSameLedgerInEveryEncodingAndShapeToTheSameLeads(String fixture) {
        db.importFixture("ledger_sample.csv", true);
        List<String> fromCsv = db.leadLines();
        try (LedgerTestDatabase other = LedgerTestDatabase.create(dir.resolve("other"))) {
            ImportReport report = other.importFixture(fixture, true);

            assertThat(report.added()).isEqualTo(170);
            assertThat(report.unknownColumns()).isEqualTo(fixture.endsWith(".xlsx") ? List.of("备注") : List.of());
            assertThat(other.leadLines()).isEqualTo(fromCsv);
        }
    }

    @Test
    void anEncodingCanBeForced() {
        ImportReport report = db.importer().importLedger(LedgerTestDatabase.fixture("ledger_sample_gbk.csv"),
                new ImportOptions(false, true, LedgerReader.GBK));

        assertThat(report.added()).isEqualTo(170);
        assertThat(lead("新区人民调解委员会", "HX-00002").summary()).isEqualTo("周某反映：郭某拖欠款项，双方多次协商未果");
    }

    @Test
    void aDryRunChecksAndReportsButWritesNothing() {
        Map<String, Long> before = db.footprint();

        ImportReport report = db.importer().importLedger(LedgerTestDatabase.fixture("ledger_sample.csv"),
                new ImportOptions(true, true, null));

        assertThat(report).isEqualTo(new ImportReport(170, 0, SAMPLE_COMMUNITIES, SAMPLE_COMMITTEES, 18, List.of(), true));
        assertThat(db.footprint()).isEqualTo(before);
    }

    @Test
    void aDryRunWithoutCreateMissingRefusesTheUnknownNamesLikeARealRun() {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(LedgerTestDatabase.fixture("ledger_sample.csv"),
                        new ImportOptions(true, false, null)));

        assertThat(e.problems()).hasSize(340).first()
                .isEqualTo(new RowProblem(2, "社区", Problem.of(Field.COMMUNITY, "ledger.community.unknown", "南池村")));
    }

    @Test
    void anExistingNameOrCodeIsUsedAndNotCreatedAgain() {
        db.withNanchi();

        ImportReport report = db.importFixture("ledger_sample.csv", true);

        assertThat(report.createdCommunities()).containsExactly("东岳社区", "西坪社区");
        assertThat(report.createdCommittees()).doesNotContain("南池村人民调解委员会").hasSize(5);
    }

    @Test
    void theReportReadsTheSameInBothLanguages() {
        ImportReport report = new ImportReport(3, 2, List.of("南池村", "东岳社区"), List.of("南池村人民调解委员会"), 4,
                List.of("备注"), true);

        assertThat(report.describe(new Localization(Localization.CHINESE)))
                .containsExactly("试运行：检查通过，没有写入任何数据", "新增 3 条线索，更新 2 条线索", "新建社区：南池村、东岳社区",
                        "新建调委会：南池村人民调解委员会", "新建网格 4 个", "以下列无法识别，已忽略：备注");
        assertThat(report.describe(new Localization(Localization.ENGLISH)))
                .containsExactly("Dry run: the ledger passed every check; nothing was written", "3 lead(s) added, 2 updated",
                        "Communities created: 南池村, 东岳社区", "Committees created: 南池村人民调解委员会",
                        "4 grid(s) created", "Columns not recognized and ignored: 备注");
    }

    @Test
    void readsTheSampleFromAnyFileNameBecauseContentDecides() throws Exception {
        Path renamed = dir.resolve("台账.txt");
        Files.copy(LedgerTestDatabase.fixture("ledger_sample.xlsx"), renamed);

        assertThat(db.importer().importLedger(renamed, new ImportOptions(true, true, StandardCharsets.UTF_8)).added())
                .isEqualTo(170);
    }

    private Lead lead(String committee, String leadNo) {
        return db.store.read(tx -> {
            long id = tx.organization().committees().stream().filter(c -> c.name().equals(committee))
                    .findFirst().orElseThrow().id();
            return tx.leads().findByLeadNo(id, leadNo).orElseThrow();
        });
    }
}
