package cn.mediationdesk.gui.common;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the screens that list or count leads (ledger, dashboard, summaries) that a lead was saved,
 * so they can query again. Announced and heard on the FX thread. Listen either with
 * {@link #addListener(Runnable)} or by observing {@link #changesProperty()}.
 */
public final class LedgerEvents {
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper(0);
    private final ReadOnlyObjectWrapper<UUID> lastChangedLead = new ReadOnlyObjectWrapper<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Announces that {@code leadId} (a new lead, or one of its parts) was written to the database. */
    public void leadSaved(UUID leadId) {
        lastChangedLead.set(leadId);
        changes.set(changes.get() + 1);
        listeners.forEach(Runnable::run);
    }

    /** Announces that many leads were written at once (a ledger import): no one lead to name. */
    public void leadsImported() {
        lastChangedLead.set(null);
        changes.set(changes.get() + 1);
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} after every saved change; returns what removes it again. */
    public Runnable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** How many changes were announced so far: it only grows. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** The lead of the latest announced change, {@code null} before the first. */
    public ReadOnlyObjectProperty<UUID> lastChangedLeadProperty() {
        return lastChangedLead.getReadOnlyProperty();
    }
}
