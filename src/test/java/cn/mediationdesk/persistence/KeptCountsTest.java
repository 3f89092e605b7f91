package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.generate.LeadGenerator;
import cn.mediationdesk.logic.lifecycle.Correction;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tally's counts kept ahead (migration 19) on a generated ten-year ledger: after every kind of change
 * through the services they equal the counts made from scratch, a write that fails leaves them as they
 * were, and every summary they serve equals the one that judges each lead (on H2 and, in the PostgreSQL
 * half, on PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptCountsTest {
    private static final Clock CLOCK = Clock.systemDefaultZone();
    private Path dir;
    private Database db;
    private LifecycleService lifecycle;

    @BeforeAll
    void generatedLedger() throws IOException {
        dir = Files.createTempDirectory("tally-counts");
        db = TestStores.fresh(dir, "counts");
        new LeadGenerator(db, CLOCK, User.setup()).generate(1_500, 5, (done, total) -> { });
        lifecycle = new LifecycleService(db, CLOCK, User.setup());
    }

    @AfterAll
    void close() throws IOException {
        db.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void generatedLeadsAreCountedAsACountFromScratchCountsThem() {
        assertThat(kept()).isEqualTo(fromScratch());
        long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tally_lead").mapTo(Long.class).one());
        assertThat(rows).as("one row per lead").isEqualTo(1_500L);
        assertThat(kept().counts()).as("settled leads are counted by place, type, source and risk")
                .isNotEmpty();
    }

    @Test
    void everyKindOfChangeThroughTheServicesKeepsTheCountsEqualToACountFromScratch() {
        Lead pending = first("verified_on IS NULL");
        LocalDate found = pending.foundOn();
        Lead lead = lifecycle.verify(pending.id(), pending.version(), VerificationResult.GENUINE, found, null, null);
        assertThat(kept()).as("verified").isEqualTo(fromScratch());
        lead = lifecycle.accept(lead.id(), lead.version(), found, List.of(),
                new cn.mediationdesk.logic.lifecycle.ConsentInput(found, cn.mediationdesk.model.ConsentWay.SIGNED_REGISTRATION, null));
        assertThat(kept()).as("accepted: mediating, counted lead by lead").isEqualTo(fromScratch());
        lead = lifecycle.extend(lead.id(), lead.version(), found, found.plusDays(45), "双方同意延期");
        lead = lifecycle.close(lead.id(), lead.version(), cn.mediationdesk.model.Outcome.FAILED, found, null);
        assertThat(kept()).as("closed: settled").isEqualTo(fromScratch());
        lead = lifecycle.reassess(lead.id(), lead.version(),
                new Reassessment(found, RiskLevel.RED, false, true, "复评为红色"));
        assertThat(kept()).as("reassessed").isEqualTo(fromScratch());

        Lead closed = first("outcome = 'RESOLVED' AND risk_changed_on IS NULL");
        Lead corrected = lifecycle.correct(closed.id(), closed.version(), new Correction(closed.verifiedOn(),
                VerificationResult.GENUINE, null, null, closed.acceptedOn(), null, null, null, null, null, "误录结案"));
        assertThat(corrected.closedOn()).isNull();
        assertThat(kept()).as("an outcome undone: mediating again").isEqualTo(fromScratch());

        Lead settled = first("verification_result = 'UNFOUNDED'");
        lifecycle.updateDetails(settled.id(), settled.version(), new NewLead(otherCommittee(settled), otherCommunity(settled),
                null, settled.leadNo(), settled.foundOn().withDayOfMonth(1), "HOTLINE_12345", "LABOR", settled.summary(),
                null, null, settled.risk(), false, false, List.of()));
        assertThat(kept()).as("moved to another committee, community, month, source and type").isEqualTo(fromScratch());
    }

    @Test
    void aLedgerImportCountsItsLeadsAsACountFromScratchDoes() throws Exception {
        try (Database imported = TestStores.fresh(dir, "imported")) {
            Path ledger = Path.of(getClass().getResource("/ledger/ledger_sample.csv").toURI());
            var report = new cn.mediationdesk.logic.ledger.LedgerImporter(imported, CLOCK, User.setup())
                    .importLedger(ledger, new cn.mediationdesk.logic.ledger.ImportOptions(false, true, null));
            assertThat(report.added()).isGreaterThan(100);
            assertThat(kept(imported).leads()).hasSize(report.added());
            assertThat(kept(imported)).isEqualTo(fromScratch(imported));
        }
    }

    @Test
    void aWriteThatFailsLeavesTheCountsAsTheyWere() {
        Counts before = kept();
        Lead closed = first("outcome = 'FAILED'");
        assertThatThrownBy(() -> db.write(tx -> {
            tx.leads().update(closed.withVerification(closed.verifiedOn(), VerificationResult.UNFOUNDED, null, null)
                    .withAcceptance(null, null, null).withOutcome(null, null), CLOCK.instant());
            throw new IllegalStateException("the disk filled up");
        })).hasMessageContaining("the disk filled up");
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void everySummaryTheCountsServeEqualsTheOneThatJudgesEachLead() {
        Random random = new Random(19);
        LocalDate first = db.read(tx -> tx.tally().foundOnRange(TallyQuery.of(Grouping.MONTH, null, null,
                LocalDate.now(CLOCK)))).orElseThrow().first();
        LocalDate last = LocalDate.now(CLOCK);
        int days = (int) (last.toEpochDay() - first.toEpochDay());
        List<Long> committees = db.read(tx -> tx.organization().committees()).stream().map(c -> c.id()).toList();
        List<Long> communities = db.read(tx -> tx.organization().communities()).stream().map(c -> c.id()).toList();
        for (int i = 0; i < 60; i++) {
            LocalDate from = random.nextInt(4) == 0 ? null : first.plusDays(random.nextInt(days));
            LocalDate to = random.nextInt(4) == 0 ? null
                    : (from == null ? first : from).plusDays(random.nextInt(400));
            // as-of days on month ends, inside the period, before it and today
            LocalDate asOf = switch (random.nextInt(4)) {
                case 0 -> last;
                case 1 -> first.plusDays(random.nextInt(days)).withDayOfMonth(1).minusDays(1);
                default -> first.plusDays(random.nextInt(days + 1));
            };
            TallyQuery query = new TallyQuery(Grouping.values()[random.nextInt(Grouping.values().length)], from, to,
                    asOf, random.nextInt(5) == 0 ? communities.get(random.nextInt(communities.size())) : null,
                    random.nextInt(5) == 0 ? committees.get(random.nextInt(committees.size())) : null);
            Map<String, TallyCounts> counted = db.jdbi().withHandle(h -> new TallyDao(h, true).countByGroup(query));
            Map<String, TallyCounts> judged = db.jdbi().withHandle(h -> new TallyDao(h, false).countByGroup(query));
            assertThat(withoutEmptyGroups(counted)).as("%s", query).isEqualTo(withoutEmptyGroups(judged));
        }
    }

    /** Groups whose leads were all taken out again come back as zeros; a judged count leaves them out. */
    private static Map<String, TallyCounts> withoutEmptyGroups(Map<String, TallyCounts> counts) {
        Map<String, TallyCounts> kept = new java.util.TreeMap<>(counts);
        kept.values().removeIf(TallyCounts.ZERO::equals);
        return kept;
    }

    /** What the two tables hold: every lead's row, and every count but the zeros a change leaves behind. */
    record Counts(List<Map<String, Object>> leads, List<Map<String, Object>> counts) {
    }

    private Counts kept() {
        return kept(db);
    }

    private Counts fromScratch() {
        return fromScratch(db);
    }

    private static Counts kept(Database db) {
        return db.jdbi().withHandle(KeptCountsTest::read);
    }

    /** The two tables made from scratch in a transaction that is then rolled back. */
    private static Counts fromScratch(Database db) {
        return db.jdbi().inTransaction(h -> {
            KeptCounts.rebuild(h);
            Counts counts = read(h);
            h.rollback();
            return counts;
        });
    }

    private static Counts read(org.jdbi.v3.core.Handle h) {
        return new Counts(DerivedTables.keptLeads(h), DerivedTables.keptCounts(h));
    }

    private Lead first(String condition) {
        UUID id = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM lead WHERE " + condition
                + " ORDER BY found_on DESC, id FETCH FIRST 1 ROW ONLY").mapTo(UUID.class).one());
        return db.read(tx -> tx.leads().find(id)).orElseThrow();
    }

    private long otherCommittee(Lead lead) {
        return db.read(tx -> tx.organization().committees()).stream().filter(c -> c.active() && c.id() != lead.committeeId())
                .findFirst().orElseThrow().id();
    }

    private long otherCommunity(Lead lead) {
        List<Long> ids = new ArrayList<>(db.read(tx -> tx.organization().communities()).stream()
                .filter(c -> c.active() && c.id() != lead.communityId()).map(c -> c.id()).toList());
        return ids.getFirst();
    }
}
