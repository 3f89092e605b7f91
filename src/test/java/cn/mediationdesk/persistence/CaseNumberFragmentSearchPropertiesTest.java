package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadCount;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search for a piece of a case number, whose pairs of characters (digits, 调字, 第) are in most leads, finds
 * exactly what a LIKE over the fields finds, in the order of every sort and through every filter, page by page,
 * and counts it exactly, capped or not, however its candidates are narrowed: pairs counted as common from
 * {@code common} keys on, so that the word's pair ranges are merged ({@link LeadSearchDao.Merging}: ranges read
 * whole, candidates looked up (a few at a time, or all at once), stopped early, or given up for each lead's text). Random ledgers whose case
 * numbers, lead numbers and summaries share few digits, on H2, and on PostgreSQL in its half (every
 * {@value TestStores#POSTGRES_SAMPLE}th try).
 */
class CaseNumberFragmentSearchPropertiesTest {
    private static final Instant NOW = Instant.parse("2024-06-30T02:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final String DIGITS = "1230";
    private static final List<LeadSort> SORTS = List.of(LeadSort.DEFAULT,
            new LeadSort(LeadSort.Column.FOUND_ON, true), new LeadSort(LeadSort.Column.CASE_NUMBER, true),
            new LeadSort(LeadSort.Column.CASE_NUMBER, false), new LeadSort(LeadSort.Column.LEAD_NO, true),
            new LeadSort(LeadSort.Column.DUE_ON, true));
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static Path dir;
    private static Database db;
    private static long committee;
    private static long community;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("fragment-properties");
        db = TestStores.fresh(dir, "ledger");
        db.write(tx -> {
            community = tx.organization().insertCommunity("C01", "东山社区");
            committee = tx.organization().insertCommittee("K01", "东山社区人民调解委员会", "东山",
                    CommitteeKind.COMMUNITY, community);
            return null;
        });
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

    /** What a lead is searched and filtered by. */
    record Text(String caseNumber, String leadNo, String summary, List<String> parties, boolean contract) {
        /** The reference: LIKE '%word%' on LOWER(field), for each word, in any field. */
        boolean matches(List<String> words) {
            List<String> fields = new ArrayList<>(parties);
            Stream.of(caseNumber, leadNo, summary).filter(f -> f != null).forEach(fields::add);
            return words.stream().allMatch(word -> fields.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT)
                    .contains(word)));
        }
    }

    /** A query: a piece of the case number of the {@code lead}-th lead, or {@code otherwise} if it has none. */
    record Pick(int lead, int from, int length, String otherwise, String secondWord) {
        String query(List<Text> ledger) {
            String number = ledger.get(lead % ledger.size()).caseNumber();
            String word = otherwise;
            if (number != null) {
                int start = from % number.length();
                word = number.substring(start, Math.min(number.length(), start + length));
            }
            return secondWord == null ? word : word + " " + secondWord;
        }
    }

    @Property(tries = 60, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aFragmentIsFoundCountedAndPagedExactlyAsLikeFindsIt(@ForAll("ledgers") List<Text> ledger,
                                                            @ForAll("picks") List<Pick> picks,
                                                            @ForAll("mergings") LeadSearchDao.Merging merging,
                                                            @ForAll("commons") int common,
                                                            @ForAll("filters") int filterKind) {
        Assume.that(TestStores.sampled(TRIES));
        List<Lead> leads = write(ledger);
        for (Pick pick : picks) {
            LeadFilter filter = filtered(LeadFilter.all(AS_OF).withText(pick.query(ledger)), filterKind);
            Set<UUID> expected = new HashSet<>();
            for (int i = 0; i < leads.size(); i++) {
                if (ledger.get(i).matches(filter.words()) && selects(filterKind, ledger.get(i), leads.get(i))) {
                    expected.add(leads.get(i).id());
                }
            }
            for (LeadSort sort : SORTS) {
                List<UUID> byLike = like(filter, sort, 0, leads.size() + 1);
                assertThat(new HashSet<>(byLike)).as("LIKE's leads for %s", filter.text()).isEqualTo(expected);
                assertThat(page(filter, sort, 0, leads.size() + 1, common, merging))
                        .as("every lead of %s by %s, %s", filter.text(), sort, merging).containsExactlyElementsOf(byLike);
                assertThat(page(filter, sort, 2, 3, common, merging)).as("page at 2 of %s by %s, %s", filter.text(), sort,
                        merging).containsExactlyElementsOf(like(filter, sort, 2, 3));
            }
            long count = db.jdbi().withHandle(h -> new LeadSearchDao(h, common, merging).count(filter));
            assertThat(count).as("count of %s, %s", filter.text(), merging).isEqualTo(expected.size());
            for (long cap : new long[] {0, 1, 3, 1_000}) {
                LeadCount bounded = db.jdbi().withHandle(h -> new LeadSearchDao(h, common, merging).count(filter, cap));
                assertThat(bounded).as("count of %s capped at %d, %s", filter.text(), cap, merging).isEqualTo(
                        expected.size() > cap ? LeadCount.moreThan(cap) : LeadCount.exactly(expected.size()));
            }
        }
    }

    /** The filter of kind {@code kind}: none, a dispute type, or a month found. */
    private static LeadFilter filtered(LeadFilter filter, int kind) {
        return switch (kind) {
            case 1 -> filter.withDisputeType("CONTRACT");
            case 2 -> filter.withMonth(YearMonth.from(AS_OF));
            default -> filter;
        };
    }

    private static boolean selects(int kind, Text text, Lead lead) {
        return switch (kind) {
            case 1 -> text.contract();
            case 2 -> YearMonth.from(lead.foundOn()).equals(YearMonth.from(AS_OF));
            default -> true;
        };
    }

    private static List<UUID> page(LeadFilter filter, LeadSort sort, int offset, int limit, int common,
                                   LeadSearchDao.Merging merging) {
        return db.jdbi().withHandle(h -> new LeadSearchDao(h, common, merging).page(filter, sort, offset, limit))
                .stream().map(LeadListRow::id).toList();
    }

    /** The reference order: every selected lead sorted, the words checked with LIKE in the fields themselves. */
    private static List<UUID> like(LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        return db.jdbi().withHandle(h -> h.createQuery(statement.pageSql(sort)).bindMap(statement.pageParameters(sort))
                .bind("o", offset).bind("n", limit).mapTo(UUID.class).list());
    }

    private static List<Lead> write(List<Text> ledger) {
        TestStores.deleteAllLeads(db);
        List<Lead> leads = new ArrayList<>();
        db.write(tx -> {
            for (int i = 0; i < ledger.size(); i++) {
                Text text = ledger.get(i);
                CaseNumber number = text.caseNumber() == null ? null
                        : new CaseNumber(2000 + Integer.parseInt(text.caseNumber().substring(3, 5)), i + 1,
                        text.caseNumber());
                Lead lead = new Lead(UUID.randomUUID(), committee, community, null, text.leadNo(),
                        AS_OF.minusDays(3L * i), "WALK_IN", text.contract() ? "CONTRACT" : "NEIGHBOR", text.summary(),
                        null, null, RiskLevel.BLUE, false, false, null, null, null, null, null, number, null, null,
                        null, null, null, 0);
                tx.leads().insert(lead, NOW);
                List<Party> parties = new ArrayList<>();
                for (int p = 0; p < text.parties().size(); p++) {
                    parties.add(Party.person(UUID.randomUUID(), lead.id(), text.parties().get(p), Gender.MALE, null,
                            null, null, p == 0 ? PartyRole.APPLICANT : PartyRole.RESPONDENT, p));
                }
                tx.leads().replaceParties(lead.id(), parties);
                leads.add(lead);
            }
            return null;
        });
        return leads;
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().withChars(DIGITS.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    /** （2023）东调字第123号: the year's last two digits and the number from a few digits, so pairs repeat. */
    private static Arbitrary<String> caseNumbers() {
        return Combinators.combine(digits(2, 2), Arbitraries.of("东", "西"), digits(1, 3))
                .as((year, place, number) -> "（20" + year + "）" + place + "调字第" + number + "号");
    }

    @Provide
    Arbitrary<List<Text>> ledgers() {
        Arbitrary<Text> text = Combinators.combine(caseNumbers().injectNull(0.25), digits(0, 4),
                        Combinators.combine(digits(2, 2), digits(1, 2), Arbitraries.of("纠纷", "调字第", "号"))
                                .as((year, day, word) -> "20" + year + "年" + day + "日" + word),
                        Arbitraries.of("王秀英", "李建国", "张12").list().ofMaxSize(2), Arbitraries.of(false, true))
                .as((number, leadNo, summary, parties, contract) -> new Text(number, leadNo, summary, parties,
                        contract));
        return text.list().ofMinSize(1).ofMaxSize(30).map(texts -> {
            // A lead number is unique in its committee.
            List<Text> unique = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                Text t = texts.get(i);
                unique.add(new Text(t.caseNumber(), "XS" + t.leadNo() + "-" + i, t.summary(), t.parties(), t.contract()));
            }
            return unique;
        });
    }

    @Provide
    Arbitrary<List<Pick>> picks() {
        Arbitrary<String> otherwise = Arbitraries.oneOf(digits(2, 4), Arbitraries.of("调字第", "第1", "23号", "2x"));
        return Combinators.combine(Arbitraries.integers().between(0, 29), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(2, 9), otherwise,
                        Arbitraries.oneOf(digits(2, 3), Arbitraries.just("号")).injectNull(0.7))
                .as(Pick::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<LeadSearchDao.Merging> mergings() {
        // Mostly the default bounds, so that most words are merged; sometimes small ones, to give up on it.
        LeadSearchDao.Merging usual = LeadSearchDao.Merging.DEFAULT;
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(usual.keys())),
                                Tuple.of(1, Arbitraries.of(0L, 4L, 10L))),
                        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(usual.candidates())),
                                Tuple.of(1, Arbitraries.of(0, 2, 5))),
                        Arbitraries.of(0, 1, 3), Arbitraries.of(0, 1, 4, 1_000), Arbitraries.of(1, 2, usual.lookupChunk()))
                .as(LeadSearchDao.Merging::new);
    }

    /** From how many keys a pair counts as common: nearly every pair, or most. */
    @Provide
    Arbitrary<Integer> commons() {
        return Arbitraries.of(0, 0, 1, 3);
    }

    @Provide
    Arbitrary<Integer> filters() {
        return Arbitraries.integers().between(0, 2);
    }
}
