package cn.mediationdesk.logic.share;

import cn.mediationdesk.logic.store.DatabaseKey;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The one password the other PCs type to reach a shared database: the account password of the
 * database's LAN account, followed, for an encrypted file, by the file's key in the recovery code's
 * form. H2 must be given both (its "filePassword userPassword"), since a client opens the encrypted
 * file through the server; the office sees them as one password in groups of four.
 *
 * @param account the LAN account's password (24 characters of {@link #ALPHABET})
 * @param fileKey the key of an encrypted file; empty for an unencrypted one
 */
public record SharePassword(String account, Optional<DatabaseKey> fileKey) {
    /** Digits and capitals without I, L, O and U: nothing to misread when typed from a paper. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int ACCOUNT_LENGTH = 24;
    /** The database account the other PCs sign in with; H2 keeps user names in capitals. */
    public static final String ACCOUNT = "MEDIATIONDESK_LAN";
    private static final int GROUP = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SharePassword {
        if (!account.matches("[" + ALPHABET + "]{" + ACCOUNT_LENGTH + "}")) {
            throw new IllegalArgumentException("not a LAN account password");
        }
    }

    /** A new random account password: 24 characters of a 32-letter alphabet, 120 bits. */
    public static String newAccountPassword() {
        StringBuilder text = new StringBuilder(ACCOUNT_LENGTH);
        for (int i = 0; i < ACCOUNT_LENGTH; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /**
     * Reads a password as typed (spaces, dashes, lower case and O/I/L for 0/1/1 forgiven); empty when it
     * is not one this tool printed.
     */
    public static Optional<SharePassword> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (!compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) || compact.length() < ACCOUNT_LENGTH) {
            return Optional.empty();
        }
        String account = compact.substring(0, ACCOUNT_LENGTH);
        String rest = compact.substring(ACCOUNT_LENGTH);
        if (rest.isEmpty()) {
            return Optional.of(new SharePassword(account, Optional.empty()));
        }
        return DatabaseKey.fromRecoveryCode(rest).map(key -> new SharePassword(account, Optional.of(key)));
    }

    /** As printed for the office: groups of four joined by dashes. */
    public String text() {
        String all = account + fileKey.map(key -> key.recoveryCode().replaceAll("[\\s-]", "")).orElse("");
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < all.length(); i += GROUP) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(all, i, Math.min(all.length(), i + GROUP));
        }
        return grouped.toString();
    }

    /** The password H2 expects from a client: the file password and the account's, or the account's alone. */
    public String h2Password() {
        return fileKey.map(key -> key.filePassword() + " ").orElse("") + account;
    }

    /** Never the secret in a log line. */
    @Override
    public String toString() {
        return "SharePassword[****]";
    }
}
