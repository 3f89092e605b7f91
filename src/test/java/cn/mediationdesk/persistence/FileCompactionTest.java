package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8: "a 50,000-row import leaves the file within 3× of its compacted size". A smaller
 * import (to stay quick) bloats the file the same way; after the close the file must be within 3×
 * of what H2's full compaction makes of a copy.
 */
class FileCompactionTest {
    private static final int ROWS = 5_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    @Test
    void largeImportLeavesTheFileWithinThreeTimesItsCompactedSize() throws Exception {
        Path ledger = dir.resolve("ledger.csv");
        LargeLedger.write(ledger, ROWS, 8);
        DatabaseLocation.EmbeddedFile location = new DatabaseLocation.EmbeddedFile(dir.resolve("db").toAbsolutePath());
        long sizeBeforeClose;
        try (Database db = Database.open(location, true)) {
            db.write(tx -> {
                tx.organization().insertJurisdiction("示例新区", CLOCK.instant());
                return null;
            });
            ImportReport report = new LedgerImporter(db, CLOCK, User.setup())
                    .importLedger(ledger, new ImportOptions(false, true, null));
            assertThat(report.added()).isEqualTo(ROWS);
            sizeBeforeClose = Files.size(location.file());
        }
        long size = Files.size(location.file());
        long compacted = compactedSizeOfACopy(location.file());

        assertThat(sizeBeforeClose).as("the import bloats the file, else this test proves nothing")
                .isGreaterThan(3 * compacted);
        assertThat(size).as("file after close (%d bytes before it; %d compacted)", sizeBeforeClose, compacted)
                .isLessThanOrEqualTo(3 * compacted);
        assertThat(dir.resolve("db.trace.db")).as("H2's record of errors").doesNotExist();
        try (Database db = Database.open(location, false)) {
            assertThat(db.read(tx -> tx.leads().count()).longValue()).isEqualTo(ROWS);
        }
    }

    @Test
    void aSmallDatabaseClosesWithoutARewrite() throws Exception {
        DatabaseLocation.EmbeddedFile location = new DatabaseLocation.EmbeddedFile(dir.resolve("small").toAbsolutePath());
        Database.open(location, true).close();
        try (Connection c = DirectConnections.open(location.file(), ";IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            Map<String, Long> info = FileCompaction.info(s);
            assertThat(info).containsKeys("info.FILE_SIZE", "info.FILL_RATE", "info.CHUNKS_FILL_RATE");
            assertThat(FileCompaction.worthCompacting(info.get("info.FILE_SIZE"),
                    FileCompaction.liveBytes(info).orElseThrow())).isFalse();
        }
    }

    @Test
    void compactsOnlyLargeFilesThatAreMostlyEmpty() {
        long mb = 1L << 20;
        assertThat(FileCompaction.worthCompacting(15 * mb, mb)).as("small").isFalse();
        assertThat(FileCompaction.worthCompacting(100 * mb, 60 * mb)).as("dense").isFalse();
        assertThat(FileCompaction.worthCompacting(100 * mb, 49 * mb)).as("half empty").isTrue();
        assertThat(FileCompaction.worthCompacting(1500 * mb, 160 * mb)).as("after a 50,000-row import").isTrue();
    }

    /** What H2's full compaction ({@code SHUTDOWN COMPACT}) makes of a copy of {@code file}. */
    static long compactedSizeOfACopy(Path file) throws SQLException, java.io.IOException {
        Path copy = file.resolveSibling("compacted-copy.mv.db");
        Files.copy(file, copy);
        try (Connection c = DirectConnections.open(copy, ";IFEXISTS=TRUE");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long size = Files.size(copy);
        Files.delete(copy);
        return size;
    }
}
