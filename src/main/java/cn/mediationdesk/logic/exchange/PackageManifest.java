package cn.mediationdesk.logic.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a package says about itself, signed and in clear even when its data is encrypted: who sent
 * it, for which committee, the period it covers and how much it holds. Never personal data.
 *
 * @param formatVersion           the container's format; the writer always writes {@link #FORMAT_VERSION}
 * @param since                   the first day covered, or null when the package holds everything
 * @param counts                  how many of each kind the package holds (leads, parties, …), as the caller counts them
 * @param entryDigests            entry name → SHA-256 (lower-case hex) of its plain bytes; filled by the writer
 * @param senderFingerprint       the fingerprint of the key that signed; filled by the writer
 * @param recipientInstallationId the office the data is encrypted for, or null; filled by the writer
 */
public record PackageManifest(int formatVersion, UUID installationId, String jurisdiction,
                              String committeeCode, String committeeName, Instant created, String schemaVersion,
                              LocalDate since, LocalDate coversTo,
                              Map<String, Integer> counts,
                              Map<String, String> entryDigests,
                              String senderFingerprint, UUID recipientInstallationId) {
    /** The container format this version writes and the newest it reads. */
    /** 2: leads carry the case file's parts and attachments (issue 10), which version 1 cannot read. */
    public static final int FORMAT_VERSION = 2;

    public PackageManifest {
        counts = sortedCopy(counts);
        entryDigests = sortedCopy(entryDigests);
    }

    /** A manifest for the writer to complete: no digests, fingerprint or recipient yet. */
    public static PackageManifest of(UUID installationId, String jurisdiction, String committeeCode,
                                     String committeeName, Instant created, String schemaVersion,
                                     LocalDate since, LocalDate coversTo, Map<String, Integer> counts) {
        return new PackageManifest(FORMAT_VERSION, installationId, jurisdiction, committeeCode, committeeName,
                created, schemaVersion, since, coversTo, counts, Map.of(), null, null);
    }

    /** Whether the data is encrypted for one office. */
    public boolean encrypted() {
        return recipientInstallationId != null;
    }

    PackageManifest completed(int format, Map<String, String> digests, String fingerprint, UUID recipient) {
        return new PackageManifest(format, installationId, jurisdiction, committeeCode, committeeName, created,
                schemaVersion, since, coversTo, counts, digests, fingerprint, recipient);
    }

    /** Sorted, so that the manifest's JSON (and so its signature) does not depend on a map's order. */
    private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        if (map == null) {
            return Map.of();
        }
        TreeMap<String, V> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(Objects.requireNonNull(key), Objects.requireNonNull(value, key)));
        return Collections.unmodifiableMap(sorted);
    }
}
