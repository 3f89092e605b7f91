package cn.mediationdesk.gui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the FX thread and hands its result back. The GUI implementation runs the
 * work on a background thread and the callbacks on the FX thread; {@link CurrentThreadTaskExecutor}
 * runs everything at once, so view-model tests never wait on timing.
 * <p>
 * Work is never cancelled by interrupting it: an interrupt during H2 file I/O breaks the store.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work}; afterwards exactly one of {@code onSuccess} (with its result) or
     * {@code onFailure} (with what it threw) runs, on the thread that may touch the GUI.
     */
    <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Accepts no more work and waits a little for work already started to finish. */
    void shutdown();
}
