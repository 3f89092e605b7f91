package cn.mediationdesk.gui;

import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger and the dashboard in the real window, on the demo jurisdiction: the ledger's filters
 * narrow the table to exactly the leads the tally engine counts, and a figure of the dashboard
 * opens the ledger on exactly as many leads as it shows. The figures expected are taken from the
 * tally engine before the window opens (the window then holds the database).
 */
class LedgerFxTest {
    private static final LocalDate YEAR_START = LocalDate.of(2022, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2022, 12, 31);
    private static final TallyQuery BY_COMMITTEE = TallyQuery.of(Grouping.COMMITTEE, YEAR_START, YEAR_END, YEAR_END);
    private static final TallyQuery BY_MONTH = TallyQuery.of(Grouping.MONTH, YEAR_START, YEAR_END, YEAR_END);

    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();
    private Path location;
    private long allLeads;
    private TallyResult byCommittee;
    private TallyResult byMonth;
    private long neighbourDisputes;
    private long neighbourOrContractLeads;

    @BeforeEach
    void demoWithAdministrator() {
        location = dir.resolve("mediationdesk");
        Clock clock = Clock.systemDefaultZone();
        try (Database database = Database.open(DatabaseLocation.parse(location.toString()), true)) {
            new DemoJurisdiction(database, clock).create();
            User admin = new UserService(database, clock, DesktopFxSupport.QUICK).createFirstAdmin(
                    DesktopFxSupport.ADMIN, DesktopFxSupport.ADMIN_NAME, DesktopFxSupport.PASSWORD);
            allLeads = database.read(tx -> tx.leads().count());
            TallyService tally = new TallyService(database);
            byCommittee = tally.summarize(BY_COMMITTEE);
            byMonth = tally.summarize(BY_MONTH);
            neighbourDisputes = new LeadSearchService(database, admin).count(LeadFilter.of(BY_COMMITTEE, null).withText("邻居"));
            neighbourOrContractLeads = new LeadSearchService(database, admin).count(LeadFilter.all(LocalDate.now(clock))
                    .withDisputeTypes(java.util.Set.of("NEIGHBOR", "CONTRACT")));
        }
    }

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void theLedgersFiltersNarrowTheTableToExactlyTheLeadsTheTallyCounts() throws Exception {
        FxRobot robot = logIn();
        robot.clickOn(desktop.labelled("线索台账").orElseThrow());
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + allLeads + " 条"));
        assertThat(table().getItems()).hasSize((int) Math.min(allLeads, 100));

        // The keyboard alone: PageDown turns the page, PageUp back, Ctrl+F goes to the search field.
        assertThat(allLeads).as("the demo fills more than one page").isGreaterThan(100);
        robot.clickOn(robot.lookup("#ledger-table .table-row-cell").queryAs(Node.class)).type(KeyCode.PAGE_DOWN);
        DesktopFxSupport.waitUntil(() -> text("#ledger-page").equals("第 2 / 2 页"));
        assertThat(table().getItems()).hasSize((int) (allLeads - 100));
        robot.type(KeyCode.PAGE_UP);
        DesktopFxSupport.waitUntil(() -> text("#ledger-page").equals("第 1 / 2 页"));
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#ledger-search").query().isFocused()).isTrue();

        typeDate("#ledger-from", "2022-01-01");
        typeDate("#ledger-to", "2022年12月31日");
        typeDate("#ledger-asof", "2022/12/31");
        TallyRow busiest = byCommittee.rows().stream().max(Comparator.comparingLong(r -> r.counts().resolved()))
                .orElseThrow();
        choose("#ledger-committee", busiest.nameZh());
        choose("#ledger-state", "调解成功");
        long resolved = busiest.counts().resolved();
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + resolved + " 条"));
        assertThat(resolved).isPositive();
        assertThat(table().getItems()).hasSize((int) resolved).allSatisfy(row -> {
            assertThat(row.committeeName()).isEqualTo(busiest.nameZh());
            assertThat(row.state()).isEqualTo(LeadState.RESOLVED);
            assertThat(row.foundOn()).isBetween(YEAR_START, YEAR_END);
        });

        choose("#ledger-committee", "全部调委会");
        robot.clickOn("#ledger-overdue");
        long overdue = byCommittee.total().counts().overdue();
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + overdue + " 条"));
        assertThat(overdue).as("the demo has overdue cases").isPositive();
        assertThat(table().getItems()).hasSize((int) overdue).allSatisfy(row -> assertThat(row.overdue()).isTrue());

        robot.clickOn("#ledger-overdue");
        choose("#ledger-state", "全部（含重复）");
        robot.clickOn("#ledger-search").write("邻居").type(KeyCode.ENTER);
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + neighbourDisputes + " 条"));
        assertThat(table().getItems()).hasSize((int) neighbourDisputes).allSatisfy(row -> assertThat(
                row.summary() + row.partyNames() + row.caseNumber()).contains("邻居"));

        // Enter on a row opens the lead in an editor window of its own.
        // (counted as editor windows: a tooltip that closes meanwhile is a window too)
        // the first row of the list: the table's cells are reused in any order, empty ones too
        robot.clickOn(robot.lookup("#ledger-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> !row.isEmpty() && row.getIndex() == 0)
                .queryAs(Node.class)).type(KeyCode.ENTER);
        DesktopFxSupport.waitUntil(() -> robot.listWindows().stream().anyMatch(window -> window.getScene() != null
                && window.getScene().lookup("#lead-scroll") != null));
    }

    @Test
    void onA1024By768ScreenTheNavigationAndPagingStayInTheWindowAndTwoTypesCheckedListEither() throws Exception {
        FxRobot robot = logIn();
        javafx.stage.Stage stage = (javafx.stage.Stage) robot.lookup("#status-user").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        robot.clickOn(desktop.labelled("线索台账").orElseThrow());
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + allLeads + " 条"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Scene scene = stage.getScene();
        assertThat(scene.getWidth()).isEqualTo(1024);
        for (String query : new String[] {".nav-list", "#ledger-next", "#ledger-previous", "#ledger-page", "#ledger-new",
                "#ledger-type", "#log-out"}) {
            javafx.geometry.Bounds bounds = robot.lookup(query).query()
                    .localToScene(robot.lookup(query).query().getBoundsInLocal());
            assertThat(bounds.getMinX()).as(query).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(query).isLessThanOrEqualTo(scene.getWidth());
            assertThat(bounds.getMaxY()).as(query).isLessThanOrEqualTo(scene.getHeight());
        }

        @SuppressWarnings("unchecked")
        org.controlsfx.control.CheckComboBox<cn.mediationdesk.gui.ledger.FilterOption<String>> types = robot
                .lookup("#ledger-type").queryAs(org.controlsfx.control.CheckComboBox.class);
        assertThat(types.getTitle()).isEqualTo("全部类型");
        robot.interact(() -> types.getItems().stream().filter(o -> o.label().equals("邻里") || o.label().equals("合同"))
                .forEach(types.getCheckModel()::check));
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + neighbourOrContractLeads + " 条"));
        assertThat(types.getTitle()).contains("邻里", "合同");
        assertThat(table().getItems()).isNotEmpty().allSatisfy(row -> assertThat(row.typeZh()).isIn("邻里", "合同"));
    }

    @Test
    void aFigureOfTheDashboardOpensTheLedgerOnExactlyTheLeadsItCounts() throws Exception {
        FxRobot robot = logIn();
        desktop.waitFor("#dashboard-year");
        choose("#dashboard-year", "2022年");
        DesktopFxSupport.waitUntil(() -> text("#dashboard-figure-LEADS").equals("87"));
        assertThat(text("#dashboard-figure-RESOLVED")).isEqualTo("64");

        robot.clickOn("#dashboard-tile-RESOLVED");
        desktop.waitFor("#ledger-count");
        DesktopFxSupport.waitUntil(() -> count().equals("共 64 条"));
        assertThat(table().getItems()).hasSize(64).allSatisfy(row -> assertThat(row.state()).isEqualTo(LeadState.RESOLVED));

        robot.clickOn(desktop.labelled("首页").orElseThrow());
        robot.clickOn("#dashboard-tile-LEADS");
        DesktopFxSupport.waitUntil(() -> count().equals("共 87 条"));
        assertThat(table().getItems()).hasSize(87).noneSatisfy(row -> assertThat(row.state())
                .isEqualTo(LeadState.DUPLICATE));

        // A bar of the chart: the leads found in March.
        robot.clickOn(desktop.labelled("首页").orElseThrow());
        long march = byMonth.rows().get(2).counts().leads();
        robot.clickOn(robot.lookup(".chart-bar.series0.data2").queryAs(Node.class));
        DesktopFxSupport.waitUntil(() -> count().equals("共 " + march + " 条"));
        assertThat(table().getItems()).extracting(LeadListRow::foundOn)
                .allSatisfy(day -> assertThat(day).isBetween(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31)));
        assertThat(byMonth.rows().get(2).code()).isEqualTo("2022-03");
        assertThat(TallyColumn.LEADS.of(byMonth.rows().get(2).counts())).isEqualTo(march);
    }

    // ---- helpers ----

    private FxRobot logIn() throws TimeoutException {
        FxRobot robot = desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
        return robot;
    }

    private String count() {
        return text("#ledger-count");
    }

    private String text(String query) {
        return desktop.find(query).map(node -> ((Label) node).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private TableView<LeadListRow> table() {
        return desktop.robot().lookup("#ledger-table").queryAs(TableView.class);
    }

    /** Types a day into a date field as a user would, and confirms it with Enter. */
    private void typeDate(String query, String day) throws TimeoutException {
        desktop.waitFor(query);
        FxRobot robot = desktop.robot();
        robot.doubleClickOn(robot.lookup(query + " .text-field").queryAs(Node.class));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(day).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a drop-down and clicks the entry showing {@code item}. */
    private void choose(String comboQuery, String item) throws TimeoutException {
        desktop.click(comboQuery);
        FxRobot robot = desktop.robot();
        DesktopFxSupport.waitUntil(() -> robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> item.equals(cell.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> cell) -> item.equals(cell.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
