package cn.mediationdesk.gui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds submitted work until the test says {@link #runNext()}, to look at a view model while its
 * work is "in the background".
 */
public final class DeferredTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        pending.add(() -> now.execute(work, onSuccess, onFailure));
    }

    public int pending() {
        return pending.size();
    }

    public void runNext() {
        pending.removeFirst().run();
    }

    @Override
    public void shutdown() {
        pending.clear();
    }
}
