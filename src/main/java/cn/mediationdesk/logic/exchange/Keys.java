package cn.mediationdesk.logic.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.XECKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Encoding, decoding and fingerprinting the two kinds of keys an installation has. */
final class Keys {
    static final String SIGNING = "Ed25519";
    static final String AGREEMENT = "X25519";

    private Keys() {
    }

    /** SHA-256 of the X.509 encoding, first 16 bytes as 8 groups of 4 upper-case hex digits. */
    static String fingerprint(PublicKey signing) {
        String hex = HexFormat.of().withUpperCase().formatHex(sha256(signing.getEncoded()), 0, 16);
        StringBuilder grouped = new StringBuilder(39);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String encode(PublicKey key) {
        return base64(key.getEncoded());
    }

    static String encode(PrivateKey key) {
        return base64(key.getEncoded());
    }

    /** @throws IllegalArgumentException when the text is not an X.509 Ed25519 public key in base64 */
    static PublicKey signingPublic(String base64) {
        return checked(publicKey(SIGNING, decode(base64)), SIGNING);
    }

    /** @throws IllegalArgumentException when the text is not an X.509 X25519 public key in base64 */
    static PublicKey agreementPublic(String base64) {
        return agreementPublic(decode(base64));
    }

    /** @throws IllegalArgumentException when the bytes are not an X.509 X25519 public key */
    static PublicKey agreementPublic(byte[] encoded) {
        return checked(publicKey(AGREEMENT, encoded), AGREEMENT);
    }

    /** @throws IllegalArgumentException when the text is not a PKCS#8 private key of that curve in base64 */
    static PrivateKey privateKey(String curve, String base64) {
        try {
            return checked(KeyFactory.getInstance(curve).generatePrivate(new PKCS8EncodedKeySpec(decode(base64))), curve);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + curve + " private key", e);
        }
    }

    private static PublicKey publicKey(String curve, byte[] encoded) {
        try {
            return KeyFactory.getInstance(curve).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + curve + " public key", e);
        }
    }

    /** @throws IllegalArgumentException when there is no text or it is not base64 */
    private static byte[] decode(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("no key");
        }
        return Base64.getDecoder().decode(base64.strip());
    }

    /** The key's curve is the one asked for (a KeyFactory for "Ed25519" also reads Ed448 keys). */
    static <K extends java.security.Key> K checked(K key, String curve) {
        if (!curve.equals(curveOf(key))) {
            throw new IllegalArgumentException("not a " + curve + " key: " + key.getAlgorithm());
        }
        return key;
    }

    private static String curveOf(java.security.Key key) {
        if (key instanceof EdECKey ed) {
            return ed.getParams().getName();
        }
        if (key instanceof XECKey xec && xec.getParams() instanceof NamedParameterSpec named) {
            return named.getName();
        }
        return key == null ? "none" : key.getAlgorithm();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
