package cn.mediationdesk.logic.share;

import cn.mediationdesk.logic.security.OwnerOnlyFiles;
import cn.mediationdesk.logic.security.SettingsFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The shared database this PC connects to instead of its own, as chosen on the settings screen: its
 * connection string in {@code <settings>/shared-database}, its password beside the file keys in
 * {@code <settings>/keys/} (never in a preference), both readable by the user alone. The window opens
 * it on the next start; the command line finds the password for {@code --db} with that string.
 */
public final class SavedConnection {
    private static final String FILE = "shared-database";

    private final Path settingsFolder;

    private SavedConnection(Path settingsFolder) {
        this.settingsFolder = settingsFolder;
    }

    public static SavedConnection inSettingsFolder() {
        return in(SettingsFolder.current());
    }

    public static SavedConnection in(Path settingsFolder) {
        return new SavedConnection(settingsFolder);
    }

    /** The connection string chosen, or empty when this PC uses its own database. */
    public Optional<String> url() {
        try {
            String text = Files.readString(settingsFolder.resolve(FILE), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password kept for {@code url}, whether or not it is the one chosen now. */
    public Optional<String> passwordFor(String url) {
        try {
            return Optional.of(Files.readString(passwordFile(url), StandardCharsets.UTF_8).strip())
                    .filter(p -> !p.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chooses {@code url} for the next start, keeping its password. */
    public void choose(String url, String password) {
        try {
            OwnerOnlyFiles.createFolder(settingsFolder);
            OwnerOnlyFiles.createFolder(keysFolder());
            OwnerOnlyFiles.replace(passwordFile(url), password);
            OwnerOnlyFiles.replace(settingsFolder.resolve(FILE), url.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back to this PC's own database: the choice and the password kept for it are removed. */
    public void forget() {
        try {
            Optional<String> chosen = url();
            if (chosen.isPresent()) {
                Files.deleteIfExists(passwordFile(chosen.get()));
            }
            Files.deleteIfExists(settingsFolder.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path keysFolder() {
        return settingsFolder.resolve("keys");
    }

    /** Named by a digest of the string, so that the file name says nothing of the server. */
    private Path passwordFile(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.strip().getBytes(StandardCharsets.UTF_8));
            return keysFolder().resolve("connection-" + HexFormat.of().formatHex(digest, 0, 8) + ".password");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
