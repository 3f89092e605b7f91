package cn.mediationdesk.cli;

/** The exit codes of DESIGN §6. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything not covered below: a bug, a disk that will not write, … */
    public static final int FAILURE = 1;
    /** Unknown option, bad date, unknown grouping or format: the command line itself is wrong. */
    public static final int USAGE = 2;
    /** The input was rejected (validation errors, a refused ledger, an unknown name); nothing was written. */
    public static final int REJECTED = 3;
    /**
     * The database cannot be opened (missing, locked, wrong password, newer schema, damaged), or
     * written while a command works (its disk full or read-only), or damaged pages are met, or another
     * PC held a lock on a shared server past the lock timeout ("locked" in DESIGN §6: try again later).
     */
    public static final int DATABASE = 4;
    /** Not permitted: no or a wrong {@code --user} password, or the role does not allow it; nothing was written. */
    public static final int NOT_PERMITTED = 5;

    private ExitCodes() {
    }
}
