package cn.mediationdesk.logic.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Hashes and checks passwords with bcrypt. The cost is the point of a slow hash: 12 takes a
 * noticeable fraction of a second on an office PC, which is nothing at login and a great deal to
 * someone guessing. Tests pass a lower cost so that they stay quick.
 */
public final class PasswordHasher {
    public static final int PRODUCTION_COST = 12;
    /** bcrypt reads at most this many bytes of a password; longer ones are refused rather than cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    /** A hash of nothing anyone types, made on first need: checking against it costs what a real check costs. */
    private volatile String decoy;

    /** @param cost bcrypt's log2 work factor, 4 to 31 */
    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must lie between 4 and 31: " + cost);
        }
        this.cost = cost;
    }

    public static PasswordHasher production() {
        return new PasswordHasher(PRODUCTION_COST);
    }

    public int cost() {
        return cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether {@code password} is the one {@code hash} was made from; a malformed hash matches nothing. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || utf8Length(password) > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Takes as long as {@link #matches} on a real hash and matches nothing. */
    public void spendACheck(String password) {
        String hash = decoy;
        if (hash == null) {
            hash = hash(UUID.randomUUID().toString());
            decoy = hash;
        }
        matches(password == null ? "" : password, hash);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
