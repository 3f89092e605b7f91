package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.OpenedDatabase.SummaryStart;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.DateRange;

import java.time.Clock;
import java.time.LocalDate;

/** Fills a new, empty database with the demo jurisdiction. */
@FunctionalInterface
public interface DemoInstaller {
    /**
     * DESIGN §5: the demo reproduces the seed report's 2022 as of 2022-12-31 (87 leads, 64
     * resolved), so that is what the Summaries screen opens on after loading it.
     */
    SummaryStart SEED_REPORT = new SummaryStart(
            new DateRange(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)), LocalDate.of(2022, 12, 31));

    /** The demo of {@link DemoJurisdiction}. */
    DemoInstaller DEMO_JURISDICTION = (store, clock) -> {
        DemoJurisdiction.Created created = new DemoJurisdiction(store, clock).create();
        return new OpenedDatabase(store, created.jurisdiction(), SEED_REPORT);
    };

    /** Creates the demo in {@code store}, which holds nothing yet. */
    OpenedDatabase install(Store store, Clock clock);
}
