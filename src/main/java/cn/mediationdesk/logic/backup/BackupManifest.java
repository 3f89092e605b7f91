package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.audit.AuditHead;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * What a backup says about itself, in {@value #ENTRY} beside the database file in the archive: when
 * and why it was made, the schema version, and the audit chain's head at that moment (the restore
 * checks the chain against it). It is the one thing of a backup in clear, so it holds nothing of
 * the data: no names, no counts.
 *
 * @param auditHead the chain's head as the backup was taken; null before the first audit entry
 */
public record BackupManifest(Instant madeAt, BackupKind kind, String schemaVersion, boolean encrypted,
                             String appVersion, AuditHead auditHead) {
    public static final String ENTRY = "mediationdesk-backup.properties";
    private static final String FORMAT = "1";

    public String toText() {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("madeAt", madeAt.toString());
        properties.setProperty("kind", kind.code());
        properties.setProperty("schemaVersion", schemaVersion);
        properties.setProperty("encrypted", Boolean.toString(encrypted));
        properties.setProperty("appVersion", appVersion == null ? "" : appVersion);
        if (auditHead != null) {
            properties.setProperty("auditChain", auditHead.chainId().toString());
            properties.setProperty("auditSeq", Long.toString(auditHead.seq()));
            properties.setProperty("auditHash", auditHead.hash());
            properties.setProperty("auditKey", auditHead.keyId());
            properties.setProperty("auditMac", auditHead.mac());
        }
        // The byte-stream form writes everything beyond Latin-1 as Unicode escapes: the file reads the same anywhere.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            properties.store(bytes, "MediationDesk backup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads {@link #toText()}'s form; empty when the text is not a manifest this version understands. */
    public static Optional<BackupManifest> parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
            if (!FORMAT.equals(properties.getProperty("format"))) {
                return Optional.empty();
            }
            AuditHead head = null;
            if (properties.getProperty("auditChain") != null) {
                head = AuditHead.parse("chain=" + properties.getProperty("auditChain")
                        + "\nseq=" + properties.getProperty("auditSeq")
                        + "\nhash=" + properties.getProperty("auditHash")
                        + "\nkey=" + properties.getProperty("auditKey")
                        + "\nmac=" + properties.getProperty("auditMac")).orElse(null);
            }
            return Optional.of(new BackupManifest(Instant.parse(properties.getProperty("madeAt")),
                    BackupKind.of(properties.getProperty("kind")).orElse(BackupKind.MANUAL),
                    properties.getProperty("schemaVersion", ""), Boolean.parseBoolean(properties.getProperty("encrypted")),
                    properties.getProperty("appVersion", ""), head));
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
