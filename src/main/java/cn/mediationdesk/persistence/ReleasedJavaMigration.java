package cn.mediationdesk.persistence;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java (its statements depend on the server, or it runs the code that keeps its
 * tables current afterwards), run inside Flyway's transaction. It has no checksum: once released it
 * never changes, and a checksum of code that asks the server what to do would not say so anyway.
 */
abstract class ReleasedJavaMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    ReleasedJavaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
