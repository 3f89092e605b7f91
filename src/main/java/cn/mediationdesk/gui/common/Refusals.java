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
     * Shows {@code failure} as a notice when it is a refusal. Every screen hands the failures it
     * does not expect to here, so the faults of {@link KnownFailures} (a full disk, a damaged
     * database …) are shown here too, in their own words, instead of the screen's generic error.
     *
     * @return whether it was one of them (and was shown); otherwise the caller reports it as a failure
     */
    public static boolean noticeIfRefused(Throwable failure, DialogService dialogs, Localization l10n) {
        return KnownFailures.showIfKnown(failure, dialogs, l10n);
    }
}
