package cn.mediationdesk.logic.store;

/**
 * The database as the services see it: every piece of work runs inside one transaction, on a
 * thread that is never interrupted (an interrupt during H2 file I/O breaks the store), and the
 * caller waits for it to finish.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in a read-only transaction. */
    <R> R read(Work<R> work);

    /** Runs {@code work} in one read-write transaction: it commits whole or not at all. */
    <R> R write(Work<R> work);

    /** Where the data lives, for the status bar and messages (a path or a JDBC URL without secrets). */
    String location();

    @Override
    void close();

    @FunctionalInterface
    interface Work<R> {
        R run(Tx tx);
    }
}
