package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process killed inside a migration leaves the file half-migrated: H2 commits each DDL statement
 * alone. Here that state is made directly (the first table of V5 created, Flyway's record of V5
 * missing), as a kill between V5's statements leaves it; {@link CrashSafetyTest} kills real migrations.
 */
class MigrationGuardTest {
    private static final String SCHEMA_V4 = "schema-v4-457f846";

    @TempDir
    Path dir;

    @Test
    void aHalfMigratedFileIsPutBackFromTheCopyTakenBeforeAndMigratedAgain() throws Exception {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        Path copy = MigrationGuard.copyOf(location);
        try (Connection c = DirectConnections.open(location.basePath(), ";IFEXISTS=TRUE"); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + copy + "'");                       // what the guard takes before migrating
            s.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY)"); // V5's first statement, then the kill
        }

        try (Database db = Database.open(location, false)) {
            long leads = db.read(tx -> tx.leads().count());
            assertThat(leads).isEqualTo(102);
            List<?> audited = db.read(tx -> tx.audit().page(0, 10));
            assertThat(audited).isEmpty();
        }
        assertThat(copy).doesNotExist();
    }

    @Test
    void withoutTheCopyAHalfMigratedFileCannotBeOpened() throws Exception {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        try (Connection c = DirectConnections.open(location.basePath(), ";IFEXISTS=TRUE"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE audit_entry (seq BIGINT PRIMARY KEY)");
        }

        assertThatThrownBy(() -> Database.open(location, false)).isInstanceOf(DatabaseOpenException.class)
                .hasStackTraceContaining("AUDIT_ENTRY");
    }

    @Test
    void aCompletedMigrationLeavesNoCopy() throws IOException {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        Database.open(location, false).close();
        assertThat(MigrationGuard.copyOf(location)).doesNotExist();
        try (Database db = Database.open(location, false)) {
            long leads = db.read(tx -> tx.leads().count());
            assertThat(leads).isEqualTo(102);
        }
    }

    private DatabaseLocation.EmbeddedFile unpack(String fixture) throws IOException {
        Path base = dir.resolve(fixture);
        try (InputStream in = new GZIPInputStream(MigrationGuardTest.class.getResourceAsStream(
                "/fixtures/releases/" + fixture + ".mv.db.gz"))) {
            Files.copy(in, Path.of(base + ".mv.db"));
        }
        return new DatabaseLocation.EmbeddedFile(base);
    }

    private static String url(DatabaseLocation.EmbeddedFile location) throws SQLException {
        return "jdbc:h2:file:" + location.basePath() + ";IFEXISTS=TRUE";
    }
}
