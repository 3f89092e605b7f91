package cn.mediationdesk.logic.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The newest entry of a chain as recorded outside the database (in the settings folder, and with
 * each backup): if entries are deleted from the end, or the database file loses its last commits,
 * the head is ahead of what the database holds.
 *
 * @param mac HMAC of {@link #sealedText()} under the key {@code keyId}, so a head cannot be forged
 *            without the key either
 */
public record AuditHead(UUID chainId, long seq, String hash, String keyId, String mac) {

    String sealedText() {
        return chainId + "|" + seq + "|" + hash;
    }

    /** The file form: one {@code name=value} per line. */
    public String toText() {
        return "chain=" + chainId + "\nseq=" + seq + "\nhash=" + hash + "\nkey=" + keyId + "\nmac=" + mac + "\n";
    }

    /** Reads {@link #toText()}'s form; empty when the text is not a head. */
    public static Optional<AuditHead> parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        try {
            return Optional.of(new AuditHead(UUID.fromString(values.get("chain")), Long.parseLong(values.get("seq")),
                    values.get("hash"), values.get("key"), values.get("mac")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
