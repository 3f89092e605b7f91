package cn.mediationdesk.logic.search;

import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text through the text index finds exactly the leads a case-insensitive LIKE over the case
 * number, lead number, summary and party names finds (each word in some field), for any query: pieces
 * of the fields, one character, Chinese, digits, mixed case, % and _, words found nowhere; and still
 * after a share of the leads had their fields and parties rewritten. Random ledgers on a real database
 * (H2, or PostgreSQL in the second run).
 */
class LeadTextSearchPropertiesTest {
    /** Few characters, so that queries often match part of a field and pairs often repeat. */
    private static final String ALPHABET = "王李张秀英纠纷调字第号（）12aAbB%_!.";
    private static final Instant NOW = Instant.parse("2024-06-30T02:00:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static Path dir;
    private static Database db;
    private static LeadSearchService search;
    private static long committee;
    private static long community;

    @BeforeContainer
    static void openDatabase() throws IOException {
        dir = Files.createTempDirectory("text-search-properties");
        db = TestStores.fresh(dir, "ledger");
        search = new LeadSearchService(db, User.setup());
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

    /** What a lead is searched by. */
    record Text(String caseNumber, String leadNo, String summary, List<String> parties) {
        List<String> fields() {
            List<String> fields = new ArrayList<>(parties);
            fields.add(caseNumber);
            fields.add(leadNo);
            fields.add(summary);
            return fields.stream().filter(f -> f != null).toList();
        }

        /** The reference: LIKE '%word%' on LOWER(field), for each word, in any field. */
        boolean matches(List<String> words) {
            return words.stream().allMatch(word -> fields().stream()
                    .anyMatch(field -> field.toLowerCase(Locale.ROOT).contains(word)));
        }
    }

    @Property(tries = 60, maxDiscardRatio = 10, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aSearchFindsExactlyWhatLikeFindsBeforeAndAfterEdits(@ForAll("ledgers") List<Text> ledger,
                                                           @ForAll("edits") List<Text> edits,
                                                           @ForAll("queries") List<String> queries) {
        Assume.that(TestStores.sampled(TRIES));
        List<Lead> leads = write(ledger);
        List<Text> texts = new ArrayList<>(ledger);
        check(leads, texts, queries);

        // Rewrite the first leads' fields and parties: the index follows, old words are gone.
        db.write(tx -> {
            for (int i = 0; i < Math.min(edits.size(), leads.size()); i++) {
                Lead before = tx.leads().find(leads.get(i).id()).orElseThrow();
                Text edit = edits.get(i);
                Lead after = withText(before, edit, i);
                assertThat(tx.leads().update(after, NOW)).isTrue();
                tx.leads().replaceParties(after.id(), parties(after.id(), edit.parties()));
                texts.set(i, edit);
            }
            return null;
        });
        check(leads, texts, queries);
    }

    private static void check(List<Lead> leads, List<Text> texts, List<String> queries) {
        for (String query : queries) {
            LeadFilter filter = LeadFilter.all(AS_OF).withText(query);
            List<String> words = filter.words();
            Set<UUID> expected = new java.util.HashSet<>();
            for (int i = 0; i < leads.size(); i++) {
                if (texts.get(i).matches(words)) {
                    expected.add(leads.get(i).id());
                }
            }
            LeadPage page = search.search(filter, LeadSort.DEFAULT, 0, LeadSearchService.MAX_PAGE_SIZE);
            assertThat(page.rows().stream().map(LeadListRow::id).collect(Collectors.toSet()))
                    .as("leads found by %s", query).isEqualTo(expected);
            assertThat(page.total()).as("count of %s", query).isEqualTo(expected.size());
            // Capped counts read a word's keys or check each lead's text, depending on the cap: both are exact.
            for (long cap : new long[] {0, 1, 3, 8, LeadSearchService.COUNT_CAP}) {
                LeadCount bounded = new LeadSearchService(db, User.setup(), cap).boundedCount(filter);
                assertThat(bounded).as("count of %s capped at %d", query, cap).isEqualTo(
                        words.isEmpty() || expected.size() <= cap ? LeadCount.exactly(expected.size())
                                : LeadCount.moreThan(cap));
            }
        }
    }

    private static List<Lead> write(List<Text> ledger) {
        TestStores.deleteAllLeads(db);
        List<Lead> leads = new ArrayList<>();
        db.write(tx -> {
            for (int i = 0; i < ledger.size(); i++) {
                Lead lead = withText(new Lead(UUID.randomUUID(), committee, community, null, null,
                        AS_OF.minusDays(i), "WALK_IN", "NEIGHBOR", "x", null, null, RiskLevel.BLUE, false, false,
                        null, null, null, null, null, null, null, null, null, null, null, 0), ledger.get(i), i);
                tx.leads().insert(lead, NOW);
                tx.leads().replaceParties(lead.id(), parties(lead.id(), ledger.get(i).parties()));
                leads.add(lead);
            }
            return null;
        });
        return leads;
    }

    /** The lead {@code l} with {@code text}; the {@code position}-th lead of the ledger, for a unique case number. */
    private static Lead withText(Lead l, Text text, int position) {
        CaseNumber number = text.caseNumber() == null ? null : new CaseNumber(2024, position + 1, text.caseNumber());
        return new Lead(l.id(), l.committeeId(), l.communityId(), l.gridId(), text.leadNo(), l.foundOn(),
                l.sourceCode(), l.disputeTypeCode(), text.summary(), l.peopleCount(), l.amount(), l.risk(),
                l.criminalRisk(), l.groupRisk(), l.verifiedOn(), l.verificationResult(), l.duplicateOfId(),
                l.transferredTo(), l.acceptedOn(), number, l.dueOn(), l.closedOn(), l.outcome(), l.declinedOn(),
                l.declinedBy(), l.version());
    }

    private static List<Party> parties(UUID lead, List<String> names) {
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parties.add(Party.person(UUID.randomUUID(), lead, names.get(i), Gender.MALE, null, null, null,
                    i == 0 ? PartyRole.APPLICANT : PartyRole.RESPONDENT, i));
        }
        return parties;
    }


    private static Arbitrary<String> snippet(int min, int max) {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    /** A lead number is unique in its committee: each ends in its lead's position ({@code tag} and index). */
    private static List<Text> uniqueLeadNumbers(List<Text> texts, String tag) {
        List<Text> unique = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Text t = texts.get(i);
            unique.add(new Text(t.caseNumber(), t.leadNo() == null ? null : t.leadNo() + "~" + tag + i, t.summary(),
                    t.parties()));
        }
        return unique;
    }

    private static Arbitrary<Text> texts() {
        return Combinators.combine(snippet(1, 8).injectNull(0.4), snippet(1, 8).injectNull(0.3), snippet(0, 20),
                        snippet(1, 4).list().ofMaxSize(3))
                .as(Text::new);
    }

    @Provide
    Arbitrary<List<Text>> ledgers() {
        return texts().list().ofMinSize(1).ofMaxSize(25).map(texts -> uniqueLeadNumbers(texts, ""));
    }

    @Provide
    Arbitrary<List<Text>> edits() {
        return texts().list().ofMaxSize(6).map(texts -> uniqueLeadNumbers(texts, "e"));
    }

    @Provide
    Arbitrary<List<String>> queries() {
        Arbitrary<String> word = Arbitraries.oneOf(snippet(1, 1), snippet(2, 3), snippet(4, 6));
        Arbitrary<String> query = Arbitraries.oneOf(word, Combinators.combine(word, word).as((a, b) -> a + " " + b),
                word.map(w -> w.toUpperCase(Locale.ROOT)), Arbitraries.of("张某", "调字第", "%", "_", "!", "2 1", "a_b"));
        return query.list().ofMinSize(1).ofMaxSize(8);
    }
}
