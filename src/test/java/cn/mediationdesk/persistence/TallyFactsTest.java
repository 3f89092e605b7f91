package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead row's tally facts (V17) follow every extension and assessment written through the
 * repositories, in any order, and the tally reads the due date and risk level in force from them on
 * every day (on H2 and, in the PostgreSQL half, on PostgreSQL).
 */
class TallyFactsTest {
    private static final LocalDate FOUND = LocalDate.of(2024, 1, 1);

    @TempDir
    Path dir;
    private Database db;
    private final UUID lead = UUID.randomUUID();

    @BeforeEach
    void oneCaseInMediation() {
        db = TestStores.fresh(dir);
        db.write(tx -> {
            long community = tx.organization().insertCommunity("SQ901", "事实社区");
            tx.organization().insertCommittee("TW901", "事实社区人民调解委员会", "事实", CommitteeKind.COMMUNITY, community);
            return null;
        });
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO lead (id, committee_id, community_id, found_on, source_code, dispute_type_code, summary,
                            risk_code, verified_on, verification_result, accepted_on, due_on, version, created_at, updated_at)
                        SELECT :id, (SELECT MIN(id) FROM committee), (SELECT MIN(id) FROM community), :found, 'WALK_IN',
                            'NEIGHBOR', '事实测试', 'BLUE', :found, 'GENUINE', DATE '2024-01-05', DATE '2024-02-04', 0,
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP""")
                .bind("id", lead).bind("found", FOUND).execute());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void extensionsInAnyOrderGiveTheFirstAgreedDayAndTheDueDateInForceOnEachDay() {
        assertThat(facts().get("extended_on")).isNull();
        extend("2024-02-01", "2024-03-01");
        extend("2024-01-20", "2024-02-20");   // recorded later, agreed earlier

        assertThat(facts().get("extended_on")).isEqualTo(LocalDate.of(2024, 1, 20));
        assertThat(overdueOn("2024-01-19")).isZero();   // the first due date, 2024-02-04, still ahead
        assertThat(overdueOn("2024-02-10")).isZero();   // extended to 2024-02-20
        assertThat(overdueOn("2024-02-25")).isZero();   // extended again to 2024-03-01
        assertThat(overdueOn("2024-03-02")).isEqualTo(1);
    }

    @Test
    void theLatestAssessmentAndTheDayOfAChangeFollowEveryAssessmentAndTheLevelInForceIsRightOnEachDay() {
        assess("2024-01-01", RiskLevel.BLUE, "2024-01-01T01:00:00Z");
        assertThat(facts()).containsEntry("risk_latest_code", "BLUE").containsEntry("risk_changed_on", null);

        assess("2024-03-10", RiskLevel.RED, "2024-03-10T01:00:00Z");
        assess("2024-02-01", RiskLevel.YELLOW, "2024-03-11T01:00:00Z");   // back-dated after the red one
        assertThat(facts()).containsEntry("risk_latest_code", "RED")
                .containsEntry("risk_changed_on", LocalDate.of(2024, 3, 10));

        assertThat(riskOn("2023-12-31")).isEqualTo("BLUE");   // before the first: the first
        assertThat(riskOn("2024-01-15")).isEqualTo("BLUE");
        assertThat(riskOn("2024-02-15")).isEqualTo("YELLOW");
        assertThat(riskOn("2024-03-10")).isEqualTo("RED");
        assertThat(riskOn("2024-06-30")).isEqualTo("RED");

        assess("2024-03-10", RiskLevel.ORANGE, "2024-03-12T01:00:00Z");   // the same day, written last: it wins
        assertThat(facts()).containsEntry("risk_latest_code", "ORANGE");
        assertThat(riskOn("2024-03-10")).isEqualTo("ORANGE");
    }

    @Test
    void aRefreshRecomputesFactsThatWereNeverKept() {
        extend("2024-02-01", "2024-03-01");
        assess("2024-01-01", RiskLevel.BLUE, "2024-01-01T01:00:00Z");
        assess("2024-02-01", RiskLevel.RED, "2024-02-01T01:00:00Z");
        db.jdbi().useHandle(h -> h.execute(
                "UPDATE lead SET extended_on = NULL, risk_latest_code = NULL, risk_changed_on = NULL"));

        db.jdbi().useHandle(h -> TallyFacts.refresh(h, lead));

        assertThat(facts()).containsEntry("extended_on", LocalDate.of(2024, 2, 1))
                .containsEntry("risk_latest_code", "RED").containsEntry("risk_changed_on", LocalDate.of(2024, 2, 1));
    }

    @Test
    void theFactsABulkWriterComputesAreTheOnesTheDatabaseComputes() {
        java.util.List<Extension> extensions = new java.util.ArrayList<>();
        java.util.List<RiskAssessment> assessments = new java.util.ArrayList<>();
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < 12; i++) {
            // few distinct days and moments, so that ties on both are common
            LocalDate day = FOUND.plusDays(random.nextInt(3));
            Instant at = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(2));
            var assessment = new RiskAssessment(UUID.randomUUID(), lead, day, RiskLevel.values()[random.nextInt(4)],
                    false, false, "测试", null, at);
            assessments.add(assessment);
            db.write(tx -> {
                tx.caseFiles().insertRiskAssessment(assessment);
                return null;
            });
            if (i % 3 == 0) {
                var extension = new Extension(UUID.randomUUID(), lead, FOUND.plusDays(10 + random.nextInt(20)),
                        FOUND.plusDays(60), "延期");
                extensions.add(extension);
                extend(extension.agreedOn().toString(), extension.newDueOn().toString());
            }
            TallyFacts.Values expected = TallyFacts.of(extensions, assessments);
            assertThat(facts()).containsEntry("extended_on", expected.extendedOn())
                    .containsEntry("risk_latest_code", expected.riskLatestCode())
                    .containsEntry("risk_changed_on", expected.riskChangedOn());
        }
    }

    @Test
    void generatedLeadsCarryTheFactsARefreshGives() {
        try (Database generated = TestStores.fresh(dir, "generated")) {
            new cn.mediationdesk.logic.generate.LeadGenerator(generated, java.time.Clock.systemDefaultZone(),
                    cn.mediationdesk.model.User.setup()).generate(2_000, 7, (done, total) -> { });
            List<Map<String, Object>> written = DerivedTables.now(generated, DerivedTables::tallyFacts);

            generated.jdbi().useHandle(h -> TallyFacts.refresh(h,
                    h.createQuery("SELECT id FROM lead").mapTo(UUID.class).list()));

            List<Map<String, Object>> refreshed = DerivedTables.now(generated, DerivedTables::tallyFacts);
            assertThat(refreshed).isEqualTo(written);
            assertThat(written).anySatisfy(row -> assertThat(row.get("extended_on")).isNotNull())
                    .anySatisfy(row -> assertThat(row.get("risk_changed_on")).isNotNull());
        }
    }

    private void extend(String agreed, String due) {
        db.write(tx -> {
            tx.leads().insertExtension(new Extension(UUID.randomUUID(), lead, LocalDate.parse(agreed),
                    LocalDate.parse(due), "双方同意"));
            return null;
        });
    }

    private void assess(String on, RiskLevel level, String recordedAt) {
        db.write(tx -> {
            tx.caseFiles().insertRiskAssessment(new RiskAssessment(UUID.randomUUID(), lead, LocalDate.parse(on), level,
                    false, false, "测试", null, Instant.parse(recordedAt)));
            return null;
        });
    }

    private Map<String, Object> facts() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT extended_on, risk_latest_code, risk_changed_on FROM lead WHERE id = :id")
                .bind("id", lead)
                .map((rs, ctx) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("extended_on", rs.getObject("extended_on", LocalDate.class));
                    row.put("risk_latest_code", rs.getString("risk_latest_code"));
                    row.put("risk_changed_on", rs.getObject("risk_changed_on", LocalDate.class));
                    return row;
                })
                .one());
    }

    private long overdueOn(String asOf) {
        TallyResult result = new TallyService(db).summarize(TallyQuery.of(Grouping.COMMITTEE, null, null,
                LocalDate.parse(asOf)));
        assertThat(result.total().counts().mediating()).isEqualTo(1);
        return result.total().counts().overdue();
    }

    private String riskOn(String asOf) {
        TallyResult result = new TallyService(db).summarize(TallyQuery.of(Grouping.RISK, null, null,
                LocalDate.parse(asOf)));
        return result.rows().stream().filter(r -> r.counts().leads() == 1).map(TallyRow::code).findFirst().orElseThrow();
    }
}
