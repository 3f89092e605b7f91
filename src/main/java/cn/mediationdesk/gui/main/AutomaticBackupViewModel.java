package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.store.Store;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The application's own backups of an embedded database (DESIGN §7): the first of the day soon
 * after the main window opens, and one each time the window closes. They need no role and never
 * stand in anyone's way: a failure is logged, and the window closes all the same.
 */
public final class AutomaticBackupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticBackupViewModel.class);

    private final Clock clock;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** Set while a daily backup runs: the exit backup then waits for it instead of running beside it. */
    private boolean dailyRunning;
    private Runnable exitAfterDaily;

    public AutomaticBackupViewModel(Clock clock, TaskExecutor executor) {
        this.clock = clock;
        this.executor = executor;
    }

    /** The first backup of the day, in the background; nothing when one was made today or on a server. */
    public void daily(Store store) {
        if (dailyRunning || !new BackupService(store, clock, null).available()) {
            return;
        }
        dailyRunning = true;
        executor.execute(() -> new BackupService(store, clock, null).automatic(BackupKind.DAILY), made -> {
            made.ifPresent(entry -> LOG.info("daily backup made: {}", entry.file()));
            dailyDone();
        }, failure -> {
            LOG.warn("the daily backup of {} failed", store.location(), failure);
            dailyDone();
        });
    }

    private void dailyDone() {
        dailyRunning = false;
        Runnable exit = exitAfterDaily;
        exitAfterDaily = null;
        if (exit != null) {
            exit.run();
        }
    }

    /**
     * The backup made as the window closes; {@code then} (closing the window) runs once it is done,
     * whether it worked or not. Meanwhile {@link #busyProperty()} tells the window to say so.
     */
    public void onExit(Store store, Runnable then) {
        if (store == null || !new BackupService(store, clock, null).available()) {
            then.run();
            return;
        }
        busy.set(true);
        Runnable backup = () -> executor.execute(() -> new BackupService(store, clock, null).automatic(BackupKind.EXIT),
                made -> {
                    made.ifPresent(entry -> LOG.info("exit backup made: {}", entry.file()));
                    finish(then);
                }, failure -> {
                    LOG.warn("the backup on exit of {} failed; the window closes all the same", store.location(), failure);
                    finish(then);
                });
        if (dailyRunning) {
            exitAfterDaily = backup;
        } else {
            backup.run();
        }
    }

    private void finish(Runnable then) {
        busy.set(false);
        then.run();
    }

    /** Whether the exit backup runs: the window shows it and waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
