package cn.mediationdesk.logic.store;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that passes everything to another and counts the bulk writes begun: a test's way to see that
 * a refused import never reached {@link Store#bulkWrite}, and so never took its safety copy.
 */
public final class CountingStore extends DelegatingStore {
    private final AtomicInteger bulkWrites = new AtomicInteger();

    public CountingStore(Store store) {
        super(store);
    }

    /** How many bulk writes were begun through this store. */
    public int bulkWrites() {
        return bulkWrites.get();
    }

    @Override
    public <R> R bulkWrite(Work<R> work) {
        bulkWrites.incrementAndGet();
        return super.bulkWrite(work);
    }
}
