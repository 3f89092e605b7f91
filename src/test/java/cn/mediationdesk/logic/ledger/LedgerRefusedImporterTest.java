package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.store.CountingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A viewer's import is refused before the bulk write begins: the whole-file safety copy an embedded
 * database takes first (which on a large file costs time and disk) is never made, and nothing is written.
 */
class LedgerRefusedImporterTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;

    @BeforeEach
    void demoWithAccounts() {
        fixture = new RoleFixture(dir);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aViewersImportNeverBeginsTheBulkWriteNorTakesTheSafetyCopy() throws IOException {
        CountingStore store = new CountingStore(fixture.database);
        long leadsBefore = store.read(tx -> tx.leads().count());
        long auditBefore = store.read(tx -> tx.audit().chain().map(c -> c.lastSeq()).orElse(0L));
        Path ledger = LedgerTestDatabase.fixture("ledger_sample.csv");

        for (ImportOptions options : List.of(new ImportOptions(false, true, null), new ImportOptions(true, true, null))) {
            assertThatThrownBy(() -> new LedgerImporter(store, RoleFixture.CLOCK, fixture.viewer)
                    .importLedger(ledger, options))
                    .isInstanceOf(PermissionDeniedException.class);
        }

        assertThat(store.bulkWrites()).isZero();
        assertThat(safetyCopies()).isEmpty();
        assertThat(store.<Long>read(tx -> tx.leads().count())).isEqualTo(leadsBefore);
        assertThat(store.<Long>read(tx -> tx.audit().chain().map(c -> c.lastSeq()).orElse(0L))).isEqualTo(auditBefore);

        // the same store lets the administrator import: the counter sees that one bulk write
        new LedgerImporter(store, RoleFixture.CLOCK, fixture.admin).importLedger(ledger, new ImportOptions(false, true, null));
        assertThat(store.bulkWrites()).isEqualTo(1);
        assertThat(store.<Long>read(tx -> tx.leads().count())).isGreaterThan(leadsBefore);
    }

    private List<Path> safetyCopies() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().contains("before-bulk-write")).toList();
        }
    }
}
