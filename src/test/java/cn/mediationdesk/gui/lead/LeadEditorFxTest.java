package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.User;
import atlantafx.base.theme.PrimerLight;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.FxTaskExecutor;
import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.persistence.Database;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
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
    private final LeadEditorRobot ui = new LeadEditorRobot(robot);
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
        LeadEditorContext context = new LeadEditorContext(new LifecycleService(database, clock, User.setup()), database,
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

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        LeadEditorRobot.waitUntil(condition);
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

        ui.fillBasicFacts("2022-12-01", "楼上漏水殃及楼下住户");
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
        type("#lead-verified-on", "2022-12-02");
        click("#lead-verify");
        waitUntil(() -> editor.genuineProperty().get());

        assertThat(editor.acceptance().acceptedOnProperty().get()).as("the verification day").isEqualTo("2022-12-02");
        click("#lead-consent-way-signed-registration");
        click("#lead-accept");
        waitUntil(() -> editor.acceptedProperty().get());
        assertThat(text("#lead-case-number")).startsWith("(2022)金宝人调字第").endsWith("号");
        assertThat(text("#lead-title")).isEqualTo(text("#lead-case-number"));

        recordSession("2022-12-05", "双方各自陈述诉求");
        recordSession("2022-12-09", "双方就维修费用达成一致");
        assertThat(editor.sessions().sessions()).hasSize(2);

        click("#lead-close-outcome-resolved");
        type("#lead-close-closed-on", "2022-12-10");
        click("#lead-close-agreement-form-written");
        type("#lead-close-agreement-facts", "楼上住户家中漏水致楼下天花板受损");
        type("#lead-close-agreement-issues", "维修费用由谁承担");
        type("#lead-close-agreement-terms", "楼上住户承担维修费用");
        click("#lead-close");
        waitUntil(() -> editor.resolvedProperty().get());
        assertThat(text("#lead-state")).isEqualTo("调解成功");

        type("#lead-follow-up-on", "2022-12-20");
        type("#lead-follow-up-party", "张某");
        click("#lead-follow-up-way-visit");
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
        ui.fillBasicFacts("2023-01-05", "楼上漏水殃及楼下住户");
        click("#lead-party-add");
        type("#lead-party-0-name", "张某");
        type("#lead-party-0-id-number", BAD_ID);
        click("#lead-summary"); // leaving the row checks it

        Label idMessage = ui.label("身份证号码“" + BAD_ID + "”无效（须为 18 位，出生日期和校验码正确）");
        Node idField = robot.lookup("#lead-party-0-id-number").query();
        assertThat(GridPane.getColumnIndex(idMessage)).isEqualTo(GridPane.getColumnIndex(idField));
        assertThat(GridPane.getRowIndex(idMessage)).isEqualTo(GridPane.getRowIndex(idField) + 1);

        click("#lead-save");
        waitUntil(() -> !editor.busyProperty().get() && !editor.statusProperty().get().isEmpty());
        assertThat(editor.registeredProperty().get()).isFalse();
        assertThat(ui.label("请改正当事人中标红的内容")).isNotNull();

        // With the party right, the date is the service's to reject: beside the date.
        type("#lead-party-0-id-number", VALID_ID);
        click("#lead-save");
        Label dateMessage = ui.label("日期 2023-01-05 晚于今天（2022-12-31）");
        assertThat(dateMessage.getParent()).isSameAs(ui.fieldOf("#lead-found-on"));
        assertThat(editor.registeredProperty().get()).isFalse();

        type("#lead-found-on", "2022年13月1日");
        click("#lead-save");
        Label notADate = ui.label("“2022年13月1日”不是有效日期（可写作 2022-03-05、2022/3/5 或 2022年3月5日）");
        assertThat(notADate.getParent()).isSameAs(ui.fieldOf("#lead-found-on"));
        assertThat(robot.lookup("#lead-found-on").queryAs(TextInputControl.class).getText())
                .as("what was typed stays").isEqualTo("2022年13月1日");

        type("#lead-found-on", "2022/12/1");
        click("#lead-save");
        waitUntil(() -> editor.registeredProperty().get());
        long leads = database.read(tx -> tx.leads().count());
        assertThat(leads).isEqualTo(11);
        assertThat(robot.lookup("#lead-party-0-id-number").queryAs(TextInputControl.class).getText())
                .as("masked once saved").isEqualTo("110***********" + VALID_ID.substring(14));
    }

    @Test
    void requiredFieldsAreMarkedBeforeTheFirstSaveAndAMessageGoesOnceTheFieldIsFilledIn() throws TimeoutException {
        for (String required : new String[] {"#lead-committee", "#lead-community", "#lead-found-on", "#lead-source",
                "#lead-type", "#lead-summary"}) {
            Label caption = (Label) ((javafx.scene.Parent) ui.fieldOf(required)).getChildrenUnmodifiable().getFirst();
            assertThat(caption.getStyleClass()).as(required).contains("required");
            assertThat(((Label) caption.getGraphic()).getText()).isEqualTo("*");
        }
        Label optional = (Label) ((javafx.scene.Parent) ui.fieldOf("#lead-lead-no")).getChildrenUnmodifiable().getFirst();
        assertThat(optional.getStyleClass()).doesNotContain("required");

        ui.fillBasicFacts("2022-12-01", "");
        click("#lead-save");
        Label missing = ui.label("必须填写");
        assertThat(missing.getParent()).isSameAs(ui.fieldOf("#lead-summary"));
        Node summary = robot.lookup("#lead-summary").query();
        assertThat(summary.getPseudoClassStates()).extracting(Object::toString).contains("danger");

        type("#lead-summary", "楼上漏水殃及楼下住户");

        assertThat(missing.isVisible()).as("gone as soon as the summary is there, before any save").isFalse();
        assertThat(summary.getPseudoClassStates()).extracting(Object::toString).doesNotContain("danger");
        assertThat(editor.registeredProperty().get()).isFalse();
    }

    @Test
    void aLeadHasOneWindowAndANewLeadsWindowBecomesItsWindowOnceRegistered() throws TimeoutException {
        ui.fillBasicFacts("2022-12-01", "楼上漏水殃及楼下住户");
        click("#lead-save");
        waitUntil(() -> editor.registeredProperty().get());
        robot.interact(() -> windows.open(editor.leadIdProperty().get()));
        assertThat(windows.windows()).containsExactly(stage);

        UUID another = new LeadSearchService(database, User.setup()).search(LeadFilter.all(TODAY), LeadSort.DEFAULT, 1, 1)
                .rows().getFirst().id();
        assertThat(another).as("a lead of the sample, not the one just registered").isNotEqualTo(editor.leadIdProperty().get());
        robot.interact(() -> windows.open(another));
        robot.interact(() -> windows.open(another));
        assertThat(windows.windows()).hasSize(2);
        assertThat(windows.viewModelOf(windows.windows().get(1)).leadIdProperty().get()).isEqualTo(another);
    }

    private void recordSession(String day, String notes) throws TimeoutException {
        int count = editor.sessions().sessions().size();
        ui.type("#lead-session-on", day);
        ui.type("#lead-session-place", "社区调解室");
        ui.type("#lead-session-notes", notes);
        ui.type("#lead-session-matter", "漏水纠纷调解");
        ui.type("#lead-session-recorder", "王调解");
        ui.click("#lead-session-add");
        waitUntil(() -> editor.sessions().sessions().size() == count + 1);
    }

    private void click(String query) throws TimeoutException {
        ui.click(query);
    }

    private void type(String query, String text) throws TimeoutException {
        ui.type(query, text);
    }

    private String text(String query) {
        return ui.text(query);
    }
}
