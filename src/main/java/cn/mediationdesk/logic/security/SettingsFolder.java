package cn.mediationdesk.logic.security;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-user settings folder, kept apart from the database and its backups (it holds the keys
 * that open them): {@code %LOCALAPPDATA%\MediationDesk\settings} on Windows (never roaming, never in
 * the data folder), {@code $XDG_CONFIG_HOME/mediationdesk} or {@code ~/.config/mediationdesk} elsewhere.
 * The system property {@value #PROPERTY} overrides it (tests always point it at a temporary folder).
 */
public final class SettingsFolder {
    public static final String PROPERTY = "mediationdesk.settings";

    private SettingsFolder() {
    }

    /** The folder this process uses: the system property's if set, else the default. */
    public static Path current() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override.strip()).toAbsolutePath().normalize();
        }
        return defaultFolder();
    }

    static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String localAppData = System.getenv("LOCALAPPDATA");
        if (os.contains("win") && localAppData != null) {
            return Path.of(localAppData, "MediationDesk", "settings");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("mediationdesk");
    }
}
