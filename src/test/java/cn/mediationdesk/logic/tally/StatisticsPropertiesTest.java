package cn.mediationdesk.logic.tally;

import cn.mediationdesk.persistence.TestStores;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics statement (the tally engine's second) against an in-memory reference, on random
 * ledgers with agreements, follow-ups, judicial confirmations dated before and after the as-of day,
 * declined leads and 防止 outcomes, on both period bases (found, accepted); and its accepted and
 * resolved cases against {@link TallyService}'s, type by type, whose own counts on the chosen basis
 * are checked against the reference too.
 */
class StatisticsPropertiesTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    private static final int DAYS = 400;
    private static final Instant NOW = Instant.parse("2024-06-30T02:00:00Z");
    private static final List<String> TYPES = List.of("MARRIAGE_FAMILY", "NEIGHBOR", "CONTRACT", "DAMAGES", "OTHER");

    private static Path dir;
    private static Database db;
    private static List<Long> communities;
    private static long committee;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("statistics-properties");
        db = TestStores.fresh(dir, "ledger");
        db.write(tx -> {
            var org = tx.organization();
            long east = org.insertCommunity("C01", "东山社区");
            org.insertCommunity("C02", "西岭村");
            org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            return null;
        });
        communities = db.read(tx -> tx.organization().communities().stream().map(c -> c.id()).toList());
        committee = db.read(tx -> tx.organization().committees().getFirst().id());
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

    @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void statisticsEqualTheReferenceAndTheirCasesTheTallys(@ForAll("ledgers") List<Spec> ledger,
                                                          @ForAll("queries") QuerySpec spec) {
        List<Generated> leads = write(ledger);
        TallyQuery query = spec.toQuery();
        StatisticsResult result = db.read(tx -> StatisticsTally.summarize(tx, query));
        TallyResult tally = new TallyService(db).summarize(query.withGrouping(Grouping.TYPE));

        Map<String, StatisticsCounts> expected = reference(query, leads);
        assertThat(tally.total().counts().leads()).as("leads of the period on the %s basis", query.basis())
                .isEqualTo(leads.stream().filter(g -> selected(query, g.lead())
                        && g.lead().stateOn(query.asOf()) != LeadState.DUPLICATE).count());
        assertThat(tally.total().counts().declined()).as("declined on the %s basis", query.basis())
                .isEqualTo(leads.stream().filter(g -> selected(query, g.lead())
                        && g.lead().stateOn(query.asOf()) == LeadState.DECLINED).count());
        for (StatisticsRow row : result.rows()) {
            assertThat(row.counts()).as("%s in %s", row.code(), query)
                    .isEqualTo(expected.getOrDefault(row.code(), StatisticsCounts.ZERO));
            TallyCounts counts = tally.rows().stream().filter(r -> r.code().equals(row.code())).findFirst()
                    .orElseThrow().counts();
            assertThat(row.counts().accepted()).as("accepted %s", row.code()).isEqualTo(counts.accepted());
            assertThat(row.counts().resolved()).as("resolved %s", row.code()).isEqualTo(counts.resolved());
        }
        assertThat(result.rows()).extracting(StatisticsRow::code).containsExactlyElementsOf(
                tally.rows().stream().map(TallyRow::code).toList());
        StatisticsCounts sum = result.rows().stream().map(StatisticsRow::counts)
                .reduce(StatisticsCounts.ZERO, StatisticsCounts::plus);
        assertThat(result.total().counts()).isEqualTo(sum);
        assertThat(result.total().counts().accepted()).isEqualTo(tally.total().counts().accepted());
        assertThat(result.total().counts().resolved()).isEqualTo(tally.total().counts().resolved());
    }

    // ---- the reference ----

    /** A lead with what hangs under it. */
    record Generated(Lead lead, int parties, Agreement agreement, List<FollowUp> followUps,
                     JudicialConfirmation judicial, Set<PreventionKind> preventions) {
        Generated(Lead lead, int parties) {
            this(lead, parties, null, List.of(), null, Set.of());
        }
    }

    /** Whether the query's period holds the lead, on its basis: found, or accepted or declined by the as-of day. */
    private static boolean selected(TallyQuery q, Lead l) {
        LocalDate day = switch (q.basis()) {
            case FOUND -> l.foundOn();
            case ACCEPTED -> l.acceptedOn() != null ? l.acceptedOn() : l.declinedOn();
        };
        if (day == null || (q.basis() == PeriodBasis.ACCEPTED && day.isAfter(q.asOf()))) {
            return false;
        }
        return (q.from() == null || !day.isBefore(q.from())) && (q.to() == null || !day.isAfter(q.to()))
                && (q.communityId() == null || l.communityId() == q.communityId());
    }

    private static Map<String, StatisticsCounts> reference(TallyQuery q, List<Generated> leads) {
        Map<String, StatisticsCounts> counts = new HashMap<>();
        LocalDate asOf = q.asOf();
        for (Generated g : leads) {
            Lead l = g.lead();
            if (!selected(q, l)) {
                continue;
            }
            LeadState state = l.stateOn(asOf);
            boolean resolved = state == LeadState.RESOLVED;
            boolean closed = state == LeadState.RESOLVED || state == LeadState.FAILED || state == LeadState.TERMINATED;
            long persons = l.peopleCount() != null ? l.peopleCount() : g.parties();
            Agreement a = resolved ? g.agreement() : null;
            FollowUp latest = g.followUps().stream().filter(f -> !f.visitedOn().isAfter(asOf))
                    .max(Comparator.comparing(FollowUp::visitedOn)
                            // a tie goes to the less performed: NOT_PERFORMED comes last in the enum
                            .thenComparing(f -> f.performance().ordinal()))
                    .orElse(null);
            JudicialConfirmation j = resolved ? g.judicial() : null;
            // The risk flags play no part: 防止 counts only what was recorded as an outcome at closing.
            Map<PreventionKind, Prevented> prevented = new EnumMap<>(PreventionKind.class);
            for (PreventionKind kind : g.preventions()) {
                prevented.put(kind, closed ? new Prevented(1, persons) : Prevented.NONE);
            }
            StatisticsCounts one = new StatisticsCounts(state.isAccepted() ? 1 : 0, resolved ? 1 : 0,
                    a != null && a.form() == AgreementForm.WRITTEN ? 1 : 0,
                    a != null && a.form() == AgreementForm.ORAL ? 1 : 0,
                    a != null && a.amount() != null ? a.amount() : BigDecimal.ZERO, prevented,
                    resolved && latest != null && latest.performance() == Performance.PERFORMED ? 1 : 0,
                    j != null && !j.appliedOn().isAfter(asOf) ? 1 : 0,
                    j != null && Boolean.TRUE.equals(j.confirmed()) && j.decidedOn() != null
                            && !j.decidedOn().isAfter(asOf) ? 1 : 0);
            counts.merge(l.disputeTypeCode(), one, StatisticsCounts::plus);
        }
        return counts;
    }

    // ---- generated ledgers ----

    /** One lead's random facts, as offsets in days; {@link #materialize} keeps DESIGN §4's order of dates. */
    record Spec(int community, int type, int foundDay, int stage, int verifyAfter, int acceptAfter, int closeAfter,
                Outcome outcome, Integer people, int parties, boolean criminal, boolean group, AgreementForm form,
                Integer amountYuan, List<Tuple.Tuple2<Integer, Performance>> visits, Integer appliedAfter,
                Integer decidedAfter, Boolean confirmed, Set<PreventionKind> preventions) {

        Generated materialize() {
            LocalDate found = FIRST_DAY.plusDays(foundDay);
            Lead lead = new Lead(UUID.randomUUID(), committee, communities.get(community), null, null, found,
                    "SCREENING", TYPES.get(type), "邻里因琐事发生争执", people, null, RiskLevel.BLUE, criminal, group,
                    null, null, null, null, null, null, null, null, null, null, null, 0);
            if (stage == 0) {
                return new Generated(lead, parties);
            }
            LocalDate verified = found.plusDays(verifyAfter);
            lead = lead.withVerification(verified, VerificationResult.GENUINE, null, null);
            if (stage == 1) {
                return new Generated(lead, parties);
            }
            if (stage == 4) {
                return new Generated(lead.withDecline(verified.plusDays(acceptAfter), "被申请人"), parties);
            }
            LocalDate accepted = verified.plusDays(acceptAfter);
            lead = lead.withAcceptance(accepted, null, accepted.plusDays(30));
            if (stage == 2) {
                return new Generated(lead, parties);
            }
            LocalDate closed = accepted.plusDays(closeAfter);
            lead = lead.withOutcome(closed, outcome);
            if (outcome != Outcome.RESOLVED) {
                return new Generated(lead, parties, null, List.of(), null, preventions);
            }
            Agreement agreement = Agreement.brief(lead.id(), form, "双方达成协议",
                    amountYuan == null ? null : BigDecimal.valueOf(amountYuan).setScale(2), null);
            List<FollowUp> followUps = new ArrayList<>();
            for (var visit : visits) {
                followUps.add(new FollowUp(UUID.randomUUID(), lead.id(), closed.plusDays(visit.get1()), visit.get2(),
                        null, false, null, null, null, null));
            }
            JudicialConfirmation judicial = appliedAfter == null ? null
                    : new JudicialConfirmation(lead.id(), closed.plusDays(appliedAfter), "区人民法院", null,
                    decidedAfter == null ? null : confirmed ? JudicialResult.CONFIRMED : JudicialResult.REFUSED,
                    decidedAfter == null ? null : closed.plusDays(appliedAfter + decidedAfter));
            return new Generated(lead, parties, agreement, followUps, judicial, preventions);
        }
    }

    @Provide
    Arbitrary<List<Spec>> ledgers() {
        Arbitrary<int[]> where = Combinators.combine(Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, TYPES.size() - 1), Arbitraries.integers().between(0, DAYS),
                        Arbitraries.integers().between(0, 4))
                .as((c, t, d, s) -> new int[] {c, t, d, s});
        Arbitrary<int[]> delays = Combinators.combine(Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 60))
                .as((v, a, c) -> new int[] {v, a, c});
        Arbitrary<Outcome> outcome = Arbitraries.frequency(Tuple.of(4, Outcome.RESOLVED), Tuple.of(1, Outcome.FAILED),
                Tuple.of(1, Outcome.TERMINATED));
        Arbitrary<Set<PreventionKind>> preventions = Arbitraries.of(PreventionKind.class).set().ofMaxSize(2);
        Arbitrary<Object[]> people = Combinators.combine(Arbitraries.integers().between(1, 40).injectNull(0.4),
                        Arbitraries.integers().between(0, 4), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        preventions)
                .as((p, n, c, g, v) -> new Object[] {p, n, c, g, v});
        // Few distinct days, so that two visits on one day (and the tie between them) come up often.
        Arbitrary<List<Tuple.Tuple2<Integer, Performance>>> visits = Combinators.combine(
                        Arbitraries.of(0, 5, 20, 90, 200), Arbitraries.of(Performance.class))
                .as(Tuple::of).list().ofMaxSize(3);
        Arbitrary<Object[]> agreement = Combinators.combine(Arbitraries.of(AgreementForm.class),
                        Arbitraries.integers().between(0, 50_000).injectNull(0.4), visits,
                        Arbitraries.integers().between(0, 30).injectNull(0.6),
                        Arbitraries.integers().between(0, 30).injectNull(0.3), Arbitraries.of(true, false))
                .as((f, a, v, ap, d, cf) -> new Object[] {f, a, v, ap, d, cf});
        @SuppressWarnings("unchecked")
        Arbitrary<Spec> spec = Combinators.combine(where, delays, outcome, people, agreement)
                .as((w, d, o, p, a) -> new Spec(w[0], w[1], w[2], w[3], d[0], d[1], d[2], o, (Integer) p[0],
                        (Integer) p[1], (Boolean) p[2], (Boolean) p[3], (AgreementForm) a[0], (Integer) a[1],
                        (List<Tuple.Tuple2<Integer, Performance>>) a[2], (Integer) a[3], (Integer) a[4],
                        (Boolean) a[5], (Set<PreventionKind>) p[4]));
        return spec.list().ofMaxSize(40);
    }

    /** A period on one basis and an as-of day over the generated days, maybe one community. */
    record QuerySpec(Integer fromDay, Integer toDay, int asOfDay, Integer community, PeriodBasis basis) {
        TallyQuery toQuery() {
            LocalDate from = fromDay == null ? null : FIRST_DAY.plusDays(fromDay);
            LocalDate to = toDay == null ? null : FIRST_DAY.plusDays(toDay);
            if (from != null && to != null && to.isBefore(from)) {
                LocalDate swap = from;
                from = to;
                to = swap;
            }
            return new TallyQuery(Grouping.TYPE, from, to, FIRST_DAY.plusDays(asOfDay), community == null ? null
                    : communities.get(community), null, basis);
        }
    }

    @Provide
    Arbitrary<QuerySpec> queries() {
        Arbitrary<Integer> day = Arbitraries.integers().between(-10, DAYS + 10);
        return Combinators.combine(day.injectNull(0.4), day.injectNull(0.4),
                        Arbitraries.integers().between(0, DAYS + 200), Arbitraries.integers().between(0, 1).injectNull(0.6),
                        Arbitraries.of(PeriodBasis.class))
                .as(QuerySpec::new);
    }

    // ---- writing a ledger ----

    private static List<Generated> write(List<Spec> ledger) {
        TestStores.deleteAllLeads(db);
        List<Generated> generated = ledger.stream().map(Spec::materialize).toList();
        db.write(tx -> {
            for (Generated g : generated) {
                var leads = tx.leads();
                leads.insert(g.lead(), NOW);
                List<Party> parties = new ArrayList<>();
                for (int i = 0; i < g.parties(); i++) {
                    parties.add(Party.person(UUID.randomUUID(), g.lead().id(), "当事人" + i, null, null, null, null,
                            i == 0 ? PartyRole.APPLICANT : PartyRole.RESPONDENT, i));
                }
                leads.replaceParties(g.lead().id(), parties);
                if (g.agreement() != null) {
                    leads.saveAgreement(g.agreement());
                }
                g.followUps().forEach(leads::insertFollowUp);
                if (g.judicial() != null) {
                    leads.saveJudicialConfirmation(g.judicial());
                }
                tx.caseFiles().replacePreventions(g.lead().id(), g.preventions());
            }
            return null;
        });
        return generated;
    }

}
