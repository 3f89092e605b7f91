package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.store.Store;

import java.util.Objects;

/** The database the window works on, and the jurisdiction it serves (e.g. 金宝新区). */
public record OpenedDatabase(Store store, String jurisdictionName) {
    public OpenedDatabase {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(jurisdictionName, "jurisdictionName");
    }

    /** Where the data lives, for the status bar (a path, or a JDBC URL without secrets). */
    public String location() {
        return store.location();
    }
}
