package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.Store;
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
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process killed inside a migration leaves the file half-migrated: H2 commits each DDL statement
 * alone. Here that state is made directly (the first table of V5 created, Flyway's record of V5
 * missing), as a kill between V5's statements leaves it; {@link CrashSafetyTest} kills real migrations.
 * A bulk write killed while H2 commits it leaves part of it committed: here the copy is taken and a
 * change committed without the copy being removed, which is the state such a kill leaves behind.
 */
class SafetyCopyTest {
    private static final String SCHEMA_V4 = "schema-v4-457f846";

    @TempDir
    Path dir;

    @Test
    void aHalfMigratedFileIsPutBackFromTheCopyTakenBeforeAndMigratedAgain() throws Exception {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        Path copy = SafetyCopy.copyOf(location, SafetyCopy.Purpose.MIGRATION);
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
        assertThat(SafetyCopy.copyOf(location, SafetyCopy.Purpose.MIGRATION)).doesNotExist();
        try (Database db = Database.open(location, false)) {
            long leads = db.read(tx -> tx.leads().count());
            assertThat(leads).isEqualTo(102);
        }
    }

    @Test
    void aBulkWriteKilledBeforeItsCopyWasRemovedIsUndoneAndTheFileItLeftIsKept() throws Exception {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        try (Database db = Database.open(location, false)) {
            Store.DirectAccess access = db.directAccess().orElseThrow();
            try (Connection c = DriverManager.getConnection(access.url(), access.user(), access.password())) {
                SafetyCopy.take(location, c, SafetyCopy.Purpose.BULK_WRITE);
            }
            db.write(tx -> {
                tx.settings().put("written.after.the.copy", "part of an import");
                return null;
            });
        } // the process "dies" here: nobody removed the copy
        assertThat(SafetyCopy.copyOf(location, SafetyCopy.Purpose.BULK_WRITE)).exists();

        try (Database db = Database.open(location, false)) {
            assertThat(db.undoneBulkWrite()).as("told to the one who opens it")
                    .hasValueSatisfying(aside -> assertThat(aside.getFileName().toString()).contains(".interrupted-bulk-write-"));
            Optional<String> written = db.read(tx -> tx.settings().get("written.after.the.copy"));
            assertThat(written).isEmpty();
            long leads = db.read(tx -> tx.leads().count());
            assertThat(leads).isEqualTo(102);
        }
        assertThat(SafetyCopy.copyOf(location, SafetyCopy.Purpose.BULK_WRITE)).doesNotExist();
        try (var files = Files.list(dir)) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().contains(".interrupted-bulk-write-")).toList();
            assertThat(aside).as("the file the interrupted write left, kept").hasSize(1);
        }
    }

    @Test
    void aBulkWriteKeepsWhatItWroteAndLeavesNoCopy() throws IOException {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        try (Database db = Database.open(location, false)) {
            db.bulkWrite(tx -> {
                tx.settings().put("imported", "yes");
                return null;
            });
            assertThat(SafetyCopy.copyOf(location, SafetyCopy.Purpose.BULK_WRITE)).doesNotExist();
        }
        try (Database db = Database.open(location, false)) {
            assertThat(db.undoneBulkWrite()).isEmpty();
            Optional<String> imported = db.read(tx -> tx.settings().get("imported"));
            assertThat(imported).contains("yes");
        }
    }

    @Test
    void aBulkWriteThatFailsWritesNothingAndLeavesNoCopy() throws IOException {
        DatabaseLocation.EmbeddedFile location = unpack(SCHEMA_V4);
        try (Database db = Database.open(location, false)) {
            assertThatThrownBy(() -> db.bulkWrite(tx -> {
                tx.settings().put("imported", "half");
                throw new IllegalStateException("row 7 is wrong");
            })).hasMessageContaining("row 7");
            assertThat(SafetyCopy.copyOf(location, SafetyCopy.Purpose.BULK_WRITE)).doesNotExist();
            Optional<String> imported = db.read(tx -> tx.settings().get("imported"));
            assertThat(imported).isEmpty();
        }
    }

    private DatabaseLocation.EmbeddedFile unpack(String fixture) throws IOException {
        Path base = dir.resolve(fixture);
        try (InputStream in = new GZIPInputStream(SafetyCopyTest.class.getResourceAsStream(
                "/fixtures/releases/" + fixture + ".mv.db.gz"))) {
            Files.copy(in, Path.of(base + ".mv.db"));
        }
        return new DatabaseLocation.EmbeddedFile(base);
    }

    private static String url(DatabaseLocation.EmbeddedFile location) throws SQLException {
        return "jdbc:h2:file:" + location.basePath() + ";IFEXISTS=TRUE";
    }
}
