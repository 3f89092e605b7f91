package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.security.Access;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/** The main window around the screens: navigation and the status bar. */
public final class MainWindowViewModel {
    private final OpenedDatabase database;
    private final Localization l10n;
    private final ObjectProperty<NavigationEntry> selected = new SimpleObjectProperty<>(NavigationEntry.DASHBOARD);
    private final ReadOnlyObjectWrapper<LeadFilter> ledgerRequest = new ReadOnlyObjectWrapper<>();

    public MainWindowViewModel(OpenedDatabase database, Localization l10n) {
        this.database = database;
        this.l10n = l10n;
    }

    public List<NavigationEntry> entries() {
        return List.of(NavigationEntry.values());
    }

    public String label(NavigationEntry entry) {
        return l10n.text(entry.labelKey());
    }

    /** The screen shown; never {@code null} (a click on nothing keeps the current one). */
    public ObjectProperty<NavigationEntry> selectedProperty() {
        return selected;
    }

    public void select(NavigationEntry entry) {
        if (entry != null) {
            selected.set(entry);
        }
    }

    /** Shows the ledger on exactly the leads {@code filter} selects (a figure of the dashboard, say). */
    public void openLedger(LeadFilter filter) {
        // Through null, so that asking for the same leads again still reaches the ledger.
        ledgerRequest.set(null);
        ledgerRequest.set(filter);
        select(NavigationEntry.LEDGER);
    }

    /** The leads the ledger was last asked to show; the ledger screen follows it. */
    public ReadOnlyObjectProperty<LeadFilter> ledgerRequestProperty() {
        return ledgerRequest.getReadOnlyProperty();
    }

    public String jurisdictionText() {
        return l10n.text("gui.status.jurisdiction", database.jurisdictionName());
    }

    public String locationText() {
        return l10n.text("gui.status.location", database.location());
    }

    /** Who is logged in and as what, e.g. "用户：王芳（管理员）"; empty when nobody is. */
    public String userText() {
        return database.userIfAny()
                .map(user -> l10n.text("gui.login.signedInAs", user.displayName(), l10n.text(Access.roleKey(user.role()))))
                .orElse("");
    }

    public OpenedDatabase database() {
        return database;
    }
}
