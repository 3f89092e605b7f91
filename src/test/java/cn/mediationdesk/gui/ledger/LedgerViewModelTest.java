package cn.mediationdesk.gui.ledger;

import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.RecordingLeadOpener;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger screen without a screen: {@link GuiTestData}'s ten leads on a real H2 database. */
class LedgerViewModelTest {
    private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);
    private static final Clock CLOCK = GuiTestData.clockOn(YEAR_END);
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;

    private Database db;
    private Preferences preferences;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final RecordingLeadOpener opener = new RecordingLeadOpener();

    @BeforeEach
    void open() {
        db = GuiTestData.createDatabase(dir.resolve("db"));
        preferences = Preferences.userRoot().node("cn/mediationdesk-test/" + UUID.randomUUID());
    }

    @AfterEach
    void close() throws BackingStoreException {
        db.close();
        preferences.removeNode();
    }

    private LedgerViewModel started() {
        return started(new CurrentThreadTaskExecutor());
    }

    private LedgerViewModel started(TaskExecutor executor) {
        LedgerViewModel vm = new LedgerViewModel(new LeadSearchService(db, User.setup()), new ReportService(db, CLOCK, User.setup()), CHINESE, CLOCK, executor, dialogs, opener,
                preferences);
        vm.start();
        return vm;
    }

    @Test
    void opensOnEveryLeadNewestFirstAsOfToday() {
        LedgerViewModel vm = started();

        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.countTextProperty().get()).isEqualTo("共 10 条");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页");
        assertThat(vm.asOfProperty().get()).isEqualTo(YEAR_END);
        assertThat(vm.periodProperty().get()).isEqualTo(LedgerPeriod.ALL);
        assertThat(vm.rows()).extracting(LeadListRow::foundOn).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(vm.communities()).extracting(FilterOption::label).containsExactly("金宝社区", "新华社区");
        assertThat(vm.chosenCommunities()).isEmpty();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void eachFilterListsTheFirstPageAgainWithWhatTheTallyCounts() {
        LedgerViewModel vm = started();
        TallyService tally = new TallyService(db);
        TallyQuery year = TallyQuery.of(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1), YEAR_END, YEAR_END);

        vm.periodProperty().set(LedgerPeriod.THIS_YEAR);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(vm.rows()).hasSize(9);

        vm.committeeProperty().set(vm.committees().stream().filter(o -> "金宝社区人民调解委员会".equals(o.label()))
                .findFirst().orElseThrow());
        vm.stateColumnProperty().set(vm.stateColumns().stream().filter(o -> o.value() == TallyColumn.ACCEPTED)
                .findFirst().orElseThrow());
        TallyRow committee = tally.summarize(year).rows().stream().filter(r -> r.code().equals("TW002"))
                .findFirst().orElseThrow();
        assertThat(vm.totalProperty().get()).isEqualTo(committee.counts().accepted()).isEqualTo(3);
        assertThat(vm.countTextProperty().get()).isEqualTo("共 3 条");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.state().isAccepted()).isTrue());

        vm.chosenTypes().setAll(vm.types().stream().filter(o -> "合同".equals(o.label())).findFirst().orElseThrow());
        assertThat(vm.rows()).extracting(r -> r.summary()).containsExactly("装修合同工程款结算争议");
    }

    @Test
    void severalTypesOrCommunitiesCheckedListTheLeadsOfAnyOfThem() {
        LedgerViewModel vm = started();
        java.util.List<FilterOption<String>> contractAndNeighbour = vm.types().stream()
                .filter(o -> "合同".equals(o.label()) || "邻里".equals(o.label())).toList();
        assertThat(contractAndNeighbour).hasSize(2);

        vm.chosenTypes().setAll(contractAndNeighbour);

        assertThat(vm.shownFilterProperty().get().disputeTypeCodes()).containsExactlyInAnyOrder("CONTRACT", "NEIGHBOR");
        assertThat(vm.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.typeZh()).isIn("合同", "邻里"));
        long contracts = new LeadSearchService(db, User.setup()).count(vm.shownFilterProperty().get().withDisputeTypes(java.util.Set.of("CONTRACT")));
        long neighbours = new LeadSearchService(db, User.setup()).count(vm.shownFilterProperty().get().withDisputeTypes(java.util.Set.of("NEIGHBOR")));
        assertThat(vm.totalProperty().get()).isEqualTo(contracts + neighbours);

        vm.chosenCommunities().setAll(vm.communities());
        assertThat(vm.totalProperty().get()).isEqualTo(contracts + neighbours);
        vm.chosenCommunities().setAll(vm.communities().getFirst());
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.communityName()).isEqualTo("金宝社区"));

        vm.clearFilters();
        assertThat(vm.chosenTypes()).isEmpty();
        assertThat(vm.chosenCommunities()).isEmpty();
        assertThat(vm.totalProperty().get()).isEqualTo(10);
    }

    @Test
    void overdueOnlyIsTheOverdueColumnAndUntickingListsEveryLeadAgain() {
        LedgerViewModel vm = started();

        vm.overdueOnlyProperty().set(true);
        assertThat(vm.stateColumnProperty().get().value()).isEqualTo(TallyColumn.OVERDUE);
        assertThat(vm.rows()).extracting(LeadListRow::summary).containsExactly("装修合同工程款结算争议");
        assertThat(vm.stateText(vm.rows().getFirst())).isEqualTo("调解中（超期）");

        vm.stateColumnProperty().set(vm.stateColumns().stream().filter(o -> o.value() == TallyColumn.MEDIATING)
                .findFirst().orElseThrow());
        assertThat(vm.overdueOnlyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(2);

        vm.overdueOnlyProperty().set(true);
        vm.overdueOnlyProperty().set(false);
        assertThat(vm.stateColumnProperty().get().value()).isNull();
        assertThat(vm.rows()).hasSize(10);
    }

    @Test
    void theAsOfDayDecidesEachLeadsState() {
        LedgerViewModel vm = started();
        vm.textProperty().set("漏水");
        vm.reload();
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(LeadState.MEDIATING));

        vm.asOfProperty().set(LocalDate.of(2022, 11, 30));
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(LeadState.PENDING));
        assertThat(vm.stateText(vm.rows().getFirst())).isEqualTo("待核实/受理");
    }

    @Test
    void typedTextIsSearchedWhenTheViewSaysSo() {
        LedgerViewModel vm = started();
        vm.textProperty().set("排水沟");
        assertThat(vm.rows()).as("not before the pause or Enter").hasSize(10);
        vm.search();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.countTextProperty().get()).isEqualTo("共 2 条");
    }

    @Test
    void typedTextListsTheFirstPageOfWhatItFindsWhereverTheLedgerWasPaged() {
        addBatchLeads();
        LedgerViewModel vm = started();
        vm.lastPage();
        assertThat(vm.pageProperty().get()).isEqualTo(2);

        vm.textProperty().set("批量线索");
        vm.search();

        assertThat(vm.pageProperty().get()).isZero();
        assertThat(vm.rows()).hasSize(100).allSatisfy(row -> assertThat(row.summary()).contains("批量线索"));
        assertThat(vm.countTextProperty().get()).isEqualTo("共 230 条");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 3 页");
    }

    @Test
    void editingTheDaysOfAPresetMakesItCustomAndABackwardPeriodIsRefused() {
        LedgerViewModel vm = started();
        vm.periodProperty().set(LedgerPeriod.THIS_YEAR);
        vm.fromProperty().set(LocalDate.of(2022, 6, 1));
        assertThat(vm.periodProperty().get()).isEqualTo(LedgerPeriod.CUSTOM);
        assertThat(vm.rows()).hasSize(5);

        vm.toProperty().set(LocalDate.of(2022, 5, 1));
        assertThat(vm.validationMessageProperty().get()).isEqualTo("结束日期 2022-05-01 早于开始日期 2022-06-01，请改正期间");
        assertThat(vm.rows()).as("the last good list stays").hasSize(5);

        vm.toProperty().set(null);
        assertThat(vm.validationMessageProperty().get()).isEmpty();
        assertThat(vm.rows()).as("an open end").hasSize(5);
    }

    @Test
    void theExportHoldsExactlyTheLeadsTheFiltersFind(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        LedgerViewModel vm = started();
        TallyQuery year = TallyQuery.of(Grouping.MONTH, LocalDate.of(2022, 1, 1), YEAR_END, YEAR_END);
        vm.apply(LeadFilter.of(year, TallyColumn.RESOLVED));
        long found = vm.totalProperty().get();
        java.nio.file.Path file = out.resolve("ledger.csv");
        dialogs.savingTo(file);

        vm.export("csv");

        java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(found).isPositive();
        assertThat(lines).as("a header and one line per lead found").hasSize((int) found + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains("调解成功"));
    }

    @Test
    void aFilterHandedInIsShownInTheControlsAndListsExactlyItsLeads() {
        LedgerViewModel vm = started();
        TallyQuery year = TallyQuery.of(Grouping.MONTH, LocalDate.of(2022, 1, 1), YEAR_END, YEAR_END);

        vm.apply(LeadFilter.of(year, TallyColumn.LEADS));
        assertThat(vm.periodProperty().get()).isEqualTo(LedgerPeriod.THIS_YEAR);
        assertThat(vm.stateColumnProperty().get().value()).isEqualTo(TallyColumn.LEADS);
        assertThat(vm.totalProperty().get()).isEqualTo(new TallyService(db).summarize(year).total().counts().leads());

        vm.apply(LeadFilter.of(year, TallyColumn.LEADS).withMonth(YearMonth.of(2022, 3)));
        assertThat(vm.periodProperty().get()).isEqualTo(LedgerPeriod.CUSTOM);
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(vm.rows()).extracting(LeadListRow::summary).containsExactly("邻居因排水沟堵塞发生争执");

        vm.clearFilters();
        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.stateColumnProperty().get().value()).isNull();
        assertThat(vm.textProperty().get()).isEmpty();
    }

    @Test
    void aFilterHandedInBeforeTheChoicesAreLoadedIsAppliedOnceTheyAre() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        LedgerViewModel vm = new LedgerViewModel(new LeadSearchService(db, User.setup()), new ReportService(db, CLOCK, User.setup()), CHINESE, CLOCK, executor, dialogs, opener,
                preferences);
        vm.start();
        vm.apply(LeadFilter.all(YEAR_END).withColumn(TallyColumn.RESOLVED));
        executor.runNext(); // the choices
        executor.runNext(); // the page
        executor.runNext(); // the count
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.stateColumnProperty().get().value()).isEqualTo(TallyColumn.RESOLVED);
        assertThat(executor.pending()).isZero();
    }

    @Test
    void thePageIsShownBeforeTheCountIsIn() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        LedgerViewModel vm = started(executor);
        executor.runNext(); // the choices
        executor.runNext(); // the page
        assertThat(vm.rows()).hasSize(10);
        assertThat(vm.countingProperty().get()).isTrue();
        assertThat(vm.countTextProperty().get()).isEqualTo("正在计数…");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 页");
        assertThat(vm.hasNextPageProperty().get()).as("a page short of a hundred is the last").isFalse();

        executor.runNext(); // the count
        assertThat(vm.countingProperty().get()).isFalse();
        assertThat(vm.countTextProperty().get()).isEqualTo("共 10 条");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页");
    }

    @Test
    void aListThatArrivesAfterANewerOneWasAskedForIsDropped() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        LedgerViewModel vm = started(executor);
        while (executor.pending() > 0) {
            executor.runNext();
        }
        assertThat(vm.rows()).hasSize(10);

        vm.textProperty().set("排水沟");
        vm.reload();
        vm.textProperty().set("宅基地");
        vm.reload();
        executor.runNext();
        executor.runNext();
        assertThat(vm.rows()).as("the older search's page is dropped").hasSize(10);
        assertThat(vm.countTextProperty().get()).as("and its count").isEqualTo("正在计数…");
        executor.runNext();
        executor.runNext();
        assertThat(vm.rows()).extracting(LeadListRow::summary).containsExactly("宅基地界址争议");
        assertThat(vm.countTextProperty().get()).isEqualTo("共 1 条");
    }

    @Test
    void pagesOfAHundredFollowEachOtherAndAFilterGoesBackToTheFirst() {
        addBatchLeads();
        LedgerViewModel vm = started();
        assertThat(vm.countTextProperty().get()).isEqualTo("共 240 条");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 3 页");
        assertThat(vm.rows()).hasSize(100);
        UUID lastOfFirst = vm.rows().getLast().id();

        vm.nextPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 2 / 3 页");
        assertThat(vm.rows()).hasSize(100).extracting(LeadListRow::id).doesNotContain(lastOfFirst);
        vm.lastPage();
        assertThat(vm.rows()).hasSize(40);
        vm.nextPage();
        assertThat(vm.pageProperty().get()).as("no page after the last").isEqualTo(2);
        vm.previousPage();
        assertThat(vm.pageProperty().get()).isEqualTo(1);

        vm.periodProperty().set(LedgerPeriod.THIS_YEAR);
        assertThat(vm.pageProperty().get()).isZero();
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页");
    }

    @Test
    void theNextPageGoesOnFromTheLastRowShownWhenLeadsWereAddedBeforeIt() {
        addBatchLeads();
        LeadSearchService search = new LeadSearchService(db, User.setup());
        LedgerViewModel vm = started();
        LeadFilter shown = vm.shownFilterProperty().get();
        java.util.List<UUID> secondPage = search.page(shown, LeadSort.DEFAULT, 100, 100).stream()
                .map(LeadListRow::id).toList();
        UUID lastShown = vm.rows().getLast().id();

        // A lead found today now comes first: read by its place, the second page would begin with the row just shown.
        db.write(tx -> {
            tx.leads().insert(new Lead(UUID.randomUUID(), 1, 1, null, null, YEAR_END, "SCREENING", "OTHER",
                    "新登记的线索", null, null, RiskLevel.BLUE, false, false, null, null, null, null, null, null, null,
                    null, null, null, null, 0), CLOCK.instant());
            return null;
        });
        vm.nextPage();

        assertThat(vm.rows()).extracting(LeadListRow::id).doesNotContain(lastShown).containsExactlyElementsOf(secondPage);
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 2 / 3 页");
        vm.nextPage();
        vm.previousPage();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(secondPage);
        vm.previousPage();
        assertThat(vm.pageProperty().get()).isZero();
        assertThat(vm.rows().getFirst().summary()).isEqualTo("新登记的线索");
    }

    @Test
    void walkingPageByPageByStateShowsThePagesOfTheOrderEitherWay() {
        addBatchLeads();
        LeadSearchService search = new LeadSearchService(db, User.setup());
        LedgerViewModel vm = started();
        vm.sortBy(LedgerTableColumn.STATE, false);
        LeadSort byState = new LeadSort(LeadSort.Column.STATE, false);
        LeadFilter shown = vm.shownFilterProperty().get();
        java.util.function.IntFunction<java.util.List<UUID>> page = p -> search.page(shown, byState, p * 100, 100)
                .stream().map(LeadListRow::id).toList();

        vm.nextPage();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(page.apply(1));
        vm.nextPage();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(page.apply(2));
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 3 / 3 页");
        vm.previousPage();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(page.apply(1));
        vm.lastPage();
        vm.previousPage();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(page.apply(1));
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 2 / 3 页");
    }

    @Test
    void theRowsShownBeforeAreReadAgainFromTheirKeyAndAPageEmptiedGivesWayToTheLast() throws java.sql.SQLException {
        addBatchLeads();
        LedgerViewModel vm = started();
        vm.nextPage();
        vm.nextPage();
        java.util.List<UUID> thirdPage = vm.rows().stream().map(LeadListRow::id).toList();

        vm.reload();
        assertThat(vm.rows()).extracting(LeadListRow::id).containsExactlyElementsOf(thirdPage);

        // Every lead after the second page's last row goes away: the third page is empty, the last (second) shows.
        try (java.sql.Connection connection = cn.mediationdesk.persistence.TestStores.connect(db);
             java.sql.PreparedStatement delete = connection.prepareStatement("DELETE FROM lead WHERE id = ?")) {
            for (UUID id : thirdPage) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
        }
        vm.reload();
        assertThat(vm.pageProperty().get()).isEqualTo(1);
        assertThat(vm.rows()).hasSize(100);
    }

    /** 230 leads whose summary holds "批量线索", found in 2020, besides the ten of the test data. */
    private void addBatchLeads() {
        db.write(tx -> {
            for (int i = 0; i < 230; i++) {
                tx.leads().insert(new Lead(UUID.randomUUID(), 1, 1, null, null, LocalDate.of(2020, 1, 1).plusDays(i),
                        "SCREENING", "OTHER", "批量线索 " + i, null, null, RiskLevel.BLUE, false, false, null, null,
                        null, null, null, null, null, null, null, null, null, 0), CLOCK.instant());
            }
            return null;
        });
    }

    /** The ledger over a search service whose free-text counts stop at {@code countCap}. */
    private LedgerViewModel startedWithCountCap(long countCap) {
        LedgerViewModel vm = new LedgerViewModel(new LeadSearchService(db, User.setup(), countCap),
                new ReportService(db, CLOCK, User.setup()), CHINESE, CLOCK, new CurrentThreadTaskExecutor(), dialogs,
                opener, preferences);
        vm.start();
        return vm;
    }

    @Test
    void aTextFoundInMoreLeadsThanTheCapSaysSoAndPagesOnWithoutALastPage() {
        addBatchLeads();
        LedgerViewModel vm = startedWithCountCap(150);
        assertThat(vm.countTextProperty().get()).as("no text: counted exactly").isEqualTo("共 240 条");

        vm.textProperty().set("批量");
        vm.reload();
        assertThat(vm.countTextProperty().get()).isEqualTo("150 条以上");
        assertThat(vm.countCappedProperty().get()).isTrue();
        assertThat(vm.pageTextProperty().get()).as("the number of pages is not known").isEqualTo("第 1 页");
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.hasNextPageProperty().get()).isTrue();
        assertThat(vm.hasLastPageProperty().get()).isFalse();
        vm.lastPage();
        assertThat(vm.pageProperty().get()).as("no last page to go to").isZero();

        vm.nextPage();
        vm.nextPage();
        assertThat(vm.pageProperty().get()).as("past the cap, a full page still leads on").isEqualTo(2);
        assertThat(vm.rows()).as("the pages stay exact").hasSize(30);
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 3 页");
        assertThat(vm.hasNextPageProperty().get()).as("a page cut short is the last").isFalse();
        vm.nextPage();
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.hasPreviousPageProperty().get()).isTrue();

        vm.textProperty().set("批量线索 22");
        vm.reload();
        assertThat(vm.countTextProperty().get()).as("below the cap: exact").isEqualTo("共 12 条"); // 22, 122 and 220–229
        assertThat(vm.countCappedProperty().get()).isFalse();
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页");
        assertThat(vm.hasLastPageProperty().get()).isFalse();
    }

    @Test
    void aTextFoundInAsManyLeadsAsTheCapIsCountedExactlyWithItsLastPage() {
        addBatchLeads();
        LedgerViewModel vm = startedWithCountCap(230);
        vm.textProperty().set("批量线索");
        vm.reload();
        assertThat(vm.countTextProperty().get()).isEqualTo("共 230 条");
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 3 页");
        assertThat(vm.hasLastPageProperty().get()).isTrue();
        vm.lastPage();
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.rows()).hasSize(30);
        assertThat(vm.hasLastPageProperty().get()).as("already there").isFalse();
    }

    @Test
    void theCappedCountSpeaksEnglishToo() {
        addBatchLeads();
        LedgerViewModel vm = new LedgerViewModel(new LeadSearchService(db, User.setup(), 100),
                new ReportService(db, CLOCK, User.setup()), new Localization(Localization.ENGLISH), CLOCK,
                new CurrentThreadTaskExecutor(), dialogs, opener, preferences);
        vm.start();
        vm.textProperty().set("批量");
        vm.reload();
        assertThat(vm.countTextProperty().get()).isEqualTo("more than 100 leads");
    }

    @Test
    void theDatabaseSortsByTheChosenColumnAndNoColumnMeansNewestFirst() {
        LedgerViewModel vm = started();
        vm.sortBy(LedgerTableColumn.STATE, true);
        assertThat(vm.sortProperty().get()).isEqualTo(new LeadSort(LeadSort.Column.STATE, true));
        assertThat(vm.rows().getFirst().state()).isEqualTo(LeadState.PENDING);
        assertThat(vm.rows().getLast().state()).isEqualTo(LeadState.TERMINATED);

        vm.sortBy(LedgerTableColumn.PARTIES, true);
        assertThat(vm.sortProperty().get()).as("the database cannot sort by names").isEqualTo(LeadSort.DEFAULT);
        vm.sortBy(null, true);
        assertThat(vm.sortProperty().get()).isEqualTo(LeadSort.DEFAULT);
    }

    @Test
    void aCommunityAddedMeanwhileIsOfferedWhenTheChoicesAreLoadedAgainAndTheChoiceIsKept() {
        LedgerViewModel vm = started();
        vm.chosenCommunities().setAll(vm.communities().get(1));
        assertThat(vm.rows()).hasSize(4);
        db.write(tx -> tx.organization().insertCommunity("SQ003", "东风村"));

        vm.refreshChoices();
        assertThat(vm.communities()).extracting(FilterOption::label).containsExactly("金宝社区", "新华社区", "东风村");
        assertThat(vm.chosenCommunities()).extracting(FilterOption::label).containsExactly("新华社区");
        assertThat(vm.rows()).hasSize(4);
    }

    @Test
    void leadsOpenThroughTheOpenerHandedIn() {
        LedgerViewModel vm = started();
        vm.open(vm.rows().getFirst());
        vm.open(null);
        vm.newLead();
        assertThat(opener.opened()).containsExactly(vm.rows().getFirst().id());
        assertThat(opener.newLeads()).isEqualTo(1);
    }

    @Test
    void theColumnChoiceIsRememberedForTheNextStart() {
        LedgerViewModel vm = started();
        assertThat(vm.isShown(LedgerTableColumn.LEAD_NO)).isFalse();
        assertThat(vm.isShown(LedgerTableColumn.CASE_NUMBER)).isTrue();

        vm.setShown(LedgerTableColumn.LEAD_NO, true);
        vm.setShown(LedgerTableColumn.SUMMARY, false);

        LedgerViewModel next = started();
        assertThat(next.isShown(LedgerTableColumn.LEAD_NO)).isTrue();
        assertThat(next.isShown(LedgerTableColumn.SUMMARY)).isFalse();
        assertThat(next.hiddenColumns()).containsExactlyInAnyOrder(LedgerTableColumn.COMMUNITY,
                LedgerTableColumn.SOURCE, LedgerTableColumn.SUMMARY);
    }

    @Test
    void rowsReadInTheUsersLanguage() {
        LedgerViewModel vm = new LedgerViewModel(new LeadSearchService(db, User.setup()), new ReportService(db, CLOCK, User.setup()), new Localization(Localization.ENGLISH), CLOCK,
                new CurrentThreadTaskExecutor(), dialogs, opener, preferences);
        vm.start();
        LeadListRow drain = vm.rows().stream().filter(r -> r.summary().contains("排水沟堵塞")).findFirst().orElseThrow();
        assertThat(vm.cellText(LedgerTableColumn.TYPE, drain)).isEqualTo("Neighbours");
        assertThat(vm.cellText(LedgerTableColumn.STATE, drain)).isEqualTo("Resolved");
        assertThat(vm.cellText(LedgerTableColumn.RISK, drain)).isEqualTo("Blue (latent)");
        assertThat(vm.countTextProperty().get()).isEqualTo("10 leads");
    }

    @Test
    void aFailedListIsExplainedInADialog() {
        LedgerViewModel vm = started();
        db.close();
        vm.reload();
        assertThat(dialogs.shown()).singleElement().satisfies(d -> assertThat(d.header()).isEqualTo("线索台账没有查询成功"));
        assertThat(vm.loadingProperty().get()).isFalse();
        db = GuiTestData.createDatabase(dir.resolve("again"));
    }
}
