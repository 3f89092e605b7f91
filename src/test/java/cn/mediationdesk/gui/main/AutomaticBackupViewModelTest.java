package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's own backups, on a real database in a temporary folder. */
class AutomaticBackupViewModelTest {
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));

    @TempDir
    Path dir;

    private Database database;
    private final AtomicInteger closed = new AtomicInteger();

    @BeforeEach
    void sample() {
        database = GuiTestData.createDatabase(dir.resolve("mediationdesk"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<BackupKind> kinds() {
        return BackupFolder.of(database.embeddedFile().orElseThrow()).list().stream().map(BackupFolder.Entry::kind).toList();
    }

    @Test
    void theDailyBackupIsMadeOncePerDay() {
        AutomaticBackupViewModel vm = new AutomaticBackupViewModel(CLOCK, new CurrentThreadTaskExecutor());
        vm.daily(database);
        vm.daily(database); // a second login the same day
        assertThat(kinds()).containsExactly(BackupKind.DAILY);

        new AutomaticBackupViewModel(Clock.offset(CLOCK, Duration.ofDays(1)), new CurrentThreadTaskExecutor())
                .daily(database);
        assertThat(kinds()).containsExactly(BackupKind.DAILY, BackupKind.DAILY);
    }

    @Test
    void theWindowClosesOnlyOnceTheExitBackupIsDoneAndShowsItMeanwhile() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        AutomaticBackupViewModel vm = new AutomaticBackupViewModel(CLOCK, executor);

        vm.onExit(database, closed::incrementAndGet);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(closed).as("waiting for the backup").hasValue(0);

        executor.runNext();
        assertThat(kinds()).containsExactly(BackupKind.EXIT);
        assertThat(closed).hasValue(1);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailedExitBackupDoesNotKeepTheWindowOpen() throws Exception {
        Files.writeString(dir.resolve("backups"), "a file where the folder should be");
        AutomaticBackupViewModel vm = new AutomaticBackupViewModel(CLOCK, new CurrentThreadTaskExecutor());

        vm.onExit(database, closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theExitBackupWaitsForADailyBackupStillRunning() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        AutomaticBackupViewModel vm = new AutomaticBackupViewModel(CLOCK, executor);
        vm.daily(database);
        vm.onExit(database, closed::incrementAndGet);
        assertThat(executor.pending()).as("not beside the daily one").isEqualTo(1);
        assertThat(vm.busyProperty().get()).isTrue();

        executor.runNext();
        assertThat(kinds()).containsExactly(BackupKind.DAILY);
        assertThat(closed).hasValue(0);
        executor.runNext();
        assertThat(kinds()).containsExactlyInAnyOrder(BackupKind.EXIT, BackupKind.DAILY);
        assertThat(closed).hasValue(1);
    }

    @Test
    void aServerDatabaseIsLeftToItsServerAndTheWindowClosesAtOnce() {
        Store server = cn.mediationdesk.gui.ServerStores.untouched("jdbc:postgresql://server/mediationdesk");
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        AutomaticBackupViewModel vm = new AutomaticBackupViewModel(CLOCK, executor);
        vm.daily(server);
        vm.onExit(server, closed::incrementAndGet);
        assertThat(executor.pending()).isZero();
        assertThat(closed).hasValue(1);
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
