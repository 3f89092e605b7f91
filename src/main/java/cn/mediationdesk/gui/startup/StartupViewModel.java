package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.time.Clock;
import java.util.Optional;

/**
 * Gets the window from "started" to "a database is open and someone is logged in": opens the
 * database off the FX thread, then hands over to the first-run wizard (no database, no
 * jurisdiction, or no user yet) or to the login page, and explains in the user's words when the
 * database cannot be opened.
 */
public final class StartupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);
    /** The width of the schema's jurisdiction name column. */
    public static final int JURISDICTION_NAME_MAX_LENGTH = 100;

    /** What the window shows while starting. */
    public enum Phase {
        /** Opening the database; a progress indicator. */
        OPENING,
        /** The first-run wizard: {@link #wizardProperty()}. */
        SETUP,
        /** The login page: {@link #loginProperty()}. */
        LOGIN,
        /** The database could not be opened: what happened and what to do. */
        FAILED,
        /** Done: {@link #openedProperty()} holds the database and the user. */
        OPEN
    }

    private final String requestedLocation;
    private final DatabaseOpener opener;
    private final DemoInstaller demo;
    private final PasswordHasher hasher;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OpenProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OpenedDatabase> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SetupWizardViewModel> wizard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LoginViewModel> login = new ReadOnlyObjectWrapper<>();

    private DatabaseLocation location;
    /** The store opened at start, until the window takes it over. */
    private Store heldStore;

    /**
     * @param requestedLocation a path or JDBC URL, or {@code null} for the per-user data folder
     * @param demo              how to load the demo jurisdiction, or {@code null} when this build has none
     * @param hasher            bcrypt at production cost in the application; tests pass a lower one
     */
    public StartupViewModel(String requestedLocation, DatabaseOpener opener, DemoInstaller demo, PasswordHasher hasher,
                            Localization l10n, Clock clock, TaskExecutor executor, DialogService dialogs) {
        this.requestedLocation = requestedLocation;
        this.opener = opener;
        this.demo = demo;
        this.hasher = hasher;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Looks at the location and opens what is there, or starts the first-run wizard. */
    public void start() {
        problem.set(null);
        try {
            location = chosenLocation();
        } catch (InvalidPathException e) {
            LOG.warn("invalid database location {}", requestedLocation, e);
            locationText.set(requestedLocation);
            fail(OpenProblem.invalidLocation(requestedLocation, l10n));
            return;
        }
        locationText.set(location.display());
        if (!location.exists()) {
            showWizard(null, null, l10n.text("gui.start.noDatabase"));
            return;
        }
        phase.set(Phase.OPENING);
        startBusy("gui.start.busy.opening");
        DatabaseLocation where = location;
        executor.execute(() -> openExisting(where), this::opened, failure -> {
            endBusy();
            LOG.warn("opening {} failed", where.display(), failure);
            fail(OpenProblem.of(failure, where.display(), l10n));
        });
    }

    /**
     * The database to open: the one the command line names, else the shared database chosen on the
     * settings screen, else this PC's own. A server's password is the one kept for it.
     */
    private DatabaseLocation chosenLocation() {
        SavedConnection saved = SavedConnection.inSettingsFolder();
        String requested = requestedLocation != null ? requestedLocation : saved.url().orElse(null);
        if (requested == null) {
            return DatabaseLocation.defaultLocation();
        }
        DatabaseLocation parsed = DatabaseLocation.parse(requested);
        if (parsed instanceof DatabaseLocation.Url url) {
            String fromEnvironment = System.getenv("MEDIATIONDESK_DB_PASSWORD");
            return url.withPassword(fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment
                    : saved.passwordFor(url.jdbcUrl()).orElse(null));
        }
        return parsed;
    }

    private Opening openExisting(DatabaseLocation where) {
        return examine(opener.open(where, false));
    }

    /** What the wizard or the login page needs to know of an open store; closes it when that fails. */
    private Opening examine(Store store) {
        try {
            return new Opening(store, new OrganizationService(store, null).jurisdiction(),
                    new UserService(store, clock, hasher).hasUsers());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private record Opening(Store store, Optional<Jurisdiction> jurisdiction, boolean hasUsers) {
    }

    private void opened(Opening opening) {
        endBusy();
        heldStore = opening.store();
        opening.store().undoneBulkWrite().ifPresent(aside -> dialogs.showInformation(l10n.text("gui.window.title"),
                l10n.text("gui.start.importUndone.header"), l10n.text("gui.start.importUndone.message", aside)));
        if (opening.jurisdiction().isEmpty()) {
            // Created but never given a jurisdiction (an interrupted first start): finish setting it up.
            showWizard(opening.store(), null, l10n.text("gui.start.noJurisdiction"));
        } else if (!opening.hasUsers()) {
            // Made by the command line's init or demo: nobody may work on it before an administrator exists.
            String name = opening.jurisdiction().get().name();
            showWizard(opening.store(), name, l10n.text("gui.wizard.noUser", name));
        } else {
            login.set(new LoginViewModel(opening.store(), opening.jurisdiction().get().name(),
                    new UserService(opening.store(), clock, hasher), l10n, executor, this::done));
            phase.set(Phase.LOGIN);
        }
    }

    private void showWizard(Store store, String jurisdiction, String welcome) {
        wizard.set(new SetupWizardViewModel(location, store, jurisdiction, welcome, opener, demo, hasher, l10n, clock,
                executor, dialogs, this::done));
        phase.set(Phase.SETUP);
    }

    private void done(OpenedDatabase database) {
        heldStore = null;
        opened.set(database);
        phase.set(Phase.OPEN);
    }

    /**
     * Ends the session of the user who is logged in and shows the login page on the same database
     * (the application has closed the lead editors first).
     */
    public void logOut() {
        OpenedDatabase database = opened.get();
        if (phase.get() != Phase.OPEN || database == null) {
            return;
        }
        opened.set(null);
        heldStore = database.store();
        login.set(new LoginViewModel(database.store(), database.jurisdictionName(),
                new UserService(database.store(), clock, hasher), l10n, executor, this::done));
        phase.set(Phase.LOGIN);
    }

    /**
     * The database was replaced by a restore: the login page on {@code restored}, whose accounts are
     * the backup's (the database it replaced is closed already).
     */
    public void restored(Store restored) {
        opened.set(null);
        heldStore = null;
        phase.set(Phase.OPENING);
        startBusy("gui.start.busy.opening");
        executor.execute(() -> examine(restored), this::opened, failure -> {
            endBusy();
            LOG.warn("opening the restored database {} failed", restored.location(), failure);
            fail(OpenProblem.of(failure, restored.location(), l10n));
        });
    }

    /**
     * Closes the database in use and opens what is at the location now, from the start: after a
     * restore that failed half-way, when the database in use may already be closed.
     */
    public void reopen() {
        OpenedDatabase database = opened.get();
        Store old = database != null ? database.store() : heldStore;
        opened.set(null);
        heldStore = null;
        phase.set(Phase.OPENING);
        startBusy("gui.start.busy.opening");
        executor.execute(() -> {
            if (old != null) {
                old.close();
            }
            return null;
        }, done -> start(), failure -> {
            LOG.warn("closing {} before opening it again failed", old == null ? "" : old.location(), failure);
            start();
        });
    }

    /** Failure page: tries again from the start. */
    public void retry() {
        if (phase.get() == Phase.FAILED) {
            start();
        }
    }

    /**
     * Whether the database that failed to open is the shared one chosen on the settings screen: then
     * the failure page offers this PC's own instead (the server may be off, or gone for good).
     */
    public boolean openedSavedConnection() {
        return requestedLocation == null && SavedConnection.inSettingsFolder().url().isPresent();
    }

    /** Forgets the shared database chosen on the settings screen and opens this PC's own. */
    public void useOwnDatabase() {
        if (phase.get() == Phase.FAILED && openedSavedConnection()) {
            SavedConnection.inSettingsFolder().forget();
            start();
        }
    }

    private void fail(OpenProblem why) {
        problem.set(why);
        phase.set(Phase.FAILED);
        dialogs.showError(l10n.text("gui.window.title"), why.headline(), why.advice());
    }

    private void startBusy(String key) {
        busyText.set(l10n.text(key));
        busy.set(true);
    }

    private void endBusy() {
        busy.set(false);
        busyText.set("");
    }

    /**
     * The store opened (or created by the wizard) but never handed to the window, because the
     * window closed before login; the application closes it at exit.
     */
    public Optional<Store> unusedStore() {
        if (opened.get() != null) {
            return Optional.empty();
        }
        if (heldStore != null) {
            return Optional.of(heldStore);
        }
        return Optional.ofNullable(wizard.get()).flatMap(SetupWizardViewModel::unusedStore);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupWizardViewModel> wizardProperty() {
        return wizard.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoginViewModel> loginProperty() {
        return login.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** Why opening failed, while {@link Phase#FAILED}. */
    public ReadOnlyObjectProperty<OpenProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OpenedDatabase> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** Where the database is (or will be created), as shown to the user. */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }
}
