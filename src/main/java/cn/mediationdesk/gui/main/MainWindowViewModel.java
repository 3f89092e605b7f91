package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.model.User;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Arrays;
import java.util.List;

/** The main window around the screens: navigation and the status bar. */
public final class MainWindowViewModel {
    private final OpenedDatabase database;
    private final Localization l10n;
    private final ObjectProperty<NavigationEntry> selected = new SimpleObjectProperty<>(NavigationEntry.DASHBOARD);
    private final ReadOnlyObjectWrapper<LeadFilter> ledgerRequest = new ReadOnlyObjectWrapper<>();

    private final Runnable logOut;

    public MainWindowViewModel(OpenedDatabase database, Localization l10n) {
        this(database, l10n, null);
    }

    /** @param logOut ends the session and shows the login page again; {@code null} offers no log out */
    public MainWindowViewModel(OpenedDatabase database, Localization l10n, Runnable logOut) {
        this.database = database;
        this.l10n = l10n;
        this.logOut = logOut;
    }

    /** Whether the window offers 退出登录: someone is logged in and the application can return to the login page. */
    public boolean canLogOut() {
        return logOut != null && database.userIfAny().isPresent();
    }

    /** Logs out (the application first closes the lead editors, which may refuse over unsaved changes). */
    public void logOut() {
        if (canLogOut()) {
            logOut.run();
        }
    }

    /**
     * The screens this user may use: a viewer sees the counts only (首页, 统计汇总, 设置); only an
     * administrator sees 用户. The services refuse the rest anyway; the navigation just does not offer it.
     */
    public List<NavigationEntry> entries() {
        User user = database.userIfAny().orElse(null);
        return Arrays.stream(NavigationEntry.values()).filter(entry -> offers(user, entry)).toList();
    }

    private static boolean offers(User user, NavigationEntry entry) {
        if (user == null) {
            // a database without accounts (tests, first start)
            return entry != NavigationEntry.USERS && entry != NavigationEntry.AUDIT;
        }
        return switch (entry) {
            case DASHBOARD, SUMMARIES, SETTINGS, AGENDA -> true; // a viewer's agenda: the monthly reports
            case LEDGER, CASE_FILES, REPEATS, MONTHLY, ORGANIZATION, DATA -> Access.readsCases(user);
            case USERS -> user.isAdmin();
            case AUDIT -> AuditService.readsTheTrail(user);
        };
    }

    public String label(NavigationEntry entry) {
        return l10n.text(entry.labelKey());
    }

    /** The screen shown; never {@code null} (a click on nothing keeps the current one). */
    public ObjectProperty<NavigationEntry> selectedProperty() {
        return selected;
    }

    public void select(NavigationEntry entry) {
        if (entry != null && entries().contains(entry)) {
            selected.set(entry);
        }
    }

    /** Shows the ledger on exactly the leads {@code filter} selects (a figure of the dashboard, say). */
    public void openLedger(LeadFilter filter) {
        if (!entries().contains(NavigationEntry.LEDGER)) {
            return; // a viewer sees counts, never the leads behind them
        }
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

    public String logOutText() {
        return l10n.text("gui.main.logOut");
    }

    public OpenedDatabase database() {
        return database;
    }
}
