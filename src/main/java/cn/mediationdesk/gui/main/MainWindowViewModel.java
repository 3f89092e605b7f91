package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.Access;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/** The main window around the screens: navigation and the status bar. */
public final class MainWindowViewModel {
    private final OpenedDatabase database;
    private final Localization l10n;
    private final ObjectProperty<NavigationEntry> selected = new SimpleObjectProperty<>(NavigationEntry.SUMMARIES);

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
