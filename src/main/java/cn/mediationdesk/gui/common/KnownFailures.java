package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.attachment.DamagedAttachmentException;
import cn.mediationdesk.logic.files.OutputFileException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.StorageException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Failures of background work that the user can act on, shown in the same words the command line
 * prints: a refusal as a notice ({@link Refusals}); a full disk, a read-only folder or damaged pages
 * of the database, an attachment whose content was damaged, and a file that could not be saved, as
 * an error saying what to do. Never an
 * exception's own text, which for a database fault is a page of SQL.
 */
public final class KnownFailures {
    private static final Logger LOG = LoggerFactory.getLogger(KnownFailures.class);
    private KnownFailures() {
    }

    /**
     * Shows {@code failure} when it is one the user can act on.
     *
     * @return whether it was (and was shown); otherwise the caller reports it as a failure
     */
    public static boolean showIfKnown(Throwable failure, DialogService dialogs, Localization l10n) {
        Optional<PermissionDeniedException> refusal = Refusals.refusalOf(failure);
        if (refusal.isPresent()) {
            dialogs.showInformation(l10n.text("gui.window.title"), l10n.text("gui.permission.denied"),
                    l10n.message(refusal.get().problem()));
            return true;
        }
        Optional<StorageException> storage = find(failure, StorageException.class);
        if (storage.isPresent()) {
            // H2 closes a store whose write failed: the open database stays unusable until it is opened anew.
            // Another PC's lock passes by itself: nothing was closed, trying again is enough.
            StorageException.Reason reason = storage.get().reason();
            String reopen = reason == StorageException.Reason.DAMAGED || reason == StorageException.Reason.BUSY ? ""
                    : System.lineSeparator() + l10n.text("gui.storage.reopen");
            dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.storage.failed"),
                    storage.get().describe(l10n) + reopen);
            return true;
        }
        Optional<DamagedAttachmentException> damaged = find(failure, DamagedAttachmentException.class);
        if (damaged.isPresent()) {
            // e.g. printing a 卷宗 whose scan no longer matches its SHA-256: never bound, always named
            dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.attachments.damaged"),
                    damaged.get().describe(l10n));
            return true;
        }
        Optional<OutputFileException> output = find(failure, OutputFileException.class);
        if (output.isPresent()) {
            dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.output.failed"),
                    output.get().describe(l10n));
            return true;
        }
        return false;
    }

    /**
     * The one way a screen shows a failure of its background work. One the user can act on (a
     * refusal, a full disk, a damaged database …) in its own words, as {@link #showIfKnown} does;
     * anything else logged with its stack trace and shown as an error whose advice ends in the
     * failure's reason.
     *
     * @param title      the window's title, e.g. {@code gui.window.title}'s text
     * @param headerKey  what went wrong, e.g. "统计失败"
     * @param adviceKey  what to do; its last argument is the reason, after {@code adviceArgs}
     * @param adviceArgs the advice's first arguments, e.g. the file being written
     */
    public static void report(Throwable failure, DialogService dialogs, Localization l10n, String title,
                              String headerKey, String adviceKey, Object... adviceArgs) {
        if (showIfKnown(failure, dialogs, l10n)) {
            return;
        }
        LOG.warn("{} ({})", l10n.text(headerKey), adviceKey, failure);
        Object[] args = java.util.Arrays.copyOf(adviceArgs, adviceArgs.length + 1);
        args[adviceArgs.length] = reason(failure);
        dialogs.showError(title, l10n.text(headerKey), l10n.text(adviceKey, args));
    }

    /**
     * The same failures for a screen that shows them in its own status line rather than in a dialog
     * (a list that could not be loaded): a refusal, a form's first problem, a full disk or damaged
     * database, a damaged attachment in their own words; anything else logged with its stack trace
     * and shown as {@code failedKey}'s text.
     */
    public static String statusLine(Throwable failure, Localization l10n, String failedKey) {
        Optional<PermissionDeniedException> refusal = Refusals.refusalOf(failure);
        if (refusal.isPresent()) {
            return l10n.message(refusal.get().problem());
        }
        Optional<ValidationException> invalid = find(failure, ValidationException.class);
        if (invalid.isPresent() && !invalid.get().problems().isEmpty()) {
            return l10n.message(invalid.get().problems().getFirst());
        }
        Optional<StorageException> storage = find(failure, StorageException.class);
        if (storage.isPresent()) {
            return storage.get().describe(l10n);
        }
        Optional<DamagedAttachmentException> damaged = find(failure, DamagedAttachmentException.class);
        if (damaged.isPresent()) {
            return damaged.get().describe(l10n);
        }
        LOG.warn("{}", l10n.text(failedKey), failure);
        return l10n.text(failedKey);
    }

    /** A failure's reason in a line for the user: its message, or its kind where it has none. */
    public static String reason(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return Optional.of(kind.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
