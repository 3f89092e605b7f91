package cn.mediationdesk.logic.demo;

import cn.mediationdesk.persistence.DirectConnections;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo jurisdiction: the seed report's figures, built through the real services. */
class DemoJurisdictionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate NEW_YEARS_EVE = LocalDate.of(2022, 12, 31);

    @TempDir
    static Path dir;
    static Database db;
    static DemoJurisdiction.Created created;

    @BeforeAll
    static void create() {
        db = Database.open(DatabaseLocation.parse(dir.resolve("demo").toString()), true);
        created = new DemoJurisdiction(db, CLOCK).create();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static TallyResult year2022(Grouping by) {
        return new TallyService(db).summarize(TallyQuery.of(by, LocalDate.of(2022, 1, 1), NEW_YEARS_EVE, NEW_YEARS_EVE));
    }

    @Test
    void reportsWhatItCreated() {
        assertThat(created).isEqualTo(new DemoJurisdiction.Created("金宝新区", 8, 8, created.leads()));
        assertThat(created.leads()).isGreaterThan(90);
        String name = db.read(tx -> tx.organization().jurisdiction()).orElseThrow().name();
        assertThat(name).isEqualTo("金宝新区");
    }

    @Test
    void year2022AsOfNewYearsEveHas87LeadsAnd64Resolved() {
        TallyCounts total = year2022(Grouping.COMMITTEE).total().counts();
        assertThat(total.leads()).isEqualTo(87);
        assertThat(total.resolved()).isEqualTo(64);
        assertThat(total).isEqualTo(new TallyCounts(87, 2, 4, 3, 3, 1, 77, 4, 64, 5, 4, 2));
    }

    @Test
    void everyColumnIsInUseAndTheInvariantsHold() {
        for (Grouping by : Grouping.values()) {
            TallyResult result = year2022(by);
            TallyCounts total = result.total().counts();
            assertThat(total.pending() * total.unfounded() * total.duplicate() * total.transferred() * total.declined()
                    * total.accepted() * total.mediating() * total.failed() * total.terminated() * total.overdue()).as(by.name()).isPositive();
            TallyCounts sum = result.rows().stream().map(TallyRow::counts).reduce(TallyCounts.ZERO, TallyCounts::plus);
            assertThat(sum).as(by.name()).isEqualTo(total);
            for (TallyRow row : result.rows()) {
                TallyCounts c = row.counts();
                assertThat(c.leads()).isEqualTo(c.pending() + c.unfounded() + c.transferred() + c.declined()
                        + c.accepted());
                assertThat(c.accepted()).isEqualTo(c.mediating() + c.resolved() + c.failed() + c.terminated());
            }
        }
    }

    @Test
    void theLeadsAreSpreadOverEveryCommitteeAndMonth() {
        assertThat(year2022(Grouping.COMMITTEE).rows()).hasSize(8)
                .allSatisfy(row -> assertThat(row.counts().leads()).isBetween(5L, 20L));
        assertThat(year2022(Grouping.MONTH).rows()).hasSize(12)
                .allSatisfy(row -> assertThat(row.counts().leads()).isPositive());
        assertThat(year2022(Grouping.COMMUNITY).rows()).hasSize(8)
                .allSatisfy(row -> assertThat(row.counts().leads()).isPositive());
        assertThat(year2022(Grouping.TYPE).rows().stream().filter(r -> r.counts().leads() > 0).count())
                .isGreaterThanOrEqualTo(10);
        assertThat(year2022(Grouping.SOURCE).rows().stream().filter(r -> r.counts().leads() > 0).count())
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void theOrganizationHasTheSeedsEightCommitteesOfThreeKinds() {
        List<Committee> committees = db.read(tx -> tx.organization().committees());
        assertThat(committees).hasSize(8);
        assertThat(committees.getFirst().name()).isEqualTo("金宝新区人民调解委员会");
        assertThat(committees.getFirst().shortName()).isEqualTo("金宝");
        assertThat(committees.stream().filter(c -> c.kind() == CommitteeKind.COMMUNITY)).hasSize(6);
        assertThat(committees.stream().filter(c -> c.kind() == CommitteeKind.TRADE)).hasSize(1);
        List<Person> people = db.read(tx -> tx.organization().people());
        assertThat(people).allSatisfy(p -> assertThat(p.name()).matches(".某{1,2}"));
        List<Grid> grids = db.read(tx -> tx.organization().grids());
        assertThat(grids).hasSize(24);
    }

    @Test
    void theCasesCarryTheirWholeLife() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM mediation_session")).isGreaterThan(100);
        assertThat(count("SELECT COUNT(*) FROM agreement WHERE form = '" + AgreementForm.WRITTEN + "'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM agreement WHERE form = '" + AgreementForm.ORAL + "'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM follow_up")).isGreaterThan(30);
        assertThat(count("SELECT COUNT(*) FROM extension")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM judicial_confirmation")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM verification_step")).isGreaterThanOrEqualTo(created.leads());
        assertThat(count("SELECT COUNT(*) FROM lead WHERE risk_code IN ('" + RiskLevel.ORANGE + "', '" + RiskLevel.RED
                + "')")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM lead WHERE criminal_risk")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM lead WHERE group_risk")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM lead WHERE found_on >= DATE '2023-01-01'")).isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM party WHERE id_number IS NOT NULL OR phone IS NOT NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM party WHERE NOT REGEXP_LIKE(name, '^.某{1,2}$')")).isZero();
    }

    @Test
    void theCaseFilesAreCompleteWhereTheFormsAskIt() throws SQLException {
        // every accepted case records the parties' consent and the notice of rights (人民调解法 Art. 17)
        assertThat(count("SELECT COUNT(*) FROM lead l WHERE l.accepted_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                + " case_record r WHERE r.lead_id = l.id AND r.consent_on IS NOT NULL AND r.rights_notice_on IS NOT NULL)"))
                .isZero();
        // written agreements have their facts, issues and terms; oral ones their facts and terms
        assertThat(count("SELECT COUNT(*) FROM agreement WHERE form = 'WRITTEN' AND (facts IS NULL OR issues IS NULL"
                + " OR terms IS NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM agreement WHERE facts IS NULL OR terms IS NULL")).isZero();
        // failed cases record the notice of other routes (Art. 26)
        assertThat(count("SELECT COUNT(*) FROM lead WHERE outcome = 'FAILED'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM lead l WHERE l.outcome = 'FAILED' AND NOT EXISTS (SELECT 1 FROM"
                + " case_record r WHERE r.lead_id = l.id AND r.routes_notice_on IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM case_record WHERE police_reported_on IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM case_record WHERE applied_on IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM lead_prevention")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM mediation_session WHERE matter IS NULL OR recorder IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM follow_up WHERE visited_party IS NULL OR way IS NULL")).isZero();
    }

    @Test
    void caseNumbersAreIssuedPerCommitteeAndYear() {
        List<Lead> leads = db.read(tx -> tx.organization().committees().stream()
                .flatMap(c -> tx.leads().findByLeadNo(c.id(), "2022-001").stream()).toList());
        assertThat(leads).isNotEmpty();
        long count = db.read(tx -> tx.leads().count());
        assertThat(count).isEqualTo(created.leads());
    }

    @Test
    void aSecondDemoIsRefusedAndChangesNothing() {
        long before = db.read(tx -> tx.leads().count());
        assertThatThrownBy(() -> new DemoJurisdiction(db, CLOCK).create())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().getFirst().key()).isEqualTo("demo.notEmpty"));
        long after = db.read(tx -> tx.leads().count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void thePlanIsTheSameEveryTime() {
        List<DemoLead> first = new DemoPlanner(DemoJurisdiction.SEED).plan();
        List<DemoLead> second = new DemoPlanner(DemoJurisdiction.SEED).plan();
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).summary).isEqualTo(first.get(i).summary);
            assertThat(second.get(i).foundOn).isEqualTo(first.get(i).foundOn);
            assertThat(second.get(i).outcome).isEqualTo(first.get(i).outcome);
        }
    }

    private static long count(String sql) throws SQLException {
        // A second connection to the same embedded file: the database runs in this JVM, so H2 allows it.
        try (Connection connection = DirectConnections.open(((DatabaseLocation.EmbeddedFile) db.databaseLocation()).basePath());
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
