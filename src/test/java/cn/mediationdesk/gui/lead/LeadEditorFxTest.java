package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.PrimerLight;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.FxTaskExecutor;
import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.persistence.Database;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead editor's real window (headless), driven as a mediator would: a new lead is carried from
 * registration to a follow-up visit, and the tally engine's counts move by exactly one lead; rules
 * broken on the way are shown beside their fields.
 */
class LeadEditorFxTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    private static final String VALID_ID = "11010519491231001" + PartyRules.checkCharacter("11010519491231001");
    private static final String BAD_ID = VALID_ID.substring(0, 17) + (VALID_ID.charAt(17) == '1' ? '2' : '1');

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final LedgerEvents events = new LedgerEvents();
    private Database database;
    private FxTaskExecutor executor;
    private LeadEditorWindows windows;
    private Stage stage;
    private LeadEditorViewModel editor;

    @BeforeEach
    void openANewLead() throws TimeoutException {
        database = GuiTestData.createDatabase(dir.resolve("db"));
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        Clock clock = GuiTestData.clockOn(TODAY);
        Localization l10n = new Localization(Localization.CHINESE);
        LeadEditorContext context = new LeadEditorContext(new LifecycleService(database, clock, "fx-test"), database,
                l10n, clock, executor, events);
        robot.interact(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            windows = new LeadEditorWindows(null, context);
            windows.openNew();
            stage = windows.windows().getFirst();
            editor = windows.viewModelOf(stage);
            stage.requestFocus(); // a headless stage takes no typing before it has the focus
        });
        waitUntil(() -> editor.loadedProperty().get());
    }

    @AfterEach
    void closeEverything() throws TimeoutException {
        if (windows != null) {
            robot.interact(() -> windows.windows().forEach(Stage::close));
        }
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.shutdown();
        }
        database.close();
    }

    @Test
    void aNewLeadCarriedToAFollowUpMovesTheTalliesByExactlyOne() throws TimeoutException {
        TallyService tally = new TallyService(database);
        TallyQuery year = TallyQuery.of(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1), TODAY, TODAY);
        TallyCounts before = tally.summarize(year).total().counts();

        fillBasicFacts("2022-12-01");
        click("#lead-party-add");
        type("#lead-party-0-name", "张某");
        type("#lead-party-0-id-number", VALID_ID);
        click("#lead-party-add");
        type("#lead-party-1-name", "李某");
        click("#lead-save");
        waitUntil(() -> editor.registeredProperty().get());
        assertThat(text("#lead-state")).isEqualTo("待核实");
        assertThat(text("#lead-title")).isEqualTo("2022-12-01 发现的线索");

        click("#lead-result-genuine");
        typeDate("#lead-verified-on", "2022-12-02");
        click("#lead-verify");
        waitUntil(() -> editor.genuineProperty().get());

        assertThat(editor.acceptance().acceptedOnProperty().get()).as("the verification day").isEqualTo("2022-12-02");
        click("#lead-accept");
        waitUntil(() -> editor.acceptedProperty().get());
        assertThat(text("#lead-case-number")).startsWith("(2022)金宝人调字第").endsWith("号");
        assertThat(text("#lead-title")).isEqualTo(text("#lead-case-number"));

        recordSession("2022-12-05", "双方各自陈述诉求");
        recordSession("2022-12-09", "双方就维修费用达成一致");
        assertThat(editor.sessions().sessions()).hasSize(2);

        click("#lead-close-outcome-resolved");
        typeDate("#lead-close-closed-on", "2022-12-10");
        click("#lead-close-agreement-form-written");
        type("#lead-close-agreement-terms", "楼上住户承担维修费用");
        click("#lead-close");
        waitUntil(() -> editor.resolvedProperty().get());
        assertThat(text("#lead-state")).isEqualTo("调解成功");

        typeDate("#lead-follow-up-on", "2022-12-20");
        click("#lead-follow-up-performance-performed");
        click("#lead-follow-up-add");
        waitUntil(() -> editor.followUps().followUps().size() == 1);
        assertThat(editor.dirtyProperty().get()).isFalse();

        var lead = editor.fileProperty().get();
        assertThat(lead.lead().stateOn(TODAY)).isEqualTo(LeadState.RESOLVED);
        assertThat(lead.agreement()).hasValueSatisfying(a -> assertThat(a.form()).isEqualTo(AgreementForm.WRITTEN));
        assertThat(lead.lead().outcome()).isEqualTo(Outcome.RESOLVED);
        TallyCounts after = tally.summarize(year).total().counts();
        assertThat(after.leads()).isEqualTo(before.leads() + 1);
        assertThat(after.accepted()).isEqualTo(before.accepted() + 1);
        assertThat(after.resolved()).isEqualTo(before.resolved() + 1);
        assertThat(after.pending()).isEqualTo(before.pending());
        assertThat(after.mediating()).isEqualTo(before.mediating());
        assertThat(events.changesProperty().get()).as("every save was announced").isEqualTo(7);
    }

    @Test
    void aBadIdNumberAndABadDateAreShownBesideTheirFields() throws TimeoutException {
        fillBasicFacts("2023-01-05");
        click("#lead-party-add");
        type("#lead-party-0-name", "张某");
        type("#lead-party-0-id-number", BAD_ID);
        click("#lead-summary"); // leaving the row checks it

        Label idMessage = visibleLabel("身份证号码“" + BAD_ID + "”无效（须为 18 位，出生日期和校验码正确）");
        Node idField = robot.lookup("#lead-party-0-id-number").query();
        assertThat(GridPane.getColumnIndex(idMessage)).isEqualTo(GridPane.getColumnIndex(idField));
        assertThat(GridPane.getRowIndex(idMessage)).isEqualTo(GridPane.getRowIndex(idField) + 1);

        click("#lead-save");
        waitUntil(() -> !editor.busyProperty().get() && !editor.statusProperty().get().isEmpty());
        assertThat(editor.registeredProperty().get()).isFalse();
        assertThat(visibleLabel("请改正当事人中标红的内容")).isNotNull();

        // With the party right, the date is the service's to reject: beside the date.
        type("#lead-party-0-id-number", VALID_ID);
        click("#lead-save");
        Label dateMessage = waitForLabel("日期 2023-01-05 晚于今天（2022-12-31）");
        assertThat(dateMessage.getParent()).isSameAs(fieldOf("#lead-found-on"));
        assertThat(editor.registeredProperty().get()).isFalse();

        typeDate("#lead-found-on", "2022年13月1日");
        click("#lead-save");
        Label notADate = waitForLabel("“2022年13月1日”不是有效日期（可写作 2022-03-05、2022/3/5 或 2022年3月5日）");
        assertThat(notADate.getParent()).isSameAs(fieldOf("#lead-found-on"));
        assertThat(robot.lookup("#lead-found-on").queryAs(TextInputControl.class).getText())
                .as("what was typed stays").isEqualTo("2022年13月1日");

        typeDate("#lead-found-on", "2022/12/1");
        click("#lead-save");
        waitUntil(() -> editor.registeredProperty().get());
        long leads = database.read(tx -> tx.leads().count());
        assertThat(leads).isEqualTo(11);
        assertThat(robot.lookup("#lead-party-0-id-number").queryAs(TextInputControl.class).getText())
                .as("masked once saved").isEqualTo("110***********" + VALID_ID.substring(14));
    }

    // ---- driving the window ----

    private void fillBasicFacts(String foundOn) throws TimeoutException {
        choose("#lead-committee", "金宝新区人民调解委员会");
        choose("#lead-community", "金宝社区");
        typeDate("#lead-found-on", foundOn);
        choose("#lead-source", "群众来访");
        choose("#lead-type", "邻里");
        type("#lead-summary", "楼上漏水殃及楼下住户");
    }

    private void recordSession(String day, String notes) throws TimeoutException {
        int count = editor.sessions().sessions().size();
        typeDate("#lead-session-on", day);
        type("#lead-session-place", "社区调解室");
        type("#lead-session-notes", notes);
        click("#lead-session-add");
        waitUntil(() -> editor.sessions().sessions().size() == count + 1);
    }

    private void choose(String query, String item) throws TimeoutException {
        click(query);
        waitUntil(() -> listCell(item).tryQuery().isPresent());
        Node cell = listCell(item).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private org.testfx.service.query.NodeQuery listCell(String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> cell && text.equals(cell.getText())
                && n.isVisible());
    }

    private void click(String query) throws TimeoutException {
        Node node = shown(query);
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a field, typing as a user would. */
    private void type(String query, String text) throws TimeoutException {
        Node node = shown(query);
        TextInputControl field = (TextInputControl) node;
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeDate(String query, String text) throws TimeoutException {
        type(query, text);
    }

    /** The form field (label, input, message) that an input belongs to. */
    private Node fieldOf(String query) {
        Node input = robot.lookup(query).query();
        return input.getParent() instanceof javafx.scene.layout.HBox row ? row.getParent() : input.getParent();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The node, once it is showing, scrolled into the window's view. */
    private Node shown(String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).tryQuery().filter(n -> n.isVisible() && n.getScene() != null).isPresent());
        Node node = robot.lookup(query).query();
        robot.interact(() -> reveal(node));
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    private void reveal(Node node) {
        ScrollPane scroll = robot.lookup("#lead-scroll").queryAs(ScrollPane.class);
        Node content = scroll.getContent();
        if (!isInside(node, content)) {
            return; // the banner and the bottom bar do not scroll
        }
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (room > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (bounds.getMinY() - 60) / room)));
        }
        scroll.layout();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private Label visibleLabel(String text) {
        return robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText()) && n.isVisible())
                .queryAs(Label.class);
    }

    private Label waitForLabel(String text) throws TimeoutException {
        waitUntil(() -> robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText())
                && n.isVisible()).tryQuery().isPresent());
        return visibleLabel(text);
    }

    /** Waits for what the window is to show; a condition, not a time, decides. */
    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
