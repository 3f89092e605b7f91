package cn.mediationdesk.logic.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The secret that encrypts an embedded database file and its backups: 160 random bits. H2 turns a
 * file password into its AES key with few hash rounds, so the password must carry the strength
 * itself; a random key does. The same bits, written in groups of Crockford's base-32 digits, are
 * the recovery code the office keeps on paper.
 */
public final class DatabaseKey {
    private static final int BYTES = 20;
    private static final String DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUP = 4;

    private final byte[] secret;

    private DatabaseKey(byte[] secret) {
        this.secret = secret.clone();
    }

    public static DatabaseKey generate() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return new DatabaseKey(secret);
    }

    /** The key stored in a key file ({@link #toHex()}). */
    public static Optional<DatabaseKey> fromHex(String hex) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex.strip());
            return bytes.length == BYTES ? Optional.of(new DatabaseKey(bytes)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The key a recovery code writes, forgiving what people do when they copy one by hand: spaces,
     * dashes, lower case, O for 0, I or L for 1. Empty when the text cannot be a recovery code.
     */
    public static Optional<DatabaseKey> fromRecoveryCode(String code) {
        // The file password that `key show` prints (40 hex digits) is the same key: it is accepted too,
        // for an office whose paper is lost while the PC that holds the key still works.
        String compact = code.strip();
        if (compact.matches("[0-9a-fA-F]{" + BYTES * 2 + "}")) {
            return fromHex(compact);
        }
        String digits = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (digits.length() != BYTES * 8 / 5) {
            return Optional.empty();
        }
        byte[] bytes = new byte[BYTES];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (char c : digits.toCharArray()) {
            int value = DIGITS.indexOf(c);
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes[at++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return Optional.of(new DatabaseKey(bytes));
    }

    /** The key as the office writes it down: eight groups of four characters. */
    public String recoveryCode() {
        StringBuilder code = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (byte b : secret) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                if (written > 0 && written % GROUP == 0) {
                    code.append('-');
                }
                code.append(DIGITS.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
                written++;
            }
        }
        return code.toString();
    }

    public String toHex() {
        return HexFormat.of().formatHex(secret);
    }

    /**
     * A key for another use of the same secret (e.g. sealing the attachments of a backup): HMAC-SHA256
     * of the purpose under the secret, so no two uses share a key.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** H2's file password: what encrypts the file (CIPHER=AES). */
    public String filePassword() {
        return toHex();
    }

    /**
     * The database account's password, derived from the key so that nothing else needs keeping;
     * it matters only to someone who already holds the key, i.e. whoever may open the file anyway.
     */
    public String userPassword() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("mediationdesk-account:" + toHex()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The password H2 expects for an encrypted file: the file password, a space, the account's. */
    public String h2Password() {
        return filePassword() + " " + userPassword();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseKey key && MessageDigest.isEqual(secret, key.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    /** Never the secret: keys end up in log lines by accident. */
    @Override
    public String toString() {
        return "DatabaseKey[****]";
    }
}
