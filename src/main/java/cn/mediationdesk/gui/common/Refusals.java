package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.l10n.Localization;

import java.util.Optional;

/**
 * A service's refusal ({@link PermissionDeniedException}) is not a fault: it is shown as a plain
 * notice with the rule in the user's words, never as an error with a stack trace or an exception's text.
 */
public final class Refusals {
    private Refusals() {
    }

    /** The refusal behind {@code failure} (itself or a cause), if it is one. */
    public static Optional<PermissionDeniedException> refusalOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PermissionDeniedException denied) {
                return Optional.of(denied);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Shows {@code failure} as a notice when it is a refusal.
     *
     * @return whether it was one (and was shown); otherwise the caller reports it as a failure
     */
    public static boolean noticeIfRefused(Throwable failure, DialogService dialogs, Localization l10n) {
        Optional<PermissionDeniedException> refusal = refusalOf(failure);
        refusal.ifPresent(denied -> dialogs.showInformation(l10n.text("gui.window.title"),
                l10n.text("gui.permission.denied"), l10n.message(denied.problem())));
        return refusal.isPresent();
    }
}
