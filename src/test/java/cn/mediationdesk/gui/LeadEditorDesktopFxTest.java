package cn.mediationdesk.gui;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.gui.lead.LeadEditorRobot;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application, as a mediator uses it: from the ledger's "new lead" through verification,
 * acceptance, two sessions, a written agreement and a follow-up, all on today's date (the forms'
 * defaults). Afterwards the dashboard's figures and the ledger's count have moved by exactly one.
 */
class LeadEditorDesktopFxTest {
    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();
    private FxRobot robot;
    private LeadEditorRobot editor;

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void aLeadCarriedFromTheLedgerToAFollowUpMovesTheDashboardAndTheLedgerByExactlyOne() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        reportedToday(location);
        robot = desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        editor = new LeadEditorRobot(robot);
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");

        int leads = figure("LEADS");
        int accepted = figure("ACCEPTED");
        int resolved = figure("RESOLVED");
        navigate("线索台账");
        int listed = count();

        desktop.click("#ledger-new");
        editor.focusEditor();
        editor.fillBasicFacts(null, "楼上漏水殃及楼下住户");
        editor.click("#lead-save");
        editor.label("待核实");
        editor.click("#lead-result-genuine");
        editor.click("#lead-verify");
        editor.shown("#lead-accept");
        editor.click("#lead-consent-way-signed-registration");
        editor.click("#lead-accept");
        LeadEditorRobot.waitUntil(() -> !editor.text("#lead-case-number").isEmpty());
        session("双方各自陈述诉求", 1);
        session("双方就维修费用达成一致", 2);
        editor.click("#lead-close-outcome-resolved");
        editor.click("#lead-close-agreement-form-written");
        editor.type("#lead-close-agreement-facts", "楼上住户家中漏水致楼下天花板受损");
        editor.type("#lead-close-agreement-issues", "维修费用由谁承担");
        editor.type("#lead-close-agreement-terms", "楼上住户承担维修费用");
        editor.click("#lead-close");
        editor.label("调解成功");
        editor.type("#lead-follow-up-party", "张某");
        editor.click("#lead-follow-up-way-visit");
        editor.click("#lead-follow-up-performance-performed");
        editor.click("#lead-follow-up-add");
        LeadEditorRobot.waitUntil(() -> entries("#lead-follow-ups") == 1);
        editor.click("#lead-close-window");
        LeadEditorRobot.waitUntil(() -> robot.lookup("#lead-committee").tryQuery().isEmpty());

        LeadEditorRobot.waitUntil(() -> count() == listed + 1);
        navigate("首页");
        LeadEditorRobot.waitUntil(() -> figure("LEADS") == leads + 1);
        assertThat(figure("LEADS")).isEqualTo(leads + 1);
        assertThat(figure("ACCEPTED")).isEqualTo(accepted + 1);
        assertThat(figure("RESOLVED")).isEqualTo(resolved + 1);
        navigate("线索台账");
        assertThat(count()).isEqualTo(listed + 1);
    }

    /**
     * One lead of this year already, so that the dashboard shows this year (a year without leads it
     * skips for the latest year with some) and the new lead is counted where it is looked for.
     */
    private static void reportedToday(Path location) {
        try (Database database = Database.open(DatabaseLocation.parse(location.toString()), false)) {
            Clock clock = Clock.systemDefaultZone(); // the application's own clock
            long committee = database.read(tx -> tx.organization().committees().getFirst().id());
            long community = database.read(tx -> tx.organization().communities().getFirst().id());
            User admin = new UserService(database, clock, DesktopFxSupport.QUICK).authenticate(DesktopFxSupport.ADMIN,
                    DesktopFxSupport.PASSWORD);
            new LifecycleService(database, clock, admin).register(new NewLead(committee, community, null, null,
                    LocalDate.now(clock), "SCREENING", "NEIGHBOR", "今年早些时候登记的线索", null, null, null, false, false,
                    List.of()));
        }
    }

    private void session(String notes, int expected) throws TimeoutException {
        editor.type("#lead-session-notes", notes);
        editor.type("#lead-session-matter", "漏水纠纷调解");
        editor.type("#lead-session-recorder", "王调解");
        editor.click("#lead-session-add");
        LeadEditorRobot.waitUntil(() -> entries("#lead-sessions") == expected);
    }

    /** How many entries a list of the editor shows (its placeholder line is no entry). */
    private int entries(String query) {
        return (int) robot.lookup(query).queryParent().getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("lead-entry")).count();
    }

    private void navigate(String entry) throws TimeoutException {
        LeadEditorRobot.waitUntil(() -> navigationCell(entry) != null);
        robot.clickOn(navigationCell(entry));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node navigationCell(String text) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> cell && text.equals(cell.getText()) && n.isVisible())
                .tryQuery().orElse(null);
    }

    /** A figure of the dashboard, once it has been counted. */
    private int figure(String name) throws TimeoutException {
        String query = "#dashboard-figure-" + name;
        LeadEditorRobot.waitUntil(() -> robot.lookup(query).tryQuery().map(n -> ((Label) n).getText())
                .filter(t -> t.matches("\\d+")).isPresent());
        return Integer.parseInt(robot.lookup(query).queryAs(Label.class).getText());
    }

    /** The ledger's "共 N 条", once it has been counted. */
    private int count() throws TimeoutException {
        LeadEditorRobot.waitUntil(() -> robot.lookup("#ledger-count").tryQuery()
                .map(n -> NUMBER.matcher(((Label) n).getText()).find()).orElse(false));
        Matcher m = NUMBER.matcher(robot.lookup("#ledger-count").queryAs(Label.class).getText());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
