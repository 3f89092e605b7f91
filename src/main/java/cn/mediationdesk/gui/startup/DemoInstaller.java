package cn.mediationdesk.gui.startup;

import cn.mediationdesk.logic.store.Store;

import java.time.Clock;

/** Fills a new, empty database with the demo jurisdiction of DESIGN §5. */
@FunctionalInterface
public interface DemoInstaller {
    /** @return the name of the jurisdiction it created */
    String install(Store store, Clock clock);
}
