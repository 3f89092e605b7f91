package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.tally.SummaryCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code summary} over the demo jurisdiction, in each of its forms; the demo is built once for the class. */
class SummaryCommandTest {
    private static final String[] YEAR_2022 = {"--from", "2022-01-01", "--to", "2022-12-31", "--as-of", "2022-12-31"};

    @TempDir
    static Path shared;
    static Path db;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDemo() {
        db = shared.resolve("demo");
        Result demo = runOn(db, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("金宝新区", "8 个社区", "8 个调委会");
    }

    private static Result summary(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "summary";
        System.arraycopy(args, 0, all, 1, args.length);
        return runOn(db, all);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The Done-when check of the issue: the seed report's 87 leads and 64 resolved, every column in use. */
    @Test
    void demoYear2022ByCommitteeAsCsvGivesTheSeedFigures() {
        Result result = summary(with(with(new String[] {"--by", "committee"}, YEAR_2022), "--format", "csv"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines.getFirst()).isEqualTo(
                "code,name,leads,pending,unfounded,duplicate,transferred,declined,accepted,mediating,resolved,failed,terminated,overdue,resolution_rate");
        assertThat(lines).hasSize(1 + 8 + 1);
        List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(SummaryCommandTest::record).toList();
        Map<String, String> total = rows.getLast();
        assertThat(total.get("code")).isEqualTo("TOTAL");
        assertThat(total.get("leads")).isEqualTo("87");
        assertThat(total.get("resolved")).isEqualTo("64");
        for (String column : List.of("pending", "unfounded", "duplicate", "transferred", "declined", "accepted", "mediating",
                "failed", "terminated", "overdue")) {
            assertThat(Long.parseLong(total.get(column))).as(column).isPositive();
        }
        for (Map<String, String> row : rows) {
            long accepted = n(row, "accepted");
            assertThat(n(row, "leads")).as(row.get("code"))
                    .isEqualTo(n(row, "pending") + n(row, "unfounded") + n(row, "transferred") + n(row, "declined")
                            + accepted);
            assertThat(accepted).as(row.get("code"))
                    .isEqualTo(n(row, "mediating") + n(row, "resolved") + n(row, "failed") + n(row, "terminated"));
            assertThat(n(row, "overdue")).isLessThanOrEqualTo(n(row, "mediating"));
        }
        for (String column : List.of("leads", "resolved", "duplicate", "declined", "overdue")) {
            long sum = rows.subList(0, 8).stream().mapToLong(r -> n(r, column)).sum();
            assertThat(sum).as("rows add up to TOTAL in " + column).isEqualTo(n(total, column));
        }
        assertThat(rows.subList(0, 8)).allSatisfy(row -> {
            assertThat(row.get("code")).startsWith("TW");
            assertThat(row.get("name")).endsWith("人民调解委员会");
            assertThat(n(row, "leads")).isPositive();
        });
        assertThat(total.get("resolution_rate")).isEqualTo("83.1");
    }

    @Test
    void theDemoIsSpreadOverCommunitiesTypesSourcesAndMonths() {
        for (String by : List.of("community", "type", "source", "month", "risk", "source-group")) {
            Result result = summary(with(with(new String[] {"--by", by}, YEAR_2022), "--format", "csv"));
            List<Map<String, String>> rows = result.outLines().stream().skip(1).map(SummaryCommandTest::record).toList();
            Map<String, String> total = rows.getLast();
            assertThat(total.get("leads")).as(by).isEqualTo("87");
            assertThat(total.get("resolved")).as(by).isEqualTo("64");
            long groupsWithLeads = rows.subList(0, rows.size() - 1).stream().filter(r -> n(r, "leads") > 0).count();
            assertThat(groupsWithLeads).as(by).isGreaterThanOrEqualTo(by.equals("source-group") ? 3 : 4);
        }
        List<String> months = summary(with(with(new String[] {"--by", "month"}, YEAR_2022), "--format", "csv")).outLines();
        assertThat(months).hasSize(1 + 12 + 1);
        assertThat(months.subList(1, 13)).allSatisfy(line -> assertThat(record(line).get("leads")).isNotEqualTo("0"));
    }

    @Test
    void afterTheYearTheOpenCasesOf2022AreSettled() {
        Result result = summary("--by", "committee", "--from", "2022-01-01", "--to", "2022-12-31", "--format", "csv");
        Map<String, String> total = record(result.outLines().getLast());
        assertThat(total.get("pending")).isEqualTo("0");
        assertThat(total.get("mediating")).isEqualTo("0");
        assertThat(total.get("leads")).isEqualTo("87");
    }

    @Test
    void jsonHasTheContractShapeWithNullsForOpenEndsAndEmptyRates() {
        Result result = summary("--by", "committee", "--to", "2022-06-30", "--as-of", "2022-01-01", "--format", "json");
        assertThat(result.exitCode()).isZero();
        String json = result.out();
        assertThat(json.strip()).startsWith("{").endsWith("}");
        assertThat(json).contains("\"by\": \"committee\"", "\"from\": null", "\"to\": \"2022-06-30\"",
                "\"asOf\": \"2022-01-01\"", "\"rows\": [", "\"total\": {");
        List<String> rows = objects(json);
        assertThat(rows).hasSize(8 + 1);
        for (String row : rows) {
            assertThat(keys(row)).containsExactly("code", "name", "leads", "pending", "unfounded", "duplicate",
                    "transferred", "declined", "accepted", "mediating", "resolved", "failed", "terminated", "overdue",
                    "resolution_rate");
        }
        // On New Year's Day 2022 nothing had been accepted yet somewhere: a null rate, not 0 and not "".
        assertThat(json).contains("\"resolution_rate\": null");
        assertThat(json).contains("\"name\": \"金宝新区人民调解委员会\"");
    }

    @Test
    void jsonRatesAreNumbersWithOneDecimal() {
        Result result = summary(with(with(new String[] {"--by", "committee"}, YEAR_2022), "--format", "json"));
        assertThat(result.out()).contains("\"leads\": 87", "\"resolved\": 64", "\"resolution_rate\": 83.1}");
        assertThat(result.out()).doesNotContain("\"resolution_rate\": \"");
    }

    @Test
    void tableHasChineseHeadersAndNamesAlignedByDisplayWidth() {
        Result result = summary(with(new String[] {"--by", "committee"}, YEAR_2022));
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines.getFirst()).isEqualTo("按调委会汇总：发现日期 2022-01-01 至 2022-12-31，统计截至 2022-12-31");
        assertThat(lines.get(1)).contains("编码", "名称", "线索", "调解成功", "调解成功率");
        assertThat(result.out()).contains("金宝新区人民调解委员会", "物业纠纷人民调解委员会", "合计", "83.1%");
        // Every line ends in the same terminal column (the rate column is right-aligned).
        int width = cn.mediationdesk.logic.tally.DisplayWidth.of(lines.get(1));
        assertThat(lines.subList(1, lines.size())).allSatisfy(
                line -> assertThat(cn.mediationdesk.logic.tally.DisplayWidth.of(line)).isEqualTo(width));
    }

    @Test
    void tableIsInEnglishForAnEnglishUser() {
        Result result = CliRunner.run(Localization.ENGLISH, with(new String[] {"--db", db.toString(), "summary", "--by",
                "type"}, YEAR_2022));
        assertThat(result.out()).contains("Summary by dispute type", "resolution rate", "Neighbours", "Total");
    }

    @Test
    void outWritesTheFileInUtf8InsteadOfStandardOutput() throws Exception {
        Path file = dir.resolve("summary.csv");
        Result result = summary(with(with(new String[] {"--by", "committee"}, YEAR_2022), "--format", "csv",
                "--out", file.toString()));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("汇总已写入 " + file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith(SummaryCsv.HEADER + "\n").contains("金宝新区人民调解委员会");
        assertThat(text.lines().toList().getLast()).startsWith("TOTAL,合计,87,");
    }

    @Test
    void communityAndCommitteeFiltersAcceptNamesAndCodes() {
        Result byName = summary(with(new String[] {"--by", "committee", "--committee", "物业纠纷人民调解委员会", "--format",
                "csv"}, YEAR_2022));
        Result byCode = summary(with(new String[] {"--by", "committee", "--committee", "tw008", "--format", "csv"},
                YEAR_2022));
        assertThat(byName.exitCode()).isZero();
        assertThat(byName.out()).isEqualTo(byCode.out());
        assertThat(byName.outLines()).hasSize(3);
        assertThat(byName.outLines().get(1)).startsWith("TW008,物业纠纷人民调解委员会,");

        Result community = summary(with(new String[] {"--by", "type", "--community", "青龙村", "--format", "csv"},
                YEAR_2022));
        assertThat(community.exitCode()).isZero();
        assertThat(n(record(community.outLines().getLast()), "leads")).isBetween(1L, 86L);
    }

    @Test
    void anUnknownCommunityOrCommitteeIsRejectedWithExitThree() {
        Result community = summary("--by", "type", "--community", "火星社区");
        assertThat(community.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(community.errLines()).containsExactly("社区：没有名称或编码为“火星社区”的社区");

        Result committee = summary("--by", "type", "--committee", "TW999");
        assertThat(committee.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(committee.errLines()).containsExactly("调委会：没有名称或编码为“TW999”的调委会");
    }

    @Test
    void asOfDefaultsToTheClocksToday() {
        Result implicit = summary("--by", "risk", "--format", "json");
        assertThat(implicit.out()).contains("\"asOf\": \"2024-06-30\"");
    }

    // ---- small readers for the outputs ----

    private static long n(Map<String, String> row, String column) {
        return Long.parseLong(row.get(column));
    }

    /** One CSV line of the summary (names contain no commas or quotes) keyed by the header. */
    private static Map<String, String> record(String line) {
        String[] header = SummaryCsv.HEADER.split(",");
        String[] cells = line.split(",", -1);
        assertThat(cells).hasSameSizeAs(header);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], cells[i]);
        }
        return row;
    }

    /** The flat objects (rows and total) of the summary JSON. */
    private static List<String> objects(String json) {
        Matcher m = Pattern.compile("\\{\"code\"[^{}]*}").matcher(json);
        return m.results().map(r -> r.group()).toList();
    }

    private static List<String> keys(String object) {
        return Pattern.compile("\"([a-z_]+)\":").matcher(object).results().map(r -> r.group(1)).toList();
    }
}
