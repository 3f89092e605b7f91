package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.l10n.Localization;

/**
 * The database was open, but reading or writing it failed in a way the user must act on; the
 * transaction was rolled back, so nothing of it was written. {@link #reason()} says what to do.
 */
public class StorageException extends RuntimeException {
    public enum Reason {
        /** The disk holding the database is full. */
        DISK_FULL,
        /** The database's folder or file may not be written (a read-only disk or folder, no permission). */
        READ_ONLY,
        /** Damaged pages were met in the database file: it must be restored from a backup. */
        DAMAGED,
        /**
         * Another PC held what this change needed (a case-number counter, the audit trail) for longer
         * than the lock timeout of a server connection: trying again later succeeds.
         */
        BUSY
    }

    private final Reason reason;
    private final String location;

    public StorageException(Reason reason, String location, Throwable cause) {
        super(switch (reason) {
            case DISK_FULL -> "The disk holding the database is full: ";
            case READ_ONLY -> "The database cannot be written (read-only): ";
            case DAMAGED -> "The database file is damaged: ";
            case BUSY -> "Another PC is saving to the database; try again: ";
        } + location, cause);
        this.reason = reason;
        this.location = location;
    }

    public Reason reason() {
        return reason;
    }

    /** The database, as the user named it: a file path or a server's URL. */
    public String location() {
        return location;
    }

    /** One line for the user, in their language: what happened to which database, and what to do. */
    public String describe(Localization l10n) {
        return switch (reason) {
            case DISK_FULL -> l10n.text("storage.diskFull", location);
            case READ_ONLY -> l10n.text("storage.readOnly", location);
            case DAMAGED -> l10n.text("storage.damaged", location);
            case BUSY -> l10n.text("storage.busy", location);
        };
    }
}
