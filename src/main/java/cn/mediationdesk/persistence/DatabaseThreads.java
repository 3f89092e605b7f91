package cn.mediationdesk.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Notices database work started on a thread that must not wait for the database: the window's
 * event thread, which freezes the window while a query runs. The window names that thread at start
 * ({@link #forbid}); persistence knows nothing of JavaFX. Every read, write, opening and backup
 * asks {@link #check}. A call on the forbidden thread still runs (a user's work is never refused
 * for it), but is logged with where it came from and kept for the tests, which fail on any.
 */
public final class DatabaseThreads {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseThreads.class);
    /** Enough to show every place at fault in one test without growing without end in a long session. */
    private static final int KEPT = 50;
    private static volatile BooleanSupplier forbidden = () -> false;
    private static final List<IllegalStateException> VIOLATIONS = new ArrayList<>();

    private DatabaseThreads() {
    }

    /** From now on, database work is a fault wherever {@code onForbiddenThread} answers true. */
    public static void forbid(BooleanSupplier onForbiddenThread) {
        forbidden = onForbiddenThread;
    }

    /** Database work started on the forbidden thread since the last {@link #clear()}, oldest first. */
    public static synchronized List<IllegalStateException> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static synchronized void clear() {
        VIOLATIONS.clear();
    }

    static void check(String what) {
        if (!forbidden.getAsBoolean()) {
            return;
        }
        IllegalStateException violation = new IllegalStateException(
                "database " + what + " on " + Thread.currentThread().getName() + ", which must not wait for it");
        LOG.warn("{}", violation.getMessage(), violation);
        synchronized (DatabaseThreads.class) {
            if (VIOLATIONS.size() < KEPT) {
                VIOLATIONS.add(violation);
            }
        }
    }
}
