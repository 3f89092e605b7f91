package cn.mediationdesk.logic.files;

import cn.mediationdesk.logic.files.OutputFileException.Reason;
import cn.mediationdesk.logic.store.StorageException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way a file the user asked for is written (a report, an export, a summary, a template):
 * whole or not at all. The content goes into a hidden file beside the target, is forced to the
 * disk, and only then renamed over the target in one step; on any failure the hidden file is
 * removed and a file already at the target stays as it was. A name that is a folder is refused,
 * never replaced, and the folder must exist. Failures the user can act on (a full disk, a read-only
 * folder) come out as {@link OutputFileException}; others, such as a missing font or a database
 * fault met while producing the content, come out as they were thrown.
 */
public final class OutputFiles {
    /** Writes the content of a file; the stream is buffered, and closing it is left to this class. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private OutputFiles() {
    }

    /**
     * Checks what can be checked before any work is done: {@code file} is not a folder and its
     * folder exists.
     *
     * @throws OutputFileException {@link Reason#IS_FOLDER} or {@link Reason#NO_FOLDER}
     */
    public static void checkTarget(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new OutputFileException(Reason.IS_FOLDER, target, null);
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new OutputFileException(Reason.NO_FOLDER, target, null);
        }
    }

    /**
     * Writes {@code file} whole or not at all.
     *
     * @throws OutputFileException when the file cannot be written
     */
    public static void writeAtomically(Path file, Content content) {
        Path target = file.toAbsolutePath().normalize();
        checkTarget(target);
        // Beside the target (so the move is a rename), made like any new file (so it gets the usual permissions).
        String name = target.getFileName().toString();
        Path partial = target.resolveSibling("." + name.substring(0, Math.min(name.length(), 60)) + "."
                + UUID.randomUUID() + ".part");
        boolean moved = false;
        Watched out = null;
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out = new Watched(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
                content.write(out);
                out.flush();
                // On the disk before the rename: a crash never leaves a renamed file with nothing in it.
                channel.force(true);
            }
            move(partial, target);
            moved = true;
        } catch (IOException | RuntimeException e) {
            throw translate(target, e, out == null ? null : out.failure().orElse(null));
        } finally {
            if (!moved) {
                deleteQuietly(partial);
            }
        }
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            // Never REPLACE_EXISTING first: it deletes an empty folder at the target to make room.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (Files.isDirectory(target)) {
                throw new OutputFileException(Reason.IS_FOLDER, target, null);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A failure in the user's terms, or the original when it is not about writing the file.
     *
     * @param written what the file's stream failed with, if it did: a library may have thrown its own
     *                exception for it without the cause (POI: "Failed to save: content types part")
     */
    private static RuntimeException translate(Path target, Exception e, IOException written) {
        if (e instanceof OutputFileException || e instanceof StorageException) {
            return (RuntimeException) e;
        }
        if (written != null && IoFailures.firstIoException(e).isEmpty()) {
            written.addSuppressed(e);
            return translate(target, written, null);
        }
        if (e instanceof RuntimeException runtime && IoFailures.firstIoException(runtime).isEmpty()) {
            return runtime; // a missing font, a refusal, a bug: nothing to do with the file
        }
        if (IoFailures.diskFull(e)) {
            return new OutputFileException(Reason.DISK_FULL, target, e);
        }
        if (Files.isDirectory(target)) {
            return new OutputFileException(Reason.IS_FOLDER, target, e);
        }
        if (!Files.isDirectory(target.getParent())) {
            return new OutputFileException(Reason.NO_FOLDER, target, e);
        }
        if (IoFailures.readOnly(e)) {
            return new OutputFileException(Reason.READ_ONLY, target, e);
        }
        return new OutputFileException(Reason.FAILED, target, e);
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException | RuntimeException e) {
            // Nothing was created (a read-only folder), or the disk is gone: nothing more to do.
        }
    }

    /** The content's stream: closing it only flushes, so that the file is forced and closed here. */
    private static final class Watched extends FailureRecordingStream {
        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
