package cn.mediationdesk.gui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callbacks on the calling thread: for tests, where nothing should wait on timing. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
