package cn.mediationdesk.persistence;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs all database work on threads of its own that nobody interrupts. H2 reads and writes its
 * file through a {@code FileChannel}, which closes for good when the thread doing the I/O is
 * interrupted (JavaFX {@code Task.cancel()} does exactly that), breaking the store. Callers may be
 * interrupted while they wait: the work still finishes (commits or rolls back whole) before they
 * return, and their interrupt flag is restored.
 */
final class DatabaseWorker implements AutoCloseable {
    private static final ThreadLocal<Boolean> ON_WORKER = ThreadLocal.withInitial(() -> false);

    private final ExecutorService executor;

    DatabaseWorker(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(() -> {
                ON_WORKER.set(true);
                runnable.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** Whether the calling thread is a worker, i.e. this is work nested in other database work. */
    static boolean onWorker() {
        return ON_WORKER.get();
    }

    <R> R call(Callable<R> work) {
        DatabaseThreads.check("work");
        if (ON_WORKER.get()) {
            return callHere(work); // already on a worker: nested work runs inline instead of deadlocking
        }
        Future<R> future = executor.submit(() -> callHere(work));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the work must end before the caller goes on
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <R> R callHere(Callable<R> work) {
        try {
            return work.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
