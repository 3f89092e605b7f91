package cn.mediationdesk.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard the window relies on: database work started on the thread named forbidden is noticed
 * (opening, reading and writing alike) and still done; work on any other thread is not noticed.
 */
class DatabaseThreadsTest {
    private static final String FORBIDDEN = "forbidden-for-the-test";

    @TempDir
    Path dir;

    @AfterEach
    void allowEveryThreadAgain() {
        Database.forbidWorkWhere(() -> false);
        DatabaseThreads.clear();
    }

    @Test
    void workOnTheForbiddenThreadIsNoticedAndStillDone() throws Exception {
        Database.forbidWorkWhere(() -> Thread.currentThread().getName().equals(FORBIDDEN));
        DatabaseThreads.clear();
        try (Database database = TestStores.fresh(dir)) {
            long leads = database.read(tx -> tx.leads().count());
            assertThat(DatabaseThreads.violations()).as("work on the test's own thread").isEmpty();

            AtomicReference<Long> counted = new AtomicReference<>();
            Thread forbidden = new Thread(() -> counted.set(database.read(tx -> tx.leads().count())), FORBIDDEN);
            forbidden.start();
            forbidden.join();

            assertThat(counted.get()).isEqualTo(leads);
            assertThat(DatabaseThreads.violations()).singleElement()
                    .satisfies(violation -> assertThat(violation.getMessage()).contains(FORBIDDEN));
        }
    }

    @Test
    void openingOnTheForbiddenThreadIsNoticed() throws Exception {
        Database.forbidWorkWhere(() -> Thread.currentThread().getName().equals(FORBIDDEN));
        DatabaseThreads.clear();
        Thread forbidden = new Thread(() -> TestStores.fresh(dir).close(), FORBIDDEN);
        forbidden.start();
        forbidden.join();

        assertThat(DatabaseThreads.violations()).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.getMessage()).contains(FORBIDDEN));
    }
}
