package cn.mediationdesk.gui;

import cn.mediationdesk.gui.agenda.AgendaViewModel;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanService;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agenda in the real window: shown on the dashboard on start, its link leads to the agenda
 * screen, the kind filter narrows the list, and a double click opens the item's lead.
 */
class AgendaFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();
    private Path location;
    private String caseNumber;

    @BeforeEach
    void demoWithACaseTakenUpToday() {
        location = dir.resolve("mediationdesk");
        Clock clock = Clock.systemDefaultZone();
        LocalDate today = LocalDate.now(clock);
        try (Database database = Database.open(DatabaseLocation.parse(location.toString()), true)) {
            new DemoJurisdiction(database, clock).create();
            User admin = new UserService(database, clock, DesktopFxSupport.QUICK).createFirstAdmin(
                    DesktopFxSupport.ADMIN, DesktopFxSupport.ADMIN_NAME, DesktopFxSupport.PASSWORD);
            long[] org = database.read(tx -> new long[]{tx.organization().committees().getFirst().id(),
                    tx.organization().communities().getFirst().id()});
            LifecycleService lifecycle = new LifecycleService(database, clock, admin);
            Lead lead = lifecycle.register(new NewLead(org[0], org[1], null, null, today, "WALK_IN", "NEIGHBOR",
                    "两户因排水沟堵塞互相指责", 2, null, RiskLevel.BLUE, false, false,
                    List.of(new PartyInput("赵某", null, null, null, null, PartyRole.APPLICANT))));
            lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, today, null, null);
            lead = lifecycle.accept(lead.id(), lead.version(), today, List.of(),
                    new ConsentInput(today, ConsentWay.ORAL, today));
            caseNumber = lead.caseNumber().text();
            new SessionPlanService(database, clock, admin).plan(lead.id(),
                    new SessionPlanInput(today.plusDays(1), "09:30", "社区调解室", null));
        }
    }

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void theDashboardShowsTheAgendaAndItsScreenFiltersAndOpensALead() throws Exception {
        FxRobot robot = desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#dashboard-agenda-table");
        DesktopFxSupport.waitUntil(() -> table("#dashboard-agenda-table").getItems().stream()
                .anyMatch(row -> row.number().equals(caseNumber)));

        desktop.click("#dashboard-agenda-all");
        desktop.waitFor("#agenda-table");
        DesktopFxSupport.waitUntil(() -> !table("#agenda-table").getItems().isEmpty());
        assertThat(table("#agenda-table").getItems()).anyMatch(AgendaViewModel.Row::late);

        desktop.click("#agenda-kind");
        DesktopFxSupport.waitUntil(() -> robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> "安排的调解".equals(cell.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> cell) -> "安排的调解".equals(cell.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table("#agenda-table").getItems()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(caseNumber);
            assertThat(row.late()).isFalse();
        });

        int windows = robot.listWindows().size();
        // the one row with an item (the table fills its height with empty rows too)
        robot.doubleClickOn(robot.lookup("#agenda-table .table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> !row.isEmpty()).queryAs(Node.class));
        DesktopFxSupport.waitUntil(() -> robot.listWindows().size() > windows);
    }

    @SuppressWarnings("unchecked")
    private TableView<AgendaViewModel.Row> table(String query) {
        return desktop.robot().lookup(query).queryAs(TableView.class);
    }
}
