package cn.mediationdesk.logic.files;

import cn.mediationdesk.logic.l10n.Localization;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A file the user asked for could not be written; {@link #reason()} says why in terms the user can
 * act on. Whatever the reason, no half-written file was left and a file already there is unchanged.
 */
public final class OutputFileException extends RuntimeException {
    public enum Reason {
        /** The name given is that of a folder: it is never replaced by a file. */
        IS_FOLDER,
        /** The folder the file should go into does not exist. */
        NO_FOLDER,
        /** The folder (or the file already there) may not be written: read-only, or no permission. */
        READ_ONLY,
        /** The disk, or the user's quota on it, is full. */
        DISK_FULL,
        /** Any other failure of the system: {@link #detail()} is its own words. */
        FAILED
    }

    private final Reason reason;
    private final transient Path file;

    public OutputFileException(Reason reason, Path file, Throwable cause) {
        super(reason + ": " + file + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    /** The file that was to be written, as an absolute path. */
    public Path file() {
        return file;
    }

    /** What the system said, for {@link Reason#FAILED}: its reason without the file names it repeats. */
    public String detail() {
        IOException io = IoFailures.firstIoException(this.getCause()).orElse(null);
        if (io instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        Throwable cause = io != null ? io : getCause();
        if (cause == null) {
            return "";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** One line for the user, in their language: what went wrong with which file, and what to do. */
    public String describe(Localization l10n) {
        Path folder = file.getParent();
        return switch (reason) {
            case IS_FOLDER -> l10n.text("output.isFolder", file);
            case NO_FOLDER -> l10n.text("output.noFolder", folder, file.getFileName());
            case READ_ONLY -> l10n.text("output.readOnly", file, folder);
            case DISK_FULL -> l10n.text("output.diskFull", file);
            case FAILED -> l10n.text("output.failed", file, detail());
        };
    }
}
