package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample ledger, imported as its README says ({@code init}, then {@code import --create-missing}),
 * gives exactly the three summaries of {@code ledger_sample.expected.json}.
 */
class LedgerSampleTallyTest {
    private static final Pattern OPTION = Pattern.compile("--([a-z-]+) (\\S+)");

    @TempDir
    static Path dir;
    private static LedgerTestDatabase db;

    @BeforeAll
    static void importSample() {
        db = LedgerTestDatabase.create(dir);
        db.importFixture("ledger_sample.csv", true);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> expectedSummaries() throws IOException {
        return (List<Map<String, Object>>) MiniJson.parse(
                Files.readString(LedgerTestDatabase.fixture("ledger_sample.expected.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedSummaries")
    void givesTheExpectedSummary(Map<String, Object> expected) {
        assertIsTheExpectedSummary(new TallyService(db.store).summarize(queryOf(expected)), expected);
    }

    /** The query of one expected summary's {@code summary} command line. */
    static TallyQuery queryOf(Map<String, Object> expected) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = OPTION.matcher((String) expected.get("command"));
        while (m.find()) {
            options.put(m.group(1), m.group(2));
        }
        return TallyQuery.of(Grouping.fromCliName(options.get("by")).orElseThrow(),
                LocalDate.parse(options.get("from")), LocalDate.parse(options.get("to")),
                LocalDate.parse(options.get("as-of")));
    }

    /** {@code result} holds exactly the total and the non-zero rows of one expected summary. */
    @SuppressWarnings("unchecked")
    static void assertIsTheExpectedSummary(TallyResult result, Map<String, Object> expected) {
        // The sample was written before the declined column (and has no declines): then it lacks the key.
        boolean withDeclined = ((Map<String, Object>) expected.get("total")).containsKey("declined");
        assertThat(columns(result.total().counts(), withDeclined)).isEqualTo(expected.get("total"));
        Map<String, Object> byName = (Map<String, Object>) expected.get("rows_by_name");
        for (TallyRow row : result.rows()) {
            Object counts = byName.getOrDefault(row.nameZh(), columns(TallyCounts.ZERO, withDeclined));
            assertThat(columns(row.counts(), withDeclined)).as(row.nameZh()).isEqualTo(counts);
        }
        assertThat(result.rows()).extracting(TallyRow::nameZh).containsAll(byName.keySet());
    }

    /**
     * The counts as the expected JSON writes them: numbers by column name, the rate with one decimal or null;
     * {@code declined} left out when the JSON has no such key (and then it must be 0).
     */
    private static Map<String, Object> columns(TallyCounts c, boolean withDeclined) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("leads", BigDecimal.valueOf(c.leads()));
        map.put("pending", BigDecimal.valueOf(c.pending()));
        map.put("unfounded", BigDecimal.valueOf(c.unfounded()));
        map.put("duplicate", BigDecimal.valueOf(c.duplicate()));
        map.put("transferred", BigDecimal.valueOf(c.transferred()));
        if (withDeclined) {
            map.put("declined", BigDecimal.valueOf(c.declined()));
        } else {
            assertThat(c.declined()).as("declined, which the expected summary leaves out").isZero();
        }
        map.put("accepted", BigDecimal.valueOf(c.accepted()));
        map.put("mediating", BigDecimal.valueOf(c.mediating()));
        map.put("resolved", BigDecimal.valueOf(c.resolved()));
        map.put("failed", BigDecimal.valueOf(c.failed()));
        map.put("terminated", BigDecimal.valueOf(c.terminated()));
        map.put("overdue", BigDecimal.valueOf(c.overdue()));
        map.put("resolution_rate", c.resolutionRate());
        return map;
    }
}
