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
        /** The file or server is not a MediationDesk database, or it is damaged. */
        UNREADABLE,
        /** A database server did not answer. */
        UNREACHABLE
    }

    private final Reason reason;
    private final String location;

    public DatabaseOpenException(Reason reason, String location, Throwable cause) {
        super(reason + ": " + location + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.reason = reason;
        this.location = location;
    }

    public Reason reason() {
        return reason;
    }

    public String location() {
        return location;
    }
}
