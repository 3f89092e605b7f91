package cn.mediationdesk.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real small disk, for tests of a full or read-only disk: a tmpfs mounted on a folder. Mounting
 * needs Linux and root, and root ignores file permissions, so a read-only mount is the only
 * read-only folder such a test can meet. Where it cannot be mounted the test is skipped, not failed.
 * Use it in try-with-resources, so that it is unmounted (before {@code @TempDir} cleans up) whatever
 * the test did; anything still open on it is detached lazily.
 */
public final class SmallDisk implements AutoCloseable {
    private static final String FILLER = ".filler";

    private final Path folder;
    private boolean mounted = true;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /**
     * Mounts a tmpfs of {@code size} (as {@code mount} writes it: {@code 1m}, {@code 512k}) on
     * {@code folder}, which is created if need be.
     */
    public static SmallDisk mount(Path folder, String size) {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "a tmpfs needs Linux");
        assumeTrue(isRoot(), "mounting a tmpfs needs root");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path absolute = folder.toAbsolutePath();
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=1777", "tmpfs", absolute.toString());
        assumeTrue(failure == null, () -> "could not mount a tmpfs on " + absolute + ": " + failure);
        return new SmallDisk(absolute);
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the user the process runs as.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public Path folder() {
        return folder;
    }

    public Path resolve(String name) {
        return folder.resolve(name);
    }

    /** Fills the disk to its last byte with a hidden file, which {@link #files()} leaves out. */
    public SmallDisk fill() {
        return fillLeaving(0);
    }

    /** Fills the disk, leaving about {@code bytes} free (rounded to the disk's pages). */
    public SmallDisk fillLeaving(long bytes) {
        try (FileChannel filler = FileChannel.open(folder.resolve(FILLER), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            while (true) {
                block.clear();
                try {
                    if (filler.write(block) == 0) {
                        break;
                    }
                } catch (IOException full) {
                    break; // No space left on device: that is the point
                }
            }
            if (bytes > 0) {
                filler.truncate(Math.max(0, filler.size() - bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Frees what {@link #fill} took. */
    public SmallDisk free() {
        try {
            Files.deleteIfExists(folder.resolve(FILLER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Makes the whole disk read-only, as a write-protected stick or a read-only share would be. */
    public SmallDisk readOnly() {
        remount("ro");
        return this;
    }

    public SmallDisk writable() {
        remount("rw");
        return this;
    }

    private void remount(String mode) {
        String failure = run("mount", "-o", "remount," + mode, folder.toString());
        if (failure != null) {
            throw new IllegalStateException("could not remount " + folder + " " + mode + ": " + failure);
        }
    }

    /** The names of the files on the disk, but for the filler. */
    public List<String> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.equals(FILLER)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!mounted) {
            return;
        }
        mounted = false;
        if (run("umount", folder.toString()) != null) {
            // Still busy (a database a failed test left open): detach it now, the kernel frees it later.
            String failure = run("umount", "-l", folder.toString());
            if (failure != null) {
                throw new IllegalStateException("could not unmount " + folder + ": " + failure);
            }
        }
    }

    /** Runs a command; {@code null} when it succeeded, else what it said. */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "timed out";
            }
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
