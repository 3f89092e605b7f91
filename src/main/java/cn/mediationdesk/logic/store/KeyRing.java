package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.security.OwnerOnlyFiles;
import cn.mediationdesk.logic.security.SettingsFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of this PC's encrypted database files, one file each in {@code <settings>/keys/}, named
 * by the file's id (the random salt H2 writes at the start of an encrypted file, so a file copied or
 * moved still finds its key) and readable by the user alone. The settings folder is never the
 * database folder: whoever copies the database and its backups does not get the keys with them.
 */
public final class KeyRing {
    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{16}");
    private static final String SUFFIX = ".key";

    private final Path folder;
    private final boolean encrypts;

    private KeyRing(Path folder, boolean encrypts) {
        this.folder = folder;
        this.encrypts = encrypts;
    }

    /** The key ring of this process's settings folder: new databases are encrypted. */
    public static KeyRing inSettingsFolder() {
        return in(SettingsFolder.current());
    }

    public static KeyRing in(Path settingsFolder) {
        return new KeyRing(settingsFolder.resolve("keys"), true);
    }

    /**
     * A key ring that makes new databases unencrypted and leaves unencrypted ones so: only for
     * measuring what encryption costs. It still opens encrypted files whose keys it holds.
     */
    public static KeyRing unencrypted(Path settingsFolder) {
        return new KeyRing(settingsFolder.resolve("keys"), false);
    }

    public Path folder() {
        return folder;
    }

    /** Whether new databases are encrypted, and unencrypted ones encrypted when opened. */
    public boolean encrypts() {
        return encrypts;
    }

    public Optional<DatabaseKey> find(String fileId) {
        try {
            return DatabaseKey.fromHex(Files.readString(file(fileId), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the key of a database file; a key already kept under that id is replaced. */
    public void keep(String fileId, DatabaseKey key) {
        try {
            OwnerOnlyFiles.createFolder(folder);
            OwnerOnlyFiles.replace(file(fileId), key.toHex());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the key of a file that is gone (a database whose creation failed). */
    public void forget(String fileId) {
        try {
            Files.deleteIfExists(file(fileId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String fileId) {
        if (!FILE_ID.matcher(fileId).matches()) {
            throw new IllegalArgumentException("not a database file id: " + fileId);
        }
        return folder.resolve(fileId + SUFFIX);
    }
}
