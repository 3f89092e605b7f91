package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.security.RoleFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code backup}, {@code restore} and {@code key show} on the demo with one account of each role. */
class BackupCommandsTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;
    private Path db;

    @BeforeEach
    void demoWithAccounts() {
        fixture = new RoleFixture(dir);
        fixture.database.close(); // the commands open it themselves, as another process would
        db = dir.resolve("db");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Result as(String user, String password, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("--db", db.toString(), "--user", user));
        args.addAll(List.of(command));
        return runWithInput("", password, args.toArray(String[]::new));
    }

    @Test
    void keyShowPrintsTheThreeLinesThatOpenTheFileWithH2() throws Exception {
        Result shown = as("admin", "admin-2024", "key", "show");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        List<String> lines = shown.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("jdbc:h2:file:" + db).contains("CIPHER=AES");
        try (Connection connection = DriverManager.getConnection(lines.get(0), lines.get(1), lines.get(2));
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM audit_entry WHERE action = 'databaseKey.show' AND actor = 'admin'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the key shown is on the audit trail").isEqualTo(1);
        }
    }

    @Test
    void onlyAnAdministratorSeesTheKeyOrBacksUpOrRestores() throws Exception {
        Result backup = as("admin", "admin-2024", "backup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Path made;
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            made = files.findFirst().orElseThrow();
        }
        List<Long> before = contents();
        // accounts made by the administrator must change their passwords first; the viewer has no other way in
        for (String[] command : new String[][] {{"key", "show"}, {"backup"}, {"restore", made.toString()}}) {
            Result refused = as("leader", "viewer-01", command);
            assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(5);
            assertThat(refused.out()).isEmpty();
        }
        Result wrongPassword = as("admin", "guess", "key", "show");
        assertThat(wrongPassword.exitCode()).isEqualTo(5);
        assertThat(wrongPassword.out()).isEmpty();
        assertThat(contents()).isEqualTo(before);
    }

    /** What a refused command must leave as it was: the leads, the accounts, the audit trail (its length and end). */
    private List<Long> contents() throws Exception {
        try (Connection connection = cn.mediationdesk.persistence.DirectConnections.open(db);
             ResultSet rs = connection.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM lead),"
                     + " (SELECT COUNT(*) FROM app_user), (SELECT COUNT(*) FROM audit_entry),"
                     + " (SELECT MAX(seq) FROM audit_entry)")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    @Test
    void aBackupIntoAFileAndBackFromIt() {
        Path usb = dir.resolve("usb.zip");
        Result backup = as("admin", "admin-2024", "backup", "--to", usb.toString());
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains(usb.toString());

        Result again = as("admin", "admin-2024", "backup", "--to", usb.toString());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.errLines()).singleElement().asString().contains("已经存在");

        Result restore = as("admin", "admin-2024", "restore", usb.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.outLines()).anySatisfy(line -> assertThat(line).startsWith("备份已核对").contains("金宝新区"));
        assertThat(restore.outLines()).anySatisfy(line -> assertThat(line).contains("before-restore"));
        Result verify = as("admin", "admin-2024", "audit", "verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
    }

    @Test
    void aRestoreOfSomethingElseIsRefusedWithNothingChanged() throws Exception {
        List<Long> before = contents();
        Result missing = as("admin", "admin-2024", "restore", dir.resolve("nothing.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.errLines()).singleElement().asString().contains("找不到备份文件");
        Path text = Files.writeString(dir.resolve("notes.txt"), "会议记录");
        Result foreign = as("admin", "admin-2024", "restore", text.toString());
        assertThat(foreign.exitCode()).isEqualTo(4);
        assertThat(foreign.errLines()).singleElement().asString().contains("不是调解台账的数据库");
        assertThat(contents()).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.contains("restoring"));
        }
    }
}
