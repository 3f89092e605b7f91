package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store.DirectAccess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A plain JDBC connection to an embedded test database, opened with its key from the test key ring:
 * for tests that reach behind the application's back (tampering, bulk loading, deleting).
 */
public final class DirectConnections {
    private DirectConnections() {
    }

    /** @param database the database's base path or its {@code .mv.db} file */
    public static Connection open(Path database) throws SQLException {
        return open(database, "");
    }

    /** The same, with extra H2 URL settings (each starting with {@code ;}). */
    public static Connection open(Path database, String urlSettings) throws SQLException {
        DirectAccess access = Database.directAccessTo(DatabaseLocation.parse(database.toString()), KeyRing.inSettingsFolder())
                .orElseThrow(() -> new IllegalStateException("no key for " + database));
        return DriverManager.getConnection(access.url() + urlSettings, access.user(), access.password());
    }
}
