package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.SummaryCsv;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: "databases written by each earlier release are kept as fixtures and must open and
 * migrate". Each fixture (src/test/resources/fixtures/releases) is the demo an earlier release
 * wrote; opened by this version it must migrate, give the tallies that release gave, and take
 * this version's writes. Only {@link Database#open} and the data are relied on, not the file's
 * format: opening may rewrite it (encrypt it, say).
 */
class EarlierReleasesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final TallyQuery YEAR_2022 = TallyQuery.of(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1),
            LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31));
    /** Sources added by the latest migrations (V6): present only when the schema is current. */
    private static final List<String> NEWEST_SOURCES = List.of("COURT_ASSIGNED", "PROCURATORATE_REFERRAL",
            "HOTLINE_12345", "CENTER_DISPATCH", "AGENCY_REFERRAL");

    private static TallyCounts currentDemo;

    @TempDir
    Path dir;

    @BeforeAll
    static void currentDemo(@TempDir Path demoDir) {
        try (Database db = Database.open(new DatabaseLocation.EmbeddedFile(demoDir.resolve("demo")), true)) {
            new DemoJurisdiction(db, CLOCK).create();
            currentDemo = yearSummary(db).total().counts();
        }
        assertThat(currentDemo.leads()).isEqualTo(87);
        assertThat(currentDemo.resolved()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"schema-v2-f673f5a", "schema-v3-db1e8b0", "schema-v4-457f846", "schema-v7-fef8461"})
    void opensMigratesAndKeepsTheTalliesOfTheReleaseThatWroteIt(String fixture) throws IOException {
        DatabaseLocation.EmbeddedFile location = unpack(fixture);
        Map<String, Map<String, String>> before = csv(resource(fixture + ".summary.csv"));

        try (Database db = Database.open(location, false)) {
            assertCurrentSchema(db);
            var summary = yearSummary(db);
            assertThat(summary.total().counts().leads()).isEqualTo(currentDemo.leads());
            assertThat(summary.total().counts().resolved()).isEqualTo(currentDemo.resolved());
            assertSameFigures(fixture, before, csv(SummaryCsv.format(summary)));

            Committee committee = db.read(tx -> tx.organization().committees()).getFirst();
            new LifecycleService(db, CLOCK, User.setup()).register(new NewLead(committee.id(),
                    committee.communityId() == null ? communityOf(db) : committee.communityId(), null, "迁移后-1",
                    LocalDate.of(2024, 6, 1), "HOTLINE_12345", "NEIGHBOR", "迁移后登记的线索", 2, null, null, false, false,
                    List.of()));
        }
        try (Database db = Database.open(location, false)) {
            assertThat(db.read(tx -> tx.leads().count()).longValue()).isEqualTo(103);
            assertSameFigures(fixture, before, csv(SummaryCsv.format(yearSummary(db))));
        }
    }

    private static void assertCurrentSchema(Store db) {
        List<String> sources = db.read(tx -> tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE)).stream()
                .map(DictionaryEntry::code).toList();
        assertThat(sources).containsAll(NEWEST_SOURCES);
        assertThat(db.<List<User>>read(tx -> tx.users().all())).isEmpty();
        assertThat(db.<List<?>>read(tx -> tx.audit().page(0, 10))).isNotNull();
    }

    /** Every figure the release printed, by row code and column name, is what this version prints. */
    private static void assertSameFigures(String fixture, Map<String, Map<String, String>> release,
                                          Map<String, Map<String, String>> now) {
        assertThat(now.keySet()).as(fixture).containsExactlyElementsOf(release.keySet());
        release.forEach((code, columns) -> columns.forEach((column, value) ->
                assertThat(now.get(code).get(column)).as("%s: %s, %s", fixture, code, column).isEqualTo(value)));
    }

    private static long communityOf(Store db) {
        return db.read(tx -> tx.organization().communities()).getFirst().id();
    }

    private static cn.mediationdesk.logic.tally.TallyResult yearSummary(Database db) {
        return new ReportService(db, CLOCK, User.setup()).summary(YEAR_2022).result();
    }

    private DatabaseLocation.EmbeddedFile unpack(String fixture) throws IOException {
        Path base = dir.resolve(fixture);
        try (InputStream in = new GZIPInputStream(EarlierReleasesTest.class.getResourceAsStream(
                "/fixtures/releases/" + fixture + ".mv.db.gz"))) {
            Files.copy(in, dir.resolve(fixture + ".mv.db"));
        }
        return new DatabaseLocation.EmbeddedFile(base);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EarlierReleasesTest.class.getResourceAsStream("/fixtures/releases/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A summary CSV (no quoted cells in these) as row code → column → value, in order. */
    private static Map<String, Map<String, String>> csv(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        String[] header = lines.getFirst().split(",", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0], row);
        }
        assertThat(Arrays.asList(header)).startsWith("code", "name", "leads");
        return rows;
    }
}
