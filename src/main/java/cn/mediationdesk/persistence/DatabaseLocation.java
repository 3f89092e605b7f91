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

    /**
     * A database server's URL, with the password to sign in with when it is not in the URL itself.
     *
     * @param login null: the URL says everything (or the server asks for nothing)
     */
    record Url(String jdbcUrl, Login login) implements DatabaseLocation {
        public Url(String jdbcUrl) {
            this(jdbcUrl, null);
        }

        public boolean isPostgres() {
            return jdbcUrl.startsWith("jdbc:postgresql:");
        }

        /** An H2 server ({@code jdbc:h2:tcp:} or {@code jdbc:h2:ssl:}), such as one that {@code serve} starts. */
        public boolean isH2Server() {
            return jdbcUrl.regionMatches(true, 0, "jdbc:h2:tcp:", 0, 12)
                    || jdbcUrl.regionMatches(true, 0, "jdbc:h2:ssl:", 0, 12);
        }

        /**
         * This URL signed into with {@code password}: for an H2 server a password that {@code serve}
         * printed is split as H2 needs (the LAN account; the file key, with {@code CIPHER=AES}); any
         * other password is given as it is, to the URL's own user.
         */
        public Url withPassword(String password) {
            if (password == null || password.isEmpty()) {
                return new Url(jdbcUrl, null);
            }
            if (isH2Server()) {
                var shared = cn.mediationdesk.logic.share.SharePassword.parse(password);
                if (shared.isPresent()) {
                    return new Url(jdbcUrl, new Login(cn.mediationdesk.logic.share.SharePassword.ACCOUNT,
                            shared.get().h2Password(), shared.get().fileKey().isPresent()));
                }
            }
            return new Url(jdbcUrl, new Login(null, password, false));
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String display() {
            return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }

        @Override
        public String toString() {
            return "Url[" + display() + (login == null ? "" : ", " + login) + "]";
        }
    }

    /**
     * Who signs in to a server.
     *
     * @param user          null: the URL's own (H2's {@code sa} when it names none)
     * @param encryptedFile whether the server's file is encrypted, so the client must say {@code CIPHER=AES}
     */
    record Login(String user, String password, boolean encryptedFile) {
        @Override
        public String toString() {
            return "Login[" + user + ", ****]";
        }
    }
}
