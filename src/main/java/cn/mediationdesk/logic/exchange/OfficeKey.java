package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import cn.mediationdesk.logic.files.OutputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An office's public key as it travels between offices: a small UTF-8 text file a person can
 * recognise and compare by its fingerprint (over the phone, say) before trusting it.
 */
public record OfficeKey(UUID installationId, String jurisdiction, PublicKey signing, PublicKey agreement) {
    static final String HEADER = "MediationDesk office public key (调解台账 机构公钥)";
    private static final int FILE_FORMAT = 1;
    /** A key file is a few hundred bytes: anything much larger is something else. */
    private static final int MAX_BYTES = 16 * 1024;
    private static final List<String> FIELDS = List.of("format", "installation", "jurisdiction", "signing",
            "agreement", "fingerprint");

    public OfficeKey {
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        if (jurisdiction.isBlank() || jurisdiction.strip().length() != jurisdiction.length()
                || jurisdiction.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a jurisdiction is one line of text: " + jurisdiction);
        }
        Keys.checked(Objects.requireNonNull(signing, "signing"), Keys.SIGNING);
        Keys.checked(Objects.requireNonNull(agreement, "agreement"), Keys.AGREEMENT);
    }

    /** The fingerprint of the signing key: 8 groups of 4 upper-case hex digits. */
    public String fingerprint() {
        return Keys.fingerprint(signing);
    }

    /**
     * Writes the key file whole or not at all.
     *
     * @throws cn.mediationdesk.logic.files.OutputFileException when the file cannot be written
     */
    public void writeTo(Path file) {
        String text = HEADER + "\n"
                + "# Give this file to the office that sends or receives your packages. It holds no secret.\n"
                + "# 将此文件交给与您交换数据包的机构。文件不含任何秘密。\n"
                + "format=" + FILE_FORMAT + "\n"
                + "installation=" + installationId + "\n"
                + "jurisdiction=" + jurisdiction + "\n"
                + "signing=" + Keys.encode(signing) + "\n"
                + "agreement=" + Keys.encode(agreement) + "\n"
                + "fingerprint=" + fingerprint() + "\n";
        OutputFiles.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reads a key file written by {@link #writeTo}.
     *
     * @throws PackageRejectedException {@link Reason#NOT_AN_OFFICE_KEY} for anything else, including a
     *                                  key file whose fingerprint does not match its key
     */
    public static OfficeKey readFrom(Path file) {
        String name = file.toString();
        Map<String, String> fields = fields(name, text(file, name));
        try {
            int format = Integer.parseInt(fields.get("format"));
            if (format != FILE_FORMAT) {
                throw refused(name, "format " + format);
            }
            OfficeKey key = new OfficeKey(UUID.fromString(fields.get("installation")), fields.get("jurisdiction"),
                    Keys.signingPublic(fields.get("signing")), Keys.agreementPublic(fields.get("agreement")));
            if (!key.fingerprint().equals(fields.get("fingerprint"))) {
                throw refused(name, "the fingerprint does not match the signing key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new PackageRejectedException(Reason.NOT_AN_OFFICE_KEY, name, e.getMessage(), e);
        }
    }

    private static String text(Path file, String name) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new PackageRejectedException(Reason.NOT_AN_OFFICE_KEY, name, "cannot be read: " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw refused(name, "too large for a key file");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Notepad on Windows may add a byte order mark when the file is saved again.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw refused(name, "not UTF-8 text");
        }
    }

    /** The key=value lines under the header: each field exactly once, nothing unknown. */
    private static Map<String, String> fields(String name, String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
            throw refused(name, "no MediationDesk header line");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String field = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !FIELDS.contains(field)) {
                throw refused(name, "unknown line: " + field);
            }
            if (fields.putIfAbsent(field, line.substring(equals + 1).strip()) != null) {
                throw refused(name, "repeated field: " + field);
            }
        }
        for (String field : FIELDS) {
            if (!fields.containsKey(field)) {
                throw refused(name, "missing field: " + field);
            }
        }
        return fields;
    }

    private static PackageRejectedException refused(String name, String detail) {
        return new PackageRejectedException(Reason.NOT_AN_OFFICE_KEY, name, detail);
    }
}
