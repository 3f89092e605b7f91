package cn.mediationdesk.gui.startup;

import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;

/**
 * Opens the store at a location ({@link Database#open(DatabaseLocation, boolean)} in the
 * application); a seam so tests can make opening fail the ways a real file can (locked, newer).
 */
@FunctionalInterface
public interface DatabaseOpener {
    DatabaseOpener DATABASE = Database::open;

    /**
     * @param create whether to create the database when nothing is there yet
     * @throws cn.mediationdesk.logic.store.DatabaseOpenException when it cannot be opened
     */
    Store open(DatabaseLocation location, boolean create);
}
