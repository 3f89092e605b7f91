package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.logic.report.print.ReportTexts;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.logic.tally.PeriodBasis;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static cn.mediationdesk.logic.report.ReportTestData.FROM;
import static cn.mediationdesk.logic.report.ReportTestData.NEW_YEARS_EVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The printed reports, read back with PDFBox's text extraction: the Chinese headings are there, and
 * every figure is the tally engine's, line by line. The Chinese font is embedded as a subset.
 */
class PdfExportTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    static Path dir;
    static Database db;
    static ReportService reports;

    @TempDir
    Path out;

    @BeforeAll
    static void createDemo() {
        ReportTestData.requireChineseFont();
        db = ReportTestData.demo(dir);
        reports = new ReportService(db, ReportTestData.CLOCK, User.setup());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private Path pdf(String name, cn.mediationdesk.logic.report.print.PrintDocument document) {
        Path file = out.resolve(name);
        new PdfExporter(CHINESE).write(document, file);
        return file;
    }

    /** A summary row as the text extraction reads it: the name, then each count, then the rate. */
    private static String line(String name, TallyCounts counts) {
        return name + " " + Arrays.stream(SummaryColumns.values(counts)).mapToObj(Long::toString)
                .collect(Collectors.joining(" ")) + " " + ReportTexts.rate(counts.resolutionRate());
    }

    @Test
    void districtSummaryPrintsTheSeedFiguresAndEveryRowOfTheEngine() {
        DistrictSummary summary = reports.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        String text = ReportTestData.text(pdf("district.pdf", new ReportLayouts(CHINESE).districtSummary(summary)));

        assertThat(text).contains("金宝新区矛盾纠纷排查化解情况汇总表", "一、按人民调解委员会汇总", "二、按社区（村）汇总",
                "填报单位：金宝新区", "统计期间（按发现日期）：2022年1月1日 至 2022年12月31日", "统计截至：2022年12月31日",
                "未受理", "受理调解", "调解成功", "调解成功率", "制表人：", "审核人：", "日期：", "打印日期：2024年6月30日");
        List<String> lines = text.lines().toList();
        assertThat(lines).contains("合计 87 2 4 3 3 1 77 4 64 5 4 2 83.1%");
        for (TallyRow row : summary.byCommittee().rows()) {
            assertThat(lines).contains(line(row.nameZh(), row.counts()));
        }
        for (TallyRow row : summary.byCommunity().rows()) {
            assertThat(lines).contains(line(row.nameZh(), row.counts()));
        }
        assertThat(lines.stream().filter(l -> l.equals(line("合计", summary.byCommittee().total().counts()))))
                .as("a total under each table").hasSize(2);
    }

    @Test
    void pagesAreNumberedAndWideTablesAreOnA4Landscape() throws IOException {
        DistrictSummary summary = reports.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        Path file = pdf("district.pdf", new ReportLayouts(CHINESE).districtSummary(summary));
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            int pages = document.getNumberOfPages();
            String text = ReportTestData.text(file);
            for (int n = 1; n <= pages; n++) {
                assertThat(text).contains("第 " + n + " 页 共 " + pages + " 页");
            }
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(841.89f, within(0.5f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(595.28f, within(0.5f));
            }
        }
    }

    @Test
    void theChineseFontIsEmbeddedAsASubset() throws IOException {
        Path file = pdf("stats.pdf", new ReportLayouts(CHINESE).statisticsTable(
                reports.statisticsTable(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, PeriodBasis.FOUND)));
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("a subset's name is tagged").matches("[A-Z]{6}\\+.+");
            });
        }
    }

    @Test
    void aTableLongerThanAPageRepeatsItsHeaderOnEveryPageItRunsOnto() throws IOException {
        // Thirty-six months do not fit on one landscape page.
        SummaryReport months = reports.summary(TallyQuery.of(Grouping.MONTH, LocalDate.of(2021, 1, 1),
                LocalDate.of(2023, 12, 31), NEW_YEARS_EVE));
        Path file = pdf("months.pdf", new ReportLayouts(CHINESE).summary(months));
        int pages;
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            pages = document.getNumberOfPages();
        }
        String text = ReportTestData.text(file);

        assertThat(pages).isGreaterThan(1);
        assertThat(text.lines().filter(l -> l.startsWith("月份 线索 调解成功率")).count())
                .as("the header on each page the table runs onto").isEqualTo(pages);
        assertThat(text.lines().filter(l -> l.equals("金宝新区矛盾纠纷线索统计（按月份）")).count())
                .as("the title, then the running head of each later page").isEqualTo(pages);
        for (TallyRow row : months.result().rows()) {
            assertThat(text.lines()).as("no row lost at a page break").contains(line(row.code(), row.counts()));
        }
    }

    @Test
    void communityPagePrintsItsFiguresAndListsItsRedAndOrangeLeadsByCaseNumberAndTypeOnly() {
        Community community = community("金宝社区");
        CommunityPage page = reports.communityPage(community.id(), FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        String text = ReportTestData.text(pdf("community.pdf", new ReportLayouts(CHINESE).communityPage(page)));
        List<String> lines = text.lines().toList();

        assertThat(text).contains("金宝社区矛盾纠纷排查化解情况", "一、总体情况", "二、按纠纷类型", "三、按线索来源",
                "四、逾期未结案件（" + page.overdue().size() + " 件）",
                "五、红色、橙色风险线索（" + page.highRisk().size() + " 条）", "不含当事人个人信息");
        assertThat(lines).contains(line("金宝社区", page.counts().counts()));
        for (TallyRow row : page.byType().rows()) {
            assertThat(lines).contains(line(row.nameZh(), row.counts()));
        }
        for (TallyRow row : page.bySourceGroup().rows()) {
            assertThat(lines).contains(line(row.nameZh(), row.counts()));
        }
        assertThat(page.highRisk()).isNotEmpty();
        for (ListedLead lead : page.highRisk()) {
            assertThat(text).contains(lead.caseNumber() != null ? lead.caseNumber() : lead.leadNo());
        }
    }

    @Test
    void statisticsTablePrintsTheEnginesFiguresForEveryTypeAndTheTotal() {
        StatisticsTable table = reports.statisticsTable(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, PeriodBasis.FOUND);
        String text = ReportTestData.text(pdf("stats.pdf", new ReportLayouts(CHINESE).statisticsTable(table)));
        List<String> lines = text.lines().toList();

        assertThat(text).contains("人民调解工作统计表", "统计口径：按发现日期", "一、主要指标", "本年累计", "上年同期",
                "二、防止纠纷激化", "三、案件受理与调解情况（按纠纷类型）", "四、案件来源", "五、调解组织和调解员",
                "调解协议", "防止民间纠纷引起自杀", "防止群体性上访", "防止群体性械斗", "司法确认", "主动", "申请",
                "委托移送", "排查纠纷（次） 32 32 0 —", "预防纠纷（件） 0 0 0 —", "村（居）人民调解委员会");
        for (int i = 0; i < table.byType().rows().size(); i++) {
            TallyRow row = table.byType().rows().get(i);
            StatisticsCounts f = table.figures().rows().stream().filter(r -> r.code().equals(row.code()))
                    .findFirst().orElseThrow().counts();
            assertThat(lines).contains(statisticsLine(row.nameZh(), row.counts(), f));
        }
        assertThat(lines).contains(statisticsLine("合计", table.byType().total().counts(),
                table.figures().total().counts()));
        assertThat(lines.stream().anyMatch(l -> l.startsWith("合计 77 64 83.1% "))).isTrue();
        assertThat(lines.stream().anyMatch(l -> l.startsWith("受理（件） 77 77 "))).as("本期 and 本年累计 of 2022").isTrue();
    }

    private static String statisticsLine(String name, TallyCounts c, StatisticsCounts f) {
        return String.join(" ", name, Long.toString(c.accepted()), Long.toString(c.resolved()),
                ReportTexts.rate(c.resolutionRate()), Long.toString(f.written()), Long.toString(f.oral()),
                ReportTexts.amount(f.amountInTenThousandYuan()), Long.toString(f.performed()),
                Long.toString(f.judicialApplied()), Long.toString(f.judicialConfirmed()));
    }

    @Test
    void aReportOverAnEmptyPeriodPrintsZeros() {
        LocalDate from = LocalDate.of(2030, 1, 1);
        LocalDate to = LocalDate.of(2030, 3, 31);
        String district = ReportTestData.text(pdf("empty.pdf",
                new ReportLayouts(CHINESE).districtSummary(reports.districtSummary(from, to, to))));
        String stats = ReportTestData.text(pdf("empty-stats.pdf",
                new ReportLayouts(CHINESE).statisticsTable(reports.statisticsTable(from, to, to, PeriodBasis.FOUND))));

        assertThat(district.lines()).contains("合计 0 0 0 0 0 0 0 0 0 0 0 0 —", "金宝社区 0 0 0 0 0 0 0 0 0 0 0 0 —");
        assertThat(stats.lines()).contains("合计 0 0 — 0 0 0.00 0 0 0", "调解成功率（%） — — — —");
    }

    @Test
    void anySummaryPrintsAsTheScreenShowsIt() {
        TallyQuery query = TallyQuery.of(Grouping.MONTH, FROM, NEW_YEARS_EVE, NEW_YEARS_EVE);
        SummaryReport report = reports.summary(query);
        String text = ReportTestData.text(pdf("months.pdf", new ReportLayouts(CHINESE).summary(report)));

        assertThat(text).contains("金宝新区矛盾纠纷线索统计（按月份）");
        for (TallyRow row : report.result().rows()) {
            assertThat(text.lines()).contains(line(row.code(), row.counts()));
        }
        assertThat(text.lines()).contains(line("合计", report.result().total().counts()));
    }

    @Test
    void inEnglishTheReportIsInEnglish() {
        Localization english = new Localization(Localization.ENGLISH);
        Path file = out.resolve("en.pdf");
        new PdfExporter(english).write(new ReportLayouts(english).districtSummary(
                reports.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE)), file);
        String text = ReportTestData.text(file);

        assertThat(text).contains("By committee", "Page 1 of", "Printed on 2024-06-30", "Prepared by",
                "As of: 2022-12-31", "Total 87 2 4 3 3 1 77 4 64 5 4 2 83.1%");
    }

    private static Community community(String name) {
        return db.read(tx -> tx.organization().communities()).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }
}
