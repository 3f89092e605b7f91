package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 11's done-when: a ledger of an office's own kind (its headers, its words, its dates)
 * imports after mapping, gives the same leads and tallies as the same rows in our format, and the
 * mapping saved as a profile imports the next month's file unaided.
 */
class OfficeLedgerImportTest {
    private static final ImportOptions OPTIONS = new ImportOptions(false, false, null);

    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private LedgerTestDatabase ours;

    @BeforeEach
    void open() throws IOException {
        db = LedgerTestDatabase.create(Files.createDirectories(dir.resolve("office"))).withNanchi();
    }

    @AfterEach
    void close() {
        db.close();
        if (ours != null) {
            ours.close();
        }
    }

    /** What a user settles on from the proposal: the source their ledger lacks, and their words. */
    private ColumnMapping mappingFromSuggestions(Path file) {
        LedgerTable table = LedgerReader.read(file, null);
        ColumnMapping proposal = HeaderSuggestions.propose(table.header());
        Map<LedgerColumn, String> fixed = new LinkedHashMap<>(proposal.fixedValues());
        fixed.put(LedgerColumn.SOURCE, "当事人申请");
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (String header : List.of("纠纷类别", "调解结果")) {
            LedgerColumn column = proposal.columnsOf(header).getFirst();
            int index = table.header().indexOf(header);
            var entries = db.store.read(tx -> tx.dictionaries().entries(
                    HeaderSuggestions.dictionaryOf(column).orElseThrow()));
            Map<String, String> map = new LinkedHashMap<>();
            table.rows().stream().map(r -> r.cell(index)).filter(v -> !v.isBlank()).distinct()
                    .forEach(v -> map.put(v, HeaderSuggestions.value(column, v, entries).orElseThrow(
                            () -> new AssertionError("no suggestion for " + v))));
            values.put(header, map);
        }
        return new ColumnMapping(proposal.columns(), fixed, values);
    }

    @Test
    void anOfficesOwnLedgerImportsAfterMappingAndTalliesAsOurFormatDoes() throws IOException {
        ColumnMapping mapping = mappingFromSuggestions(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"));

        ImportReport report = db.importer().importLedger(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"),
                OPTIONS, mapping);

        assertThat(report.added()).isEqualTo(7);
        assertThat(report.unknownColumns()).containsExactly("序号");
        ours = LedgerTestDatabase.create(Files.createDirectories(dir.resolve("ours"))).withNanchi();
        assertThat(ours.importFixture("office_ledger_2022_03_ours.csv", false).added()).isEqualTo(7);
        assertThat(db.leadLines()).isEqualTo(ours.leadLines());
        for (Grouping by : List.of(Grouping.COMMUNITY, Grouping.TYPE, Grouping.SOURCE, Grouping.MONTH)) {
            assertThat(summary(db, by)).as(by.name()).isEqualTo(summary(ours, by));
        }
        TallyResult byType = summary(db, Grouping.TYPE);
        assertThat(byType.total().counts().leads()).isEqualTo(7);
        assertThat(byType.total().counts().resolved()).isEqualTo(4);
        assertThat(byType.total().counts().failed()).isEqualTo(1);
        assertThat(byType.total().counts().terminated()).isEqualTo(1);
        assertThat(byType.total().counts().mediating()).isEqualTo(1);
    }

    @Test
    void theMappingSavedAsAProfileImportsTheNextMonthUnaided() {
        ImportProfileService profiles = new ImportProfileService(db.store, LedgerTestDatabase.CLOCK);
        ColumnMapping mapping = mappingFromSuggestions(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"));
        db.importer().importLedger(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"), OPTIONS, mapping);
        assertThat(profiles.save(User.setup(), "  南池村月报 ", mapping)).isEqualTo("南池村月报");

        ColumnMapping saved = profiles.find(User.setup(), "南池村月报").orElseThrow();
        ImportReport april = db.importer().importLedger(LedgerTestDatabase.fixture("office_ledger_2022_04.csv"),
                OPTIONS, saved);

        assertThat(saved).isEqualTo(mapping);
        assertThat(april.added()).isEqualTo(4);
        assertThat(db.leadCount()).isEqualTo(11);
        assertThat(profiles.names(User.setup())).containsExactly("南池村月报");
        assertThat(profiles.delete(User.setup(), "南池村月报")).isTrue();
        assertThat(profiles.find(User.setup(), "南池村月报")).isEmpty();
    }

    @Test
    void withoutTheirWordsMappedTheProblemsNameTheirHeaders() {
        ColumnMapping columnsOnly = ColumnMapping.parse("受理时间=found_on,受理时间=verified_on,受理时间=accepted_on,"
                + "所属社区=community,调委会=committee,纠纷类别=dispute_type,事件简述=summary,当事人=parties,"
                + "调解协议金=amount,调解结果=outcome,办结时间=closed_on,*source=当事人申请,*verification=属实");
        Map<String, Long> before = db.footprint();

        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"),
                        OPTIONS, columnsOnly));

        assertThat(e.problems()).extracting(RowProblem::column).contains("纠纷类别", "调解结果")
                .doesNotContain("纠纷类型", "dispute_type");
        assertThat(e.problems()).filteredOn(p -> p.row() == 2).extracting(p -> p.problem().args().getFirst())
                .containsExactly("邻里纠纷", "已化解");
        assertThat(db.footprint()).isEqualTo(before);
    }

    @Test
    void aRequiredColumnNobodyFeedsIsMissingAsBefore() {
        ColumnMapping noSource = ColumnMapping.parse("受理时间=found_on,所属社区=community,调委会=committee,"
                + "纠纷类别=dispute_type,事件简述=summary");

        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> db.importer().importLedger(LedgerTestDatabase.fixture("office_ledger_2022_03.csv"),
                        OPTIONS, noSource));

        assertThat(e.problems()).extracting(RowProblem::problem)
                .containsExactly(Problem.of(Field.COLUMN, "ledger.header.missing", "线索来源", "source"));
    }

    @Test
    void aFileInOurFormatNeedsNoMapping() {
        assertThat(HeaderSuggestions.propose(LedgerReader.read(LedgerTestDatabase.fixture("ledger_small.csv"), null)
                .header()).columns().values()).allSatisfy(c -> assertThat(c).hasSize(1));
        ImportReport plain = db.importFixture("ledger_small.csv", false);
        assertThat(plain.added()).isEqualTo(4);
    }

    @Test
    void onlyAnAdministratorSavesReadsOrDeletesProfiles() {
        UserService users = new UserService(db.store, LedgerTestDatabase.CLOCK, new PasswordHasher(4));
        User admin = users.createFirstAdmin("admin", "管理员", "admin-2024");
        long nanchi = db.committees().getFirst().id();
        User director = users.addUser(admin, "director", "主任", "director-1", Role.DIRECTOR, nanchi);
        ImportProfileService profiles = new ImportProfileService(db.store, LedgerTestDatabase.CLOCK);
        ColumnMapping mapping = ColumnMapping.parse("受理时间=accepted_on");

        for (Runnable refused : List.<Runnable>of(() -> profiles.save(director, "南池", mapping),
                () -> profiles.names(director), () -> profiles.find(director, "南池"),
                () -> profiles.delete(director, "南池"))) {
            assertThat(catchThrowableOfType(PermissionDeniedException.class, refused::run).problem().key())
                    .isEqualTo("user.permission.adminOnly");
        }
        assertThat(profiles.names(admin)).isEmpty();
        profiles.save(admin, "南池", mapping);
        assertThat(profiles.names(admin)).containsExactly("南池");
    }

    @Test
    void aProfileNeedsAPrintableNameOfAtMostAHundredCharacters() {
        ImportProfileService profiles = new ImportProfileService(db.store, LedgerTestDatabase.CLOCK);
        ColumnMapping mapping = ColumnMapping.parse("受理时间=accepted_on");

        assertThat(problemOf(() -> profiles.save(User.setup(), "  ", mapping)))
                .isEqualTo(Problem.of(Field.NAME, "rule.required"));
        assertThat(problemOf(() -> profiles.save(User.setup(), "a\tb", mapping)))
                .isEqualTo(Problem.of(Field.NAME, "ledger.profile.nameUnprintable"));
        assertThat(problemOf(() -> profiles.save(User.setup(), "名".repeat(101), mapping)))
                .isEqualTo(Problem.of(Field.NAME, "ledger.profile.nameTooLong", 100));
        assertThat(problemOf(() -> profiles.save(User.setup(), "x", ColumnMapping.NONE)).key())
                .isEqualTo("ledger.profile.emptyMapping");
        assertThat(profiles.names(User.setup())).isEmpty();
        profiles.save(User.setup(), "名".repeat(100), mapping);
        profiles.save(User.setup(), "名".repeat(100), ColumnMapping.parse("受理时间=found_on"));
        assertThat(profiles.find(User.setup(), "名".repeat(100))).contains(ColumnMapping.parse("受理时间=found_on"));
    }

    private static Problem problemOf(Runnable action) {
        return catchThrowableOfType(ValidationException.class, action::run).problems().getFirst();
    }

    private static TallyResult summary(LedgerTestDatabase database, Grouping by) {
        return new TallyService(database.store).summarize(TallyQuery.of(by, LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31)));
    }

}
