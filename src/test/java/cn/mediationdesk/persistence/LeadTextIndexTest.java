package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text index of {@link LeadTextIndex} on real databases: built by migration 16 for the leads an
 * earlier release stored, kept equal to a fresh rebuild by every write of a lead's searched fields and
 * parties (the lifecycle's, the exchange's), and answering as the plain LIKE search does.
 */
class LeadTextIndexTest {
    private static final Instant NOW = Instant.parse("2024-06-30T02:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    @Test
    void migrationIndexesTheLeadsOfAnEarlierReleaseAndSearchesFindWhatLikeFinds() throws IOException {
        Path base = dir.resolve("release");
        try (InputStream in = new GZIPInputStream(LeadTextIndexTest.class.getResourceAsStream(
                "/fixtures/releases/schema-v7-fef8461.mv.db.gz"))) {
            Files.copy(in, dir.resolve("release.mv.db"));
        }
        try (Database db = Database.open(new DatabaseLocation.EmbeddedFile(base), false)) {
            long leads = db.read(tx -> tx.leads().count());
            assertThat(count(db, "SELECT COUNT(*) FROM lead_text")).isEqualTo(leads);
            assertIndexIsARebuild(db);

            Set<String> words = new TreeSet<>(List.of("张某", "纠纷", "某", "%", "调", "2022", "a_b"));
            db.jdbi().useHandle(h -> h.createQuery("SELECT summary FROM lead UNION SELECT name FROM party")
                    .mapTo(String.class).forEach(text -> {
                        words.add(text.substring(0, Math.min(3, text.length())));
                        words.add(text.substring(text.length() / 2));
                    }));
            for (String word : words) {
                assertSameAsLike(db, LeadFilter.all(AS_OF).withText(word));
            }
        }
    }

    @Test
    void everyWriteOfTheSearchedFieldsKeepsTheIndexEqualToARebuild() {
        try (Database db = TestStores.fresh(dir, "writes")) {
            long[] org = db.write(tx -> {
                long community = tx.organization().insertCommunity("C01", "东山社区");
                return new long[] {community, tx.organization().insertCommittee("K01", "东山社区人民调解委员会", "东山",
                        cn.mediationdesk.model.CommitteeKind.COMMUNITY, community)};
            });
            Lead first = lead(org, "XS-1", "王秀英与李建国因宅基地边界发生纠纷");
            Lead second = lead(org, "XS-2", "邻里噪音");
            db.write(tx -> {
                tx.leads().insert(first, NOW);
                tx.leads().replaceParties(first.id(), parties(first.id(), "王秀英", "李建国"));
                tx.leads().insert(second, NOW);
                return null;
            });
            assertIndexIsARebuild(db);
            assertThat(found(db, "王秀英")).containsExactly(first.id());

            // A party renamed: the old name is no longer found, the new one is.
            db.write(tx -> {
                tx.leads().replaceParties(first.id(), parties(first.id(), "王秀芳", "李建国"));
                return null;
            });
            assertIndexIsARebuild(db);
            assertThat(found(db, "王秀英")).containsExactly(first.id()); // still in the summary
            assertThat(found(db, "秀芳")).containsExactly(first.id());

            // The summary and the lead number change; a case number is assigned.
            db.write(tx -> {
                Lead stored = tx.leads().find(first.id()).orElseThrow();
                tx.leads().update(withSummary(stored, "拖欠工资"), NOW);
                tx.leads().assignCaseNumbers(Map.of(second.id(), new cn.mediationdesk.model.CaseNumber(2024, 7,
                        "（2024）东调字第7号")));
                return null;
            });
            assertIndexIsARebuild(db);
            assertThat(found(db, "王秀英")).isEmpty();
            assertThat(found(db, "工资")).containsExactly(first.id());
            assertThat(found(db, "调字第7")).containsExactly(second.id());

            // A lead overwritten by a received package (the exchange's own statements).
            db.write(tx -> {
                Lead stored = tx.leads().find(second.id()).orElseThrow();
                tx.exchange().overwriteLead(withSummary(stored, "漏水损害"), NOW, NOW);
                Lead received = lead(org, "XS-3", "物业服务费");
                tx.exchange().insertLeadAsIs(received, NOW, NOW);
                return null;
            });
            assertIndexIsARebuild(db);
            assertThat(found(db, "噪音")).isEmpty();
            assertThat(found(db, "漏水")).containsExactly(second.id());
            assertThat(found(db, "物业")).hasSize(1);
        }
    }

    @Test
    void leadsWrittenInBatchesByAnImportOrByGenerateAreIndexedToo() {
        try (Database db = TestStores.fresh(dir, "batches")) {
            long[] org = db.write(tx -> {
                long community = tx.organization().insertCommunity("C01", "东山社区");
                return new long[] {community, tx.organization().insertCommittee("K01", "东山社区人民调解委员会", "东山",
                        cn.mediationdesk.model.CommitteeKind.COMMUNITY, community)};
            });
            Lead imported = lead(org, "XS-9", "赡养老人");
            db.write(tx -> {
                tx.leads().insertAll(new cn.mediationdesk.logic.store.LeadRepository.NewLeads(List.of(imported),
                        parties(imported.id(), "赵丽娟", "钱伟"), List.of(), List.of(), List.of()), NOW);
                return null;
            });
            assertIndexIsARebuild(db);
            assertThat(found(db, "丽娟")).containsExactly(imported.id());
        }
        try (Database db = TestStores.fresh(dir, "generated")) {
            new cn.mediationdesk.logic.generate.LeadGenerator(db, java.time.Clock.systemDefaultZone(),
                    cn.mediationdesk.model.User.setup()).generate(300, 3, (done, total) -> { });
            assertIndexIsARebuild(db);
            String name = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM party ORDER BY id FETCH FIRST 1 ROW ONLY")
                    .mapTo(String.class).one());
            assertThat(found(db, name)).isNotEmpty();
        }
    }

    /**
     * A ledger import writes its new leads in bulk: the unaccepted ones indexed as they are written, the
     * accepted ones once their case number is given at the end, with their tally facts in the lead row.
     * The index is what a rebuild gives, the tally facts what {@link TallyFacts#refresh} gives.
     */
    @Test
    void aLedgerImportsIndexIsARebuildAndItsTallyFactsARefresh() throws java.net.URISyntaxException {
        try (Database db = TestStores.fresh(dir, "ledger")) {
            java.nio.file.Path ledger = java.nio.file.Path.of(getClass().getResource("/ledger/ledger_sample.csv").toURI());
            var report = new cn.mediationdesk.logic.ledger.LedgerImporter(db, java.time.Clock.fixed(NOW,
                    java.time.ZoneId.of("Asia/Shanghai")), cn.mediationdesk.model.User.setup())
                    .importLedger(ledger, new cn.mediationdesk.logic.ledger.ImportOptions(false, true, null));
            assertThat(report.added()).isGreaterThan(100);
            assertThat(count(db, "SELECT COUNT(*) FROM lead WHERE case_number IS NOT NULL")).isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM lead WHERE case_number IS NULL")).isPositive();
            assertThat(count(db, "SELECT COUNT(*) FROM lead_text")).isEqualTo(count(db, "SELECT COUNT(*) FROM lead"));
            assertIndexIsARebuild(db);
            String number = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT case_number FROM lead WHERE case_number IS NOT NULL ORDER BY case_number FETCH FIRST 1 ROW ONLY")
                    .mapTo(String.class).one());
            assertThat(found(db, number)).hasSize(1);

            List<Map<String, Object>> written = tallyFacts(db);
            assertThat(written).hasSize((int) count(db, "SELECT COUNT(*) FROM lead"))
                    .anySatisfy(row -> assertThat(row.get("risk_latest_code")).isNotNull());
            db.jdbi().useTransaction(h -> TallyFacts.refresh(h, h.createQuery("SELECT id FROM lead").mapTo(UUID.class).list()));
            assertThat(tallyFacts(db)).isEqualTo(written);
        }
    }

    private static List<Map<String, Object>> tallyFacts(Database db) {
        return DerivedTables.now(db, DerivedTables::tallyFacts);
    }

    @Test
    void theBulkIndexOfGeneratedLeadsAndOfARebuildEqualsTheIndexBuiltLeadByLead() {
        try (Database db = TestStores.fresh(dir, "bulk")) {
            new cn.mediationdesk.logic.generate.LeadGenerator(db, java.time.Clock.systemDefaultZone(),
                    cn.mediationdesk.model.User.setup()).generate(1_500, 11, (done, total) -> { });
            Map<UUID, Set<String>> bulk = contents(db);
            assertThat(bulk).hasSize(1_500);
            assertThat(count(db, "SELECT COUNT(*) FROM lead_gram")).isGreaterThan(1_500L * 20);

            // The same leads indexed one by one, as a save indexes them.
            db.jdbi().useTransaction(h -> {
                h.execute("DELETE FROM lead_gram");
                h.execute("DELETE FROM lead_text");
                LeadTextIndex.indexLeads(h, h.createQuery("SELECT id FROM lead ORDER BY found_on DESC")
                        .mapTo(UUID.class).list());
            });
            assertThat(contents(db)).isEqualTo(bulk);

            db.jdbi().useTransaction(LeadTextIndex::rebuild);
            assertThat(contents(db)).isEqualTo(bulk);
            assertThat(count(db, "SELECT COUNT(DISTINCT seq) FROM lead_text")).isEqualTo(1_500L);
        }
    }

    @Test
    void rebuildingAnEmptyLedgerLeavesAnEmptyIndex() {
        try (Database db = TestStores.fresh(dir, "empty")) {
            db.jdbi().useTransaction(LeadTextIndex::rebuild);
            assertThat(count(db, "SELECT COUNT(*) FROM lead_text")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM lead_gram")).isZero();
        }
    }

    private static Lead lead(long[] org, String leadNo, String summary) {
        return new Lead(UUID.randomUUID(), org[1], org[0], null, leadNo, AS_OF, "WALK_IN", "NEIGHBOR", summary, null,
                null, cn.mediationdesk.model.RiskLevel.BLUE, false, false, null, null, null, null, null, null, null,
                null, null, null, null, 0);
    }

    private static Lead withSummary(Lead l, String summary) {
        return new Lead(l.id(), l.committeeId(), l.communityId(), l.gridId(), l.leadNo(), l.foundOn(), l.sourceCode(),
                l.disputeTypeCode(), summary, l.peopleCount(), l.amount(), l.risk(), l.criminalRisk(), l.groupRisk(),
                l.verifiedOn(), l.verificationResult(), l.duplicateOfId(), l.transferredTo(), l.acceptedOn(),
                l.caseNumber(), l.dueOn(), l.closedOn(), l.outcome(), l.declinedOn(), l.declinedBy(), l.version());
    }

    private static List<Party> parties(UUID lead, String... names) {
        return java.util.stream.IntStream.range(0, names.length).mapToObj(i -> Party.person(UUID.randomUUID(), lead,
                names[i], Gender.FEMALE, null, null, null, i == 0 ? PartyRole.APPLICANT : PartyRole.RESPONDENT, i))
                .toList();
    }

    private static List<UUID> found(Database db, String text) {
        return db.read(tx -> tx.search().page(LeadFilter.all(AS_OF).withText(text), LeadSort.DEFAULT, 0, 1000))
                .stream().map(LeadListRow::id).toList();
    }

    /** The indexed search and the LIKE search over the fields agree on the count and on every lead. */
    private static void assertSameAsLike(Database db, LeadFilter filter) {
        LeadSearchSql like = new LeadSearchSql(filter);
        Set<UUID> byLike = db.jdbi().withHandle(h -> h.createQuery(like.pageSql(LeadSort.DEFAULT))
                .bindMap(like.pageParameters(LeadSort.DEFAULT)).bind("o", 0).bind("n", 100_000)
                .mapTo(UUID.class).collect(Collectors.toSet()));
        Set<UUID> byIndex = new HashSet<>(db.read(tx -> tx.search().page(filter, LeadSort.DEFAULT, 0, 1000))
                .stream().map(LeadListRow::id).toList());
        assertThat(byIndex).as("found by %s", filter.text()).isEqualTo(byLike);
        long counted = db.read(tx -> tx.search().count(filter));
        assertThat(counted).as("count of %s", filter.text()).isEqualTo(byLike.size());
        // Every pair counted as common: the words are checked in each lead's indexed text instead.
        Set<UUID> byText = db.jdbi().withHandle(h -> new HashSet<>(new LeadSearchDao(h, 0)
                .page(filter, LeadSort.DEFAULT, 0, 1000).stream().map(LeadListRow::id).toList()));
        assertThat(byText).as("found by %s in the indexed text", filter.text()).isEqualTo(byLike);
        for (long cap : new long[] {0, 1, 1_000}) {
            cn.mediationdesk.logic.search.LeadCount bounded = db.jdbi().withHandle(h -> new LeadSearchDao(h, 0)
                    .count(filter, cap));
            assertThat(bounded).as("count of %s capped at %d, every pair common", filter.text(), cap).isEqualTo(
                    byLike.size() > cap && !filter.words().isEmpty() ? cn.mediationdesk.logic.search.LeadCount.moreThan(cap)
                            : cn.mediationdesk.logic.search.LeadCount.exactly(byLike.size()));
        }
    }

    private static Map<UUID, Set<String>> contents(Database db) {
        return DerivedTables.now(db, DerivedTables::textIndex);
    }

    private static void assertIndexIsARebuild(Database db) {
        Map<UUID, Set<String>> kept = contents(db);
        db.jdbi().useTransaction(LeadTextIndex::rebuild);
        assertThat(kept).isEqualTo(contents(db));
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
