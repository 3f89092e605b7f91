package cn.mediationdesk.logic.files;

import cn.mediationdesk.faults.SmallDisk;
import cn.mediationdesk.logic.files.OutputFileException.Reason;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file the user asked for is written whole or not at all, and a failure is named in the user's terms. */
class OutputFilesTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Localization ENGLISH = new Localization(Localization.ENGLISH);

    @TempDir
    Path dir;

    private static void write(Path file, String text) {
        OutputFiles.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] megabytes(int n) {
        return new byte[n * 1024 * 1024];
    }

    private static OutputFileException failure(Runnable write) {
        try {
            write.run();
        } catch (OutputFileException e) {
            return e;
        }
        throw new AssertionError("expected the write to fail");
    }

    private Stream<String> names() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    @Test
    void aFileIsWrittenAndReplacedWholeWithNothingLeftBeside() throws IOException {
        Path file = dir.resolve("汇总.csv");
        write(file, "first");
        write(file, "second");

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(names()).containsExactly("汇总.csv");
    }

    @Test
    void aFailureWhileWritingLeavesTheFileThatWasThereAndNoPartialFile() throws IOException {
        Path file = dir.resolve("report.csv");
        write(file, "the good report");

        assertThatThrownBy(() -> OutputFiles.writeAtomically(file, out -> {
            out.write("half a rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the network share went away");
        })).isInstanceOfSatisfying(OutputFileException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.FAILED);
            assertThat(e.describe(ENGLISH)).isEqualTo("Cannot write " + file + ": the network share went away."
                    + " Nothing was written.");
        });
        assertThat(Files.readString(file)).isEqualTo("the good report");
        assertThat(names()).containsExactly("report.csv");
    }

    @Test
    void whatTheContentThrowsForItsOwnReasonsComesOutAsItWas() {
        Path file = dir.resolve("report.pdf");
        IllegalStateException bug = new IllegalStateException("no font");
        StorageException damaged = new StorageException(StorageException.Reason.DAMAGED, "/data/md.mv.db",
                new IOException("File corrupted"));

        assertThatThrownBy(() -> OutputFiles.writeAtomically(file, out -> {
            throw bug;
        })).isSameAs(bug);
        assertThatThrownBy(() -> OutputFiles.writeAtomically(file, out -> {
            throw damaged;
        })).isSameAs(damaged);
        assertThat(file).doesNotExist();
    }

    @Test
    void anIoFailureWrappedByALibraryIsStillAFileFailure() {
        Path file = dir.resolve("ledger.xlsx");
        OutputFileException e = failure(() -> OutputFiles.writeAtomically(file, out -> {
            throw new IllegalStateException("Fail to save", new UncheckedIOException(
                    new IOException("No space left on device")));
        }));
        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
    }

    @Test
    void aFolderIsRefusedAndKeptEvenWhenEmpty() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ledger.csv"));
        Path full = Files.createDirectory(dir.resolve("reports"));
        Files.writeString(full.resolve("keep.txt"), "keep");

        OutputFileException empty = failure(() -> write(folder, "rows"));
        OutputFileException notEmpty = failure(() -> write(full, "rows"));

        assertThat(empty.reason()).isEqualTo(Reason.IS_FOLDER);
        assertThat(notEmpty.reason()).isEqualTo(Reason.IS_FOLDER);
        assertThat(folder).isEmptyDirectory();
        assertThat(full.resolve("keep.txt")).hasContent("keep");
        assertThat(empty.describe(CHINESE)).isEqualTo(folder + " 是一个文件夹，不是文件。请给出要写入的文件名；该文件夹没有被改动。");
        assertThatThrownBy(() -> OutputFiles.checkTarget(folder)).isInstanceOf(OutputFileException.class);
    }

    @Test
    void aMissingFolderIsNamedAndNotCreated() {
        Path file = dir.resolve("no-such-folder").resolve("summary.csv");

        OutputFileException e = failure(() -> write(file, "rows"));

        assertThat(e.reason()).isEqualTo(Reason.NO_FOLDER);
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
        assertThat(e.describe(ENGLISH)).isEqualTo("The folder " + dir.resolve("no-such-folder")
                + " does not exist, so summary.csv was not written. Create the folder first, or choose another one.");
    }

    @Test
    void aFullDiskIsNamedAsSuchAndLeavesTheEarlierFileAndNothingElse(@TempDir Path mountPoint) throws IOException {
        try (SmallDisk disk = SmallDisk.mount(mountPoint.resolve("disk"), "1m")) {
            Path file = disk.resolve("ledger.csv");
            write(file, "the good ledger");
            disk.fill();

            OutputFileException e = failure(() -> OutputFiles.writeAtomically(file, out -> out.write(megabytes(2))));

            assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
            assertThat(e.describe(CHINESE)).isEqualTo("无法写入 " + file + "：磁盘已满。没有写入任何内容，请腾出空间后重试。");
            assertThat(e.describe(ENGLISH)).contains("the disk is full");
            assertThat(Files.readString(file)).isEqualTo("the good ledger");
            assertThat(disk.files()).containsExactly("ledger.csv");
        }
    }

    @Test
    void aFullDiskIsNamedEvenWhenALibraryLosesTheSystemsWords(@TempDir Path mountPoint) {
        try (SmallDisk disk = SmallDisk.mount(mountPoint.resolve("disk"), "1m")) {
            disk.fill();
            Path file = disk.resolve("report.xlsx");

            // As POI does: "Failed to save: content types part", the IOException dropped.
            OutputFileException e = failure(() -> OutputFiles.writeAtomically(file, out -> {
                try {
                    out.write(megabytes(2));
                } catch (IOException lost) {
                    throw new IllegalStateException("Failed to save: content types part");
                }
            }));

            assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
            assertThat(disk.files()).isEmpty();
        }
    }

    @Test
    void aReadOnlyFolderIsNamedAsSuch(@TempDir Path mountPoint) {
        try (SmallDisk disk = SmallDisk.mount(mountPoint.resolve("disk"), "1m")) {
            disk.readOnly();
            Path file = disk.resolve("report.pdf");

            OutputFileException e = failure(() -> write(file, "%PDF"));

            assertThat(e.reason()).isEqualTo(Reason.READ_ONLY);
            assertThat(e.describe(CHINESE)).isEqualTo("无法写入 " + file + "：文件夹 " + disk.folder()
                    + " 是只读的、没有写入权限，或者该文件正被其他程序打开。没有写入任何内容。");
            assertThat(disk.files()).isEmpty();
        }
    }

    @Test
    void theSystemsWordsForAFullDiskAreRecognisedOnLinuxAndWindows() {
        assertThat(IoFailures.diskFull(new IOException("No space left on device"))).isTrue();
        assertThat(IoFailures.diskFull(new FileSystemException("C:\\报表\\a.pdf", null,
                "There is not enough space on the disk"))).isTrue();
        assertThat(IoFailures.diskFull(new IOException("Disk quota exceeded"))).isTrue();
        assertThat(IoFailures.diskFull(new FileSystemException("D:\\报表\\a.pdf", null, "磁盘空间不足。")))
                .as("a Chinese Windows").isTrue();
        assertThat(IoFailures.diskFull(new RuntimeException(new UncheckedIOException(
                new IOException("No space left on device"))))).isTrue();
        assertThat(IoFailures.diskFull(new IOException("Broken pipe"))).isFalse();
        assertThat(IoFailures.diskFull(new IOException((String) null))).isFalse();
    }

    @Test
    void theSystemsWordsForAPlaceThatMayNotBeWrittenAreRecognised() {
        assertThat(IoFailures.readOnly(new FileSystemException("/mnt/a", null, "Read-only file system"))).isTrue();
        assertThat(IoFailures.readOnly(new AccessDeniedException("/mnt/a"))).isTrue();
        assertThat(IoFailures.readOnly(new FileSystemException("D:\\a", null, "The media is write protected"))).isTrue();
        assertThat(IoFailures.readOnly(new FileSystemException("D:\\台账.xlsx", null,
                "另一个程序正在使用此文件，进程无法访问。"))).as("open in Excel on a Chinese Windows").isTrue();
        assertThat(IoFailures.readOnly(new IOException("Broken pipe"))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsIsReadOnce() {
        IOException first = new IOException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(IoFailures.causes(second)).containsExactly(second, first);
        assertThat(IoFailures.diskFull(second)).isFalse();
    }
}
