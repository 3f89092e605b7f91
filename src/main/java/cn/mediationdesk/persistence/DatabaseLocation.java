package cn.mediationdesk.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a database lives: an embedded H2 file (given as a path, with or without H2's
 * {@code .mv.db} suffix) or a JDBC URL of an H2 server or PostgreSQL.
 */
public sealed interface DatabaseLocation {
    String H2_SUFFIX = ".mv.db";

    static DatabaseLocation parse(String text) {
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return new Url(text);
        }
        String path = text.endsWith(H2_SUFFIX) ? text.substring(0, text.length() - H2_SUFFIX.length()) : text;
        return new EmbeddedFile(Path.of(path).toAbsolutePath().normalize());
    }

    /** The per-user data folder of DESIGN §7. */
    static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String appData = System.getenv("APPDATA");
        if (os.contains("win") && appData != null) {
            return Path.of(appData, "MediationDesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("mediationdesk");
    }

    static DatabaseLocation defaultLocation() {
        return new EmbeddedFile(defaultFolder().resolve("mediationdesk"));
    }

    /** Whether something is already there (always true for a server: it is asked when connecting). */
    boolean exists();

    /** For messages and the status bar: never a password. */
    String display();

    record EmbeddedFile(Path basePath) implements DatabaseLocation {
        public Path file() {
            return basePath.resolveSibling(basePath.getFileName() + H2_SUFFIX);
        }

        @Override
        public boolean exists() {
            return Files.exists(file());
        }

        @Override
        public String display() {
            return file().toString();
        }
    }

    record Url(String jdbcUrl) implements DatabaseLocation {
        public boolean isPostgres() {
            return jdbcUrl.startsWith("jdbc:postgresql:");
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String display() {
            return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }
    }
}
