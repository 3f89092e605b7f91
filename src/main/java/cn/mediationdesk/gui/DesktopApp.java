package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.PreferencesLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * The door from the launcher into the window. Deliberately not the class with {@code main}:
 * a launcher that is not an {@link Application} lets the JavaFX classes load from the class path
 * of a plain jar.
 */
public final class DesktopApp {
    private DesktopApp() {
    }

    /**
     * Opens the window and returns when it has been closed. Call once per process.
     *
     * @param dbLocationOrNull a database file path or JDBC URL (as {@code --db} takes it), or
     *                         {@code null} for the per-user data folder of DESIGN §7
     * @param args             passed on to JavaFX as the application's parameters
     */
    public static void launch(String dbLocationOrNull, String[] args) {
        MediationDeskApplication.requestLocation(dbLocationOrNull);
        Thread readAhead = new Thread(DesktopApp::readAhead, "read-ahead");
        readAhead.setDaemon(true);
        readAhead.start();
        Application.launch(MediationDeskApplication.class, args == null ? new String[0] : args);
    }

    /**
     * While this thread starts the toolkit, another prepares what the first screen then asks for:
     * logging, the preferences (an XML file on Linux, whose parser alone is over a hundred classes)
     * and the texts of the language last chosen. Both cores work instead of one; all three are
     * cached by the JDK and logback, so the window finds them ready.
     */
    private static void readAhead() {
        try {
            LoggerFactory.getLogger(DesktopApp.class);
            PreferencesLanguagePreference.ofThisUser().lastChoice().map(Localization::new)
                    .orElseGet(Localization::forDefaultLocale);
        } catch (RuntimeException e) {
            // The window reads the same again and reports what fails there.
        }
    }
}
