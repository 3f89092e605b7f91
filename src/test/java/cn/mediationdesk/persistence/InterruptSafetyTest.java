package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An interrupted caller (JavaFX's {@code Task.cancel()} interrupts) must neither break the store
 * nor lose work: H2 does its file I/O through a {@code FileChannel}, which closes for good when the
 * thread doing the I/O is interrupted. The store therefore does all database work on threads of
 * its own; the caller's interrupt only ends its wait early, never the work, and is handed back.
 */
class InterruptSafetyTest {
    /** Each write stores this many settings of {@link #VALUE}, so that commits touch the file. */
    private static final int ROWS_PER_WRITE = 40;
    private static final String VALUE = "值".repeat(200);

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseLocation.parse(dir.resolve("store").toString()), true);
    }

    @AfterEach
    void close() {
        Thread.interrupted(); // never leak a flag into the next test
        db.close();
    }

    @Test
    void writeCalledWithTheInterruptFlagSetCompletesAndKeepsTheFlag() {
        Thread.currentThread().interrupt();

        int written = db.write(tx -> writeBatch(tx, "pre"));

        assertThat(Thread.interrupted()).as("the caller's flag is restored").isTrue();
        assertThat(written).isEqualTo(ROWS_PER_WRITE);
        assertThat(setting(db, "pre.0")).contains(VALUE);
    }

    @Test
    void readCalledWithTheInterruptFlagSetCompletesAndKeepsTheFlag() {
        db.write(tx -> writeBatch(tx, "r"));
        Thread.currentThread().interrupt();

        Optional<String> value = setting(db, "r.1");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(value).contains(VALUE);
    }

    @Test
    void callerInterruptedWhileItWaitsGetsItsWorkDoneAndItsFlagBack() {
        Thread caller = Thread.currentThread();

        int written = db.write(tx -> {
            caller.interrupt();              // the caller is now waiting for exactly this work
            return writeBatch(tx, "mid");
        });

        assertThat(Thread.interrupted()).isTrue();
        assertThat(written).isEqualTo(ROWS_PER_WRITE);
        assertThat(setting(db, "mid." + (ROWS_PER_WRITE - 1))).contains(VALUE);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang, not a performance bound
    void storeSurvivesACallerInterruptedOverAndOverDuringHeavyWrites() throws Exception {
        int writes = 150;
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger flagsHandedBack = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                for (int i = 0; i < writes; i++) {
                    Thread self = Thread.currentThread();
                    String prefix = "heavy" + i;
                    db.write(tx -> {
                        self.interrupt();   // at least one interrupt lands while it waits, whatever the timing
                        return writeBatch(tx, prefix);
                    });
                    completed.incrementAndGet();
                    if (Thread.interrupted()) {
                        flagsHandedBack.incrementAndGet();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        }, "interrupted-caller");
        Thread interrupter = new Thread(() -> {
            while (!done.get()) {
                caller.interrupt();
                LockSupport.parkNanos(50_000);
            }
        }, "interrupter");
        caller.start();
        interrupter.start();
        caller.join();
        interrupter.join();

        assertThat(failure.get()).as("no write failed").isNull();
        assertThat(completed.get()).isEqualTo(writes);
        assertThat(flagsHandedBack.get()).as("each call handed the interrupt back").isEqualTo(writes);
        assertStoreIntact(db, writes);

        db.close();
        try (Database reopened = Database.open(dir.resolve("store").toString())) {
            assertStoreIntact(reopened, writes);
        }
        db = Database.open(dir.resolve("store").toString());
    }

    /**
     * The control: the hazard the store guards against is real. A plain H2 connection used on a
     * thread that gets interrupted while it writes breaks the database, for its other connections too.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void controlPlainH2ConnectionOnAnInterruptedThreadBreaksTheDatabase() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("raw") + ";WRITE_DELAY=0";
        try (Connection bystander = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = bystander.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(1000))");
            }
            AtomicReference<SQLException> broken = new AtomicReference<>();
            AtomicBoolean writing = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    for (int i = 0; i < 1_000_000 && broken.get() == null; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, VALUE);
                        insert.executeUpdate();
                        writing.set(true);
                    }
                } catch (SQLException e) {
                    broken.set(e);
                } finally {
                    done.set(true);
                }
            }, "raw-writer");
            writer.start();
            while (!writing.get() && !done.get()) {
                Thread.onSpinWait();
            }
            while (!done.get()) {
                writer.interrupt();
                LockSupport.parkNanos(200_000);
            }
            writer.join();

            assertThat((Throwable) broken.get()).as("the interrupted writer failed").isNotNull();
            assertThat(messages(broken.get())).contains(ClosedByInterruptException.class.getName());
            SQLException afterwards = catchThrowableOfType(SQLException.class,
                    () -> bystander.createStatement().executeQuery("SELECT COUNT(*) FROM t"));
            assertThat((Throwable) afterwards).as("a connection that was never interrupted is broken too").isNotNull();
            assertThat(messages(afterwards)).containsIgnoringCase("database has been closed");
        }
    }

    private static String messages(Throwable t) {
        List<String> all = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.add(c.getClass().getName() + ": " + c.getMessage());
        }
        return String.join("\n", all);
    }

    private static int writeBatch(cn.mediationdesk.logic.store.Tx tx, String prefix) {
        for (int i = 0; i < ROWS_PER_WRITE; i++) {
            tx.settings().put(prefix + "." + i, VALUE);
        }
        return ROWS_PER_WRITE;
    }

    private static void assertStoreIntact(Store store, int writes) {
        for (int i = 0; i < writes; i++) {
            String prefix = "heavy" + i;
            assertThat(setting(store, prefix + "." + (ROWS_PER_WRITE - 1))).as("write %d", i).contains(VALUE);
        }
        store.write(tx -> {
            tx.settings().put("after", "仍可写入");
            return null;
        });
        assertThat(setting(store, "after")).contains("仍可写入");
    }

    private static Optional<String> setting(Store store, String name) {
        return store.read(tx -> tx.settings().get(name));
    }
}
