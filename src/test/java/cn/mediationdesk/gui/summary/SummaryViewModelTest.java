package cn.mediationdesk.gui.summary;

import cn.mediationdesk.model.User;
import cn.mediationdesk.faults.SmallDisk;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.print.PrintPreviews;
import cn.mediationdesk.gui.print.Printout;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.logic.tally.PeriodBasis;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    static Path dir;
    private static Database database;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeAll
    static void createDatabase() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** The print previews the screen opened: title and what it would print. */
    private record Preview(String title, Callable<Printout> printout) {
    }

    private final List<Preview> opened = new ArrayList<>();
    private final PrintPreviews previews = (title, printout) -> opened.add(new Preview(title, printout));

    /** The filters the screen asked the ledger to show, in order. */
    private final List<LeadFilter> ledgerRequests = new ArrayList<>();

    private SummaryViewModel viewModel(Store store, Clock clock, TaskExecutor executor) {
        return new SummaryViewModel(new TallyService(store), new LeadSearchService(store, User.setup()), new ReportService(store, clock, User.setup()),
                CHINESE, clock, executor, dialogs, ledgerRequests::add, previews);
    }

    private SummaryViewModel viewModel() {
        return viewModel(database, GuiTestData.clockOn(TODAY), new CurrentThreadTaskExecutor());
    }

    @Test
    void startsOnCommunitiesThisYearAsOfToday() {
        SummaryViewModel vm = viewModel(database, GuiTestData.clockOn(LocalDate.of(2023, 5, 20)),
                new CurrentThreadTaskExecutor());
        assertThat(vm.groupingProperty().get()).isEqualTo(Grouping.COMMUNITY);
        assertThat(vm.presetProperty().get()).isEqualTo(PeriodPreset.THIS_YEAR);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2023, 5, 20));
        assertThat(vm.asOfProperty().get()).isEqualTo(LocalDate.of(2023, 5, 20));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.shownQueryProperty().get()).isNull();
        assertThat(vm.validationMessageProperty().get()).isEmpty();
        assertThat(vm.canSummarizeProperty().get()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Grouping.class)
    void showsExactlyTheRowsAndTotalOfTheTallyService(Grouping grouping) {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(grouping);
        vm.summarize();

        TallyResult expected = new TallyService(database).summarize(
                TallyQuery.of(grouping, LocalDate.of(2022, 1, 1), TODAY, TODAY));
        assertThat(vm.rows()).isNotEmpty().containsExactlyElementsOf(expected.rows());
        assertThat(vm.totalProperty().get()).isEqualTo(expected.total());
        assertThat(vm.shownQueryProperty().get()).isEqualTo(expected.query());
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void countsEachLeadInItsStateOnTheAsOfDay() {
        SummaryViewModel vm = viewModel();
        vm.presetProperty().set(PeriodPreset.CUSTOM);
        vm.fromProperty().set(LocalDate.of(2022, 1, 1));
        vm.toProperty().set(LocalDate.of(2022, 12, 31));
        vm.asOfProperty().set(LocalDate.of(2022, 11, 30));
        vm.summarize();

        TallyRow total = vm.totalProperty().get();
        assertThat(total).isEqualTo(new TallyService(database).summarize(TallyQuery.of(Grouping.COMMUNITY,
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2022, 11, 30))).total());
        // The lead of 2022-11-20 is verified on 2022-12-05: still pending at the end of November.
        assertThat(total.counts().leads()).isEqualTo(8);
        assertThat(total.counts().pending()).isEqualTo(2);
        assertThat(total.counts().duplicate()).isEqualTo(1);

        vm.asOfProperty().set(TODAY);
        vm.summarize();
        assertThat(vm.totalProperty().get().counts().pending()).isEqualTo(1);
        assertThat(vm.totalProperty().get().counts().accepted()).isEqualTo(5);
    }

    @Test
    void presetsCoverTheirPeriodOnTheClocksDay() {
        SummaryViewModel vm = viewModel(database, GuiTestData.clockOn(LocalDate.of(2022, 8, 15)),
                new CurrentThreadTaskExecutor());
        assertPeriod(vm, PeriodPreset.THIS_YEAR, "2022-01-01", "2022-08-15");
        assertPeriod(vm, PeriodPreset.LAST_YEAR, "2021-01-01", "2021-12-31");
        assertPeriod(vm, PeriodPreset.THIS_QUARTER, "2022-07-01", "2022-08-15");
        assertPeriod(vm, PeriodPreset.THIS_MONTH, "2022-08-01", "2022-08-15");
        vm.presetProperty().set(PeriodPreset.CUSTOM);
        assertThat(vm.fromProperty().get()).as("custom keeps the days it starts from").isEqualTo(LocalDate.of(2022, 8, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2022, 8, 15));
    }

    private static void assertPeriod(SummaryViewModel vm, PeriodPreset preset, String from, String to) {
        vm.presetProperty().set(preset);
        assertThat(vm.fromProperty().get()).as(preset + " from").isEqualTo(LocalDate.parse(from));
        assertThat(vm.toProperty().get()).as(preset + " to").isEqualTo(LocalDate.parse(to));
        assertThat(vm.presetProperty().get()).as("setting the days does not leave the preset").isEqualTo(preset);
    }

    @Test
    void presetRangesAtTheEdgesOfQuartersAndYears() {
        assertThat(PeriodPreset.THIS_QUARTER.range(LocalDate.of(2022, 3, 31)))
                .contains(new DateRange(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 3, 31)));
        assertThat(PeriodPreset.THIS_QUARTER.range(LocalDate.of(2022, 10, 1)))
                .contains(new DateRange(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 10, 1)));
        assertThat(PeriodPreset.LAST_YEAR.range(LocalDate.of(2021, 1, 1)))
                .contains(new DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));
        assertThat(PeriodPreset.THIS_MONTH.range(LocalDate.of(2024, 2, 29)))
                .contains(new DateRange(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(PeriodPreset.CUSTOM.range(LocalDate.of(2022, 5, 5))).isEmpty();
    }

    @Test
    void editingADaySwitchesToCustom() {
        SummaryViewModel vm = viewModel();
        vm.toProperty().set(LocalDate.of(2022, 6, 30));
        assertThat(vm.presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2022, 1, 1));

        vm.presetProperty().set(PeriodPreset.THIS_YEAR);
        assertThat(vm.toProperty().get()).isEqualTo(TODAY);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsExplainedAndNotQueried() {
        AtomicInteger reads = new AtomicInteger();
        SummaryViewModel vm = viewModel(counting(database, reads), GuiTestData.clockOn(TODAY),
                new CurrentThreadTaskExecutor());
        vm.presetProperty().set(PeriodPreset.CUSTOM);
        vm.fromProperty().set(LocalDate.of(2022, 5, 1));
        vm.toProperty().set(LocalDate.of(2022, 4, 1));

        assertThat(vm.validationMessageProperty().get())
                .isEqualTo("结束日期 2022-04-01 早于开始日期 2022-05-01，请改正统计期间");
        assertThat(vm.canSummarizeProperty().get()).isFalse();
        vm.summarize();
        assertThat(reads).hasValue(0);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.shownQueryProperty().get()).isNull();
        assertThat(dialogs.shown()).isEmpty();

        vm.toProperty().set(LocalDate.of(2022, 5, 31));
        assertThat(vm.validationMessageProperty().get()).isEmpty();
        vm.summarize();
        assertThat(reads).hasPositiveValue();
        assertThat(vm.shownQueryProperty().get().to()).isEqualTo(LocalDate.of(2022, 5, 31));
    }

    @Test
    void missingDaysAreNamed() {
        SummaryViewModel vm = viewModel();
        vm.fromProperty().set(null);
        assertThat(vm.validationMessageProperty().get()).isEqualTo("请填写统计期间的开始日期（如 2022-01-01）");
        vm.fromProperty().set(LocalDate.of(2022, 1, 1));
        vm.toProperty().set(null);
        assertThat(vm.validationMessageProperty().get()).isEqualTo("请填写统计期间的结束日期（如 2022-12-31）");
        vm.toProperty().set(LocalDate.of(2022, 2, 1));
        vm.asOfProperty().set(null);
        assertThat(vm.validationMessageProperty().get()).isEqualTo("请填写“截至”日期（如 2022-12-31）");
        assertThat(vm.canSummarizeProperty().get()).isFalse();
    }

    @Test
    void validationSpeaksTheReadersLanguage() {
        Clock clock = GuiTestData.clockOn(TODAY);
        SummaryViewModel vm = new SummaryViewModel(new TallyService(database), new LeadSearchService(database, User.setup()),
                new ReportService(database, clock, User.setup()), new Localization(Localization.ENGLISH), clock,
                new CurrentThreadTaskExecutor(), dialogs, ledgerRequests::add, previews);
        vm.fromProperty().set(LocalDate.of(2022, 5, 1));
        vm.toProperty().set(LocalDate.of(2022, 4, 1));
        assertThat(vm.validationMessageProperty().get())
                .isEqualTo("The period ends on 2022-04-01, before it starts on 2022-05-01: correct the period");
        assertThat(vm.groupingLabel(Grouping.SOURCE_GROUP)).isEqualTo("source group");
        assertThat(vm.presetLabel(PeriodPreset.LAST_YEAR)).isEqualTo("Last year");
    }

    @Test
    void runsInTheBackgroundAndShowsTheResultWhenItArrives() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        SummaryViewModel vm = viewModel(database, GuiTestData.clockOn(TODAY), executor);
        vm.summarize();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canSummarizeProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();

        vm.summarize();
        assertThat(executor.pending()).as("no second query while one runs").isEqualTo(1);

        executor.runNext();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(TallyRow::nameZh).containsExactly("金宝社区", "新华社区");
        assertThat(vm.canSummarizeProperty().get()).isTrue();
    }

    @Test
    void describesTheShownResultInASentence() {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(Grouping.TYPE);
        vm.summarize();
        assertThat(vm.captionProperty().get())
                .isEqualTo("按纠纷类型统计：2022-01-01 至 2022-12-31 发现的线索，状态截至 2022-12-31");
        vm.groupingProperty().set(Grouping.MONTH);
        assertThat(vm.captionProperty().get()).as("the caption tells what is shown, not what is chosen")
                .startsWith("按纠纷类型统计");
    }

    @Test
    void aChosenPeriodReplacesThePreset() {
        SummaryViewModel vm = viewModel();
        vm.choosePeriod(new DateRange(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)), LocalDate.of(2021, 12, 31));
        assertThat(vm.presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        vm.summarize();
        assertThat(vm.totalProperty().get().counts().resolved()).isEqualTo(1);
        assertThat(vm.totalProperty().get().counts().leads()).isEqualTo(1);
    }

    @Test
    void aFailedQueryIsReportedInWordsAndEndsTheRun() {
        Store broken = counting(database, null);
        SummaryViewModel vm = viewModel(new FailingStore(broken), GuiTestData.clockOn(TODAY),
                new CurrentThreadTaskExecutor());
        vm.summarize();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("统计没有完成");
            assertThat(shown.message()).contains("连接已断开").doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(vm.rows()).isEmpty();
    }

    // ---- drill-down ----

    @ParameterizedTest
    @EnumSource(Grouping.class)
    void theFilterOfEveryCellFindsExactlyTheLeadsTheCellCounts(Grouping grouping) {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(grouping);
        vm.summarize();
        LeadSearchService search = new LeadSearchService(database, User.setup());
        List<TallyRow> rows = new ArrayList<>(vm.rows());
        rows.add(vm.totalProperty().get());
        for (TallyRow row : rows) {
            for (TallyColumn column : TallyColumn.values()) {
                assertThat(search.count(vm.filterFor(row, column))).as("%s %s %s", grouping, row.code(), column)
                        .isEqualTo(column.of(row.counts()));
            }
        }
    }

    @Test
    void aCellOfAGroupOpensTheLedgerOnThatGroupWithTheShownPeriodAndAsOfDay() {
        SummaryViewModel vm = viewModel();
        vm.presetProperty().set(PeriodPreset.CUSTOM);
        vm.fromProperty().set(LocalDate.of(2022, 1, 1));
        vm.toProperty().set(LocalDate.of(2022, 12, 31));
        vm.asOfProperty().set(LocalDate.of(2022, 11, 30));
        vm.summarize();
        TallyRow first = vm.rows().getFirst();
        vm.openLedger(first, TallyColumn.PENDING);

        assertThat(ledgerRequests).singleElement().satisfies(filter -> {
            assertThat(filter.from()).isEqualTo(LocalDate.of(2022, 1, 1));
            assertThat(filter.to()).isEqualTo(LocalDate.of(2022, 12, 31));
            assertThat(filter.asOf()).isEqualTo(LocalDate.of(2022, 11, 30));
            assertThat(filter.communityId()).isNotNull();
            assertThat(filter.column()).isEqualTo(TallyColumn.PENDING);
        });
    }

    @Test
    void theTotalRowOpensTheLedgerWithoutAGroup() {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(Grouping.TYPE);
        vm.summarize();
        vm.openLedger(vm.totalProperty().get(), TallyColumn.RESOLVED);

        assertThat(ledgerRequests).containsExactly(
                LeadFilter.of(TallyQuery.of(Grouping.TYPE, LocalDate.of(2022, 1, 1), TODAY, TODAY), TallyColumn.RESOLVED));
    }

    @Test
    void nothingOpensBeforeASummaryIsShown() {
        SummaryViewModel vm = viewModel();
        vm.openLedger(new TallyRow("X", "某", "X", TallyCounts.ZERO), TallyColumn.LEADS);
        assertThat(ledgerRequests).isEmpty();
    }

    // ---- export ----

    @Test
    void exportsTheShownSummaryAsAWorkbookWithTheEnginesFigures(@TempDir Path out) throws IOException {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(Grouping.COMMITTEE);
        vm.summarize();
        assertThat(vm.canExportProperty().get()).isTrue();
        Path file = out.resolve("汇总.xlsx");
        dialogs.savingTo(file);

        vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.XLSX);

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save", "notice");
        assertThat(dialogs.shown().getFirst().header()).isEqualTo("按调委会汇总_2022-01-01_2022-12-31.xlsx");
        assertThat(vm.exportingProperty().get()).isFalse();
        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            List<Double> numbers = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                Cell code = row.getCell(0);
                if (code != null && code.getCellType() == CellType.STRING && TallyRow.TOTAL_CODE.equals(code.getStringCellValue())) {
                    numbers.add(row.getCell(2).getNumericCellValue());
                    numbers.add(row.getCell(10).getNumericCellValue());
                }
            }
            TallyRow total = vm.totalProperty().get();
            assertThat(numbers).containsExactly((double) total.counts().leads(), (double) total.counts().resolved());
        }
    }

    @Test
    void exportsTheDistrictSummaryAsAPdf(@TempDir Path out) throws IOException {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        Path file = out.resolve("district.pdf");
        dialogs.savingTo(file);

        vm.export(SummaryViewModel.Report.DISTRICT, SummaryViewModel.FileFormat.PDF);

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save", "notice");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("按社区（村）汇总", "按人民调解委员会汇总", "金宝社区");
        }
    }

    @Test
    void theStatisticsTableIsExportedAsAWorkbookWithTheEnginesFigures(@TempDir Path out) throws Exception {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        Path file = out.resolve("statistics.xlsx");
        dialogs.savingTo(file);

        vm.export(SummaryViewModel.Report.STATISTICS, SummaryViewModel.FileFormat.XLSX);

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save", "notice");
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
            StringBuilder cells = new StringBuilder();
            workbook.getSheet("按纠纷类型").forEach(row -> row.forEach(cell -> cells.append(cell).append('|')));
            assertThat(cells.toString()).contains("婚姻家庭", "邻里");
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("主要指标");
        }
    }

    @Test
    void aCommunityPageIsExportedAsAWorkbook(@TempDir Path out) throws Exception {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        Path file = out.resolve("community.xlsx");
        dialogs.savingTo(file);
        var community = vm.communities().getFirst();

        vm.exportCommunityPage(community, SummaryViewModel.FileFormat.XLSX);

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save", "notice");
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile())) {
            StringBuilder cells = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell).append('|')));
            assertThat(cells.toString()).contains(community.name());
        }
    }

    @Test
    void aCancelledChoiceWritesNothing(@TempDir Path out) {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF);
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void nothingIsExportedBeforeASummaryIsShown() {
        SummaryViewModel vm = viewModel();
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF);
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aMissingChineseFontIsExplainedWithWhatToInstall(@TempDir Path out) {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        Path font = out.resolve("没有这个字体.ttf");
        dialogs.savingTo(out.resolve("summary.pdf"));
        String before = System.getProperty(CjkFonts.FONT_PROPERTY);
        System.setProperty(CjkFonts.FONT_PROPERTY, font.toString());
        try {
            vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF);
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.FONT_PROPERTY);
            } else {
                System.setProperty(CjkFonts.FONT_PROPERTY, before);
            }
        }
        assertThat(dialogs.shown()).last().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("找不到中文字体，无法生成 PDF");
            assertThat(shown.message()).isEqualTo(CHINESE.text("export.font.unusable", font));
        });
        assertThat(out.resolve("summary.pdf")).doesNotExist();
        assertThat(vm.exportingProperty().get()).isFalse();
    }

    @Test
    void aFullDiskIsExplainedInTheCommandLinesWordsAndLeavesNoFile(@TempDir Path out) {
        try (SmallDisk disk = SmallDisk.mount(out.resolve("disk"), "1m")) {
            disk.fill();
            SummaryViewModel vm = viewModel();
            vm.summarize();
            Path file = disk.resolve("汇总.xlsx");
            dialogs.savingTo(file);

            vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.XLSX);

            assertThat(dialogs.shown()).last().satisfies(shown -> {
                assertThat(shown.kind()).isEqualTo("error");
                assertThat(shown.header()).isEqualTo("文件没有保存");
                assertThat(shown.message()).isEqualTo(CHINESE.text("output.diskFull", file)).contains("磁盘已满");
            });
            assertThat(disk.files()).isEmpty();
            assertThat(vm.exportingProperty().get()).isFalse();
        }
    }

    // ---- printing ----

    @Test
    void printsEachReportOfTheShownPeriodAsTheReportLayoutsLayItOut() throws Exception {
        SummaryViewModel vm = viewModel();
        vm.groupingProperty().set(Grouping.TYPE);
        vm.summarize();
        LocalDate from = LocalDate.of(2022, 1, 1);
        ReportService reports = new ReportService(database, GuiTestData.clockOn(TODAY), User.setup());
        ReportLayouts layouts = new ReportLayouts(CHINESE);

        vm.print(SummaryViewModel.Printable.SUMMARY);
        vm.print(SummaryViewModel.Printable.DISTRICT);
        vm.print(SummaryViewModel.Printable.STATISTICS);

        assertThat(opened).extracting(Preview::title).containsExactly("按纠纷类型汇总", "辖区汇总", "人民调解工作统计表");
        assertThat(documents(opened.get(0))).containsExactly(
                layouts.summary(reports.summary(TallyQuery.of(Grouping.TYPE, from, TODAY, TODAY))));
        assertThat(documents(opened.get(1))).containsExactly(
                layouts.districtSummary(reports.districtSummary(from, TODAY, TODAY), Grouping.COMMITTEE));
        assertThat(documents(opened.get(2))).containsExactly(
                layouts.statisticsTable(reports.statisticsTable(from, TODAY, TODAY, PeriodBasis.ACCEPTED)));
        assertThat(opened.get(2).printout().call().name()).isEqualTo("人民调解工作统计表_2022-01-01_2022-12-31");
    }

    @Test
    void theStatisticsTableCountsByAcceptanceUnlessTheFoundDayIsChosen() throws Exception {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        LocalDate from = LocalDate.of(2022, 1, 1);
        ReportService reports = new ReportService(database, GuiTestData.clockOn(TODAY), User.setup());
        ReportLayouts layouts = new ReportLayouts(CHINESE);
        assertThat(vm.statisticsBasisProperty().get()).isEqualTo(PeriodBasis.ACCEPTED);
        assertThat(vm.statisticsBases()).extracting(vm::basisLabel).containsExactly("按受理日期", "按发现日期");

        vm.statisticsBasisProperty().set(PeriodBasis.FOUND);
        vm.print(SummaryViewModel.Printable.STATISTICS);

        assertThat(documents(opened.getFirst())).containsExactly(
                layouts.statisticsTable(reports.statisticsTable(from, TODAY, TODAY, PeriodBasis.FOUND)));
    }

    @Test
    void printsThePageOfACommunityChosenFromTheList() throws Exception {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        assertThat(vm.communities()).extracting(Community::name).containsExactlyInAnyOrder("金宝社区", "新华社区");
        Community chosen = vm.communities().stream().filter(c -> c.name().equals("新华社区")).findFirst().orElseThrow();

        vm.printCommunityPage(chosen);

        ReportService reports = new ReportService(database, GuiTestData.clockOn(TODAY), User.setup());
        assertThat(opened).singleElement().satisfies(preview -> {
            assertThat(preview.title()).isEqualTo("新华社区汇总页");
            assertThat(documents(preview)).containsExactly(new ReportLayouts(CHINESE).communityPage(
                    reports.communityPage(chosen.id(), LocalDate.of(2022, 1, 1), TODAY, TODAY)));
        });
    }

    @Test
    void printsThePeriodOnTheScreenNotTheLastOneCountedAndCountsTheTableAgain() throws Exception {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        LocalDate july = LocalDate.of(2022, 7, 1);
        vm.fromProperty().set(july);
        vm.groupingProperty().set(Grouping.TYPE);

        vm.print(SummaryViewModel.Printable.SUMMARY);

        TallyQuery onScreen = TallyQuery.of(Grouping.TYPE, july, TODAY, TODAY);
        ReportService reports = new ReportService(database, GuiTestData.clockOn(TODAY), User.setup());
        assertThat(documents(opened.getFirst())).containsExactly(
                new ReportLayouts(CHINESE).summary(reports.summary(onScreen)));
        assertThat(opened.getFirst().printout().call().name()).isEqualTo("按纠纷类型汇总_2022-07-01_2022-12-31");
        assertThat(vm.shownQueryProperty().get()).isEqualTo(onScreen);
        assertThat(vm.rows()).containsExactlyElementsOf(new TallyService(database).summarize(onScreen).rows());
    }

    @Test
    void exportsThePeriodOnTheScreenNotTheLastOneCounted(@TempDir Path out) {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        vm.fromProperty().set(LocalDate.of(2022, 3, 1));
        dialogs.savingTo(out.resolve("汇总.pdf"));

        vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF);

        assertThat(dialogs.shown().getFirst().header()).isEqualTo("按社区汇总_2022-03-01_2022-12-31.pdf");
        assertThat(vm.shownQueryProperty().get().from()).isEqualTo(LocalDate.of(2022, 3, 1));
    }

    @Test
    void nothingPrintsOrExportsWhileTheDaysOnTheScreenAreInvalid() {
        SummaryViewModel vm = viewModel();
        vm.summarize();
        assertThat(vm.canExportProperty().get()).isTrue();
        vm.toProperty().set(LocalDate.of(2021, 12, 31));

        assertThat(vm.canExportProperty().get()).isFalse();
        vm.print(SummaryViewModel.Printable.DISTRICT);
        vm.export(SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF);
        assertThat(opened).isEmpty();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void nothingPrintsBeforeASummaryIsShown() {
        SummaryViewModel vm = viewModel();
        vm.print(SummaryViewModel.Printable.DISTRICT);
        assertThat(opened).isEmpty();
    }

    private static List<PrintDocument> documents(Preview preview) throws Exception {
        return preview.printout().call().compose().apply(document -> 1);
    }

    /** A store that counts its reads. */
    private static Store counting(Store store, AtomicInteger reads) {
        return new Store() {
            @Override
            public <R> R read(Work<R> work) {
                if (reads != null) {
                    reads.incrementAndGet();
                }
                return store.read(work);
            }

            @Override
            public <R> R write(Work<R> work) {
                return store.write(work);
            }

            @Override
            public String location() {
                return store.location();
            }

            @Override
            public void close() {
            }
        };
    }

    private record FailingStore(Store inner) implements Store {
        @Override
        public <R> R read(Work<R> work) {
            throw new IllegalStateException("连接已断开");
        }

        @Override
        public <R> R write(Work<R> work) {
            throw new IllegalStateException("连接已断开");
        }

        @Override
        public String location() {
            return inner.location();
        }

        @Override
        public void close() {
        }
    }
}
