package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.l10n.Localization;

/**
 * An exchange package (or an office's key file) was refused; nothing of it was used. {@link #reason()}
 * says why in terms a governance clerk can act on, {@link #detail()} names what exactly (an entry, a
 * field) for the log and {@code --debug}.
 */
public final class PackageRejectedException extends RuntimeException {
    public enum Reason {
        /** Not a zip, or a zip that is not a MediationDesk package. */
        NOT_A_PACKAGE,
        /** Cut short: the copy or the transfer did not finish. */
        TRUNCATED,
        /** Its contents differ from what was signed. */
        ALTERED,
        /** It carries no signature. */
        UNSIGNED,
        /** Its signature does not match its manifest and the key named in it. */
        BAD_SIGNATURE,
        /** Written by a newer MediationDesk in a format this version does not know. */
        NEWER_FORMAT,
        /** Encrypted for another office: only that office can open it. */
        ENCRYPTED_FOR_ANOTHER_OFFICE,
        /** A file given as an office's public key is not one. */
        NOT_AN_OFFICE_KEY,
        // Thrown when merging a package (see the exchange merge), declared here so there is one vocabulary.
        /** The package comes from an office of another jurisdiction. */
        FOREIGN_JURISDICTION,
        /** Its data was written by a newer database schema than this installation's. */
        NEWER_SCHEMA,
        /** The sending office signed with another key than the one recorded for it. */
        KEY_CHANGED,
        /** It names a committee that does not match the one recorded for the sending office. */
        WRONG_COMMITTEE;

        /** The message key for a clerk; every message takes the file's name as its argument {0}. */
        public String messageKey() {
            return switch (this) {
                case NOT_A_PACKAGE -> "exchange.rejected.notAPackage";
                case TRUNCATED -> "exchange.rejected.truncated";
                case ALTERED -> "exchange.rejected.altered";
                case UNSIGNED -> "exchange.rejected.unsigned";
                case BAD_SIGNATURE -> "exchange.rejected.badSignature";
                case NEWER_FORMAT -> "exchange.rejected.newerFormat";
                case ENCRYPTED_FOR_ANOTHER_OFFICE -> "exchange.rejected.encryptedForAnotherOffice";
                case NOT_AN_OFFICE_KEY -> "exchange.rejected.notAnOfficeKey";
                case FOREIGN_JURISDICTION -> "exchange.rejected.foreignJurisdiction";
                case NEWER_SCHEMA -> "exchange.rejected.newerSchema";
                case KEY_CHANGED -> "exchange.rejected.keyChanged";
                case WRONG_COMMITTEE -> "exchange.rejected.wrongCommittee";
            };
        }
    }

    private final Reason reason;
    private final String file;
    private final String detail;

    public PackageRejectedException(Reason reason, String file, String detail) {
        this(reason, file, detail, null);
    }

    public PackageRejectedException(Reason reason, String file, String detail, Throwable cause) {
        super(reason + ": " + file + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"), cause);
        this.reason = reason;
        this.file = file;
        this.detail = detail == null ? "" : detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The file refused, as the user named it. */
    public String file() {
        return file;
    }

    /** One line for the clerk, in their language: which file was refused, why, and that nothing was imported. */
    public String describe(Localization l10n) {
        return l10n.text(reason.messageKey(), file);
    }

    /** What exactly was wrong (an entry's name, a field), for the log; may be empty. */
    public String detail() {
        return detail;
    }
}
