package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditFilter;
import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.DirectConnections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups and restores of the demo with one account of each role, on encrypted files. */
class BackupRestoreTest {
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);
    private static final TallyQuery YEAR = new TallyQuery(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1), AS_OF, AS_OF,
            null, null);
    private static final List<String> AUDIT_TABLES = List.of("audit_entry", "audit_chain");

    @TempDir
    Path dir;

    private RoleFixture fixture;
    private Path base;

    @BeforeEach
    void demoWithAccounts() {
        fixture = new RoleFixture(dir);
        base = fixture.database.embeddedFile().orElseThrow();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private BackupService backups(cn.mediationdesk.model.User actor) {
        return new BackupService(fixture.database, RoleFixture.CLOCK, actor);
    }

    private RestoreService restorer() {
        return new RestoreService(base, (path, recovery) -> Database.open(DatabaseLocation.parse(path.toString()),
                false, KeyRing.inSettingsFolder(), recovery), RoleFixture.CLOCK);
    }

    private Store restore(Path backup) {
        RestoreService restore = restorer();
        try (RestoreService.CheckedBackup checked = restore.check(backup, Optional.empty())) {
            Store restored = restore.restore(checked, fixture.admin, fixture.database).store();
            fixture.database = (Database) restored;
            return restored;
        }
    }

    @Test
    void backupChangeRestoreGivesEveryTableOfTheBackupBack() throws Exception {
        Map<String, List<List<Object>>> before = tables();
        TallyResult tallyBefore = new TallyService(fixture.database).summarize(YEAR);
        Path backup = backups(fixture.admin).backUp().file();

        register("BK-001", "2022-12-20");
        backups(fixture.admin).changeKept(3);
        fixture.behindTheApplicationsBack("UPDATE lead SET summary = '改过了' WHERE lead_no IS NOT NULL");
        assertThat(new TallyService(fixture.database).summarize(YEAR)).isNotEqualTo(tallyBefore);

        restore(backup);

        Map<String, List<List<Object>>> after = tables();
        for (String table : before.keySet()) {
            if (!AUDIT_TABLES.contains(table)) {
                assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            }
        }
        // the trail of the backup, then the restore itself
        List<List<Object>> entries = after.get("audit_entry");
        assertThat(entries.subList(0, before.get("audit_entry").size())).isEqualTo(before.get("audit_entry"));
        assertThat(entries).hasSize(before.get("audit_entry").size() + 1);
        assertThat(new TallyService(fixture.database).summarize(YEAR)).isEqualTo(tallyBefore);
        assertThat(new TallyService(fixture.database).summarize(YEAR).total().counts().leads()).isEqualTo(87);
    }

    @Test
    void theRestoreIsAuditedAndTheTrailStaysIntact() {
        Path backup = backups(fixture.admin).backUp().file();
        register("BK-002", "2022-12-21");

        restore(backup);

        var newest = new AuditService(fixture.database, RoleFixture.CLOCK, fixture.admin)
                .entries(AuditFilter.newest(1)).entries().getFirst();
        assertThat(newest.action()).isEqualTo(AuditAction.DATABASE_RESTORE.code());
        assertThat(newest.actor()).isEqualTo("admin");
        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(fixture.database).intact()).isTrue();
    }

    @Test
    void theDatabaseAsItWasIsKeptAndCanItselfBeRestored() {
        Path backup = backups(fixture.admin).backUp().file();
        register("BK-003", "2022-12-22");
        long withNewLead = leadCount(fixture.database);

        restore(backup);

        BackupFolder.Entry safety = BackupFolder.of(base).list().stream()
                .filter(e -> e.kind() == BackupKind.BEFORE_RESTORE).findFirst().orElseThrow();
        restore(safety.file());
        assertThat(leadCount(fixture.database)).isEqualTo(withNewLead);
    }

    @Test
    void attachmentsTravelWithTheBackup() throws Exception {
        Path attachments = BackupFolder.attachmentsOf(base);
        Files.createDirectories(attachments.resolve("2022"));
        Files.writeString(attachments.resolve("2022/协议书扫描件.pdf"), "scan");
        Path backup = backups(fixture.admin).backUp().file();
        String backupBytes = new String(Files.readAllBytes(backup), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(backupBytes).as("sealed: neither the name nor the content in clear")
                .doesNotContain("scan").doesNotContain(new String("协议书".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.delete(attachments.resolve("2022/协议书扫描件.pdf"));
        Files.writeString(attachments.resolve("later.pdf"), "made after the backup");

        restore(backup);

        assertThat(attachments.resolve("2022/协议书扫描件.pdf")).hasContent("scan");
        assertThat(attachments.resolve("later.pdf")).doesNotExist();
    }

    @Test
    void onlyAnAdministratorBacksUpOrRestores() {
        for (var someone : List.of(fixture.directorA, fixture.mediatorB, fixture.viewer)) {
            assertThatThrownBy(() -> backups(someone).backUp()).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> backups(someone).list()).isInstanceOf(PermissionDeniedException.class);
        }
        Path backup = backups(fixture.admin).backUp().file();
        register("BK-004", "2022-12-23");
        long leads = leadCount(fixture.database);
        RestoreService restore = restorer();
        try (RestoreService.CheckedBackup checked = restore.check(backup, Optional.empty())) {
            assertThatThrownBy(() -> restore.restore(checked, fixture.directorA, fixture.database))
                    .isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(leadCount(fixture.database)).isEqualTo(leads);
    }

    @Test
    void aBackupWithABrokenAuditTrailIsRefusedAndNothingChanges() throws Exception {
        fixture.behindTheApplicationsBack("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 3");
        Path backup = backups(fixture.admin).backUp().file();
        byte[] current = Files.readAllBytes(Path.of(base + ".mv.db"));

        assertThatThrownBy(() -> restorer().check(backup, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().getFirst().key()).isEqualTo("restore.auditBroken"));
        assertThat(Files.readAllBytes(Path.of(base + ".mv.db"))).isEqualTo(current);
        assertThat(base.resolveSibling("." + base.getFileName() + ".restoring")).doesNotExist();
    }

    @Test
    void aBackupOfANewerVersionIsRefused() throws Exception {
        fixture.database.close();
        try (Connection connection = DirectConnections.open(base); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'sa', 1, TRUE)");
        }
        Path newer = dir.resolve("newer.zip");
        BackupArchive.zipDatabaseFile(Path.of(base + ".mv.db"), newer);
        base = dir.resolve("other");
        fixture.database = Database.open(DatabaseLocation.parse(base.toString()), true);

        assertThatThrownBy(() -> restorer().check(newer, Optional.empty()))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_SCHEMA));
    }

    @Test
    void aFileThatIsNoBackupIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "不是备份");
        Path emptyZip = dir.resolve("empty.zip");
        BackupArchive.zipDatabaseFile(Files.writeString(dir.resolve("readme.txt"), "x"), emptyZip);

        assertThatThrownBy(() -> restorer().check(dir.resolve("missing.zip"), Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().getFirst().key()).isEqualTo("restore.noSuchFile"));
        assertThatThrownBy(() -> restorer().check(emptyZip, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().getFirst().key()).isEqualTo("restore.notABackup"));
        assertThatThrownBy(() -> restorer().check(text, Optional.empty()))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OURS));
    }

    @Test
    void onAnotherPcTheRecoveryCodeOpensTheBackup() {
        Path backup = backups(fixture.admin).backUp().file();
        String code = fixture.database.recoveryCode().orElseThrow();
        fixture.database.close();
        String settings = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("another-pc").toString());
        try {
            base = dir.resolve("another-pc-data").resolve("mediationdesk");
            RestoreService restore = restorer();
            assertThatThrownBy(() -> restore.check(backup, Optional.empty()))
                    .isInstanceOfSatisfying(DatabaseOpenException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MISSING));
            DatabaseKey wrong = DatabaseKey.generate();
            assertThatThrownBy(() -> restore.check(backup, Optional.of(wrong)))
                    .isInstanceOfSatisfying(DatabaseOpenException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD));

            try (RestoreService.CheckedBackup checked = restore.check(backup,
                    DatabaseKey.fromRecoveryCode(code.toLowerCase().replace('-', ' ')));
                 RestoreService.Restored restored = restore.restore(checked, fixture.admin, null)) {
                assertThat(restored.safetyCopy()).isEmpty();
                assertThat(new TallyService(restored.store()).summarize(YEAR).total().counts().leads()).isEqualTo(87);
            }
            // the key is kept on this PC now: the restored file opens without the code
            try (Database reopened = Database.open(DatabaseLocation.parse(base.toString()), false)) {
                assertThat(leadCount(reopened)).isPositive();
            }
        } finally {
            System.setProperty(SettingsFolder.PROPERTY, settings);
            fixture.database = Database.open(DatabaseLocation.parse(dir.resolve("db").toString()), false);
        }
    }

    @Test
    void routineBackupsAreKeptToTheNewestN() {
        BackupService service = backups(fixture.admin);
        service.changeKept(2);
        for (int i = 0; i < 4; i++) {
            service.backUp();
        }
        assertThat(service.list()).hasSize(2).allSatisfy(e -> assertThat(e.kind()).isEqualTo(BackupKind.MANUAL));
        assertThatThrownBy(() -> service.changeKept(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> backups(fixture.directorA).changeKept(5)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theDailyBackupIsMadeOncePerDayAndTheExitBackupEveryTime() {
        BackupService service = backups(null);
        assertThat(service.automatic(BackupKind.DAILY)).isPresent();
        assertThat(service.automatic(BackupKind.DAILY)).isEmpty();
        assertThat(service.automatic(BackupKind.EXIT)).isPresent();
        assertThat(service.automatic(BackupKind.EXIT)).isPresent();
        assertThat(BackupFolder.of(base).list()).extracting(BackupFolder.Entry::kind)
                .containsExactly(BackupKind.EXIT, BackupKind.EXIT, BackupKind.DAILY);
    }

    @Test
    void aBackupNeverOverwritesAFileOrLandsInAFolder() throws Exception {
        Path existing = Files.writeString(dir.resolve("usb.zip"), "已有的文件");
        BackupService service = backups(fixture.admin);
        assertThatThrownBy(() -> service.backUpTo(existing)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.backUpTo(dir)).isInstanceOf(ValidationException.class);
        assertThat(existing).hasContent("已有的文件");
        Path made = service.backUpTo(dir.resolve("usb-new.zip"));
        assertThat(BackupArchive.manifest(made)).hasValueSatisfying(m -> {
            assertThat(m.kind()).isEqualTo(BackupKind.MANUAL);
            assertThat(m.encrypted()).isTrue();
            assertThat(m.auditHead()).isNotNull();
        });
    }

    private static long leadCount(Store store) {
        return store.read(tx -> tx.leads().count());
    }

    private void register(String leadNo, String foundOn) {
        var chart = fixture.database.read(tx -> tx.organization().committees());
        long committee = fixture.committeeA.id();
        long community = fixture.database.read(tx -> tx.organization().communities().getFirst().id());
        new LifecycleService(fixture.database, RoleFixture.CLOCK, fixture.admin).register(new NewLead(committee,
                community, null, leadNo, LocalDate.parse(foundOn), "WALK_IN", "NEIGHBOR", "楼上漏水", 2,
                new BigDecimal("100"), RiskLevel.BLUE, false, false,
                List.of(new PartyInput("张三", Gender.MALE, null, null, "金宝社区", PartyRole.APPLICANT))));
        assertThat(chart).isNotEmpty();
    }

    /** Every table's rows, in a stable order, read over a plain connection. */
    private Map<String, List<List<Object>>> tables() throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = DirectConnections.open(base); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + name + "\" ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            Object value = rs.getObject(c);
                            row.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value);
                        }
                        rows.add(row);
                    }
                }
                tables.put(name.toLowerCase(), rows);
            }
        }
        assertThat(tables).containsKeys("lead", "party", "agreement", "app_user", "setting", "audit_entry");
        return tables;
    }
}
