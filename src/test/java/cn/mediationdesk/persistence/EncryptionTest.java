package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What someone who copies the database file or a backup can read: nothing of a case. The file's key
 * is outside the database folder, readable by its owner only.
 */
class EncryptionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String ID_NUMBER = "51010419850315231" + PartyRules.checkCharacter("51010419850315231");
    private static final String PHONE = "13812345678";
    private static final String NAME = "张建国";

    @TempDir
    Path dir;

    private Path settings() {
        return dir.resolve("settings");
    }

    @Test
    void aCopiedFileOrBackupRevealsNoPartysData() throws Exception {
        Path base = dir.resolve("data").resolve("mediationdesk");
        Path backup;
        try (Database db = Database.open(DatabaseLocation.parse(base.toString()), true, KeyRing.in(settings()))) {
            new DemoJurisdiction(db, CLOCK).create();
            registerLeadWithParty(db);
            backup = new BackupService(db, CLOCK, User.setup()).backUp().file();
        }
        byte[] file = Files.readAllBytes(Path.of(base + ".mv.db"));
        assertThat(new String(file, 0, 10, StandardCharsets.US_ASCII)).isEqualTo("H2encrypt\n");
        assertRevealsNothing(file);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertRevealsNothing(zip.readAllBytes());
            }
        }
        // nothing else beside the database holds it in clear either (no trace file, no temporary copy)
        try (Stream<Path> files = Files.list(base.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mediationdesk.mv.db", "backups");
        }
    }

    @Test
    void theKeyIsOutsideTheDataFolderAndOnlyItsOwnerReadsIt() throws Exception {
        Path base = dir.resolve("data").resolve("mediationdesk");
        KeyRing keys = KeyRing.in(settings());
        try (Database db = Database.open(DatabaseLocation.parse(base.toString()), true, keys)) {
            assertThat(db.encrypted()).isTrue();
        }
        try (Stream<Path> files = Files.list(keys.folder())) {
            List<Path> keyFiles = files.toList();
            assertThat(keyFiles).hasSize(1);
            assertThat(keyFiles.getFirst().startsWith(base.getParent())).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFiles.getFirst())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.folder())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void theDirectAccessOpensTheFileWithH2sOwnDriver() throws Exception {
        Path base = dir.resolve("db");
        KeyRing keys = KeyRing.in(settings());
        try (Database db = Database.open(DatabaseLocation.parse(base.toString()), true, keys)) {
            new DemoJurisdiction(db, CLOCK).create();
        }
        Store.DirectAccess access = Database.directAccessTo(DatabaseLocation.parse(base.toString()), keys).orElseThrow();
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM lead")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
        assertThat(Database.directAccessTo(DatabaseLocation.parse(base.toString()), KeyRing.in(dir.resolve("other"))))
                .as("another PC's key ring holds no key for this file").isEmpty();
    }

    @Test
    void anUnencryptedDatabaseOfAnEarlierVersionIsEncryptedOnItsFirstOpenAfterABackup() throws Exception {
        Path base = dir.resolve("data").resolve("mediationdesk");
        long leads;
        try (Database plain = Database.open(DatabaseLocation.parse(base.toString()), true, KeyRing.unencrypted(settings()))) {
            new DemoJurisdiction(plain, CLOCK).create();
            registerLeadWithParty(plain);
            leads = leadCount(plain);
            assertThat(plain.encrypted()).isFalse();
        }
        // the control: in clear, the file shows the party's ID number and phone to anyone who opens it
        assertThat(new String(Files.readAllBytes(Path.of(base + ".mv.db")), StandardCharsets.ISO_8859_1))
                .contains(ID_NUMBER).contains(PHONE).contains("JB-2022-118");

        try (Database db = Database.open(DatabaseLocation.parse(base.toString()), false, KeyRing.in(settings()))) {
            assertThat(db.encrypted()).isTrue();
            assertThat(leadCount(db)).isEqualTo(leads);
        }
        assertRevealsNothing(Files.readAllBytes(Path.of(base + ".mv.db")));
        assertThat(BackupFolder.of(base).list()).singleElement()
                .satisfies(backup -> assertThat(backup.kind()).isEqualTo(BackupKind.ENCRYPTED));
        try (Stream<Path> files = Files.list(base.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mediationdesk.mv.db", "backups");
        }
        // and it opens again as an encrypted file, without a second conversion
        try (Database again = Database.open(DatabaseLocation.parse(base.toString()), false, KeyRing.in(settings()))) {
            assertThat(leadCount(again)).isEqualTo(leads);
        }
        assertThat(BackupFolder.of(base).list()).hasSize(1);
    }

    @Test
    void theListOfTablesKnownToTheOpeningCheckIsTheSchemasOwn() {
        try (Database db = Database.open(DatabaseLocation.parse(dir.resolve("fresh").toString()), true,
                KeyRing.in(settings()))) {
            assertThat(db.tables()).containsExactlyInAnyOrderElementsOf(Database.TABLES);
        }
    }

    private static long leadCount(Store db) {
        return db.read(tx -> tx.leads().count());
    }

    private static void registerLeadWithParty(Store db) {
        long[] ids = db.read(tx -> new long[] {tx.organization().committees().getFirst().id(),
                tx.organization().communities().getFirst().id()});
        new LifecycleService(db, CLOCK, User.setup()).register(new NewLead(ids[0], ids[1], null, "JB-2022-118",
                LocalDate.of(2022, 12, 1), "WALK_IN", "NEIGHBOR", "三楼住户卫生间漏水", 2, new BigDecimal("3500"),
                RiskLevel.YELLOW, false, false, List.of(new PartyInput(NAME, Gender.MALE, ID_NUMBER, PHONE,
                "金宝社区 3 栋 201", PartyRole.APPLICANT))));
    }

    private static void assertRevealsNothing(byte[] bytes) {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(latin).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain("JB-2022-118")
                .doesNotContain("flyway_schema_history");
    }
}
