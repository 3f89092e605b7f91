package cn.mediationdesk.gui.dashboard;

import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.OpenedDatabase.SummaryStart;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.RecordingLeadOpener;
import cn.mediationdesk.gui.dashboard.DashboardViewModel.AttentionList;
import cn.mediationdesk.gui.dashboard.DashboardViewModel.Figure;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard without a screen, on {@link GuiTestData}'s leads (and two flagged ones) in a real H2 database. */
class DashboardViewModelTest {
    private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);
    private static final TallyQuery YEAR_2022 = TallyQuery.of(Grouping.MONTH, LocalDate.of(2022, 1, 1), YEAR_END, YEAR_END);

    @TempDir
    Path dir;

    private Database db;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final RecordingLeadOpener opener = new RecordingLeadOpener();
    private final List<LeadFilter> ledger = new ArrayList<>();

    @BeforeEach
    void open() {
        db = GuiTestData.createDatabase(dir.resolve("db"));
        LifecycleService lifecycle = new LifecycleService(db, GuiTestData.clockOn(YEAR_END), User.setup());
        long committee = db.read(tx -> tx.organization().committees().getFirst().id());
        long community = db.read(tx -> tx.organization().communities().getFirst().id());
        lifecycle.register(new NewLead(committee, community, null, null, LocalDate.of(2022, 10, 8), "GRID_REPORT",
                "LAND_REQUISITION", "拆迁补偿分歧，二十余户村民准备集体上访", 25, null, RiskLevel.RED, false, true, List.of()));
        lifecycle.register(new NewLead(committee, community, null, null, LocalDate.of(2022, 12, 1), "POLICE_REFERRAL",
                "NEIGHBOR", "邻里积怨，一方扬言报复", 2, null, RiskLevel.ORANGE, true, false, List.of()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DashboardViewModel started(LocalDate today, SummaryStart hint) {
        Clock clock = GuiTestData.clockOn(today);
        DashboardViewModel vm = new DashboardViewModel(new TallyService(db), new LeadSearchService(db, User.setup()),
                new Localization(Localization.CHINESE), clock, new CurrentThreadTaskExecutor(), dialogs, opener,
                ledger::add, hint);
        vm.start();
        return vm;
    }

    @Test
    void theFiguresAreTheTallysTotalOfTheYearSoFar() {
        DashboardViewModel vm = started(YEAR_END, null);
        TallyCounts total = new TallyService(db).summarize(YEAR_2022).total().counts();

        assertThat(vm.yearProperty().get()).isEqualTo(2022);
        assertThat(vm.shownQueryProperty().get()).isEqualTo(YEAR_2022);
        assertThat(vm.figureTextProperty(Figure.LEADS).get()).isEqualTo(String.valueOf(total.leads())).isEqualTo("10");
        assertThat(vm.figureTextProperty(Figure.ACCEPTED).get()).isEqualTo(String.valueOf(total.accepted())).isEqualTo("5");
        assertThat(vm.figureTextProperty(Figure.RESOLVED).get()).isEqualTo("1");
        assertThat(vm.figureTextProperty(Figure.RESOLUTION_RATE).get()).isEqualTo("20.0%");
        assertThat(vm.rateDetailProperty().get()).isEqualTo("调解成功 1 / 受理 5");
        assertThat(vm.figureTextProperty(Figure.OVERDUE).get()).isEqualTo(String.valueOf(total.overdue())).isEqualTo("1");
        assertThat(vm.captionProperty().get()).startsWith("2022-01-01 至 2022-12-31 发现的线索，状态截至 2022-12-31。");
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void everyFigureOpensTheLedgerOnExactlyTheLeadsItCounts() {
        DashboardViewModel vm = started(YEAR_END, null);
        LeadSearchService search = new LeadSearchService(db, User.setup());
        TallyCounts total = new TallyService(db).summarize(YEAR_2022).total().counts();

        for (Figure figure : Figure.values()) {
            vm.openLedger(figure);
            LeadFilter asked = ledger.getLast();
            assertThat(asked.column()).isEqualTo(figure.column());
            assertThat(search.count(asked)).as("leads behind %s", figure).isEqualTo(figure.column().of(total));
        }
    }

    @Test
    void theChartIsTheYearByMonthAndEachBarOpensItsLeads() {
        DashboardViewModel vm = started(YEAR_END, null);
        TallyResult byMonth = new TallyService(db).summarize(YEAR_2022);
        LeadSearchService search = new LeadSearchService(db, User.setup());

        assertThat(vm.months()).hasSize(12);
        assertThat(vm.months().getFirst().label()).isEqualTo("1月");
        for (int i = 0; i < 12; i++) {
            TallyRow month = byMonth.rows().get(i);
            assertThat(vm.months().get(i).leads()).isEqualTo(month.counts().leads());
            assertThat(vm.months().get(i).resolved()).isEqualTo(month.counts().resolved());
        }
        vm.openLedger(YearMonth.of(2022, 3), TallyColumn.LEADS);
        assertThat(search.count(ledger.getLast())).isEqualTo(1).isEqualTo(byMonth.rows().get(2).counts().leads());
        vm.openLedger(YearMonth.of(2022, 3), TallyColumn.RESOLVED);
        assertThat(search.count(ledger.getLast())).isEqualTo(1);
    }

    @Test
    void theListsShowTheLeadsThatNeedAttentionAndTheirTotalsOpenThemAll() {
        DashboardViewModel vm = started(YEAR_END, null);
        LeadSearchService search = new LeadSearchService(db, User.setup());

        assertThat(vm.list(AttentionList.OVERDUE)).extracting(LeadListRow::summary).containsExactly("装修合同工程款结算争议");
        assertThat(vm.list(AttentionList.HIGH_RISK)).extracting(LeadListRow::risk)
                .containsExactly(RiskLevel.RED, RiskLevel.ORANGE);
        assertThat(vm.list(AttentionList.FLAGGED)).extracting(LeadListRow::summary)
                .containsExactly("邻里积怨，一方扬言报复", "拆迁补偿分歧，二十余户村民准备集体上访");
        assertThat(vm.listTotalProperty(AttentionList.FLAGGED).get()).isEqualTo("共 2 条");
        assertThat(vm.itemTags(vm.list(AttentionList.FLAGGED).getFirst())).containsExactly("民转刑");

        LeadListRow overdue = vm.list(AttentionList.OVERDUE).getFirst();
        assertThat(vm.itemTitle(overdue)).isEqualTo(overdue.caseNumber() + " · 合同");
        assertThat(vm.itemDetail(AttentionList.OVERDUE, overdue)).isEqualTo("期限 2022-07-02 · 金宝社区人民调解委员会");

        for (AttentionList list : AttentionList.values()) {
            vm.openLedger(list);
            assertThat(search.count(ledger.getLast())).isEqualTo(vm.list(list).size());
        }
        vm.open(overdue);
        assertThat(opener.opened()).containsExactly(overdue.id());
    }

    @Test
    void aYearGoneByIsCountedAsItEndedAndChoosingAnotherYearCountsAgain() {
        DashboardViewModel vm = started(LocalDate.of(2024, 3, 1), null);
        assertThat(vm.years()).containsExactly(2024, 2023, 2022, 2021);
        assertThat(vm.yearProperty().get()).as("the latest year with leads").isEqualTo(2022);
        assertThat(vm.shownQueryProperty().get()).isEqualTo(YEAR_2022);

        vm.yearProperty().set(2021);
        TallyQuery year2021 = vm.shownQueryProperty().get();
        assertThat(year2021.asOf()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(vm.figureTextProperty(Figure.LEADS).get()).isEqualTo("1");
        assertThat(vm.figureTextProperty(Figure.RESOLVED).get()).isEqualTo("1");

        vm.yearProperty().set(2024);
        assertThat(vm.figureTextProperty(Figure.LEADS).get()).isEqualTo("0");
        assertThat(vm.figureTextProperty(Figure.RESOLUTION_RATE).get()).isEqualTo("—");
        assertThat(vm.shownQueryProperty().get().asOf()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(vm.months()).as("January to this month").hasSize(3);
    }

    @Test
    void aFreshDemoOpensOnTheYearItWasMadeFor() {
        SummaryStart demo = new SummaryStart(new DateRange(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)),
                LocalDate.of(2021, 12, 31));
        DashboardViewModel vm = started(LocalDate.of(2024, 3, 1), demo);
        assertThat(vm.yearProperty().get()).isEqualTo(2021);
    }

    @Test
    void aSavedLeadIsCountedOnReload() {
        DashboardViewModel vm = started(YEAR_END, null);
        long committee = db.read(tx -> tx.organization().committees().getFirst().id());
        long community = db.read(tx -> tx.organization().communities().getFirst().id());
        new LifecycleService(db, GuiTestData.clockOn(YEAR_END), User.setup()).register(new NewLead(committee, community, null,
                null, LocalDate.of(2022, 12, 30), "WALK_IN", "NEIGHBOR", "新登记的线索", 2, null, RiskLevel.BLUE, false,
                false, List.of()));
        vm.reload();
        assertThat(vm.figureTextProperty(Figure.LEADS).get()).isEqualTo("11");
    }

    @Test
    void aViewerSeesTheCountsWithoutListsAndWithoutAnError() {
        var users = new cn.mediationdesk.logic.security.UserService(db, GuiTestData.clockOn(YEAR_END),
                new cn.mediationdesk.logic.security.PasswordHasher(4));
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        User viewer = users.addUser(admin, "lingdao", "刘局", "lingdao2023", cn.mediationdesk.model.Role.VIEWER, null);
        DashboardViewModel vm = new DashboardViewModel(new TallyService(db), new LeadSearchService(db, viewer),
                new Localization(Localization.CHINESE), GuiTestData.clockOn(YEAR_END), new CurrentThreadTaskExecutor(),
                dialogs, opener, ledger::add, null);
        vm.start();

        assertThat(vm.listsLeads()).isFalse();
        assertThat(vm.countsOnlyNote()).isNotEmpty();
        assertThat(dialogs.shown()).as("no error, no refusal").isEmpty();
        assertThat(vm.figureTextProperty(Figure.LEADS).get()).as("the counts are shown").isEqualTo("10");
        for (AttentionList list : AttentionList.values()) {
            assertThat(vm.list(list)).isEmpty();
        }
        vm.openLedger(Figure.LEADS);
        assertThat(ledger).as("the leads behind a figure are not a viewer's to see").isEmpty();
    }

    @Test
    void aRefusalIsAPlainNoticeNotAnError() {
        var users = new cn.mediationdesk.logic.security.UserService(db, GuiTestData.clockOn(YEAR_END),
                new cn.mediationdesk.logic.security.PasswordHasher(4));
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        // User.setup() is refused once the database has accounts: the lists' search says so.
        DashboardViewModel vm = started(YEAR_END, null);
        assertThat(dialogs.shown()).hasSize(1);
        assertThat(dialogs.shown().getFirst().kind()).isEqualTo("information");
        assertThat(dialogs.shown().getFirst().header()).isEqualTo("没有权限");
        assertThat(dialogs.shown().getFirst().message()).isEqualTo("请先登录：这个数据库已有账户");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
