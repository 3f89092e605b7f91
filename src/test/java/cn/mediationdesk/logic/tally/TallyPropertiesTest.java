package cn.mediationdesk.logic.tally;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.persistence.TestStores;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally engine against a plain in-memory reference of DESIGN §5, on random ledgers written to
 * a real H2 database (one per class; each try empties it first), and the invariants of §5.
 */
class TallyPropertiesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);
    private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
    private static final int TIME_LIMIT_DAYS = 30;
    /** The service's "today": after every generated fact, so that no date is in the future. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneOffset.UTC);

    /** DESIGN §3, written out here so that the reference does not read the database's dictionaries. */
    private static final Map<String, String> SOURCE_GROUPS = Map.ofEntries(
            Map.entry("SCREENING", "ACTIVE"), Map.entry("GRID_REPORT", "ACTIVE"),
            Map.entry("PARTY_APPLICATION", "APPLICATION"), Map.entry("WALK_IN", "APPLICATION"),
            Map.entry("OTHER", "APPLICATION"),
            Map.entry("POLICE_REFERRAL", "REFERRAL"), Map.entry("COURT_REFERRAL", "REFERRAL"),
            Map.entry("PETITION_REFERRAL", "REFERRAL"), Map.entry("GOVERNMENT_ASSIGNED", "REFERRAL"),
            Map.entry("COURT_ASSIGNED", "REFERRAL"), Map.entry("PROCURATORATE_REFERRAL", "REFERRAL"),
            Map.entry("HOTLINE_12345", "REFERRAL"), Map.entry("CENTER_DISPATCH", "REFERRAL"),
            Map.entry("AGENCY_REFERRAL", "REFERRAL"));
    private static final List<String> SOURCES = List.copyOf(new TreeSet<>(SOURCE_GROUPS.keySet()));
    private static final List<String> TYPES = List.of("MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD",
            "CONTRACT", "PRODUCTION_BUSINESS", "DAMAGES", "FOREST_LAND", "LAND_REQUISITION", "ENVIRONMENT", "LABOR",
            "CONSUMER", "MEDICAL", "TRAFFIC", "PROPERTY_MGMT", "OTHER");

    private static Path dir;
    /** Counts tries, for running a sample of them on PostgreSQL. */
    private static final java.util.concurrent.atomic.AtomicInteger TRIES = new java.util.concurrent.atomic.AtomicInteger();
    private static Database db;
    private static TallyService tally;
    private static List<Community> communities;
    private static List<Committee> committees;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("tally-properties");
        db = TestStores.fresh(dir, "ledger");
        tally = new TallyService(db);
        db.write(tx -> {
            var org = tx.organization();
            long east = org.insertCommunity("C01", "东山社区");
            long west = org.insertCommunity("C02", "西岭村");
            long lake = org.insertCommunity("C03", "南湖社区");
            long old = org.insertCommunity("C00", "旧村");
            org.updateCommunity(old, "C00", "旧村", false);
            org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            org.insertCommittee("K02", "西岭村人民调解委员会", "西岭", CommitteeKind.COMMUNITY, west);
            org.insertCommittee("K03", "南湖社区人民调解委员会", "南湖", CommitteeKind.COMMUNITY, lake);
            org.insertCommittee("T01", "道路交通事故人民调解委员会", "交调", CommitteeKind.TRADE, null);
            long gone = org.insertCommittee("K00", "旧村人民调解委员会", "旧村", CommitteeKind.COMMUNITY, old);
            org.updateCommittee(gone, "K00", "旧村人民调解委员会", "旧村", CommitteeKind.COMMUNITY, old, false);
            return null;
        });
        communities = db.read(tx -> tx.organization().communities());
        committees = db.read(tx -> tx.organization().committees());
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

    // ---- properties ----

    @Property(tries = 200, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void summaryEqualsInMemoryReference(@ForAll("ledgers") List<LeadSpec> ledger,
                                        @ForAll @Size(min = 1, max = 4) List<@From("queries") QuerySpec> queries) {
        Assume.that(TestStores.sampled(TRIES));
        List<Generated> leads = write(ledger);
        for (QuerySpec spec : queries) {
            for (Grouping by : Grouping.values()) {
                TallyQuery query = spec.toQuery(by, leads);
                TallyResult actual = tally.summarize(query);
                List<TallyRow> expected = Reference.rows(query, leads);

                assertThat(actual.rows()).as("rows of %s", query)
                        .extracting(TallyRow::code).containsExactlyElementsOf(expected.stream().map(TallyRow::code).toList());
                assertThat(actual.rows()).as("counts of %s", query)
                        .extracting(TallyRow::counts).containsExactlyElementsOf(expected.stream().map(TallyRow::counts).toList());
                if (by == Grouping.COMMUNITY || by == Grouping.COMMITTEE || by == Grouping.MONTH) {
                    assertThat(actual.rows()).as("names of %s", query)
                            .extracting(TallyRow::nameZh).containsExactlyElementsOf(expected.stream().map(TallyRow::nameZh).toList());
                }
                assertThat(actual.total().code()).isEqualTo(TallyRow.TOTAL_CODE);
                assertThat(actual.total().counts()).as("total of %s", query)
                        .isEqualTo(Reference.counts(Reference.selected(query, leads), query.asOf()));
            }
        }
    }

    @Property(tries = 100, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void columnsPartitionTheLeadsAndTheTotalIsTheSameWhateverTheGrouping(
            @ForAll("ledgers") List<LeadSpec> ledger, @ForAll("queries") QuerySpec spec) {
        Assume.that(TestStores.sampled(TRIES));
        List<Generated> leads = write(ledger);
        TallyCounts firstTotal = null;
        for (Grouping by : Grouping.values()) {
            TallyQuery query = spec.toQuery(by, leads);
            TallyResult result = tally.summarize(query);

            for (TallyRow row : concat(result.rows(), result.total())) {
                TallyCounts c = row.counts();
                assertThat(c.leads()).as("leads of %s in %s", row.code(), query)
                        .isEqualTo(c.pending() + c.unfounded() + c.transferred() + c.declined() + c.accepted());
                assertThat(c.accepted()).as("accepted of %s in %s", row.code(), query)
                        .isEqualTo(c.mediating() + c.resolved() + c.failed() + c.terminated());
                assertThat(c.overdue()).isBetween(0L, c.mediating());
                assertResolutionRate(c);
            }
            TallyCounts sum = result.rows().stream().map(TallyRow::counts).reduce(TallyCounts.ZERO, TallyCounts::plus);
            assertThat(result.total().counts()).as("total = sum of rows in %s", query).isEqualTo(sum);
            long selected = Reference.selected(query, leads).size();
            assertThat(result.total().counts().leads() + result.total().counts().duplicate())
                    .as("total = every selected lead once in %s", query).isEqualTo(selected);
            if (firstTotal == null) {
                firstTotal = result.total().counts();
            } else {
                assertThat(result.total().counts()).as("total by %s", by).isEqualTo(firstTotal);
            }

            List<String> codes = result.rows().stream().map(TallyRow::code).toList();
            assertThat(codes).as("ordered by code, each once").isSorted().doesNotHaveDuplicates();
            assertThat(codes).as("every active group of %s", query).containsAll(activeGroups(query));
            if (by == Grouping.MONTH && !codes.isEmpty()) {
                YearMonth first = YearMonth.parse(codes.getFirst());
                for (int i = 0; i < codes.size(); i++) {
                    assertThat(codes.get(i)).isEqualTo(first.plusMonths(i).toString());
                }
                if (query.from() != null) {
                    assertThat(codes.getFirst()).isEqualTo(YearMonth.from(query.from()).toString());
                }
                if (query.to() != null) {
                    assertThat(codes.getLast()).isEqualTo(YearMonth.from(query.to()).toString());
                }
            }
        }
    }

    private static List<TallyRow> concat(List<TallyRow> rows, TallyRow total) {
        List<TallyRow> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }

    /** resolved / accepted in tenths of a percent, rounded half up, computed in integers. */
    private static void assertResolutionRate(TallyCounts c) {
        BigDecimal rate = c.resolutionRate();
        if (c.accepted() == 0) {
            assertThat(rate).isNull();
            return;
        }
        long tenths = (2 * 1000 * c.resolved() + c.accepted()) / (2 * c.accepted());
        assertThat(rate).isEqualTo(BigDecimal.valueOf(tenths, 1));
    }

    private static List<String> activeGroups(TallyQuery query) {
        return switch (query.by()) {
            case COMMUNITY -> communities.stream().filter(Community::active)
                    .filter(c -> query.communityId() == null || c.id() == query.communityId())
                    .map(Community::code).toList();
            case COMMITTEE -> committees.stream().filter(Committee::active)
                    .filter(c -> query.committeeId() == null || c.id() == query.committeeId())
                    .map(Committee::code).toList();
            case TYPE -> dictionary(DictionaryKind.DISPUTE_TYPE);
            case SOURCE -> dictionary(DictionaryKind.LEAD_SOURCE);
            case SOURCE_GROUP -> dictionary(DictionaryKind.SOURCE_GROUP);
            case RISK -> dictionary(DictionaryKind.RISK_LEVEL);
            case MONTH -> query.from() != null && query.to() != null
                    ? Reference.months(query.from(), query.to()) : List.of();
        };
    }

    private static List<String> dictionary(DictionaryKind kind) {
        return db.read(tx -> tx.dictionaries().entries(kind)).stream().filter(e -> e.active())
                .map(e -> e.code()).toList();
    }

    // ---- the reference: DESIGN §5 over the generated leads, in memory ----

    /**
     * A lead as generated, with its extensions in the order they were agreed and its risk assessments
     * oldest first (none for a lead written before risk history was kept: its row's level counts).
     */
    record Generated(Lead lead, List<Extension> extensions, List<RiskAssessment> assessments) {
        /** DESIGN §5 by risk: the latest assessment on or before {@code day}, else the first, else the row's level. */
        RiskLevel riskOn(LocalDate day) {
            RiskLevel inForce = null;
            for (RiskAssessment a : assessments) {
                if (!a.assessedOn().isAfter(day)) {
                    inForce = a.risk();
                }
            }
            return inForce != null ? inForce : assessments.isEmpty() ? lead.risk() : assessments.getFirst().risk();
        }

        Generated withoutAssessments() {
            return new Generated(lead, extensions, List.of());
        }

        /** The due date in force at the end of {@code day}: the latest extension agreed by then, else the original. */
        LocalDate dueOn(LocalDate day) {
            LocalDate due = lead.dueOn();
            LocalDate agreed = null;
            for (Extension e : extensions) {
                if (!e.agreedOn().isAfter(day) && (agreed == null || !e.agreedOn().isBefore(agreed))) {
                    agreed = e.agreedOn();
                    due = e.newDueOn();
                }
            }
            return due;
        }
    }

    static final class Reference {
        static List<Generated> selected(TallyQuery q, List<Generated> leads) {
            return leads.stream().filter(g -> {
                Lead l = g.lead();
                return (q.from() == null || !l.foundOn().isBefore(q.from()))
                        && (q.to() == null || !l.foundOn().isAfter(q.to()))
                        && (q.communityId() == null || l.communityId() == q.communityId())
                        && (q.committeeId() == null || l.committeeId() == q.committeeId());
            }).toList();
        }

        static TallyCounts counts(List<Generated> leads, LocalDate asOf) {
            long[] n = new long[12];
            for (Generated g : leads) {
                LeadState state = g.lead().stateOn(asOf);
                boolean accepted = switch (state) {
                    case MEDIATING, RESOLVED, FAILED, TERMINATED -> true;
                    default -> false;
                };
                n[0] += state != LeadState.DUPLICATE ? 1 : 0;
                n[1] += state == LeadState.PENDING ? 1 : 0;
                n[2] += state == LeadState.UNFOUNDED ? 1 : 0;
                n[3] += state == LeadState.DUPLICATE ? 1 : 0;
                n[4] += state == LeadState.TRANSFERRED ? 1 : 0;
                n[5] += state == LeadState.DECLINED ? 1 : 0;
                n[6] += accepted ? 1 : 0;
                n[7] += state == LeadState.MEDIATING ? 1 : 0;
                n[8] += state == LeadState.RESOLVED ? 1 : 0;
                n[9] += state == LeadState.FAILED ? 1 : 0;
                n[10] += state == LeadState.TERMINATED ? 1 : 0;
                n[11] += state == LeadState.MEDIATING && asOf.isAfter(g.dueOn(asOf)) ? 1 : 0;
            }
            return new TallyCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11]);
        }

        static List<TallyRow> rows(TallyQuery q, List<Generated> all) {
            List<Generated> leads = selected(q, all);
            // code -> name; a TreeMap keeps the codes in order
            Map<String, String> groups = new TreeMap<>();
            switch (q.by()) {
                case COMMUNITY -> communities.stream()
                        .filter(c -> q.communityId() == null || c.id() == q.communityId())
                        .filter(c -> c.active() || leads.stream().anyMatch(g -> g.lead().communityId() == c.id()))
                        .forEach(c -> groups.put(c.code(), c.name()));
                case COMMITTEE -> committees.stream()
                        .filter(c -> q.committeeId() == null || c.id() == q.committeeId())
                        .filter(c -> c.active() || leads.stream().anyMatch(g -> g.lead().committeeId() == c.id()))
                        .forEach(c -> groups.put(c.code(), c.name()));
                case TYPE -> TYPES.forEach(t -> groups.put(t, null));
                case SOURCE -> SOURCES.forEach(s -> groups.put(s, null));
                case SOURCE_GROUP -> SOURCE_GROUPS.values().forEach(s -> groups.put(s, null));
                case RISK -> Stream.of(RiskLevel.values()).forEach(r -> groups.put(r.name(), null));
                case MONTH -> {
                    LocalDate first = q.from() != null ? q.from()
                            : leads.stream().map(g -> g.lead().foundOn()).min(Comparator.naturalOrder()).orElse(null);
                    LocalDate last = q.to() != null ? q.to()
                            : leads.stream().map(g -> g.lead().foundOn()).max(Comparator.naturalOrder()).orElse(null);
                    if (first != null && last != null) {
                        months(first, last).forEach(m -> groups.put(m, m));
                    }
                }
            }
            List<TallyRow> rows = new ArrayList<>();
            groups.forEach((code, name) -> rows.add(new TallyRow(code, name, name,
                    counts(leads.stream().filter(g -> key(q.by(), g, q.asOf()).equals(code)).toList(), q.asOf()))));
            return rows;
        }

        static List<String> months(LocalDate first, LocalDate last) {
            List<String> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            return months;
        }

        private static String key(Grouping by, Generated g, LocalDate asOf) {
            Lead lead = g.lead();
            return switch (by) {
                case COMMUNITY -> communities.stream().filter(c -> c.id() == lead.communityId()).findFirst()
                        .orElseThrow().code();
                case COMMITTEE -> committees.stream().filter(c -> c.id() == lead.committeeId()).findFirst()
                        .orElseThrow().code();
                case TYPE -> lead.disputeTypeCode();
                case SOURCE -> lead.sourceCode();
                case SOURCE_GROUP -> SOURCE_GROUPS.get(lead.sourceCode());
                case MONTH -> YearMonth.from(lead.foundOn()).toString();
                case RISK -> g.riskOn(asOf).name();
            };
        }
    }

    // ---- generated ledgers ----

    /** How far a lead got; a genuine lead DECLINED by a party (instead of accepted) goes no further. */
    enum Stage { FOUND, VERIFIED, DECLINED, ACCEPTED, CLOSED }

    /** An extension: agreed {@code afterDays} after the previous one (or acceptance), moving the due date by {@code byDays}. */
    record ExtensionSpec(int afterDays, int byDays) {
    }

    /** A reassessment of the risk {@code afterDays} after the previous assessment (the first is on the day found). */
    record RiskStep(int afterDays, RiskLevel risk) {
    }

    /** What may follow a lead's facts: extensions of its time limit and reassessments of its risk. */
    record Later(List<ExtensionSpec> extensions, List<RiskStep> reassessments) {
    }

    /** One lead's random facts; {@link #materialize} turns them into dates that respect DESIGN §4. */
    record LeadSpec(int community, int committee, int source, int type, RiskLevel risk, int foundDay, Stage stage,
                    VerificationResult result, int verifyAfter, int acceptAfter, int closeAfter, Outcome outcome,
                    List<ExtensionSpec> extensions, List<RiskStep> reassessments, boolean viaService) {

        Generated materialize(long committeeId, long communityId) {
            LocalDate found = FIRST_DAY.plusDays(foundDay);
            UUID id = UUID.randomUUID();
            // on days of their own, so that no tie on a day needs breaking
            List<RiskAssessment> assessments = new ArrayList<>();
            assessments.add(new RiskAssessment(UUID.randomUUID(), id, found, risk, false, false, "张三", null, CLOCK.instant()));
            for (RiskStep step : reassessments) {
                LocalDate on = capped(assessments.getLast().assessedOn().plusDays(step.afterDays()));
                if (!on.isAfter(assessments.getLast().assessedOn())) {
                    break;
                }
                assessments.add(new RiskAssessment(UUID.randomUUID(), id, on, step.risk(), false, false, "李四", "复评", CLOCK.instant()));
            }
            RiskLevel latest = assessments.getLast().risk();
            Lead lead = new Lead(id, committeeId, communityId, null, null, found, SOURCES.get(source),
                    TYPES.get(type), "因宅基地边界发生争执", null, null, latest, false, false, null, null, null, null,
                    null, null, null, null, null, null, null, 0);
            List<Extension> exts = new ArrayList<>();
            if (stage == Stage.FOUND) {
                return new Generated(lead, exts, assessments);
            }
            LocalDate verified = capped(found.plusDays(verifyAfter));
            lead = lead.withVerification(verified, result, null,
                    result == VerificationResult.TRANSFERRED ? "区人民法院" : null);
            if (stage == Stage.VERIFIED || result != VerificationResult.GENUINE) {
                return new Generated(lead, exts, assessments);
            }
            if (stage == Stage.DECLINED) {
                return new Generated(lead.withDecline(capped(verified.plusDays(acceptAfter)), "李某"), exts, assessments);
            }
            LocalDate accepted = capped(verified.plusDays(acceptAfter));
            lead = lead.withAcceptance(accepted, null, accepted.plusDays(TIME_LIMIT_DAYS));
            LocalDate closed = stage == Stage.CLOSED ? capped(accepted.plusDays(closeAfter)) : null;
            LocalDate latestAgreement = closed != null ? closed : LAST_DAY;
            LocalDate agreed = accepted;
            LocalDate due = lead.dueOn();
            for (ExtensionSpec e : extensions) {
                agreed = agreed.plusDays(e.afterDays());
                if (agreed.isAfter(latestAgreement)) {
                    break;
                }
                due = due.plusDays(e.byDays());
                exts.add(new Extension(UUID.randomUUID(), lead.id(), agreed, due, "当事人同意延期"));
            }
            if (closed != null) {
                lead = lead.withOutcome(closed, outcome);
            }
            return new Generated(lead, exts, assessments);
        }

        private static LocalDate capped(LocalDate day) {
            return day.isAfter(LAST_DAY) ? LAST_DAY : day;
        }
    }

    @Provide
    Arbitrary<List<LeadSpec>> ledgers() {
        Arbitrary<Integer> community = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> committee = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> source = Arbitraries.integers().between(0, SOURCES.size() - 1);
        Arbitrary<Integer> type = Arbitraries.integers().between(0, TYPES.size() - 1);
        Arbitrary<RiskLevel> risk = Arbitraries.of(RiskLevel.class);
        Arbitrary<Integer> foundDay = Arbitraries.integers().between(0, DAYS);
        Arbitrary<Stage> stage = Arbitraries.frequency(Tuple.of(1, Stage.FOUND), Tuple.of(2, Stage.VERIFIED),
                Tuple.of(1, Stage.DECLINED), Tuple.of(2, Stage.ACCEPTED), Tuple.of(4, Stage.CLOSED));
        Arbitrary<VerificationResult> result = Arbitraries.frequency(
                Tuple.of(6, VerificationResult.GENUINE), Tuple.of(1, VerificationResult.UNFOUNDED),
                Tuple.of(1, VerificationResult.DUPLICATE), Tuple.of(1, VerificationResult.TRANSFERRED));
        // Often the same day (a genuine lead is accepted on its verification day unless another is given).
        Arbitrary<Integer> shortDelay = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(4, Arbitraries.integers().between(1, 45)));
        Arbitrary<Integer> closeDelay = Arbitraries.integers().between(0, 120);
        Arbitrary<Outcome> outcome = Arbitraries.of(Outcome.class);
        Arbitrary<List<ExtensionSpec>> extensions = Combinators.combine(
                        Arbitraries.integers().between(0, 50), Arbitraries.integers().between(1, 60))
                .as(ExtensionSpec::new).list().ofMaxSize(3);
        Arbitrary<List<RiskStep>> reassessments = Combinators.combine(Arbitraries.integers().between(1, 120),
                Arbitraries.of(RiskLevel.class)).as(RiskStep::new).list().ofMaxSize(3);
        Arbitrary<Later> later = Combinators.combine(extensions, reassessments).as(Later::new);
        Arbitrary<Boolean> viaService = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false));

        Arbitrary<int[]> where = Combinators.combine(community, committee, source, type)
                .as((a, b, c, d) -> new int[] {a, b, c, d});
        Arbitrary<int[]> delays = Combinators.combine(foundDay, shortDelay, shortDelay, closeDelay)
                .as((a, b, c, d) -> new int[] {a, b, c, d});
        Arbitrary<LeadSpec> lead = Combinators.combine(where, delays, risk, stage, result, outcome, later, viaService)
                .as((w, d, r, s, v, o, e, svc) -> new LeadSpec(w[0], w[1], w[2], w[3], r, d[0], s, v, d[1], d[2], d[3],
                        o, e.extensions(), e.reassessments(), svc));
        return lead.list().ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform());
    }

    /** A query relative to a ledger: its days count from {@link #FIRST_DAY}; its as-of day may hug a fact. */
    record QuerySpec(Integer fromDay, Integer toDay, int asOfDay, Integer anchorLead, int anchorFact, int anchorShift,
                     Integer communityFilter, Integer committeeFilter) {

        TallyQuery toQuery(Grouping by, List<Generated> leads) {
            LocalDate from = fromDay == null ? null : FIRST_DAY.plusDays(fromDay);
            LocalDate to = toDay == null ? null : FIRST_DAY.plusDays(toDay);
            if (from != null && to != null && to.isBefore(from)) {
                LocalDate swap = from;
                from = to;
                to = swap;
            }
            Long communityId = communityFilter == null ? null : communities.get(communityFilter).id();
            Long committeeId = committeeFilter == null ? null : committees.get(committeeFilter).id();
            return new TallyQuery(by, from, to, asOf(leads), communityId, committeeId);
        }

        private LocalDate asOf(List<Generated> leads) {
            if (anchorLead == null || leads.isEmpty()) {
                return FIRST_DAY.plusDays(asOfDay);
            }
            Generated g = leads.get(anchorLead % leads.size());
            Lead l = g.lead();
            List<LocalDate> facts = new ArrayList<>(Stream.of(l.foundOn(), l.verifiedOn(), l.acceptedOn(), l.dueOn(),
                    l.closedOn(), l.declinedOn()).filter(d -> d != null).toList());
            for (Extension e : g.extensions()) {
                facts.add(e.agreedOn());
                facts.add(e.newDueOn());
            }
            g.assessments().forEach(a -> facts.add(a.assessedOn()));
            return facts.get(anchorFact % facts.size()).plusDays(anchorShift);
        }
    }

    @Provide
    Arbitrary<QuerySpec> queries() {
        Arbitrary<Integer> day = Arbitraries.integers().between(-60, DAYS + 60);
        Arbitrary<Integer> asOfDay = Arbitraries.integers().between(-30, DAYS + 200);
        Arbitrary<Integer> anchorLead = Arbitraries.integers().between(0, 59).injectNull(0.3);
        Arbitrary<Integer> anchorFact = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> shift = Arbitraries.integers().between(-1, 1);
        Arbitrary<Integer> community = Arbitraries.integers().between(0, 3).injectNull(0.7);
        Arbitrary<Integer> committee = Arbitraries.integers().between(0, 4).injectNull(0.7);
        Arbitrary<Integer[]> anchor = Combinators.combine(anchorLead, anchorFact, shift)
                .as((a, b, c) -> new Integer[] {a, b, c});
        return Combinators.combine(day.injectNull(0.3), day.injectNull(0.3), asOfDay, anchor, community, committee)
                .as((from, to, asOf, a, cm, ct) -> new QuerySpec(from, to, asOf, a[0], a[1], a[2], cm, ct));
    }

    // ---- writing a ledger ----

    /**
     * Empties the database of leads, then writes the ledger: most leads straight through the lead
     * repository, some through the lifecycle service (register, verify, accept, extend, close) so
     * that the facts it stores are the ones counted.
     */
    private static List<Generated> write(List<LeadSpec> ledger) {
        TestStores.deleteAllLeads(db);
        List<Generated> generated = new ArrayList<>();
        List<Integer> viaService = new ArrayList<>();
        for (LeadSpec spec : ledger) {
            Committee committee = committees.get(spec.committee());
            Community community = communities.get(spec.community());
            if (spec.viaService() && committee.active() && community.active()) {
                viaService.add(generated.size());
            }
            Generated g = spec.materialize(committee.id(), community.id());
            // now and then a lead from before risk history was kept: its row's level is all there is
            generated.add(generated.size() % 5 == 4 && !viaService.contains(generated.size()) ? g.withoutAssessments() : g);
        }
        db.write(tx -> {
            for (int i = 0; i < generated.size(); i++) {
                if (!viaService.contains(i)) {
                    tx.leads().insert(generated.get(i).lead(), CLOCK.instant());
                    generated.get(i).extensions().forEach(tx.leads()::insertExtension);
                    generated.get(i).assessments().forEach(tx.caseFiles()::insertRiskAssessment);
                }
            }
            return null;
        });
        LifecycleService lifecycle = new LifecycleService(db, CLOCK, User.setup());
        UUID written = generated.stream().filter(g -> !viaService.contains(generated.indexOf(g)))
                .map(g -> g.lead().id()).findFirst().orElse(null);
        for (int i : viaService) {
            Generated g = generated.get(i);
            if (g.lead().verificationResult() == VerificationResult.DUPLICATE && written == null) {
                // The service wants the lead a duplicate repeats; an import may leave it out.
                db.write(tx -> {
                    tx.leads().insert(g.lead(), CLOCK.instant());
                    return null;
                });
            } else {
                generated.set(i, throughService(lifecycle, g, written));
            }
            written = generated.get(i).lead().id();
        }
        return generated;
    }

    private static Generated throughService(LifecycleService lifecycle, Generated g, UUID someEarlierLead) {
        Lead l = g.lead();
        Lead saved = lifecycle.register(new NewLead(l.committeeId(), l.communityId(), null, null, l.foundOn(),
                l.sourceCode(), l.disputeTypeCode(), l.summary(), null, null, g.assessments().getFirst().risk(), false,
                false, List.of()));
        for (RiskAssessment a : g.assessments().subList(1, g.assessments().size())) {
            saved = lifecycle.reassess(saved.id(), saved.version(),
                    new Reassessment(a.assessedOn(), a.risk(), false, false, a.reason()));
        }
        if (l.verificationResult() != null) {
            saved = lifecycle.verify(saved.id(), saved.version(), l.verificationResult(), l.verifiedOn(),
                    l.verificationResult() == VerificationResult.DUPLICATE ? someEarlierLead : null, l.transferredTo());
        }
        if (l.declinedOn() != null) {
            saved = lifecycle.decline(saved.id(), saved.version(), l.declinedOn(), l.declinedBy());
        }
        if (l.acceptedOn() != null) {
            saved = lifecycle.accept(saved.id(), saved.version(), l.acceptedOn(), List.of(), new ConsentInput(saved.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
            assertThat(saved.dueOn()).as("due date set at acceptance").isEqualTo(l.dueOn());
        }
        List<Extension> extensions = new ArrayList<>();
        for (Extension e : g.extensions()) {
            saved = lifecycle.extend(saved.id(), saved.version(), e.agreedOn(), e.newDueOn(), e.reason());
            extensions.add(new Extension(e.id(), saved.id(), e.agreedOn(), e.newDueOn(), e.reason()));
        }
        if (l.outcome() != null) {
            AgreementInput agreement = l.outcome() == Outcome.RESOLVED
                    ? new AgreementInput(AgreementForm.WRITTEN, "经调查核实的纠纷事实", "双方争议事项", null, "双方自愿达成协议", null, null, null, null) : null;
            saved = lifecycle.close(saved.id(), saved.version(), l.outcome(), l.closedOn(), agreement);
        }
        assertThat(Arrays.asList(saved.foundOn(), saved.verifiedOn(), saved.verificationResult(), saved.acceptedOn(),
                saved.dueOn(), saved.closedOn(), saved.outcome(), saved.declinedOn(), saved.declinedBy()))
                .as("facts stored by the lifecycle service")
                .isEqualTo(Arrays.asList(l.foundOn(), l.verifiedOn(), l.verificationResult(), l.acceptedOn(),
                        l.dueOn(), l.closedOn(), l.outcome(), l.declinedOn(), l.declinedBy()));
        assertThat(saved.risk()).as("the level of the latest assessment").isEqualTo(l.risk());
        return new Generated(saved, extensions, lifecycle.file(saved.id()).riskAssessments());
    }

}
