package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * New leads are written in batches of a thousand, and their audit entries made from what was written
 * rather than read back: the trail must still match the database, and numbering must stay gap-free
 * across batches and imports.
 */
class LedgerBatchWriteTest {
    /** A clock with nanoseconds, which the database does not keep: what was written must still be what is read. */
    private static final Clock NANO_CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00.123456789Z"),
            ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;
    private LedgerTestDatabase db;

    @BeforeEach
    void open() {
        db = LedgerTestDatabase.create(dir).withNanchi();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyLeadOfAManyBatchImportIsOnTheTrailAsItIsStored() throws IOException {
        Path ledger = ledger("a.csv", "A", 2500, -1);

        ImportReport report = importFile(ledger);

        assertThat(report.added()).isEqualTo(2500);
        assertThat(db.value("SELECT COUNT(DISTINCT lead_id) FROM audit_entry WHERE action = 'import.add'"))
                .isEqualTo(2500L);
        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(db.store).problems()).isEmpty();
        // a duplicate written in the same import points at the lead it repeats
        assertThat(db.value("""
                SELECT COUNT(*) FROM lead l JOIN lead d ON d.id = l.duplicate_of_id
                WHERE l.verification_result = 'DUPLICATE'""")).isEqualTo(db.value(
                "SELECT COUNT(*) FROM lead WHERE verification_result = 'DUPLICATE'"));
    }

    @Test
    void aSecondImportContinuesTheCaseNumbersWithoutAGap() throws IOException {
        importFile(ledger("a.csv", "A", 1500, -1));
        importFile(ledger("b.csv", "B", 1200, -1));

        long accepted = ((Number) db.value("SELECT COUNT(*) FROM lead WHERE accepted_on IS NOT NULL")).longValue();
        assertThat(db.rows("SELECT COUNT(*), MIN(case_seq), MAX(case_seq), COUNT(DISTINCT case_seq) FROM lead"
                + " WHERE case_number IS NOT NULL").getFirst())
                .extracting(v -> ((Number) v).longValue()).containsExactly(accepted, 1L, accepted, accepted);
        assertThat(((Number) db.value("SELECT last_number FROM case_number_counter")).longValue()).isEqualTo(accepted);
        // the ACCEPTED step of each lead carries its number
        assertThat(db.value("""
                SELECT COUNT(*) FROM lead l JOIN lead_transition t ON t.lead_id = l.id AND t.kind = 'ACCEPTED'
                WHERE t.detail = l.case_number""")).isEqualTo(accepted);
        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(db.store).problems()).isEmpty();
    }

    @Test
    void aBadRowAfterManyGoodOnesLeavesNothingWrittenAndTheCounterAsItWas() throws IOException {
        importFile(ledger("a.csv", "A", 1200, -1));
        Object counter = db.value("SELECT last_number FROM case_number_counter");
        var before = db.footprint();

        assertThatThrownBy(() -> importFile(ledger("b.csv", "B", 2500, 2300)))
                .isInstanceOf(LedgerRejectedException.class);

        assertThat(db.footprint()).isEqualTo(before);
        assertThat(db.value("SELECT last_number FROM case_number_counter")).isEqualTo(counter);
    }

    private ImportReport importFile(Path ledger) {
        return new LedgerImporter(db.store, NANO_CLOCK, User.setup())
                .importLedger(ledger, new ImportOptions(false, false, null));
    }

    /**
     * {@code rows} rows of 南池村 in 2022 numbered {@code prefix}-i: one in ten pending, one in ten a
     * duplicate of the row before, the rest accepted (mediating, resolved or failed). Row {@code badRow}
     * (0-based; -1 for none) has a found day that is no date.
     */
    private Path ledger(String name, String prefix, int rows, int badRow) throws IOException {
        Path file = dir.resolve(name);
        LocalDate start = LocalDate.of(2022, 1, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("线索编号,发现日期,线索来源,社区,调委会,纠纷类型,简要情况,当事人,核实日期,核实结果,受理日期,调解结果,"
                    + "办结日期,重复线索编号\n");
            for (int i = 0; i < rows; i++) {
                LocalDate found = start.plusDays(i % 300);
                String tail = switch (i % 10) {
                    case 0 -> ",,,,,";
                    case 1 -> found.plusDays(1) + ",重复,,,," + prefix + "-" + (i - 1);
                    case 2, 3 -> found.plusDays(1) + ",属实,,,,";
                    case 4 -> found.plusDays(1) + ",属实,,调解不成," + found.plusDays(9) + ",";
                    default -> found.plusDays(1) + ",属实," + found.plusDays(2) + ",调解成功," + found.plusDays(12) + ",";
                };
                out.write(String.join(",", prefix + "-" + i, i == badRow ? "2022-13-45" : found.toString(), "主动排查",
                        LedgerTestDatabase.NANCHI, LedgerTestDatabase.NANCHI_COMMITTEE, "邻里", "第 " + i + " 条",
                        "张某" + i + "(申请人);李某(被申请人)", tail) + "\n");
            }
        }
        return file;
    }
}
