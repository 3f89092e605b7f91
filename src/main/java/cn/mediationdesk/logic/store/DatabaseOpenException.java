package cn.mediationdesk.logic.store;

/** The database could not be opened; {@link #reason()} says why, so the user can be told what to do. */
public class DatabaseOpenException extends RuntimeException {
    public enum Reason {
        /** Nothing at that location, and creating was not asked for. */
        MISSING,
        /** Something is there already, and creating a new database was asked for. */
        EXISTS,
        /** Another program holds the file. */
        LOCKED,
        WRONG_PASSWORD,
        /** Written by a newer MediationDesk: opening it with this version could damage it. */
        NEWER_SCHEMA,
        /** The file or server cannot be read (no permission, or an error the database does not explain). */
        UNREADABLE,
        /** The file is there but holds nothing: a crash or a disk fault before anything was written. */
        EMPTY,
        /** The file is cut short or its pages are damaged. */
        DAMAGED,
        /** The file is something else than a MediationDesk database. */
        NOT_OURS,
        /** The file is encrypted and this PC does not hold its key: restore it with the recovery code. */
        KEY_MISSING,
        /** A database server did not answer. */
        UNREACHABLE,
        /**
         * The server's account may not do what the schema needs (on PostgreSQL: create the accounts'
         * roles without {@code CREATEROLE}); the server's administrator must grant it.
         */
        SERVER_RIGHTS
    }

    private final Reason reason;
    private final String location;
    private final String newestBackup;

    public DatabaseOpenException(Reason reason, String location, Throwable cause) {
        this(reason, location, cause, null);
    }

    /** @param newestBackup the newest backup of this database, to name in the message; may be null */
    public DatabaseOpenException(Reason reason, String location, Throwable cause, String newestBackup) {
        super(reason + ": " + location + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.reason = reason;
        this.location = location;
        this.newestBackup = newestBackup;
    }

    /** The same failure, naming the newest backup to restore. */
    public DatabaseOpenException withNewestBackup(String backup) {
        return new DatabaseOpenException(reason, location, getCause(), backup);
    }

    public java.util.Optional<String> newestBackup() {
        return java.util.Optional.ofNullable(newestBackup);
    }

    public Reason reason() {
        return reason;
    }

    public String location() {
        return location;
    }
}
