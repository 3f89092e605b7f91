package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.security.OwnerOnlyFiles;
import cn.mediationdesk.logic.security.SettingsFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What keeps the audit trail honest from outside the database, in {@code <settings>/audit/}: a
 * secret key per chain ({@code <chain>.key}, 32 random bytes as hex, readable by the owner only)
 * that seals every entry, and the chain's head ({@code <chain>.head}) as of the last commit.
 * Whoever holds only the database file can neither re-seal a rewritten log nor hide a lost tail.
 *
 * <p>A database moved to another PC finds no key there; that PC makes its own, and its entries
 * carry its key's id. Entries sealed under a key this PC does not hold cannot be checked here.
 */
public final class AuditSeal {
    private static final String KEY_SUFFIX = ".key";
    private static final String HEAD_SUFFIX = ".head";

    private final Path folder;
    private final Map<UUID, Key> keys = new ConcurrentHashMap<>();

    /** @param settingsFolder the settings folder; the seal keeps its files in its {@code audit} sub-folder */
    public AuditSeal(Path settingsFolder) {
        this.folder = settingsFolder.resolve("audit");
    }

    /** The seal of this process's settings folder ({@link SettingsFolder#current()}). */
    public static AuditSeal inSettingsFolder() {
        return new AuditSeal(SettingsFolder.current());
    }

    /** Where the keys and heads are. */
    public Path folder() {
        return folder;
    }

    /** A chain key. Its id is the first 16 hex digits of the key's SHA-256: it names the key, never reveals it. */
    public static final class Key {
        private final String id;
        private final byte[] secret;

        private Key(byte[] secret) {
            this.id = Digests.sha256(secret).substring(0, 16);
            this.secret = secret.clone();
        }

        static Key of(byte[] secret) {
            return new Key(secret);
        }

        public String id() {
            return id;
        }

        /** HMAC-SHA256 of {@code text} under this key, as hex. */
        public String mac(String text) {
            return Digests.hmac(secret, text);
        }
    }

    /** This PC's key for a chain, made (and kept) on first use. */
    public Key keyFor(UUID chainId) {
        return keys.computeIfAbsent(chainId, this::loadOrCreate);
    }

    private Key loadOrCreate(UUID chainId) {
        Path file = folder.resolve(chainId + KEY_SUFFIX);
        try {
            Optional<Key> existing = readKey(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            OwnerOnlyFiles.createFolder(folder);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                OwnerOnlyFiles.writeNew(file, HexFormat.of().formatHex(secret));
                return Key.of(secret);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs, so one chain has one key per PC
                return readKey(file).orElseThrow(() -> new IllegalStateException("unreadable audit key " + file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Key> readKey(Path file) throws IOException {
        try {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Optional.of(Key.of(HexFormat.of().parseHex(hex)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new IOException("not an audit key: " + file, e);
        }
    }

    /** Every key in the folder by its id: the verifier checks each entry sealed under one of them. */
    public Map<String, Key> knownKeys() {
        Map<String, Key> known = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return known;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(KEY_SUFFIX)).toList()) {
                try {
                    readKey(file).ifPresent(key -> known.put(key.id(), key));
                } catch (IOException e) {
                    // a damaged key file checks nothing; the entries it sealed are reported as unchecked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }

    /** The head this PC last recorded for a chain, if any (and if the file is readable as one). */
    public Optional<AuditHead> head(UUID chainId) {
        return readHead(folder.resolve(chainId + HEAD_SUFFIX));
    }

    /** Reads a head file written by {@link #exportHead}; empty when there is none or it is not a head. */
    public static Optional<AuditHead> readHead(Path file) {
        try {
            return AuditHead.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .filter(head -> head.chainId() != null);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records a chain's head after a commit. Heads only move forward: when two transactions commit
     * close together, the one that finishes writing last must not put back an older head.
     */
    public synchronized void recordHead(AuditHead head) {
        Optional<AuditHead> current = head(head.chainId());
        if (current.isEmpty() || current.get().seq() < head.seq()) {
            exportHead(head, folder.resolve(head.chainId() + HEAD_SUFFIX));
        }
    }

    /** Replaces the recorded head whatever it was: for a restore, which legitimately goes back. */
    public synchronized void resetHead(AuditHead head) {
        exportHead(head, folder.resolve(head.chainId() + HEAD_SUFFIX));
    }

    /** Writes a head to {@code file} atomically (a temporary file moved into place), e.g. beside a backup. */
    public static void exportHead(AuditHead head, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(temp, head.toText(), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
