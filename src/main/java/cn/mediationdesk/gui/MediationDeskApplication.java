package cn.mediationdesk.gui;

import atlantafx.base.theme.PrimerLight;
import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.FxDialogService;
import cn.mediationdesk.gui.common.FxTaskExecutor;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.dashboard.DashboardView;
import cn.mediationdesk.gui.dashboard.DashboardViewModel;
import cn.mediationdesk.gui.dashboard.ReportingPanel;
import cn.mediationdesk.gui.dashboard.ReportingViewModel;
import cn.mediationdesk.gui.data.BackupViewModel;
import cn.mediationdesk.gui.data.DataView;
import cn.mediationdesk.gui.data.DataViewModel;
import cn.mediationdesk.gui.data.SharingViewModel;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.gui.data.ImportWizardViewModel;
import cn.mediationdesk.gui.data.PackageViewModel;
import cn.mediationdesk.gui.lead.LeadEditorContext;
import cn.mediationdesk.gui.lead.LeadEditorWindows;
import cn.mediationdesk.gui.ledger.LedgerView;
import cn.mediationdesk.gui.ledger.LedgerViewModel;
import cn.mediationdesk.gui.main.AutomaticBackupViewModel;
import cn.mediationdesk.gui.main.BusyCoverView;
import cn.mediationdesk.gui.main.IdleLockView;
import cn.mediationdesk.gui.main.IdleLockViewModel;
import cn.mediationdesk.gui.main.MainWindowView;
import cn.mediationdesk.gui.monthly.MonthlyView;
import cn.mediationdesk.gui.monthly.MonthlyViewModel;
import cn.mediationdesk.gui.main.MainWindowViewModel;
import cn.mediationdesk.gui.main.NavigationEntry;
import cn.mediationdesk.gui.main.StagePlacement;
import cn.mediationdesk.gui.main.WindowPlacementMemory;
import cn.mediationdesk.gui.organization.OrganizationView;
import cn.mediationdesk.gui.print.PrintPreviewWindows;
import cn.mediationdesk.gui.organization.OrganizationViewModel;
import cn.mediationdesk.gui.settings.IdleLockSetting;
import cn.mediationdesk.gui.settings.LanguagePreference;
import cn.mediationdesk.gui.settings.PreferencesLanguagePreference;
import cn.mediationdesk.gui.settings.SettingsView;
import cn.mediationdesk.gui.settings.SharedConnectionViewModel;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.gui.settings.SettingsViewModel;
import cn.mediationdesk.gui.startup.DatabaseOpener;
import cn.mediationdesk.gui.startup.DemoInstaller;
import cn.mediationdesk.gui.startup.FirstFrameReport;
import cn.mediationdesk.gui.startup.StartupView;
import cn.mediationdesk.gui.startup.StartupViewModel;
import cn.mediationdesk.gui.users.UsersView;
import cn.mediationdesk.gui.users.UsersViewModel;
import cn.mediationdesk.gui.summary.SummaryView;
import cn.mediationdesk.gui.summary.SummaryViewModel;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.CaseSettingsService;
import cn.mediationdesk.gui.audit.AuditView;
import cn.mediationdesk.gui.casefile.CaseFilesView;
import cn.mediationdesk.gui.repeat.RepeatsView;
import cn.mediationdesk.gui.repeat.RepeatsViewModel;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.gui.casefile.CaseFilesViewModel;
import cn.mediationdesk.logic.report.casefile.CaseFileService;
import cn.mediationdesk.gui.audit.AuditViewModel;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.prefs.Preferences;

/**
 * The JavaFX application: one window that first opens the database (or offers the start page)
 * and then shows the main window. Started through {@link DesktopApp#launch(String, String[])}.
 */
public final class MediationDeskApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(MediationDeskApplication.class);
    private static final String STYLESHEET = "/cn/mediationdesk/gui/mediationdesk.css";
    /** The preferences node of the ledger screen (its column choice), under the application's own node. */
    private static final String LEDGER_PREFERENCES = "cn/mediationdesk/ledger";
    /** Who the leads' history names when no one is logged in (a database opened before users existed). */
    private static final String DESKTOP_USER = "desktop";
    /** The daily backup waits this long after login, so that it does not slow the first screen down. */
    private static final double DAILY_BACKUP_DELAY_SECONDS = 5;

    /** Handed over by {@link DesktopApp} before the toolkit starts; {@code null} means the default folder. */
    private static volatile String requestedLocation;

    private Localization l10n;
    private FxTaskExecutor executor;
    private DialogService dialogs;
    private StartupViewModel startup;
    private StackPane root;
    private Stage stage;
    private MainWindowViewModel main;
    private final Clock clock = Clock.systemDefaultZone();
    /** Tells the screens that list or count leads that leads were written (by an editor or an import). */
    private final LedgerEvents ledgerEvents = new LedgerEvents();
    /** Opens leads in editor windows of their own; made once the database is open and the user known. */
    private LeadEditorWindows leadEditors;
    private final String location;
    private final LanguagePreference languages;
    private final PasswordHasher hasher;
    private final IdleLockSetting idleSetting;
    private final WindowPlacementMemory placements;
    private StartupView startupView;
    /** The idle lock of the session shown; {@code null} before login. */
    private IdleLockViewModel idleLock;
    private AutomaticBackupViewModel automaticBackups;
    /** Whether someone worked in the main window during this run: only then is a backup made on exit. */
    private boolean sessionStarted;
    /** The backup on exit runs; the window closes when it is done. */
    private boolean closing;
    /** A restore replaces the database; the window neither closes nor takes work meanwhile. */
    private boolean restoring;
    /** What covers the window while it backs up on exit or restores; {@code null} otherwise. */
    private BusyCoverView busyCover;
    /** Counts down to the daily backup after a login; stopped with the application. */
    private PauseTransition dailyBackupTimer;

    static void requestLocation(String location) {
        requestedLocation = location;
    }

    /** The application as {@link DesktopApp} starts it: the requested location, the user's preferences. */
    public MediationDeskApplication() {
        this(requestedLocation, PreferencesLanguagePreference.ofThisUser(), PasswordHasher.production(),
                IdleLockSetting.ofThisUser(), WindowPlacementMemory.ofThisUser());
    }

    /** For tests that drive the real window: their own folder, preferences and a quicker bcrypt. */
    MediationDeskApplication(String location, LanguagePreference languages, PasswordHasher hasher) {
        this(location, languages, hasher, new IdleLockSetting(
                Preferences.userRoot().node("cn/mediationdesk/test-lock")), forgottenPlacement());
    }

    /** Tests start at the default size whatever window an earlier test left. */
    private static WindowPlacementMemory forgottenPlacement() {
        WindowPlacementMemory memory = new WindowPlacementMemory(
                Preferences.userRoot().node("cn/mediationdesk/test-window"));
        memory.forget();
        return memory;
    }

    private MediationDeskApplication(String location, LanguagePreference languages, PasswordHasher hasher,
                                     IdleLockSetting idleSetting, WindowPlacementMemory placements) {
        this.placements = placements;
        this.location = location;
        this.languages = languages;
        this.hasher = hasher;
        this.idleSetting = idleSetting;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Database.forbidWorkWhere(Platform::isFxApplicationThread);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Before anyone logs in, the language last chosen on this PC.
        l10n = languages.lastChoice().map(Localization::new).orElseGet(Localization::forDefaultLocale);
        executor = new FxTaskExecutor();
        dialogs = new FxDialogService(stage, l10n);
        automaticBackups = new AutomaticBackupViewModel(clock, executor);
        installUncaughtExceptionHandler();

        startup = new StartupViewModel(location, DatabaseOpener.DATABASE, DemoInstaller.DEMO_JURISDICTION, hasher,
                l10n, clock, executor, dialogs);
        startupView = new StartupView(startup, l10n);
        root = new StackPane(startupView);
        startup.phaseProperty().addListener((obs, old, now) -> {
            if (now == StartupViewModel.Phase.OPEN) {
                showMainWindow(startup.openedProperty().get());
            }
        });

        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setOnCloseRequest(this::closeRequested);
        stage.setTitle(l10n.text("gui.window.title"));
        size(stage);
        StagePlacement.restoreAndKeep(stage, placements);
        stage.show();
        FirstFrameReport.watch(stage);
        // After the first frame: drawing the icon loads its font and renders a snapshot.
        FirstFrameReport.afterFirstFrame(stage, at -> Platform.runLater(() -> stage.getIcons().add(windowIcon())));
        watchForIdleness();
        startup.start();
    }

    private void showMainWindow(OpenedDatabase database) {
        // After login, the language this user chose (the login page showed the PC's last choice).
        database.userIfAny().flatMap(user -> languages.choiceOf(user.username()))
                .filter(locale -> !locale.equals(l10n.locale()))
                .ifPresent(this::useLanguage);
        User actor = actor(database);
        leadEditors = new LeadEditorWindows(stage, new LeadEditorContext(new LifecycleService(database.store(), clock,
                actor), database.store(), l10n, clock, executor, ledgerEvents));
        sessionStarted = true;
        showMainWindow(database, null);
        scheduleDailyBackup(database);
    }

    /** The first backup of the day, a few seconds after login (nothing when one was made today). */
    private void scheduleDailyBackup(OpenedDatabase database) {
        if (dailyBackupTimer != null) {
            dailyBackupTimer.stop();
        }
        dailyBackupTimer = new PauseTransition(javafx.util.Duration.seconds(DAILY_BACKUP_DELAY_SECONDS));
        dailyBackupTimer.setOnFinished(e -> {
            if (!closing && !restoring && startup.openedProperty().get() == database) {
                automaticBackups.daily(database.store());
            }
        });
        dailyBackupTimer.play();
    }

    /**
     * Closing the window closes the lead editors first (one with unsaved changes asks, and may keep the
     * window open), then makes the backup on exit, showing so, and closes when it is done.
     */
    private void closeRequested(WindowEvent event) {
        if (closing || restoring) {
            event.consume();
            return;
        }
        if (leadEditors != null && !leadEditors.closeAll()) {
            event.consume();
            return;
        }
        Store store = sessionStarted ? storeInUse() : null;
        if (store == null || !new BackupService(store, clock, null).available()) {
            return;
        }
        event.consume();
        closing = true;
        cover(l10n.text("gui.backup.busy.exit"), l10n.text("gui.backup.cover.exit"));
        automaticBackups.onExit(store, stage::close);
    }

    /** The database the window works on: the session's, or the one the login page waits on. */
    private Store storeInUse() {
        OpenedDatabase database = startup.openedProperty().get();
        return database != null ? database.store() : startup.unusedStore().orElse(null);
    }

    private void cover(String text, String hint) {
        uncover();
        busyCover = new BusyCoverView(text, hint);
        root.getChildren().add(busyCover);
    }

    private void uncover() {
        if (busyCover != null) {
            root.getChildren().remove(busyCover);
            busyCover = null;
        }
    }

    /** The data screen's restore replaces the database the whole window works on. */
    private final BackupViewModel.RestoreHost restoreHost = new BackupViewModel.RestoreHost() {
        @Override
        public boolean closeEditors() {
            return leadEditors == null || leadEditors.closeAll();
        }

        @Override
        public void restoring(boolean running) {
            restoring = running;
            if (running) {
                cover(l10n.text("gui.backup.busy.restoring"), l10n.text("gui.backup.cover.restoring"));
            } else {
                uncover();
            }
        }

        @Override
        public void restored(Store restored) {
            leaveSession();
            startup.restored(restored);
        }

        @Override
        public void reopen() {
            leaveSession();
            startup.reopen();
        }
    };

    /** Back to the start-up pages without the session: after a restore, whose accounts may differ. */
    private void leaveSession() {
        idleLock = null;
        leadEditors = null;
        main = null;
        uncover();
        root.getChildren().setAll(startupView);
    }

    /** Builds the main window's screens anew in the current language, on {@code selected} if given. */
    private void showMainWindow(OpenedDatabase database, NavigationEntry selected) {
        main = new MainWindowViewModel(database, l10n, this::logOut);
        if (selected != null) {
            main.select(selected);
        }
        MainWindowView window = new MainWindowView(main, l10n.text("gui.app.name"), entry -> screen(entry, database));
        root.getChildren().setAll(window);
        idleLock = null;
        database.userIfAny().ifPresent(user -> {
            IdleLockViewModel lock = new IdleLockViewModel(user, new UserService(database.store(), clock, hasher),
                    l10n, clock, executor, idleSetting.minutes(), this::logOut);
            IdleLockView cover = new IdleLockView(lock, l10n);
            cover.setVisible(false);
            root.getChildren().add(cover);
            lock.lockedProperty().addListener((obs, old, locked) -> {
                cover.setVisible(locked);
                window.setDisable(locked);
                hideEditors(locked);
            });
            idleLock = lock;
        });
    }

    /** Lead editors stay open under the lock (no typing lost), but show and take nothing while it lasts. */
    private void hideEditors(boolean locked) {
        if (leadEditors == null) {
            return;
        }
        for (Stage editor : leadEditors.windows()) {
            if (editor.getScene() != null && editor.getScene().getRoot() != null) {
                editor.getScene().getRoot().setVisible(!locked);
                editor.getScene().getRoot().setDisable(locked);
            }
        }
    }

    /**
     * Keyboard and mouse input in any of the application's windows keeps the lock away; a timer
     * asks the lock now and then whether the idle time has passed.
     */
    private void watchForIdleness() {
        EventHandler<InputEvent> activity = event -> {
            if (idleLock != null) {
                idleLock.activity();
            }
        };
        Consumer<Window> watch = window -> {
            window.addEventFilter(KeyEvent.ANY, activity);
            window.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
            window.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
            window.addEventFilter(ScrollEvent.ANY, activity);
        };
        Window.getWindows().forEach(watch);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(watch);
            }
        });
        idleSetting.minutesProperty().addListener((obs, old, minutes) -> {
            if (idleLock != null) {
                idleLock.useMinutes(minutes.intValue());
            }
        });
        Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(10), e -> {
            if (idleLock != null) {
                idleLock.tick();
            }
        }));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
    }

    /**
     * Ends the session and shows the login page on the same database. The lead editors close first;
     * one with unsaved changes asks, and may keep the user logged in.
     */
    private void logOut() {
        if (leadEditors != null) {
            if (!leadEditors.closeAll()) {
                return;
            }
        }
        if (idleLock != null && idleLock.lockedProperty().get()) {
            hideEditors(false);
        }
        idleLock = null;
        leadEditors = null;
        main = null;
        // Later: the request comes from a control of the window about to be replaced.
        Platform.runLater(() -> {
            startup.logOut();
            root.getChildren().setAll(startupView);
        });
    }

    /** Who signed in; on a database that has no account yet, {@link User#setup()}. */
    private static User actor(OpenedDatabase database) {
        return database.userIfAny().orElse(User.setup());
    }

    private cn.mediationdesk.gui.agenda.AgendaViewModel agendaOf(OpenedDatabase database) {
        return new cn.mediationdesk.gui.agenda.AgendaViewModel(
                new cn.mediationdesk.logic.agenda.AgendaService(database.store(), clock), actor(database), l10n, clock,
                executor, leadEditors);
    }

    private Node screen(NavigationEntry entry, OpenedDatabase database) {
        User actor = actor(database);
        return switch (entry) {
            case DASHBOARD -> {
                MainWindowViewModel window = main;
                DashboardViewModel dashboard = new DashboardViewModel(new TallyService(database.store()),
                        new LeadSearchService(database.store(), actor), l10n, clock, executor, dialogs, leadEditors,
                        window::openLedger, database.firstSummaryIfAny().orElse(null));
                DashboardView view = new DashboardView(dashboard, l10n);
                ReportingViewModel reporting = new ReportingViewModel(
                        new cn.mediationdesk.logic.exchange.PackageService(database.store(), clock, actor), l10n, clock,
                        executor);
                view.addReporting(new ReportingPanel(reporting, l10n));
                cn.mediationdesk.gui.agenda.AgendaViewModel agenda = agendaOf(database);
                view.addAgenda(new cn.mediationdesk.gui.agenda.AgendaPanel(agenda, l10n,
                        () -> window.select(NavigationEntry.AGENDA)));
                followLedgerChanges(view, () -> {
                    dashboard.reload();
                    reporting.load();
                    agenda.load();
                });
                dashboard.start();
                reporting.load();
                agenda.load();
                yield view;
            }
            case AGENDA -> {
                cn.mediationdesk.gui.agenda.AgendaViewModel agenda = agendaOf(database);
                cn.mediationdesk.gui.agenda.AgendaView view = new cn.mediationdesk.gui.agenda.AgendaView(agenda, l10n);
                followLedgerChanges(view, agenda::load);
                agenda.load();
                yield view;
            }
            case LEDGER -> {
                MainWindowViewModel window = main;
                LedgerViewModel ledger = new LedgerViewModel(new LeadSearchService(database.store(), actor),
                        new ReportService(database.store(), clock, actor), l10n, clock,
                        executor, dialogs, leadEditors, Preferences.userRoot().node(LEDGER_PREFERENCES));
                LedgerView view = new LedgerView(ledger, l10n);
                // The dashboard (or any screen) asks for leads through the main window; the ledger shows them.
                window.ledgerRequestProperty().addListener((obs, old, filter) -> {
                    if (filter != null) {
                        ledger.apply(filter);
                    }
                });
                if (window.ledgerRequestProperty().get() != null) {
                    ledger.apply(window.ledgerRequestProperty().get());
                }
                followLedgerChanges(view, ledger::reload);
                ledger.start();
                yield view;
            }
            case CASE_FILES -> {
                CaseFilesViewModel caseFiles = new CaseFilesViewModel(new CaseFileService(database.store(), clock, actor),
                        l10n, clock, executor, leadEditors);
                CaseFilesView view = new CaseFilesView(caseFiles, l10n);
                followLedgerChanges(view, caseFiles::load);
                caseFiles.load(); // the screen opens on the year so far
                yield view;
            }
            case REPEATS -> {
                RepeatsViewModel repeats = new RepeatsViewModel(new RepeatService(database.store(), clock, actor),
                        l10n, clock, executor, leadEditors);
                RepeatsView view = new RepeatsView(repeats, l10n);
                // the demo's leads lie in its own years: open on the period its first summary shows
                database.firstSummaryIfAny().ifPresent(start -> repeats.choosePeriod(start.period().first(),
                        start.period().last()));
                followLedgerChanges(view, repeats::load);
                repeats.load();
                yield view;
            }
            case MONTHLY -> {
                MonthlyViewModel monthly = new MonthlyViewModel(
                        new cn.mediationdesk.logic.monthly.ScreeningService(database.store(), clock),
                        new cn.mediationdesk.logic.monthly.MonthlyReportService(database.store(), clock), actor, l10n,
                        clock, executor, dialogs);
                MonthlyView view = new MonthlyView(monthly, l10n);
                followLedgerChanges(view, monthly::load);
                monthly.load(); // the screen opens on the month just ended
                yield view;
            }
            case SUMMARIES -> {
                MainWindowViewModel window = main;
                SummaryViewModel summary = new SummaryViewModel(new TallyService(database.store()),
                        new LeadSearchService(database.store(), actor), new ReportService(database.store(), clock, actor), l10n,
                        clock, executor, dialogs, window::openLedger,
                        new PrintPreviewWindows(stage, l10n, executor, dialogs));
                SummaryView view = new SummaryView(summary, l10n);
                database.firstSummaryIfAny().ifPresent(start -> summary.choosePeriod(start.period(), start.asOf()));
                summary.summarize(); // the screen opens with figures, not an empty table
                yield view;
            }
            case ORGANIZATION -> {
                OrganizationViewModel organization = new OrganizationViewModel(
                        new OrganizationService(database.store(), actor), new CaseSettingsService(database.store()),
                        l10n, clock, executor, dialogs);
                yield new OrganizationView(organization, l10n); // reads the organization each time it is shown
            }
            case DATA -> {
                ImportWizardViewModel wizard = new ImportWizardViewModel(database.store(), l10n, clock, executor,
                        dialogs, actor, ledgerEvents::leadsImported);
                BackupViewModel backups = new BackupViewModel(new BackupService(database.store(), clock, actor),
                        BackupViewModel.restorerFor(database.store(), clock), database.store(), actor, l10n, clock,
                        executor, dialogs, restoreHost, BackupViewModel.keyFolderOf(database.store()));
                PackageViewModel packages = new PackageViewModel(
                        new cn.mediationdesk.logic.exchange.PackageService(database.store(), clock, actor), l10n, clock,
                        executor, dialogs);
                SharingViewModel sharing = new SharingViewModel(
                        SharingService.onThisPc(database.store(), clock, actor), actor, l10n, executor, dialogs);
                yield new DataView(new DataViewModel(database, l10n, wizard, backups, packages, sharing), l10n);
            }
            case USERS -> {
                UsersViewModel users = new UsersViewModel(new UserService(database.store(), clock, hasher), actor,
                        l10n, clock, executor);
                UsersView view = new UsersView(users, l10n);
                // Lockouts end and begin while the screen is away: read the accounts each time it is shown.
                view.sceneProperty().addListener((obs, old, scene) -> {
                    if (scene != null && old == null) {
                        users.load();
                    }
                });
                yield view;
            }
            case AUDIT -> {
                OrganizationService organization = new OrganizationService(database.store(), actor);
                AuditViewModel audit = new AuditViewModel(new AuditService(database.store(), clock, actor),
                        actor.isAdmin() ? () -> organization.chart().committees() : null, l10n, clock.getZone(),
                        executor);
                audit.load(); // the screen opens on the newest entries
                yield new AuditView(audit, l10n);
            }
            case SETTINGS -> {
                SettingsViewModel settings = new SettingsViewModel(new CaseSettingsService(database.store()),
                        new UserService(database.store(), clock, hasher), database.user(), l10n, clock, executor,
                        languages, locale -> switchLanguage(locale, database),
                        database.userIfAny().isPresent() ? idleSetting : null);
                settings.load();
                SettingsView view = new SettingsView(settings, l10n, new SharedConnectionViewModel(
                        SavedConnection.inSettingsFolder(), l10n, executor));
                cn.mediationdesk.gui.agenda.AgendaSettingsViewModel agendaSettings =
                        new cn.mediationdesk.gui.agenda.AgendaSettingsViewModel(
                                new cn.mediationdesk.logic.agenda.AgendaService(database.store(), clock), actor, l10n,
                                executor);
                view.addAfterCaseSettings(new cn.mediationdesk.gui.agenda.AgendaSettingsCard(agendaSettings, l10n));
                agendaSettings.load();
                yield view;
            }
        };
    }

    /**
     * Runs {@code reload} after leads were written: at once while {@code screen} is showing, else
     * when it is shown next, so that a screen never shows counts older than the last save.
     */
    private void followLedgerChanges(Node screen, Runnable reload) {
        boolean[] stale = {false};
        ledgerEvents.addListener(() -> {
            if (screen.getScene() != null) {
                reload.run();
            } else {
                stale[0] = true;
            }
        });
        screen.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && stale[0]) {
                stale[0] = false;
                reload.run();
            }
        });
    }

    /**
     * Rebuilds the main window in {@code locale}, on the screen that was showing. Windows of their
     * own (lead editors) are left as they are, so no typing in them is lost.
     */
    private void switchLanguage(Locale locale, OpenedDatabase database) {
        NavigationEntry selected = main == null ? null : main.selectedProperty().get();
        // Later: the switch comes from a control of the screen that is about to be replaced.
        Platform.runLater(() -> {
            useLanguage(locale);
            showMainWindow(database, selected);
        });
    }

    private void useLanguage(Locale locale) {
        l10n = new Localization(locale);
        dialogs = new FxDialogService(stage, l10n);
        stage.setTitle(l10n.text("gui.window.title"));
        if (leadEditors != null) {
            leadEditors.useLocalization(l10n); // for editors opened from now on; open ones stay as they are
        }
    }

    /** Sized for a 1366×768 screen: filling it there, a comfortable window on larger ones. */
    private static void size(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        if (screen.getWidth() <= 1440 || screen.getHeight() <= 820) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setMaximized(true);
        } else {
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.centerOnScreen();
        }
    }

    private static javafx.scene.image.Image windowIcon() {
        FontIcon icon = new FontIcon(MaterialDesignS.SCALE_BALANCE);
        icon.setIconSize(64);
        icon.setIconColor(Color.web("#0969da"));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        return icon.snapshot(parameters, null);
    }

    /** Anything unforeseen: logged with its stack trace, shown as a plain sentence, once at a time. */
    private void installUncaughtExceptionHandler() {
        AtomicBoolean showing = new AtomicBoolean();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            LOG.error("unexpected failure on {}", thread.getName(), failure);
            Platform.runLater(() -> {
                if (!showing.compareAndSet(false, true)) {
                    return;
                }
                try {
                    if (Refusals.noticeIfRefused(failure, dialogs, l10n)) {
                        return;
                    }
                    String detail = KnownFailures.reason(failure);
                    dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.error.unexpected"),
                            l10n.text("gui.error.unexpected.advice", detail));
                } finally {
                    showing.set(false);
                }
            });
        });
    }

    @Override
    public void stop() {
        if (dailyBackupTimer != null) {
            dailyBackupTimer.stop();
        }
        if (executor != null) {
            executor.shutdown(); // lets running database work finish before the store closes
        }
        if (startup != null) {
            OpenedDatabase database = startup.openedProperty().get();
            if (database != null) {
                database.store().close();
            }
            startup.unusedStore().ifPresent(store -> store.close());
        }
    }
}
