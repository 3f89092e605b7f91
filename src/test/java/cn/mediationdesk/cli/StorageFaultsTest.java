package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.faults.SmallDisk;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §6 for a database that cannot be written or read while a command works: the disk holding
 * it is full, it is on a read-only disk, its pages are damaged. Each is exit 4 and one line saying
 * what to do, never a page of SQL; a write is all or nothing, so the database holds what it held.
 */
class StorageFaultsTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    /** The leads of the sample ledger do not fit in what the disk has left: well over this. */
    private static final long ROOM_LEFT = 64 * 1024;

    @TempDir
    Path dir;

    private Path sampleLedger() throws IOException {
        Path file = dir.resolve("ledger_sample.csv");
        try (InputStream in = getClass().getResourceAsStream("/ledger/ledger_sample.csv")) {
            assertThat(in).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static String figures(Path db) {
        Result summary = runOn(db, "summary", "--by", "committee", "--format", "csv", "--as-of", "2023-06-30");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        return summary.out();
    }

    private static String file(Path db) {
        return DatabaseLocation.parse(db.toString()).display();
    }

    @Test
    void aLedgerThatDoesNotFitIsExitFourSayingTheDiskIsFullAndTheDatabaseKeepsWhatItHeld() throws IOException {
        Path ledger = sampleLedger();
        // An import first copies the database beside it (SafetyCopy): the disk holds the file twice.
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "40m")) {
            Path db = disk.resolve("md");
            assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
            String before = figures(db);
            disk.fillLeaving(ROOM_LEFT);
            assertThat(figures(db)).as("reading still works on the full disk").isEqualTo(before);

            Result result = runOn(db, "import", ledger.toString(), "--create-missing");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(result.errLines()).containsExactly(CHINESE.text("storage.diskFull", file(db)));
            assertThat(result.err()).contains("磁盘已满");
            disk.free();
            assertThat(figures(db)).as("all or nothing: nothing").isEqualTo(before);
            try (var left = Files.list(disk.resolve("md").getParent())) {
                assertThat(left.map(f -> f.getFileName().toString())).as("no copy cut short left on the disk")
                        .noneMatch(name -> name.contains("before-bulk-write"));
            }
            Result again = runOn(db, "import", ledger.toString(), "--create-missing");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(figures(db)).as("all: the database works on").isNotEqualTo(before);
        }
    }

    @Test
    void aDatabaseOnAReadOnlyDiskIsExitFourSayingSoAndReadsStillWork() throws IOException {
        Path ledger = sampleLedger();
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "16m")) {
            Path db = disk.resolve("md");
            assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
            String before = figures(db);
            disk.readOnly();

            Result result = runOn(db, "import", ledger.toString(), "--create-missing");
            Result init = runOn(disk.resolve("new"), "init", "--jurisdiction", "示例新区");

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(result.errLines()).containsExactly(CHINESE.text("storage.readOnly", file(db)));
            assertThat(result.err()).contains("只读");
            assertThat(init.exitCode()).as(init.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(init.errLines()).containsExactly(CHINESE.text("storage.readOnly", file(disk.resolve("new"))));
            assertThat(figures(db)).isEqualTo(before);
            disk.writable();
        }
    }

    /**
     * Damage anywhere in the file: the command ends cleanly (the damage was in free space), or says in
     * one line that the database cannot be opened, or that it is damaged and to take a backup (or, for
     * damage that looks like a missing table, one unexpected-error line); never a stack trace or a statement. Damage in the pages the export reads is met while working.
     */
    @Test
    void damagedPagesMetWhileWorkingAreExitFourWithOneLineNamingTheFile() throws IOException {
        Path pristine = dir.resolve("demo");
        Result demo = runOn(pristine, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        byte[] good = Files.readAllBytes(Path.of(file(pristine)));
        Path damaged = dir.resolve("damaged");
        String damagedLine = CHINESE.text("storage.damaged", file(damaged));
        List<String> outcomes = new ArrayList<>();
        boolean metWhileWorking = false;

        // A kilobyte of rubbish every 8 KiB from the header on, until damage is met while working.
        for (int offset = 4096; offset < good.length && !metWhileWorking; offset += 8 * 1024) {
            byte[] copy = good.clone();
            for (int i = offset; i < Math.min(offset + 1024, copy.length); i++) {
                copy[i] = 0x5a;
            }
            Files.write(Path.of(file(damaged)), copy);
            Files.deleteIfExists(dir.resolve("ledger.csv"));

            Result result = runOn(damaged, "export", "--out", dir.resolve("ledger.csv").toString());

            outcomes.add(offset + ": " + result.exitCode() + " " + result.err().lines().findFirst().orElse(""));
            assertThat(result.exitCode()).as(outcomes.getLast()).isIn(ExitCodes.OK, ExitCodes.DATABASE, ExitCodes.FAILURE);
            assertThat(result.errLines()).as(outcomes.getLast()).hasSizeLessThanOrEqualTo(2)
                    .noneMatch(line -> line.strip().startsWith("at ") || line.contains("SELECT ")
                            || line.contains("INSERT ") || line.contains("UPDATE "));
            // the damage is named whether the opening's read-only look finds it or the work meets it later
            String openingLine = CHINESE.text("cli.db.damaged", file(damaged));
            if (result.errLines().contains(damagedLine)
                    || result.errLines().stream().anyMatch(line -> line.startsWith(openingLine))) {
                metWhileWorking = true;
                assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
                assertThat(result.errLines()).hasSize(1);
                assertThat(dir.resolve("ledger.csv")).as("no half export").doesNotExist();
            }
        }
        assertThat(metWhileWorking).as("damage named, among %s", outcomes).isTrue();
    }
}
