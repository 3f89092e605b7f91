package cn.mediationdesk.logic.exchange;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The manifest as JSON: the {@link PackageManifest} plus what the container itself needs, the
 * sender's signing key and, when the data is encrypted, how it was sealed. Dates are ISO-8601
 * strings. Reading is in two steps because the signature must be checked with a key read from the
 * very bytes it covers: {@link #envelope} takes only what checking needs, {@link #manifest} the rest.
 */
final class ManifestJson {
    /** Marks a manifest as ours, so that another program's zip with a manifest.json is told apart. */
    static final String MARKER = "MediationDesk exchange package";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** How the data was encrypted: for which agreement key, with which ephemeral key and nonce, and the blob's digest. */
    record Sealing(String recipientAgreementKey, String ephemeralKey, String nonce, String digest) {
    }

    /** What must be known before the manifest can be trusted: that it is ours, its format and its key. */
    record Envelope(int formatVersion, String senderSigningKey, JsonNode tree) {
    }

    private ManifestJson() {
    }

    static byte[] write(PackageManifest manifest, String senderSigningKey, Sealing sealing) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", MARKER);
        root.put("formatVersion", manifest.formatVersion());
        root.put("installationId", text(manifest.installationId()));
        root.put("jurisdiction", manifest.jurisdiction());
        root.put("committeeCode", manifest.committeeCode());
        root.put("committeeName", manifest.committeeName());
        root.put("created", text(manifest.created()));
        root.put("schemaVersion", manifest.schemaVersion());
        root.put("since", text(manifest.since()));
        root.put("coversTo", text(manifest.coversTo()));
        ObjectNode counts = root.putObject("counts");
        manifest.counts().forEach(counts::put);
        ObjectNode digests = root.putObject("entryDigests");
        manifest.entryDigests().forEach(digests::put);
        root.put("senderFingerprint", manifest.senderFingerprint());
        root.put("senderSigningKey", senderSigningKey);
        root.put("recipientInstallationId", text(manifest.recipientInstallationId()));
        if (sealing == null) {
            root.putNull("sealed");
        } else {
            ObjectNode sealed = root.putObject("sealed");
            sealed.put("recipientAgreementKey", sealing.recipientAgreementKey());
            sealed.put("ephemeralKey", sealing.ephemeralKey());
            sealed.put("nonce", sealing.nonce());
            sealed.put("digest", sealing.digest());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("a tree of strings and numbers is always written", e);
        }
    }

    /** The envelope, or empty when the bytes are not a manifest of ours (not JSON, no marker). */
    static Optional<Envelope> envelope(byte[] bytes) {
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            if (tree == null || !tree.isObject() || !MARKER.equals(tree.path("format").textValue())
                    || !tree.path("formatVersion").isInt() || tree.path("formatVersion").intValue() < 1) {
                return Optional.empty();
            }
            return Optional.of(new Envelope(tree.get("formatVersion").intValue(),
                    tree.path("senderSigningKey").textValue(), tree));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The manifest proper, from a tree whose signature was checked.
     *
     * @throws IllegalArgumentException naming the first field that is missing or malformed
     */
    static PackageManifest manifest(Envelope envelope) {
        JsonNode tree = envelope.tree();
        UUID installationId = uuid(tree, "installationId");
        if (installationId == null) {
            throw new IllegalArgumentException("installationId: missing");
        }
        return new PackageManifest(envelope.formatVersion(), installationId, string(tree, "jurisdiction"),
                string(tree, "committeeCode"), string(tree, "committeeName"), instant(tree, "created"),
                string(tree, "schemaVersion"), date(tree, "since"), date(tree, "coversTo"),
                counts(tree), digests(tree), string(tree, "senderFingerprint"), uuid(tree, "recipientInstallationId"));
    }

    /** How the data was sealed, or null when it is in clear. */
    static Sealing sealing(Envelope envelope) {
        JsonNode sealed = envelope.tree().get("sealed");
        if (sealed == null || sealed.isNull()) {
            return null;
        }
        if (!sealed.isObject()) {
            throw new IllegalArgumentException("sealed: not an object");
        }
        Sealing sealing = new Sealing(string(sealed, "recipientAgreementKey"), string(sealed, "ephemeralKey"),
                string(sealed, "nonce"), string(sealed, "digest"));
        if (sealing.recipientAgreementKey() == null || sealing.ephemeralKey() == null || sealing.nonce() == null
                || sealing.digest() == null) {
            throw new IllegalArgumentException("sealed: incomplete");
        }
        return sealing;
    }

    private static String string(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + ": not text");
        }
        return node.textValue();
    }

    private static UUID uuid(JsonNode tree, String field) {
        String text = string(tree, field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": not an id", e);
        }
    }

    private static Instant instant(JsonNode tree, String field) {
        String text = string(tree, field);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a moment", e);
        }
    }

    private static LocalDate date(JsonNode tree, String field) {
        String text = string(tree, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not a date", e);
        }
    }

    private static Map<String, Integer> counts(JsonNode tree) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> count : object(tree, "counts").properties()) {
            JsonNode value = count.getValue();
            if (!value.isInt() || value.intValue() < 0) {
                throw new IllegalArgumentException("counts." + count.getKey() + ": not a count");
            }
            counts.put(count.getKey(), value.intValue());
        }
        return counts;
    }

    private static Map<String, String> digests(JsonNode tree) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> digest : object(tree, "entryDigests").properties()) {
            if (!digest.getValue().isTextual()) {
                throw new IllegalArgumentException("entryDigests." + digest.getKey() + ": not text");
            }
            digests.put(digest.getKey(), digest.getValue().textValue());
        }
        return digests;
    }

    private static JsonNode object(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return node;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
