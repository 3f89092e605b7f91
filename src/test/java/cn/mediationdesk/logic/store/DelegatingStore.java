package cn.mediationdesk.logic.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A store that passes everything to another: a test overrides the one thing it wants to see or change
 * (the bulk writes begun, a crash reported at opening, a newer schema).
 */
public class DelegatingStore implements Store {
    private final Store store;

    public DelegatingStore(Store store) {
        this.store = store;
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
        return store.bulkWrite(work);
    }

    @Override
    public Optional<Path> undoneBulkWrite() {
        return store.undoneBulkWrite();
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
