package cn.mediationdesk.logic.search;

import cn.mediationdesk.persistence.TestStores;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search made from any cell of a summary (its group, column, period, as-of day and the summary's
 * own community or committee) finds exactly as many leads as the cell counts, and every lead it
 * lists is in the state the cell's column stands for. Random ledgers on a real H2 database (one per
 * class; each try empties it first).
 */
class LeadSearchPropertiesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2023, 12, 31);
    private static final int DAYS = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay());
    private static final Instant NOW = Instant.parse("2024-06-30T02:00:00Z");
    private static final List<String> SOURCES = List.of("SCREENING", "GRID_REPORT", "PARTY_APPLICATION", "WALK_IN",
            "POLICE_REFERRAL", "COURT_REFERRAL", "PETITION_REFERRAL", "GOVERNMENT_ASSIGNED", "OTHER");
    private static final List<String> TYPES = List.of("MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD", "CONTRACT",
            "LABOR", "TRAFFIC", "OTHER");
    private static final Map<String, String> SOURCE_GROUPS = Map.of("SCREENING", "ACTIVE", "GRID_REPORT", "ACTIVE",
            "PARTY_APPLICATION", "APPLICATION", "WALK_IN", "APPLICATION", "OTHER", "APPLICATION",
            "POLICE_REFERRAL", "REFERRAL", "COURT_REFERRAL", "REFERRAL", "PETITION_REFERRAL", "REFERRAL",
            "GOVERNMENT_ASSIGNED", "REFERRAL");

    private static Path dir;
    /** Counts tries, for running a sample of them on PostgreSQL. */
    private static final java.util.concurrent.atomic.AtomicInteger TRIES = new java.util.concurrent.atomic.AtomicInteger();
    private static Database db;
    private static TallyService tally;
    private static LeadSearchService search;
    private static List<Community> communities;
    private static List<Committee> committees;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("search-properties");
        db = TestStores.fresh(dir, "ledger");
        tally = new TallyService(db);
        search = new LeadSearchService(db, User.setup());
        db.write(tx -> {
            var org = tx.organization();
            long east = org.insertCommunity("C01", "东山社区");
            long west = org.insertCommunity("C02", "西岭村");
            long old = org.insertCommunity("C00", "旧村");
            org.updateCommunity(old, "C00", "旧村", false);
            org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            org.insertCommittee("K02", "西岭村人民调解委员会", "西岭", CommitteeKind.COMMUNITY, west);
            org.insertCommittee("T01", "道路交通事故人民调解委员会", "交调", CommitteeKind.TRADE, null);
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

    @Property(tries = 120, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aSearchByTallyCellFindsExactlyTheLeadsTheCellCounts(
            @ForAll("ledgers") List<LeadSpec> ledger,
            @ForAll @Size(min = 1, max = 3) List<@From("cells") CellSpec> cells) {
        Assume.that(TestStores.sampled(TRIES));
        Map<UUID, Generated> leads = write(ledger);
        for (CellSpec cell : cells) {
            TallyQuery query = cell.query();
            TallyResult result = tally.summarize(query);
            List<TallyRow> rows = new ArrayList<>(result.rows());
            rows.add(result.total());
            TallyRow row = rows.get(cell.row() % rows.size());
            LeadFilter byCell = narrowedTo(LeadFilter.of(query, null), query.by(), row);

            for (TallyColumn column : TallyColumn.values()) {
                LeadFilter filter = byCell.withColumn(column);
                LeadPage page = search.search(filter, LeadSort.DEFAULT, 0, LeadSearchService.MAX_PAGE_SIZE);

                assertThat(page.total()).as("%s of %s in %s", column, row.code(), query)
                        .isEqualTo(column.of(row.counts()));
                assertThat(page.rows()).as("rows of %s", filter).hasSize((int) page.total());
                for (LeadListRow listed : page.rows()) {
                    Generated g = leads.get(listed.id());
                    LeadState state = g.lead().stateOn(query.asOf());
                    boolean overdue = state == LeadState.MEDIATING && query.asOf().isAfter(g.dueOn(query.asOf()));
                    assertThat(listed.state()).as("state of %s as of %s", listed.id(), query.asOf()).isEqualTo(state);
                    assertThat(listed.overdue()).as("overdue flag of %s as of %s", listed.id(), query.asOf())
                            .isEqualTo(overdue);
                    assertThat(listed.dueOn()).as("due date of %s as of %s", listed.id(), query.asOf())
                            .isEqualTo(state.isAccepted() ? g.dueOn(query.asOf()) : null);
                    assertThat(column.includes(listed.state(), listed.overdue())).isTrue();
                }
            }
        }
    }

    @Property(tries = 60, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void pagesOfAnySizeInAnyOrderFollowEachOtherAndFollowTheOrder(
            @ForAll("ledgers") List<LeadSpec> ledger, @ForAll LeadSort.Column column, @ForAll boolean ascending,
            @ForAll @IntRange(min = 1, max = 9) int pageSize, @ForAll @IntRange(min = 0, max = 1200) int asOfDay) {
        Assume.that(TestStores.sampled(TRIES));
        Map<UUID, Generated> leads = write(ledger);
        LeadSort sort = new LeadSort(column, ascending);
        LeadFilter filter = LeadFilter.all(FIRST_DAY.plusDays(asOfDay));
        List<LeadListRow> all = search.search(filter, sort, 0, LeadSearchService.MAX_PAGE_SIZE).rows();
        assertThat(all).hasSize(leads.size());

        List<LeadListRow> paged = new ArrayList<>();
        for (int offset = 0; offset < leads.size(); offset += pageSize) {
            paged.addAll(search.page(filter, sort, offset, pageSize));
        }
        assertThat(paged).extracting(LeadListRow::id).as("pages of %d by %s", pageSize, sort)
                .containsExactlyElementsOf(all.stream().map(LeadListRow::id).toList());

        Comparator<LeadListRow> byKey = switch (column) {
            case FOUND_ON -> Comparator.comparing(LeadListRow::foundOn);
            case STATE -> Comparator.comparing(LeadListRow::state);
            case RISK -> Comparator.comparing(LeadListRow::risk);
            case COMMITTEE -> Comparator.comparing(r -> codeOf(committees, r.committeeName()));
            case COMMUNITY -> Comparator.comparing(r -> codeOf(communities, r.communityName()));
            default -> (a, b) -> 0; // the dictionaries' and the case numbers' orders are checked by example
        };
        assertThat(all).as("in the order of %s", sort).isSortedAccordingTo(ascending ? byKey : byKey.reversed());
    }

    private static String codeOf(List<?> organization, String name) {
        return organization.stream().map(o -> o instanceof Committee c ? new String[] {c.name(), c.code()}
                        : new String[] {((Community) o).name(), ((Community) o).code()})
                .filter(pair -> pair[0].equals(name)).findFirst().orElseThrow()[1];
    }

    /** The cell's group as a filter: a total row adds nothing to the summary's own filters. */
    private static LeadFilter narrowedTo(LeadFilter filter, Grouping by, TallyRow row) {
        if (row.code().equals(TallyRow.TOTAL_CODE)) {
            return filter;
        }
        return switch (by) {
            case COMMUNITY -> filter.withCommunity(communities.stream().filter(c -> c.code().equals(row.code()))
                    .findFirst().orElseThrow().id());
            case COMMITTEE -> filter.withCommittee(committees.stream().filter(c -> c.code().equals(row.code()))
                    .findFirst().orElseThrow().id());
            case TYPE -> filter.withDisputeType(row.code());
            case SOURCE -> filter.withSource(row.code());
            case SOURCE_GROUP -> filter.withSourceGroup(row.code());
            case MONTH -> filter.withMonth(YearMonth.parse(row.code()));
            case RISK -> filter.withRisks(Set.of(RiskLevel.valueOf(row.code())));
        };
    }

    // ---- generated ledgers ----

    enum Stage { FOUND, VERIFIED, ACCEPTED, CLOSED }

    record LeadSpec(int community, int committee, int source, int type, RiskLevel risk, boolean criminal,
                    boolean group, int foundDay, Stage stage, VerificationResult result, int verifyAfter,
                    int acceptAfter, int closeAfter, Outcome outcome, List<int[]> extensions, int parties) {

        Generated materialize() {
            LocalDate found = FIRST_DAY.plusDays(foundDay);
            Lead lead = new Lead(UUID.randomUUID(), committees.get(committee).id(), communities.get(community).id(),
                    null, null, found, SOURCES.get(source), TYPES.get(type), "宅基地边界纠纷", null, null, risk,
                    criminal, group, null, null, null, null, null, null, null, null, null, null, null, 0);
            List<Extension> exts = new ArrayList<>();
            if (stage == Stage.FOUND) {
                return new Generated(lead, exts, parties);
            }
            LocalDate verified = capped(found.plusDays(verifyAfter));
            lead = lead.withVerification(verified, result, null, null);
            if (stage == Stage.VERIFIED || result != VerificationResult.GENUINE) {
                return new Generated(lead, exts, parties);
            }
            LocalDate accepted = capped(verified.plusDays(acceptAfter));
            lead = lead.withAcceptance(accepted, null, accepted.plusDays(30));
            LocalDate closed = stage == Stage.CLOSED ? capped(accepted.plusDays(closeAfter)) : null;
            LocalDate agreed = accepted;
            LocalDate due = lead.dueOn();
            for (int[] e : extensions) {
                agreed = agreed.plusDays(e[0]);
                if (agreed.isAfter(closed != null ? closed : LAST_DAY)) {
                    break;
                }
                due = due.plusDays(e[1]);
                exts.add(new Extension(UUID.randomUUID(), lead.id(), agreed, due, "当事人同意延期"));
            }
            if (closed != null) {
                lead = lead.withOutcome(closed, outcome);
            }
            return new Generated(lead, exts, parties);
        }

        private static LocalDate capped(LocalDate day) {
            return day.isAfter(LAST_DAY) ? LAST_DAY : day;
        }
    }

    record Generated(Lead lead, List<Extension> extensions, int parties) {
        /** The due date in force at the end of {@code day}: the latest extension agreed by then, else the original. */
        LocalDate dueOn(LocalDate day) {
            LocalDate due = lead.dueOn();
            for (Extension e : extensions) {
                if (!e.agreedOn().isAfter(day)) {
                    due = e.newDueOn();
                }
            }
            return due;
        }
    }

    @Provide
    Arbitrary<List<LeadSpec>> ledgers() {
        Arbitrary<int[]> where = Combinators.combine(Arbitraries.integers().between(0, communities.size() - 1),
                        Arbitraries.integers().between(0, committees.size() - 1),
                        Arbitraries.integers().between(0, SOURCES.size() - 1),
                        Arbitraries.integers().between(0, TYPES.size() - 1))
                .as((a, b, c, d) -> new int[] {a, b, c, d});
        Arbitrary<Integer> shortDelay = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(4, Arbitraries.integers().between(1, 45)));
        Arbitrary<int[]> delays = Combinators.combine(Arbitraries.integers().between(0, DAYS), shortDelay, shortDelay,
                        Arbitraries.integers().between(0, 120))
                .as((a, b, c, d) -> new int[] {a, b, c, d});
        Arbitrary<Stage> stage = Arbitraries.frequency(Tuple.of(1, Stage.FOUND), Tuple.of(2, Stage.VERIFIED),
                Tuple.of(3, Stage.ACCEPTED), Tuple.of(4, Stage.CLOSED));
        Arbitrary<VerificationResult> result = Arbitraries.frequency(
                Tuple.of(6, VerificationResult.GENUINE), Tuple.of(1, VerificationResult.UNFOUNDED),
                Tuple.of(1, VerificationResult.DUPLICATE), Tuple.of(1, VerificationResult.TRANSFERRED));
        Arbitrary<List<int[]>> extensions = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(1, 60)).as((a, b) -> new int[] {a, b}).list().ofMaxSize(2);
        Arbitrary<boolean[]> flags = Combinators.combine(Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false, false)).as((a, b) -> new boolean[] {a, b});
        return Combinators.combine(where, delays, Arbitraries.of(RiskLevel.class), flags, stage, result,
                        Arbitraries.of(Outcome.class), extensions)
                .as((w, d, risk, f, s, v, o, e) -> new LeadSpec(w[0], w[1], w[2], w[3], risk, f[0], f[1], d[0], s, v,
                        d[1], d[2], d[3], o, e, d[0] % 3))
                .list().ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform());
    }

    /** A summary (grouping, period, as-of day, perhaps one community or committee) and one of its rows. */
    record CellSpec(Grouping by, Integer fromDay, Integer toDay, int asOfDay, Integer community, Integer committee,
                    int row) {
        TallyQuery query() {
            LocalDate from = fromDay == null ? null : FIRST_DAY.plusDays(fromDay);
            LocalDate to = toDay == null ? null : FIRST_DAY.plusDays(toDay);
            if (from != null && to != null && to.isBefore(from)) {
                LocalDate swap = from;
                from = to;
                to = swap;
            }
            return new TallyQuery(by, from, to, FIRST_DAY.plusDays(asOfDay),
                    community == null ? null : communities.get(community).id(),
                    committee == null ? null : committees.get(committee).id());
        }
    }

    @Provide
    Arbitrary<CellSpec> cells() {
        Arbitrary<Integer> day = Arbitraries.integers().between(-30, DAYS + 30).injectNull(0.3);
        return Combinators.combine(Arbitraries.of(Grouping.class), day, day,
                        Arbitraries.integers().between(-10, DAYS + 150),
                        Arbitraries.integers().between(0, communities.size() - 1).injectNull(0.75),
                        Arbitraries.integers().between(0, committees.size() - 1).injectNull(0.75),
                        Arbitraries.integers().between(0, 200))
                .as(CellSpec::new);
    }

    // ---- writing a ledger ----

    private static Map<UUID, Generated> write(List<LeadSpec> ledger) {
        TestStores.deleteAllLeads(db);
        Map<UUID, Generated> written = new HashMap<>();
        db.write(tx -> {
            for (LeadSpec spec : ledger) {
                Generated g = spec.materialize();
                tx.leads().insert(g.lead(), NOW);
                g.extensions().forEach(tx.leads()::insertExtension);
                List<Party> parties = new ArrayList<>();
                for (int i = 0; i < g.parties(); i++) {
                    parties.add(Party.person(UUID.randomUUID(), g.lead().id(), "当事人" + i, Gender.FEMALE, null, null,
                            null, i == 0 ? PartyRole.APPLICANT : PartyRole.RESPONDENT, i));
                }
                tx.leads().replaceParties(g.lead().id(), parties);
                written.put(g.lead().id(), g);
            }
            return null;
        });
        return written;
    }


    static Set<RiskLevel> anyRisk() {
        return EnumSet.allOf(RiskLevel.class);
    }
}
