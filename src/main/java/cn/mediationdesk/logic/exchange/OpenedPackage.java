package cn.mediationdesk.logic.exchange;

import java.security.PublicKey;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package that passed every check: its manifest, the key that signed it and its entries in clear.
 * Whether that key is the one recorded for the sending office is for the caller to decide.
 *
 * @param entries entry name → its bytes, byte for byte as the sender wrote them
 */
public record OpenedPackage(PackageManifest manifest, PublicKey senderSigningKey, Map<String, byte[]> entries) {
    public OpenedPackage {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** The fingerprint of the key that signed, to compare with the one recorded for the office. */
    public String senderFingerprint() {
        return Keys.fingerprint(senderSigningKey);
    }
}
