package cn.mediationdesk.logic.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that passes everything to another and counts the bulk writes begun: a test's way to see that
 * a refused import never reached {@link Store#bulkWrite}, and so never took its safety copy.
 */
public final class CountingStore implements Store {
    private final Store store;
    private final AtomicInteger bulkWrites = new AtomicInteger();

    public CountingStore(Store store) {
        this.store = store;
    }

    /** How many bulk writes were begun through this store. */
    public int bulkWrites() {
        return bulkWrites.get();
    }

    @Override
    public <R> R read(Work<R> work) {
        return store.read(work);
    }

    @Override
    public <R> R write(Work<R> work) {
        return store.write(work);
    }

    @Override
    public <R> R bulkWrite(Work<R> work) {
        bulkWrites.incrementAndGet();
        return store.bulkWrite(work);
    }

    @Override
    public String location() {
        return store.location();
    }

    @Override
    public Optional<Path> embeddedFile() {
        return store.embeddedFile();
    }

    @Override
    public String schemaVersion() {
        return store.schemaVersion();
    }

    @Override
    public Optional<DatabaseKey> fileKey() {
        return store.fileKey();
    }

    @Override
    public void close() {
        store.close();
    }
}
