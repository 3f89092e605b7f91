package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.time.Clock;
import java.util.Optional;

/**
 * Gets the window from "started" to "a database is open": opens the database off the FX thread,
 * offers the start page when there is none yet (create a jurisdiction, or load the demo), and
 * explains in the user's words when the database cannot be opened.
 */
public final class StartupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(StartupViewModel.class);
    /** The width of the schema's jurisdiction name column. */
    public static final int JURISDICTION_NAME_MAX_LENGTH = 100;

    /** What the window shows while starting. */
    public enum Phase {
        /** Opening the database; a progress indicator. */
        OPENING,
        /** No database (or an empty one) yet: the start page. */
        WELCOME,
        /** The database could not be opened: what happened and what to do. */
        FAILED,
        /** Done: {@link #openedProperty()} holds the database. */
        OPEN
    }

    private final String requestedLocation;
    private final DatabaseOpener opener;
    private final DemoInstaller demo;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.OPENING);
    private final StringProperty jurisdictionName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OpenProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OpenedDatabase> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper welcomeText = new ReadOnlyStringWrapper("");

    private DatabaseLocation location;
    /** A database that opened but holds no jurisdiction yet: the start page fills it instead of creating one. */
    private Store emptyStore;

    /**
     * @param requestedLocation a path or JDBC URL, or {@code null} for the per-user data folder
     * @param demo how to load the demo jurisdiction, or {@code null} when this build has none
     */
    public StartupViewModel(String requestedLocation, DatabaseOpener opener, DemoInstaller demo, Localization l10n,
                            Clock clock, TaskExecutor executor, DialogService dialogs) {
        this.requestedLocation = requestedLocation;
        this.opener = opener;
        this.demo = demo;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        jurisdictionName.addListener((obs, old, now) -> nameProblem.set(""));
    }

    /** Looks at the location and opens what is there, or offers the start page. */
    public void start() {
        problem.set(null);
        try {
            location = requestedLocation == null ? DatabaseLocation.defaultLocation()
                    : DatabaseLocation.parse(requestedLocation);
        } catch (InvalidPathException e) {
            LOG.warn("invalid database location {}", requestedLocation, e);
            locationText.set(requestedLocation);
            fail(OpenProblem.invalidLocation(requestedLocation, l10n));
            return;
        }
        locationText.set(location.display());
        if (!location.exists()) {
            welcomeText.set(l10n.text("gui.start.noDatabase"));
            phase.set(Phase.WELCOME);
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

    private Opening openExisting(DatabaseLocation where) {
        Store store = opener.open(where, false);
        try {
            return new Opening(store, store.read(tx -> tx.organization().jurisdiction()));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private record Opening(Store store, Optional<Jurisdiction> jurisdiction) {
    }

    private void opened(Opening opening) {
        endBusy();
        if (opening.jurisdiction().isPresent()) {
            opened.set(new OpenedDatabase(opening.store(), opening.jurisdiction().get().name()));
            phase.set(Phase.OPEN);
        } else {
            // Created but never given a jurisdiction (an interrupted first start): finish setting it up.
            emptyStore = opening.store();
            welcomeText.set(l10n.text("gui.start.noJurisdiction"));
            phase.set(Phase.WELCOME);
        }
    }

    /** Start page: creates the database with the jurisdiction named in {@link #jurisdictionNameProperty()}. */
    public void createJurisdiction() {
        if (busy.get()) {
            return;
        }
        String name = jurisdictionName.get() == null ? "" : jurisdictionName.get().strip();
        if (name.isEmpty()) {
            nameProblem.set(l10n.text("gui.start.create.nameRequired"));
            return;
        }
        if (name.length() > JURISDICTION_NAME_MAX_LENGTH) {
            nameProblem.set(l10n.text("gui.start.create.nameTooLong", JURISDICTION_NAME_MAX_LENGTH, name.length()));
            return;
        }
        setUp("gui.start.busy.creating", store -> {
            store.write(tx -> {
                if (tx.organization().jurisdiction().isEmpty()) {
                    tx.organization().insertJurisdiction(name, clock.instant());
                }
                return null;
            });
            return new OpenedDatabase(store, store.read(tx -> tx.organization().jurisdiction()).orElseThrow().name());
        });
    }

    /** Start page: creates the database and fills it with the demo jurisdiction. */
    public void loadDemo() {
        if (busy.get() || demo == null) {
            return;
        }
        setUp("gui.start.busy.demo", store -> demo.install(store, clock));
    }

    public boolean demoAvailable() {
        return demo != null;
    }

    /** Opens (creating if need be) the database, runs {@code work} on it, and opens the window on success. */
    private void setUp(String busyKey, SetUpWork work) {
        startBusy(busyKey);
        DatabaseLocation where = location;
        Store existing = emptyStore;
        executor.execute(() -> {
            Store store = existing != null ? existing : opener.open(where, true);
            try {
                return work.run(store);
            } catch (RuntimeException e) {
                if (existing == null) {
                    store.close();
                }
                throw e;
            }
        }, database -> {
            endBusy();
            emptyStore = null;
            opened.set(database);
            phase.set(Phase.OPEN);
        }, failure -> {
            endBusy();
            LOG.warn("setting up {} failed", where.display(), failure);
            OpenProblem why = OpenProblem.of(failure, where.display(), l10n);
            dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.start.setUpFailed"),
                    why.headline() + "\n\n" + why.advice());
        });
    }

    @FunctionalInterface
    private interface SetUpWork {
        /** Fills the store; returns it, ready for the main window. */
        OpenedDatabase run(Store store);
    }

    /** Failure page: tries again from the start. */
    public void retry() {
        if (phase.get() == Phase.FAILED) {
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
     * The store the start page opened but did not use (the window closed on the start page);
     * the application closes it at exit.
     */
    public Optional<Store> unusedStore() {
        return Optional.ofNullable(emptyStore);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public StringProperty jurisdictionNameProperty() {
        return jurisdictionName;
    }

    /** Why the typed name cannot be used; empty when there is nothing to say. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
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

    /** The start page's lead-in: no database yet, or one without a jurisdiction. */
    public ReadOnlyStringProperty welcomeTextProperty() {
        return welcomeText.getReadOnlyProperty();
    }

    /** Where the database is (or will be created), as shown to the user. */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }
}
