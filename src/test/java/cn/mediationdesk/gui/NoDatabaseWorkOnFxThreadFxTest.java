package cn.mediationdesk.gui;

import cn.mediationdesk.gui.main.NavigationEntry;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.DatabaseThreads;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window never makes its event thread wait for the database: the demo jurisdiction is used the
 * way a clerk would (every screen, the ledger paged, sorted and searched, a lead opened and saved)
 * while {@link DatabaseThreads} watches every database call, and not one may come from the JavaFX
 * application thread. ({@link DesktopFxSupport#stop()} makes every other test of the real window
 * check the same.)
 */
class NoDatabaseWorkOnFxThreadFxTest {
    private static final Localization ZH = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();
    private Path location;

    @BeforeEach
    void demoWithAdministrator() {
        location = dir.resolve("mediationdesk");
        Clock clock = Clock.systemDefaultZone();
        try (Database database = Database.open(DatabaseLocation.parse(location.toString()), true)) {
            new DemoJurisdiction(database, clock).create();
            new UserService(database, clock, DesktopFxSupport.QUICK).createFirstAdmin(
                    DesktopFxSupport.ADMIN, DesktopFxSupport.ADMIN_NAME, DesktopFxSupport.PASSWORD);
        }
    }

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void usingEveryScreenMakesNoDatabaseCallOnTheFxThread() throws Exception {
        FxRobot robot = desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
        DesktopFxSupport.waitUntil(() -> desktop.find("#dashboard-figure-LEADS")
                .map(node -> !((Label) node).getText().isEmpty()).orElse(false));

        // The ledger: a page, the next page, another order, a search, a lead opened and saved.
        navigate(NavigationEntry.LEDGER);
        DesktopFxSupport.waitUntil(() -> text("#ledger-count").startsWith("共 "));
        robot.clickOn(robot.lookup("#ledger-table .table-row-cell").queryAs(Node.class)).type(KeyCode.PAGE_DOWN);
        DesktopFxSupport.waitUntil(() -> text("#ledger-page").startsWith("第 2 "));
        TableView<LeadListRow> table = table();
        for (TableColumn<LeadListRow, ?> column : table.getColumns()) {
            if (column.isSortable() && !table.getSortOrder().contains(column)) {
                robot.interact(() -> table.getSortOrder().setAll(column)); // what a click on its header does
                settle();
            }
        }
        robot.clickOn("#ledger-search").write("邻居").type(KeyCode.ENTER);
        DesktopFxSupport.waitUntil(() -> !table().getItems().isEmpty() && text("#ledger-page").startsWith("第 1 "));
        robot.clickOn(robot.lookup("#ledger-table .table-row-cell")
                .match((TableRow<?> row) -> !row.isEmpty() && row.getIndex() == 0).queryAs(Node.class))
                .type(KeyCode.ENTER);
        DesktopFxSupport.waitUntil(() -> robot.lookup("#lead-save").tryQuery().isPresent());
        robot.clickOn("#lead-save");
        settle();
        robot.clickOn("#lead-close-window");
        DesktopFxSupport.waitUntil(() -> robot.lookup("#lead-save").tryQuery().isEmpty());

        // Every other screen, each shown and left to load.
        for (NavigationEntry entry : NavigationEntry.values()) {
            navigate(entry);
            settle();
        }
        navigate(NavigationEntry.SUMMARIES);
        settle();
        // DesktopFxSupport.stop() fails the test if any call above ran on the FX thread.
    }

    private void navigate(NavigationEntry entry) throws Exception {
        String label = ZH.text(entry.labelKey());
        DesktopFxSupport.waitUntil(() -> desktop.labelled(label).isPresent());
        desktop.robot().clickOn(desktop.labelled(label).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Lets background work started by the last action end and its results reach the screen. */
    private static void settle() {
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return desktop.find(query).map(node -> ((Label) node).getText()).orElse("");
    }

    @SuppressWarnings("unchecked")
    private TableView<LeadListRow> table() {
        return desktop.robot().lookup("#ledger-table").queryAs(TableView.class);
    }
}
