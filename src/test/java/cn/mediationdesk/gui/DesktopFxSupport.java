package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.LanguagePreference;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseThreads;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the real application window (headless, under Monocle) on a folder of the test's own, with
 * in-memory language preferences and a quick bcrypt, and drives it the way a user would.
 */
final class DesktopFxSupport {
    static final String ADMIN = "wangfang";
    static final String ADMIN_NAME = "王芳";
    static final String PASSWORD = "jinbao2022";
    /** The lowest bcrypt cost: the same rules, without a quarter second per hash. */
    static final PasswordHasher QUICK = new PasswordHasher(4);

    private final FxRobot robot = new FxRobot();
    private Application application;

    /** A database as a later start finds it: {@link GuiTestData}'s jurisdiction with an administrator. */
    static void sampleWithAdministrator(Path location) {
        try (Database database = GuiTestData.createDatabase(location)) {
            new UserService(database, GuiTestData.clockOn(LocalDate.of(2023, 3, 1)), QUICK)
                    .createFirstAdmin(ADMIN, ADMIN_NAME, PASSWORD);
        }
    }

    FxRobot start(Path location, LanguagePreference languages) throws TimeoutException {
        DatabaseThreads.clear();
        Stage stage = FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new MediationDeskApplication(location.toString(), languages, QUICK));
        robot.interact(stage::requestFocus); // a headless stage takes no typing before it has the focus
        return robot;
    }

    /**
     * Closes the window, then fails if the window did database work on its event thread meanwhile:
     * every test that drives the real window checks this, whatever it drove.
     */
    void stop() throws TimeoutException {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
            FxToolkit.cleanupStages();
            assertNoDatabaseWorkOnTheFxThread();
        }
    }

    static void assertNoDatabaseWorkOnTheFxThread() {
        List<IllegalStateException> violations = DatabaseThreads.violations();
        DatabaseThreads.clear();
        if (!violations.isEmpty()) {
            AssertionError failure = new AssertionError(violations.size()
                    + " database call(s) on the JavaFX application thread; the first is the cause");
            failure.initCause(violations.getFirst());
            violations.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** Waits (without asserting anything about time) until the window shows what {@code condition} looks for. */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    Optional<Node> find(String query) {
        return robot.lookup(query).tryQuery();
    }

    /** The labelled control (label, button, list cell …) showing exactly {@code text}, if one is showing. */
    Optional<Labeled> labelled(String text) {
        return robot.lookup((Node node) -> node instanceof Labeled labeled && text.equals(labeled.getText())
                && node.isVisible() && node.getScene() != null).tryQuery();
    }

    void waitFor(String query) throws TimeoutException {
        waitUntil(() -> find(query).isPresent());
    }

    void type(String query, String text) throws TimeoutException {
        waitFor(query);
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.write(text);
    }

    void click(String query) throws TimeoutException {
        waitFor(query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    FxRobot robot() {
        return robot;
    }
}
