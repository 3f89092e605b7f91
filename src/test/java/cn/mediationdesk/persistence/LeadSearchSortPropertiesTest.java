package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.search.RiskFlag;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first page by state is taken state by state without counting them all, and gives the leads of
 * sorting every selected lead along the lifecycle. The ledger sorted by the due date shown pages from the due-date indexes (three parts merged, see
 * {@link LeadSearchSql}) and gives exactly the leads, in exactly the order, of the statement that works the
 * due date out for every selected lead and sorts them all: for any filter, as-of day, direction, offset
 * and page size, over random ledgers with extensions (several per lead, agreed before and after the as-of
 * day, due dates moved either way and tied), declined, closed and not yet accepted leads, and leads
 * accepted without a due date. Dates fall in a few weeks so that due dates and found days tie often and
 * the order rests on its tie-breaks. On H2, and on PostgreSQL in its half (every
 * {@value TestStores#POSTGRES_SAMPLE}th try).
 */
class LeadSearchSortPropertiesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
    private static final Instant NOW = Instant.parse("2024-09-30T02:00:00Z");
    private static final List<String> SUMMARIES = List.of("宅基地边界纠纷", "相邻通行纠纷", "拖欠工资");
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static Path dir;
    private static Database db;
    private static List<Long> communities;
    private static List<Long> committees;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("sort-properties");
        db = TestStores.fresh(dir, "ledger");
        db.write(tx -> {
            var org = tx.organization();
            long east = org.insertCommunity("C01", "东山社区");
            long west = org.insertCommunity("C02", "西岭村");
            org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            org.insertCommittee("K02", "西岭村人民调解委员会", "西岭", CommitteeKind.COMMUNITY, west);
            return null;
        });
        communities = db.read(tx -> tx.organization().communities()).stream().map(c -> c.id()).toList();
        committees = db.read(tx -> tx.organization().committees()).stream().map(c -> c.id()).toList();
    }

    @AfterContainer
    static void closeDatabase() throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 150, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void everyPageByDueDateHoldsTheLeadsOfSortingEveryLead(
            @ForAll("ledgers") List<LeadSpec> ledger,
            @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("filters") FilterSpec> filters,
            @ForAll @IntRange(min = 1, max = 12) int pageSize) {
        Assume.that(TestStores.sampled(TRIES));
        write(ledger);
        for (FilterSpec spec : filters) {
            LeadFilter filter = spec.filter();
            LeadSort sort = new LeadSort(LeadSort.Column.DUE_ON, spec.ascending());
            List<UUID> expected = sortingEveryLead(filter, sort, 0, ledger.size() + 1);

            assertThat(merged(filter, sort, 0, ledger.size() + 1)).as("every lead of %s by %s", filter, sort)
                    .containsExactlyElementsOf(expected);
            List<UUID> paged = new ArrayList<>();
            for (int offset = 0; offset <= expected.size(); offset += pageSize) {
                List<UUID> page = merged(filter, sort, offset, pageSize);
                assertThat(page).as("page at %d of %d by %s, %s", offset, pageSize, sort, filter)
                        .containsExactlyElementsOf(sortingEveryLead(filter, sort, offset, pageSize));
                paged.addAll(page);
            }
            assertThat(paged).containsExactlyElementsOf(expected);
        }
    }

    @Property(tries = 80, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void theFirstPageByStateHoldsTheLeadsOfSortingEveryLeadAlongTheLifecycle(
            @ForAll("ledgers") List<LeadSpec> ledger,
            @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("filters") FilterSpec> filters,
            @ForAll @IntRange(min = 1, max = 40) int pageSize) {
        Assume.that(TestStores.sampled(TRIES));
        write(ledger);
        for (FilterSpec spec : filters) {
            LeadFilter filter = spec.filter();
            LeadSort sort = new LeadSort(LeadSort.Column.STATE, spec.ascending());
            assertThat(merged(filter, sort, 0, pageSize)).as("first %d by %s, %s", pageSize, sort, filter)
                    .containsExactlyElementsOf(sortingEveryLeadByState(filter, sort.ascending(), pageSize));
        }
    }

    /**
     * Every sort, both ways: every page, read from the start and (a dao that turns from offset 0 on) from the
     * end when nearer it, holds the leads of the statement that sorts every selected lead, and a page past
     * the end is empty.
     */
    @Property(tries = 150, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void everyPageOfEverySortEitherWayHoldsTheLeadsOfSortingEveryLead(
            @ForAll("ledgers") List<LeadSpec> ledger,
            @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From("filters") FilterSpec> filters,
            @ForAll LeadSort.Column column,
            @ForAll @IntRange(min = 1, max = 12) int pageSize) {
        Assume.that(TestStores.sampled(TRIES));
        write(ledger);
        for (FilterSpec spec : filters) {
            LeadFilter filter = spec.filter();
            LeadSort sort = new LeadSort(column, spec.ascending());
            List<UUID> expected = sortingEveryLeadIn(referenceOrder(sort), filter, sort, 0, ledger.size() + 1);
            List<UUID> paged = new ArrayList<>();
            for (int offset = 0; offset <= expected.size(); offset += pageSize) {
                List<UUID> reference = expected.subList(offset, Math.min(expected.size(), offset + pageSize));
                assertThat(page(filter, sort, offset, pageSize, Integer.MAX_VALUE))
                        .as("page at %d of %d by %s, %s", offset, pageSize, sort, filter)
                        .containsExactlyElementsOf(reference);
                List<UUID> fromTheEnd = page(filter, sort, offset, pageSize, 0);
                assertThat(fromTheEnd).as("page at %d of %d by %s read from the end, %s", offset, pageSize, sort, filter)
                        .containsExactlyElementsOf(reference);
                paged.addAll(fromTheEnd);
            }
            assertThat(paged).containsExactlyElementsOf(expected);
            assertThat(page(filter, sort, expected.size() + pageSize, pageSize, 0)).isEmpty();
        }
    }

    /**
     * Every sort, both ways, walked a page at a time by key as the ledger pages: forwards from the first page,
     * each next page the leads after the last row shown, and backwards from the last page, each page the leads
     * before the first row shown. Every page is the reference's page at that place, and the walks end at the
     * ends. Then a lead shown is deleted: the pages after and before its key (its values, as shown) are still
     * the leads next to where it stood.
     */
    @Property(tries = 150, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void walkingEverySortByKeyEitherWayGivesThePagesOfSortingEveryLead(
            @ForAll("ledgers") List<LeadSpec> ledger,
            @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From("filters") FilterSpec> filters,
            @ForAll LeadSort.Column column,
            @ForAll @IntRange(min = 1, max = 12) int pageSize,
            @ForAll @IntRange(min = 0, max = 40) int deleted) {
        Assume.that(TestStores.sampled(TRIES));
        write(ledger);
        for (FilterSpec spec : filters) {
            LeadFilter filter = spec.filter();
            LeadSort sort = new LeadSort(column, spec.ascending());
            List<UUID> expected = sortingEveryLeadIn(referenceOrder(sort), filter, sort, 0, ledger.size() + 1);

            List<LeadListRow> shown = rows(h -> new LeadSearchDao(h).page(filter, sort, 0, pageSize));
            List<LeadListRow> forwards = new ArrayList<>();
            for (int offset = 0; !shown.isEmpty(); offset += pageSize) {
                assertThat(offset).as("a page past the last by %s by key, %s", sort, filter).isLessThan(expected.size());
                assertThat(ids(shown)).as("page at %d of %d by %s by key, %s", offset, pageSize, sort, filter)
                        .containsExactlyElementsOf(expected.subList(offset, Math.min(expected.size(), offset + pageSize)));
                forwards.addAll(shown);
                LeadKey last = shown.getLast().key();
                shown = rows(h -> new LeadSearchDao(h).pageAfter(filter, sort, last, pageSize));
            }
            assertThat(ids(forwards)).as("every page by %s by key, %s", sort, filter).containsExactlyElementsOf(expected);

            int lastOffset = expected.isEmpty() ? 0 : (expected.size() - 1) / pageSize * pageSize;
            shown = rows(h -> new LeadSearchDao(h).page(filter, sort, lastOffset, pageSize));
            for (int offset = lastOffset; !shown.isEmpty(); offset -= pageSize) {
                assertThat(offset).as("a page before the first by %s back by key, %s", sort, filter).isNotNegative();
                assertThat(ids(shown)).as("page at %d of %d by %s back by key, %s", offset, pageSize, sort, filter)
                        .containsExactlyElementsOf(expected.subList(offset, Math.min(expected.size(), offset + pageSize)));
                LeadKey first = shown.getFirst().key();
                shown = rows(h -> new LeadSearchDao(h).pageBefore(filter, sort, first, pageSize));
            }

            if (!forwards.isEmpty()) {
                int at = deleted % forwards.size();
                LeadKey gone = forwards.get(at).key();
                deleteLead(gone.id());
                assertThat(ids(rows(h -> new LeadSearchDao(h).pageAfter(filter, sort, gone, pageSize))))
                        .as("after deleted lead %d of %s", at, sort)
                        .containsExactlyElementsOf(expected.subList(at + 1, Math.min(expected.size(), at + 1 + pageSize)));
                assertThat(ids(rows(h -> new LeadSearchDao(h).pageBefore(filter, sort, gone, pageSize))))
                        .as("before deleted lead %d of %s", at, sort)
                        .containsExactlyElementsOf(expected.subList(Math.max(0, at - pageSize), at));
                write(ledger);
            }
        }
    }

    private static List<LeadListRow> rows(org.jdbi.v3.core.HandleCallback<List<LeadListRow>, RuntimeException> read) {
        return db.jdbi().withHandle(read);
    }

    private static List<UUID> ids(List<LeadListRow> rows) {
        return rows.stream().map(LeadListRow::id).toList();
    }

    private static void deleteLead(UUID id) {
        db.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE lead SET duplicate_of_id = NULL WHERE duplicate_of_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM lead WHERE id = :id").bind("id", id).execute();
        });
    }

    /**
     * The reference order of every sort, written out: the column's value (a committee's or community's code,
     * a dictionary's order, the lifecycle), empty values last, then the newest found first and the id.
     */
    private static String referenceOrder(LeadSort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        String value = switch (sort.column()) {
            case FOUND_ON, CASE_NUMBER, LEAD_NO, DUE_ON -> null;
            case COMMITTEE -> "(SELECT g.code FROM committee g WHERE g.id = l.committee_id)";
            case COMMUNITY -> "(SELECT g.code FROM community g WHERE g.id = l.community_id)";
            case DISPUTE_TYPE -> "(SELECT g.sort_order FROM dispute_type g WHERE g.code = l.dispute_type_code)";
            case SOURCE -> "(SELECT g.sort_order FROM lead_source g WHERE g.code = l.source_code)";
            case RISK -> "(SELECT g.sort_order FROM risk_level g WHERE g.code = l.risk_code)";
            case STATE -> {
                StringBuilder lifecycle = new StringBuilder("CASE (" + TallySql.STATE + ")");
                for (cn.mediationdesk.model.LeadState state : cn.mediationdesk.model.LeadState.values()) {
                    lifecycle.append(" WHEN '").append(state.name()).append("' THEN ").append(state.ordinal());
                }
                yield lifecycle.append(" END").toString();
            }
        };
        return value == null ? LeadSearchSql.orderBy(sort) : value + direction + ", l.found_on DESC, l.id DESC";
    }

    /** The reference: every selected lead sorted by {@code order}, the page cut (words by LIKE). */
    private static List<UUID> sortingEveryLeadIn(String order, LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        String sql = statement.countSql().replace("SELECT COUNT(*)", "SELECT l.id") + "\nORDER BY " + order
                + "\nOFFSET :o ROWS FETCH NEXT :n ROWS ONLY";
        return db.jdbi().withHandle(h -> h.createQuery(sql).bindMap(statement.pageParameters(sort))
                .bind("o", offset).bind("n", limit).mapTo(UUID.class).list());
    }

    /** The page through the application's dao, which reads a page from the end from {@code reverseFrom} on. */
    private static List<UUID> page(LeadFilter filter, LeadSort sort, int offset, int limit, int reverseFrom) {
        return db.jdbi().withHandle(h -> new LeadSearchDao(h, LeadSearchDao.COMMON, reverseFrom)
                .page(filter, sort, offset, limit)).stream().map(LeadListRow::id).toList();
    }

    /** The reference: every selected lead's state worked out, all sorted along the lifecycle, the first cut. */
    private static List<UUID> sortingEveryLeadByState(LeadFilter filter, boolean ascending, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        StringBuilder lifecycle = new StringBuilder("CASE (" + TallySql.STATE + ")");
        for (cn.mediationdesk.model.LeadState state : cn.mediationdesk.model.LeadState.values()) {
            lifecycle.append(" WHEN '").append(state.name()).append("' THEN ").append(state.ordinal());
        }
        String sql = statement.countSql().replace("SELECT COUNT(*)", "SELECT l.id") + "\nORDER BY " + lifecycle
                + " END" + (ascending ? " ASC" : " DESC") + ", l.found_on DESC, l.id DESC FETCH FIRST :n ROWS ONLY";
        LeadSort sort = new LeadSort(LeadSort.Column.STATE, ascending);
        return db.jdbi().withHandle(h -> h.createQuery(sql).bindMap(statement.pageParameters(sort)).bind("n", limit)
                .mapTo(UUID.class).list());
    }

    /** The page through the application's statement (the text index serves the words, as in the app). */
    private static List<UUID> merged(LeadFilter filter, LeadSort sort, int offset, int limit) {
        return db.jdbi().withHandle(h -> new LeadSearchDao(h).page(filter, sort, offset, limit)).stream()
                .map(LeadListRow::id).toList();
    }

    /** The reference: every selected lead's due date shown worked out, all sorted, the page cut (words by LIKE). */
    private static List<UUID> sortingEveryLead(LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        return db.jdbi().withHandle(h -> h.createQuery(statement.pageSql(sort)).bindMap(statement.pageParameters(sort))
                .bind("o", offset).bind("n", limit).mapTo(UUID.class).list());
    }

    // ---- generated ledgers: dates within a few weeks, so that they tie ----

    record LeadSpec(int committee, int foundDay, int summary, RiskLevel risk, boolean criminal,
                    VerificationResult result, int verifyAfter, Integer declineAfter, Integer acceptAfter,
                    Integer dueAfter, Integer closeAfter, Outcome outcome, List<int[]> extensions, Numbers numbers) {

        /** The lead, and its extensions: agreed some days after acceptance, each moving the due date by some days. */
        Map.Entry<Lead, List<Extension>> materialize() {
            LocalDate found = FIRST_DAY.plusDays(foundDay);
            Lead lead = new Lead(UUID.randomUUID(), committees.get(committee), communities.get(committee), null,
                    numbers.leadNo(), found, numbers.source(), numbers.type(), SUMMARIES.get(summary), null, null, risk,
                    criminal, false,
                    null, null, null, null, null, null, null, null, null, null, null, 0);
            List<Extension> extensions = new ArrayList<>();
            if (result == null) {
                return Map.entry(lead, extensions);
            }
            LocalDate verified = found.plusDays(verifyAfter);
            lead = lead.withVerification(verified, result, null, null);
            if (declineAfter != null) {
                return Map.entry(lead.withDecline(verified.plusDays(declineAfter), "申请人"), extensions);
            }
            if (acceptAfter == null) {
                return Map.entry(lead, extensions);
            }
            LocalDate accepted = verified.plusDays(acceptAfter);
            LocalDate due = dueAfter == null ? null : accepted.plusDays(dueAfter);
            lead = lead.withAcceptance(accepted, numbers.caseNumber(), due);
            if (closeAfter != null) {
                lead = lead.withOutcome(accepted.plusDays(closeAfter), outcome);
            }
            LocalDate base = due == null ? accepted : due;
            for (int[] e : extensions()) {
                extensions.add(new Extension(UUID.randomUUID(), lead.id(), accepted.plusDays(e[0]),
                        base.plusDays(e[1]), "当事人同意延期"));
            }
            return Map.entry(lead, extensions);
        }
    }

    /**
     * A lead's numbers and dictionary entries: lead numbers and case-number texts from small pools, so that
     * they tie across the committees (a committee's own repeats are dropped when written), some missing.
     */
    record Numbers(String leadNo, CaseNumber caseNumber, String type, String source) {
    }

    private static final List<String> LEAD_NUMBERS = List.of("A-1", "A-10", "A-2", "b-1", "B-1", "线索3", "10");
    private static final List<String> TYPES = List.of("NEIGHBOR", "CONTRACT", "OTHER", "MARRIAGE_FAMILY");
    private static final List<String> SOURCES = List.of("WALK_IN", "SCREENING", "OTHER", "COURT_REFERRAL");

    @Provide
    Arbitrary<Numbers> numbers() {
        Arbitrary<String> leadNo = Arbitraries.of(LEAD_NUMBERS).injectNull(0.2);
        Arbitrary<CaseNumber> caseNumber = Combinators.combine(Arbitraries.integers().between(2023, 2024),
                        Arbitraries.integers().between(1, 12))
                .as((year, seq) -> new CaseNumber(year, seq, "(" + year + ")调字第" + seq + "号"));
        return Combinators.combine(leadNo, caseNumber, Arbitraries.of(TYPES), Arbitraries.of(SOURCES))
                .as(Numbers::new);
    }

    @Provide
    Arbitrary<List<LeadSpec>> ledgers() {
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 8);
        Arbitrary<Integer> sometimes = Arbitraries.integers().between(0, 8).injectNull(0.5);
        Arbitrary<VerificationResult> result = Arbitraries.frequency(Tuple.of(1, null),
                Tuple.of(6, VerificationResult.GENUINE), Tuple.of(1, VerificationResult.UNFOUNDED),
                Tuple.of(1, VerificationResult.DUPLICATE));
        Arbitrary<List<int[]>> extensions = Combinators.combine(Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(-3, 6)).as((agreed, moved) -> new int[] {agreed, moved})
                .list().ofMaxSize(3);
        Arbitrary<int[]> where = Combinators.combine(Arbitraries.integers().between(0, committees.size() - 1),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, SUMMARIES.size() - 1))
                .as((c, f, s) -> new int[] {c, f, s});
        Arbitrary<Integer> accept = Arbitraries.integers().between(0, 6).injectNull(0.25);
        Arbitrary<Integer> due = Arbitraries.integers().between(0, 10).injectNull(0.1);
        Arbitrary<Integer> close = Arbitraries.integers().between(0, 15).injectNull(0.5);
        Arbitrary<Integer> decline = Arbitraries.integers().between(0, 10).injectNull(0.85);
        return Combinators.combine(where, Arbitraries.of(RiskLevel.class), result, days, decline, accept,
                        Combinators.combine(due, close, Arbitraries.of(Outcome.class), Arbitraries.of(true, false, false),
                                numbers()).as(Tuple::of), extensions)
                .as((w, risk, r, v, d, a, rest, e) -> new LeadSpec(w[0], w[1], w[2], risk, rest.get4(), r, v,
                        r == VerificationResult.GENUINE ? d : null, r == VerificationResult.GENUINE ? a : null,
                        rest.get1(), rest.get2(), rest.get3(), e, rest.get5()))
                .list().ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    /** A filter of the ledger screen (any of its parts, or none) on an as-of day, and the direction. */
    record FilterSpec(int asOfDay, boolean ascending, Integer committee, Integer from, Integer to,
                      TallyColumn column, Integer word, boolean flagged, Set<RiskLevel> risks) {
        LeadFilter filter() {
            boolean swapped = from != null && to != null && to < from;
            LeadFilter filter = LeadFilter.all(FIRST_DAY.plusDays(asOfDay))
                    .withCommittee(committee == null ? null : committees.get(committee))
                    .withPeriod(day(swapped ? to : from), day(swapped ? from : to))
                    .withColumn(column).withRisks(risks);
            if (word != null) {
                filter = filter.withText(word < SUMMARIES.size() ? SUMMARIES.get(word).substring(0, 3) : "当事人");
            }
            return flagged ? filter.withFlags(Set.of(RiskFlag.CRIMINAL_RISK)) : filter;
        }

        private static LocalDate day(Integer day) {
            return day == null ? null : FIRST_DAY.plusDays(day);
        }
    }

    @Provide
    Arbitrary<FilterSpec> filters() {
        Arbitrary<Integer> day = Arbitraries.integers().between(0, 20).injectNull(0.7);
        Arbitrary<Set<RiskLevel>> risks = Arbitraries.of(RiskLevel.class).set().ofMaxSize(2);
        return Combinators.combine(Arbitraries.integers().between(-2, 60), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, committees.size() - 1).injectNull(0.7), day, day,
                        Arbitraries.of(TallyColumn.class).injectNull(0.5),
                        Arbitraries.integers().between(0, SUMMARIES.size()).injectNull(0.8),
                        Combinators.combine(Arbitraries.of(true, false, false, false, false), risks).as(Tuple::of))
                .as((asOf, up, committee, from, to, column, word, rest) -> new FilterSpec(asOf, up, committee, from,
                        to, column, word, rest.get1(), rest.get2()));
    }

    // ---- writing a ledger ----

    /** Through the repositories, which keep {@code extended_on} and the text index in step. */
    private static void write(List<LeadSpec> ledger) {
        TestStores.deleteAllLeads(db);
        Set<String> numbersTaken = new java.util.HashSet<>();
        db.write(tx -> {
            for (LeadSpec spec : ledger) {
                Map.Entry<Lead, List<Extension>> written = spec.materialize();
                Lead lead = written.getKey();
                // A lead number, and a case number, is the committee's own: a repeat within it goes without.
                if (lead.leadNo() != null && !numbersTaken.add(lead.committeeId() + " " + lead.leadNo())) {
                    lead = lead.withDetails(lead.committeeId(), lead.communityId(), lead.gridId(), null,
                            lead.foundOn(), lead.sourceCode(), lead.disputeTypeCode(), lead.summary(),
                            lead.peopleCount(), lead.amount(), lead.risk(), lead.criminalRisk(), lead.groupRisk());
                }
                if (lead.caseNumber() != null && !numbersTaken.add(lead.committeeId() + " case "
                        + lead.caseNumber().year() + "/" + lead.caseNumber().sequence())) {
                    lead = lead.withAcceptance(lead.acceptedOn(), null, lead.dueOn());
                }
                tx.leads().insert(lead, NOW);
                written.getValue().forEach(tx.leads()::insertExtension);
                tx.leads().replaceParties(lead.id(), List.of(Party.person(UUID.randomUUID(), lead.id(), "当事人甲",
                        Gender.FEMALE, null, null, null, PartyRole.APPLICANT, 0)));
            }
            return null;
        });
    }
}
