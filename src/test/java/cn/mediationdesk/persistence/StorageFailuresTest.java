package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.StorageException;
import cn.mediationdesk.logic.store.StorageException.Reason;
import cn.mediationdesk.model.Problem;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcSQLNonTransientException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What H2, PostgreSQL and Jdbi throw, read down the cause chain into the faults the user can act on. */
class StorageFailuresTest {
    private static final String FILE = "/data/md.mv.db";

    /** H2's exception for {@code code}, as its JDBC driver makes it. */
    private static SQLException h2(int code, String message, Throwable cause) {
        return new JdbcSQLNonTransientException(message, message + " [" + code + "-252]", "HY000", code, cause,
                "stack");
    }

    private static Reason reasonOf(Throwable e) {
        RuntimeException translated = StorageFailures.translate(FILE, e);
        if (translated instanceof StorageException storage) {
            assertThat(storage.location()).isEqualTo(FILE);
            assertThat(storage.getCause()).isSameAs(e);
            return storage.reason();
        }
        assertThat(translated).isSameAs(e);
        return null;
    }

    @Test
    void aFullDiskUnderJdbiH2AndTheMvStoreIsDiskFull() {
        // As seen on a full tmpfs: a commit fails; Jdbi, H2's JDBC layer and MVStore each wrap the system's words.
        MVStoreException store = DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED,
                "Writing to {0} failed; length {1} at {2}", "FileChannelImpl", 319488, 188416);
        store.initCause(new IOException("No space left on device"));
        TransactionException commit = new TransactionException("Failed to commit transaction",
                h2(ErrorCode.GENERAL_ERROR_1, "General error", store));

        assertThat(reasonOf(commit)).isEqualTo(Reason.DISK_FULL);
        assertThat(reasonOf(new ConnectionException(new SQLException("The database has been closed", "90098",
                ErrorCode.DATABASE_IS_CLOSED, store)))).as("the store closed by the failed write").isEqualTo(Reason.DISK_FULL);
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.IO_EXCEPTION_1, "IO Exception",
                new IOException("There is not enough space on the disk")), null))).as("Windows").isEqualTo(Reason.DISK_FULL);
        assertThat(reasonOf(new UnableToExecuteStatementException(new SQLException("could not extend file",
                "53100"), null))).as("PostgreSQL").isEqualTo(Reason.DISK_FULL);
    }

    @Test
    void aDatabaseThatMayNotBeWrittenIsReadOnly() {
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.DATABASE_IS_READ_ONLY,
                "The database is read only", null), null))).isEqualTo(Reason.READ_ONLY);
        assertThat(reasonOf(new IllegalStateException(h2(ErrorCode.IO_EXCEPTION_2, "IO Exception",
                new IOException("Read-only file system"))))).isEqualTo(Reason.READ_ONLY);
        assertThat(reasonOf(new UnableToExecuteStatementException(new SQLException(
                "cannot execute INSERT in a read-only transaction", "25006"), null))).isEqualTo(Reason.READ_ONLY);
    }

    @Test
    void damagedPagesAreDamaged() {
        MVStoreException corrupt = DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
                "Unable to read the page at position {0}", "0x2880002d5d54");
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.GENERAL_ERROR_1, "General error",
                corrupt), null))).isEqualTo(Reason.DAMAGED);
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.FILE_CORRUPTED_1,
                "File corrupted while reading record", null), null))).isEqualTo(Reason.DAMAGED);
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.IO_EXCEPTION_2, "IO Exception",
                new IOException("File corrupted in chunk 12")), null))).isEqualTo(Reason.DAMAGED);
        assertThat(reasonOf(DataUtils.newMVStoreException(DataUtils.ERROR_CHUNK_NOT_FOUND, "Chunk {0} not found", 7)))
                .isEqualTo(Reason.DAMAGED);
        assertThat(reasonOf(new UnableToExecuteStatementException(new SQLException("invalid page in block 7",
                "XX001"), null))).as("PostgreSQL").isEqualTo(Reason.DAMAGED);
    }

    @Test
    void anIoErrorThatSaysNothingOfDamageIsLeftAsItWas() {
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.IO_EXCEPTION_1, "IO Exception",
                new IOException("Input/output error on the network share")), null))).isNull();
        assertThat(reasonOf(new UnableToExecuteStatementException(h2(ErrorCode.SYNTAX_ERROR_2, "Syntax error",
                null), null))).isNull();
    }

    @Test
    void theServicesOwnFailuresPassUnchanged() {
        assertThat(reasonOf(new ValidationException(Problem.of(Problem.Field.USER, "cli.user.required")))).isNull();
        assertThat(reasonOf(new ConcurrentChangeException(java.util.UUID.randomUUID()))).isNull();
        StorageException known = new StorageException(Reason.DAMAGED, FILE, null);
        assertThat(StorageFailures.translate("elsewhere", known)).isSameAs(known);
    }

    @Test
    void damageFoundWhileOpeningKeepsTheOpeningsVerdictButAFullDiskIsNamed() {
        DatabaseOpenException damaged = new DatabaseOpenException(DatabaseOpenException.Reason.UNREADABLE, FILE,
                h2(ErrorCode.FILE_CORRUPTED_1, "File corrupted", null));
        DatabaseOpenException full = new DatabaseOpenException(DatabaseOpenException.Reason.UNREADABLE, FILE,
                h2(ErrorCode.IO_EXCEPTION_1, "IO Exception", new IOException("No space left on device")));

        assertThat(StorageFailures.translate(FILE, damaged)).isSameAs(damaged);
        assertThat(reasonOf(full)).isEqualTo(Reason.DISK_FULL);
    }

    @Test
    void aChainThatLoopsIsReadOnce() {
        // H2 chains a panicked store's exception to the SQL exception that reports it, and back.
        MVStoreException store = DataUtils.newMVStoreException(DataUtils.ERROR_INTERNAL, "internal");
        SQLException sql = h2(ErrorCode.GENERAL_ERROR_1, "General error", store);
        store.initCause(sql);

        assertThat(reasonOf(new TransactionException(sql))).isNull();
    }
}
