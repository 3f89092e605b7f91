package cn.mediationdesk.logic.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the operating system said when a write failed, read from an exception's cause chain: the
 * disk is full, or the place cannot be written. Java reports both as a plain {@link IOException}
 * (or a {@link FileSystemException}) whose message is the system's own text, so that text is what
 * is recognised: Linux's {@code ENOSPC}/{@code EDQUOT}/{@code EROFS}/{@code EACCES} and Windows'
 * {@code ERROR_DISK_FULL}/{@code ERROR_ACCESS_DENIED}/{@code ERROR_WRITE_PROTECT}/{@code ERROR_SHARING_VIOLATION},
 * in English and in Chinese (Windows words them in its own language).
 */
public final class IoFailures {
    private static final String[] DISK_FULL = {
            "no space left on device",          // Linux, macOS: ENOSPC
            "disk quota exceeded",              // EDQUOT: full as far as this user is concerned
            "not enough space on the disk",     // Windows: ERROR_DISK_FULL
            "the disk is full",                 // Windows: ERROR_HANDLE_DISK_FULL
            "磁盘空间不足",                       // the same on a Chinese Windows, which words them in Chinese
            "磁盘已满",
    };
    private static final String[] READ_ONLY = {
            "read-only file system",            // EROFS
            "permission denied",                // EACCES
            "operation not permitted",          // EPERM
            "access is denied",                 // Windows: ERROR_ACCESS_DENIED
            "write protected",                  // Windows: ERROR_WRITE_PROTECT
            "being used by another process",    // Windows: ERROR_SHARING_VIOLATION (open in Excel)
            "拒绝访问",                           // the same on a Chinese Windows
            "写入保护",
            "另一个程序正在使用此文件",
    };

    private IoFailures() {
    }

    /** Whether {@code failure} or one of its causes says the disk (or the user's quota on it) is full. */
    public static boolean diskFull(Throwable failure) {
        return causes(failure).stream().anyMatch(t -> says(t, DISK_FULL));
    }

    /** Whether {@code failure} or one of its causes says the place may not be written (read-only, no permission). */
    public static boolean readOnly(Throwable failure) {
        return causes(failure).stream().anyMatch(t -> t instanceof AccessDeniedException || says(t, READ_ONLY));
    }

    /** The first {@link IOException} in {@code failure}'s cause chain, itself included. */
    public static Optional<IOException> firstIoException(Throwable failure) {
        return causes(failure).stream().filter(IOException.class::isInstance).map(IOException.class::cast).findFirst();
    }

    /** {@code failure} and its causes in order, each once: some libraries chain an exception to itself. */
    public static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean says(Throwable t, String[] phrases) {
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
