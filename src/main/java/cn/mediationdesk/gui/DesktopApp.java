package cn.mediationdesk.gui;

import javafx.application.Application;

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
        Application.launch(MediationDeskApplication.class, args == null ? new String[0] : args);
    }
}
