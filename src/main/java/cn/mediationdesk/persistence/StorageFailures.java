package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.files.IoFailures;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.StorageException;
import cn.mediationdesk.logic.store.StorageException.Reason;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Recognises, in what H2, PostgreSQL and Jdbi throw while a database is in use, the failures the
 * user must act on: a full disk, a database that cannot be written, damaged pages. The driver's
 * exception is deep in a chain (Jdbi's {@code UnableToExecuteStatementException} or
 * {@code TransactionException}, around H2's {@code JdbcSQLNonTransientException}, around an
 * {@link MVStoreException}, around the system's {@code IOException}), so the whole chain is read.
 */
final class StorageFailures {
    /** PostgreSQL's SQL states: disk_full, read_only_sql_transaction, data_corrupted, index_corrupted. */
    private static final String PG_DISK_FULL = "53100";
    private static final String PG_READ_ONLY = "25006";
    private static final List<String> PG_DAMAGED = List.of("XX001", "XX002");
    /** PostgreSQL's lock_not_available (lock_timeout ran out) and deadlock_detected. */
    private static final List<String> PG_BUSY = List.of("55P03", "40P01");

    private StorageFailures() {
    }

    /**
     * The {@link StorageException} that {@code e} amounts to, or {@code e} itself when it is none of
     * them (a rule broken, a concurrent change, a bug).
     *
     * @param location the database as the user named it
     */
    static RuntimeException translate(String location, Throwable e) {
        if (e instanceof StorageException known) {
            return known;
        }
        Reason reason = reason(e);
        if (reason == null || e instanceof DatabaseOpenException && reason == Reason.DAMAGED) {
            // Damage found while opening is the opening's own verdict, with its own advice.
            return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return new StorageException(reason, location, e);
    }

    /** What the chain of {@code e} says, the full disk first: it also makes writes fail and stores close. */
    static Reason reason(Throwable e) {
        if (IoFailures.diskFull(e) || IoFailures.causes(e).stream().anyMatch(t -> sqlState(t).equals(PG_DISK_FULL))) {
            return Reason.DISK_FULL;
        }
        List<Throwable> chain = IoFailures.causes(e);
        if (chain.stream().anyMatch(StorageFailures::readOnly)) {
            return Reason.READ_ONLY;
        }
        if (chain.stream().anyMatch(StorageFailures::damaged)) {
            return Reason.DAMAGED;
        }
        if (chain.stream().anyMatch(StorageFailures::busy)) {
            return Reason.BUSY;
        }
        return null;
    }

    private static boolean readOnly(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY || PG_READ_ONLY.equals(sql.getSQLState());
        }
        // The file itself refused a write (H2 wraps the system's IOException).
        return t instanceof java.io.IOException && IoFailures.readOnly(t);
    }

    private static boolean damaged(Throwable t) {
        if (t instanceof MVStoreException store) {
            return switch (store.getErrorCode()) {
                case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND -> true;
                default -> saysCorrupted(t);
            };
        }
        if (t instanceof SQLException sql) {
            return switch (sql.getErrorCode()) {
                case ErrorCode.FILE_CORRUPTED_1 -> true;
                // An I/O error is damage only when its own words or its causes' say so.
                case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.GENERAL_ERROR_1 ->
                        IoFailures.causes(t).stream().anyMatch(StorageFailures::saysCorrupted);
                default -> PG_DAMAGED.contains(sql.getSQLState());
            };
        }
        return false;
    }

    /** A lock another connection held past the lock timeout, or a deadlock the database broke by giving up here. */
    private static boolean busy(Throwable t) {
        return t instanceof SQLException sql && (sql.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1
                || sql.getErrorCode() == ErrorCode.DEADLOCK_1 || PG_BUSY.contains(sqlState(t)));
    }

    private static boolean saysCorrupted(Throwable t) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("corrupt");
    }

    private static String sqlState(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
    }
}
