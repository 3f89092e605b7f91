package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.faults.SmallDisk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database file damaged by a crash or a disk fault is never taken for an empty one: every command
 * exits 4 with one line naming what is wrong and the newest backup, and the file stays byte for
 * byte as it was (nothing is created beside it either).
 */
class DamagedFilesTest {
    @TempDir
    Path dir;

    private Path db;
    private byte[] good;
    private String newestBackup;

    @BeforeEach
    void demoWithABackup() throws Exception {
        db = dir.resolve("mediationdesk");
        assertThat(runOn(db, "demo").exitCode()).isZero();
        Result backup = runOn(db, "backup");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            newestBackup = files.findFirst().orElseThrow().getFileName().toString();
        }
        good = Files.readAllBytes(file());
    }

    private Path file() {
        return Path.of(db + ".mv.db");
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 8 * 1024, 12 * 1024, 16 * 1024})
    void aFileCutShortIsRefusedAndLeftAsItWas(int length) throws Exception {
        Files.write(file(), Arrays.copyOf(good, length));
        assertRefusedUntouched(length == 0 ? "数据库文件是空的" : "数据库文件已损坏");
    }

    @Test
    void aFileWhoseHeaderWasZeroedIsRefusedAndLeftAsItWas() throws Exception {
        byte[] zeroed = good.clone();
        Arrays.fill(zeroed, 0, 8192, (byte) 0);
        Files.write(file(), zeroed);
        assertRefusedUntouched("数据库文件已损坏");
    }

    @Test
    void aFileThatIsNotOursIsRefusedAndLeftAsItWas() throws Exception {
        Files.writeString(file(), "这不是数据库，只是一段文字。".repeat(500), StandardCharsets.UTF_8);
        assertRefusedUntouched("不是调解台账的数据库");
    }

    @Test
    void aFileWhoseKeyIsGoneIsRefusedNamingTheRecoveryCode() throws Exception {
        try (Stream<Path> keys = Files.list(cn.mediationdesk.logic.store.KeyRing.inSettingsFolder().folder())) {
            // the key file of this database: named by the id H2 wrote at the start of the file
            String id = java.util.HexFormat.of().formatHex(good, 10, 18);
            for (Path key : keys.filter(k -> k.getFileName().toString().startsWith(id)).toList()) {
                Files.move(key, dir.resolve("moved.key"));
            }
        }
        Result result = runOn(db, "summary", "--by", "committee");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.errLines()).singleElement().asString().contains("恢复码");
        assertThat(Files.readAllBytes(file())).isEqualTo(good);
    }

    @Test
    void initAndDemoNeverWriteOverADamagedFile() throws Exception {
        Files.write(file(), Arrays.copyOf(good, 12 * 1024));
        byte[] damaged = Files.readAllBytes(file());
        assertThat(runOn(db, "demo").exitCode()).isEqualTo(4);
        assertThat(runOn(db, "init", "--jurisdiction", "金宝新区").exitCode()).isEqualTo(4);
        assertThat(Files.readAllBytes(file())).isEqualTo(damaged);
    }

    @Test
    void aDemoThatFailsOnAFullDiskLeavesNoFileBehind() {
        for (String[] command : new String[][] {{"demo"}, {"init", "--jurisdiction", "金宝新区"}}) {
            try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "2m")) {
                disk.fillLeaving(96 * 1024);
                Path target = disk.resolve("mediationdesk");
                Result result = runOn(target, command);
                assertThat(result.exitCode()).as(String.join(" ", command)).isNotZero();
                assertThat(result.errLines()).as(result.err()).hasSizeLessThanOrEqualTo(2)
                        .anySatisfy(line -> assertThat(line).contains("磁盘已满"));
                assertThat(disk.files()).as("nothing of the database is left").noneMatch(f -> f.startsWith("mediationdesk"));
            }
        }
    }

    @Test
    void theNewestBackupRestoresADamagedDatabase() throws Exception {
        Files.write(file(), Arrays.copyOf(good, 16 * 1024));
        Result restore = runOn(db, "restore", dir.resolve("backups").resolve(newestBackup).toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("已恢复");
        Result summary = runOn(db, "summary", "--by", "committee", "--from", "2022-01-01", "--to", "2022-12-31",
                "--as-of", "2022-12-31", "--format", "csv");
        assertThat(summary.exitCode()).isZero();
        assertThat(summary.outLines().getLast()).startsWith("TOTAL,合计,87,").contains(",64,");
        // the damaged file was kept, zipped, before it was replaced
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.contains("before-restore"));
        }
    }

    /**
     * Each command meets the damaged file in a folder of its own (with the same backups): H2, having
     * failed on a cut-short file, keeps it locked for the rest of the process, so a second command in
     * this JVM would be told "in use". Every real command is a process of its own.
     */
    private void assertRefusedUntouched(String what) throws Exception {
        byte[] before = Files.readAllBytes(file());
        int n = 0;
        for (String[] command : new String[][] {{"summary", "--by", "committee"}, {"export", "--out",
                dir.resolve("out.csv").toString()}, {"audit", "verify"}, {"backup"}}) {
            Path folder = Files.createDirectories(dir.resolve("copy-" + n++));
            Path copy = folder.resolve("mediationdesk.mv.db");
            Files.write(copy, before);
            Files.createDirectories(folder.resolve("backups"));
            Files.copy(dir.resolve("backups").resolve(newestBackup), folder.resolve("backups").resolve(newestBackup));
            Result result = runOn(folder.resolve("mediationdesk"), command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(4);
            assertThat(result.errLines()).as(String.join(" ", command)).singleElement().asString()
                    .contains(what).contains(copy.toString()).contains(newestBackup);
            assertThat(result.out()).isEmpty();
            assertThat(Files.readAllBytes(copy)).isEqualTo(before);
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactlyInAnyOrder("mediationdesk.mv.db", "backups");
            }
        }
    }
}
