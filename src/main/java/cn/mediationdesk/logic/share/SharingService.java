package cn.mediationdesk.logic.share;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.security.OwnerOnlyFiles;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Hosts this PC's embedded database for the other PCs of the office (DESIGN §7, "shared on a LAN"):
 * H2's TCP server, signed into with a database account of its own whose password is generated once
 * and kept beside the file keys (so the other PCs' saved connections keep working across restarts)
 * until an administrator asks for a new one. Never H2's {@code sa} with an empty password.
 * Administrators only; starting and changing the password are on the audit trail.
 */
public final class SharingService {
    public static final int DEFAULT_PORT = 9092;

    /** A running server, and what the other PCs type to reach it. */
    public record Sharing(LanServer server, SharePassword password, List<String> connectionStrings) {
    }

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final Path settingsFolder;

    public SharingService(Store store, Clock clock, User actor, Path settingsFolder) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
        this.settingsFolder = settingsFolder;
    }

    public static SharingService onThisPc(Store store, Clock clock, User actor) {
        return new SharingService(store, clock, actor, SettingsFolder.current());
    }

    /** Whether this database can be served from here: an embedded file can, a server database is shared already. */
    public boolean possible() {
        return store.embeddedFile().isPresent();
    }

    /** Starts serving on {@code port}, with the kept password (one is made the first time). */
    public Sharing start(int port) {
        requireEmbedded();
        if (port < 1 || port > 65535) {
            throw new ValidationException(Problem.of(Field.DATABASE, "share.badPort", port));
        }
        String admin = store.read(tx -> Access.requireAdmin(tx, actor)).username();
        String account = keptAccountPassword().orElseGet(() -> {
            String made = SharePassword.newAccountPassword();
            keep(made);
            return made;
        });
        store.setLanAccount(account);
        LanServer server = store.serveOnLan(port);
        try {
            store.write(tx -> {
                AuditTrail.onThisPc(clock).event(tx, admin, AuditAction.LAN_SHARE_START, AuditTrail.DATABASE, null,
                        null, null, "port " + port);
                return null;
            });
        } catch (RuntimeException e) {
            server.close(); // serving that is not on the trail does not happen
            throw e;
        }
        return new Sharing(server, password(account), LanAddresses.ofThisPc().stream()
                .map(host -> LanAddresses.connectionString(host, port)).toList());
    }

    /**
     * A new password for the LAN account, effective at once (a running server included): the other
     * PCs must be given it again. For a password that may have leaked, or a PC that should no longer connect.
     */
    public SharePassword newPassword() {
        requireEmbedded();
        String account = SharePassword.newAccountPassword();
        store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            AuditTrail.onThisPc(clock).event(tx, admin.username(), AuditAction.LAN_SHARE_PASSWORD,
                    AuditTrail.DATABASE, null, null, null, null);
            return null;
        });
        store.setLanAccount(account);
        keep(account);
        return password(account);
    }

    /** The password the other PCs type, as kept; empty before the database was first shared. */
    public Optional<SharePassword> currentPassword() {
        requireEmbedded();
        store.read(tx -> Access.requireAdmin(tx, actor));
        return keptAccountPassword().map(this::password);
    }

    private SharePassword password(String account) {
        return new SharePassword(account, store.fileKey());
    }

    private void requireEmbedded() {
        if (!possible()) {
            throw new ValidationException(Problem.of(Field.DATABASE, "share.serverDatabase"));
        }
    }

    private Optional<String> keptAccountPassword() {
        try {
            String text = Files.readString(accountFile(), StandardCharsets.US_ASCII).strip();
            return text.matches("[" + SharePassword.ALPHABET + "]{" + SharePassword.ACCOUNT_LENGTH + "}")
                    ? Optional.of(text) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keep(String account) {
        try {
            OwnerOnlyFiles.createFolder(settingsFolder);
            OwnerOnlyFiles.createFolder(accountFile().getParent());
            OwnerOnlyFiles.replace(accountFile(), account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Beside the file keys, named after the database: by its key when it is encrypted (so a moved file
     * keeps its password), else by its path.
     */
    private Path accountFile() {
        byte[] id = store.fileKey().map(key -> key.derive("lan-account"))
                .orElseGet(() -> sha256(store.embeddedFile().orElseThrow().toAbsolutePath().toString()));
        return settingsFolder.resolve("keys").resolve("lan-" + HexFormat.of().formatHex(id, 0, 8) + ".account");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
