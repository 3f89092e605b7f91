package cn.mediationdesk.gui.summary;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
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

    private SummaryViewModel viewModel(Store store, Clock clock, TaskExecutor executor) {
        return new SummaryViewModel(new TallyService(store), CHINESE, clock, executor, dialogs);
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
        assertThat(reads).hasValue(1);
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
        SummaryViewModel vm = new SummaryViewModel(new TallyService(database), new Localization(Localization.ENGLISH),
                GuiTestData.clockOn(TODAY), new CurrentThreadTaskExecutor(), dialogs);
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
