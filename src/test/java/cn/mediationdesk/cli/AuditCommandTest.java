package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.audit.AuditTestDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit verify} on a database whose trail was made in {@code <dir>/settings}, the folder the command reads. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private String previousSettings;
    private Path db;

    @BeforeEach
    void auditedDatabase() {
        previousSettings = System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        try (AuditTestDatabase audited = new AuditTestDatabase(dir)) {
            Lead lead = audited.register("XS-001");
            audited.verify(lead);
            audited.register("XS-002");
            db = audited.dbPath();
        }
    }

    @AfterEach
    void restoreSettingsFolder() {
        if (previousSettings == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, previousSettings);
        }
    }

    @Test
    void anIntactTrailExitsZeroWithOneLine() {
        Result result = runOn(db, "audit", "verify");
        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly("审计日志完好：共 3 条记录。");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aBrokenTrailExitsThreeNamingTheFirstBrokenEntry() throws Exception {
        try (var connection = cn.mediationdesk.persistence.DirectConnections.open(db);
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 2");
            statement.executeUpdate("UPDATE lead SET summary = '另一回事' WHERE lead_no = 'XS-002'");
        }
        Result result = CliRunner.run(Localization.ENGLISH, "--db", db.toString(), "audit", "verify");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines()).containsExactly(
                "Entry 2 was altered: its content no longer matches its hash.",
                "Lead XS-002 was changed outside the application after entry 3.",
                "The audit trail is broken: 2 problem(s) found in 3 entries.");
    }

    @Test
    void deletedNewestEntriesAreNamedFromTheHeadInTheSettingsFolder() throws Exception {
        try (var connection = cn.mediationdesk.persistence.DirectConnections.open(db);
             var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_entry WHERE seq = 3");
        }
        Result result = runOn(db, "audit", "verify");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines().getFirst()).isEqualTo("第 3 至 3 条记录缺失：最新的记录被删除，或数据库丢失了最后的提交。");
    }

    @Test
    void auditAloneIsAUsageError() {
        Result result = runOn(db, "audit");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).contains("audit verify");
    }
}
