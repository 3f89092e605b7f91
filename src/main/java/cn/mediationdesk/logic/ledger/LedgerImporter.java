package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Imports a ledger file (DESIGN §8) all or nothing: the file is read and every row checked first
 * (against the rules of §4, the dictionaries, the organization and the other rows); only a ledger
 * without a single problem is written, in one transaction.
 */
public final class LedgerImporter {
    private final Store store;
    private final Clock clock;

    public LedgerImporter(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Imports {@code file}, or with {@link ImportOptions#dryRun()} only checks it.
     *
     * @throws LedgerRejectedException with every problem found; nothing has been written
     */
    public ImportReport importLedger(Path file, ImportOptions options) {
        LedgerTable table = LedgerReader.read(file, options.charset());
        LedgerHeader header = LedgerHeader.of(table);
        LocalDate today = LocalDate.now(clock);
        if (options.dryRun()) {
            return store.read(tx -> new ImportPlanner(tx, header, options.createMissing(), today)
                    .plan(table).report(true));
        }
        // Checked and written in one transaction, so that nothing can change in between.
        return store.write(tx -> {
            ImportPlan plan = new ImportPlanner(tx, header, options.createMissing(), today).plan(table);
            new ImportWriter(tx, clock, options.user()).write(plan);
            return plan.report(false);
        });
    }
}
