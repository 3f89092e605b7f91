package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.store.Store;

import java.time.Clock;
import java.util.Objects;

/**
 * What every lead editor of a window shares: the lifecycle service (acting for the logged-in user),
 * the store for the form's choices, the language, the clock, the background executor, and where
 * saved changes are announced.
 */
public record LeadEditorContext(LifecycleService lifecycle, Store store, Localization l10n, Clock clock,
                                TaskExecutor executor, LedgerEvents events) {
    public LeadEditorContext {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(l10n, "l10n");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(events, "events");
    }
}
