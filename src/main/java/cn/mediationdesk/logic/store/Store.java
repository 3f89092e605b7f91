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

    /**
     * Runs a large write (a ledger import, an exchange package) in one read-write transaction that
     * commits whole or not at all even when the process dies while it commits: where the database
     * alone cannot promise that (an embedded H2 file), a copy is taken first and put back at the next
     * open if the write did not finish, and other writes of this process wait meanwhile.
     */
    default <R> R bulkWrite(Work<R> work) {
        return write(work);
    }

    /**
     * When opening this database undid a bulk write that a crash had interrupted (the copy taken
     * before it was put back): the file as the crash left it, kept beside the database.
     */
    default java.util.Optional<java.nio.file.Path> undoneBulkWrite() {
        return java.util.Optional.empty();
    }

    /** Where the data lives, for the status bar and messages (a path or a JDBC URL without secrets). */
    String location();

    /**
     * The embedded file's base path (without H2's {@code .mv.db}); empty for a database server. Its
     * backups live in the {@code backups} folder beside it.
     */
    default java.util.Optional<java.nio.file.Path> embeddedFile() {
        return java.util.Optional.empty();
    }

    /** The version of the schema (the newest migration applied), e.g. {@code 7}. */
    default String schemaVersion() {
        return "";
    }

    /**
     * Whether {@link #backupTo} works here: an embedded file does; a database server is backed up on
     * the server, with its own tools.
     */
    default boolean backsUp() {
        return false;
    }

    /**
     * Writes a transactionally consistent copy of the whole database into the zip file {@code target},
     * while the database stays in use.
     */
    default void backupTo(java.nio.file.Path target) {
        throw new UnsupportedOperationException("only an embedded database is backed up by the application");
    }

    /** The key an embedded file is encrypted with; empty for a server or an unencrypted file. */
    default java.util.Optional<DatabaseKey> fileKey() {
        return java.util.Optional.empty();
    }

    /** What opens this database with the database's own tools, for an emergency; empty for a server. */
    default java.util.Optional<DirectAccess> directAccess() {
        return java.util.Optional.empty();
    }

    /**
     * Serves this embedded database to the LAN through H2's TCP server on {@code port} until the
     * returned server is closed (or this store is); the LAN account must have been set first.
     */
    default cn.mediationdesk.logic.share.LanServer serveOnLan(int port) {
        throw new UnsupportedOperationException("only an embedded database is served by the application");
    }

    /** Creates the database account the other PCs sign in with, or sets its password. */
    default void setLanAccount(String accountPassword) {
        throw new UnsupportedOperationException("only an embedded database is served by the application");
    }

    /** A JDBC URL with the account and password that open the database without the application. */
    record DirectAccess(String url, String user, String password) {
        @Override
        public String toString() {
            return "DirectAccess[" + url + ", " + user + ", ****]";
        }
    }

    @Override
    void close();

    @FunctionalInterface
    interface Work<R> {
        R run(Tx tx);
    }
}
