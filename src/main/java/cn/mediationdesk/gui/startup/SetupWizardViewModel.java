package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.OpenedDatabase.SummaryStart;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserRules;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first-run wizard: (1) the jurisdiction's name, (2) the first administrator, (3) the demo data
 * or an empty start; then straight into the main window as that administrator. A database that
 * already has its jurisdiction (made by the command line) only asks for the administrator.
 * <p>
 * Nothing is written before the last step: a wizard left halfway leaves no database behind.
 */
public final class SetupWizardViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SetupWizardViewModel.class);

    public enum Step {
        JURISDICTION, ADMINISTRATOR, DATA
    }

    private final DatabaseLocation location;
    private final String existingJurisdiction;
    private final String welcome;
    private final DatabaseOpener opener;
    private final DemoInstaller demo;
    private final PasswordHasher hasher;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<OpenedDatabase> onDone;
    private final List<Step> steps;

    private final ReadOnlyObjectWrapper<Step> step;
    private final StringProperty jurisdictionName = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    private final BooleanProperty loadDemo = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper jurisdictionNameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usernameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper displayNameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordRepeatProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper recoveryCode = new ReadOnlyStringWrapper("");
    private final BooleanProperty codeCopied = new SimpleBooleanProperty(false);

    /** The database once opened or created; kept across a failed finish so that a retry goes on with it. */
    private Store store;
    private boolean finished;
    /** The recovery code of the file this wizard made, until it is shown; null for any other database. */
    private String newRecoveryCode;
    /** Set up and waiting for the recovery code to be copied before the window opens on it. */
    private OpenedDatabase waiting;

    /**
     * @param store                an open database to fill, or {@code null} to create one at {@code location}
     * @param existingJurisdiction the jurisdiction {@code store} has already, or {@code null}
     * @param welcome              the lead-in: no database yet, no jurisdiction, or no user
     */
    SetupWizardViewModel(DatabaseLocation location, Store store, String existingJurisdiction, String welcome,
                         DatabaseOpener opener, DemoInstaller demo, PasswordHasher hasher, Localization l10n,
                         Clock clock, TaskExecutor executor, DialogService dialogs, Consumer<OpenedDatabase> onDone) {
        this.location = location;
        this.store = store;
        this.existingJurisdiction = existingJurisdiction;
        this.welcome = welcome;
        this.opener = opener;
        this.demo = demo;
        this.hasher = hasher;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onDone = onDone;
        if (existingJurisdiction != null) {
            steps = List.of(Step.ADMINISTRATOR);
        } else if (demo != null) {
            steps = List.of(Step.JURISDICTION, Step.ADMINISTRATOR, Step.DATA);
        } else {
            steps = List.of(Step.JURISDICTION, Step.ADMINISTRATOR);
        }
        step = new ReadOnlyObjectWrapper<>(steps.getFirst());
        jurisdictionName.addListener((obs, old, now) -> jurisdictionNameProblem.set(""));
        username.addListener((obs, old, now) -> usernameProblem.set(""));
        displayName.addListener((obs, old, now) -> displayNameProblem.set(""));
        password.addListener((obs, old, now) -> passwordProblem.set(""));
        passwordRepeat.addListener((obs, old, now) -> passwordRepeatProblem.set(""));
    }

    public List<Step> steps() {
        return steps;
    }

    /** 1-based, for "step 2 of 3". */
    public int stepNumber() {
        return steps.indexOf(step.get()) + 1;
    }

    public boolean isLastStep() {
        return step.get() == steps.getLast();
    }

    public boolean canGoBack() {
        return steps.indexOf(step.get()) > 0;
    }

    /** Checks the current step and goes to the next, or finishes on the last. */
    public void next() {
        if (busy.get() || finished || waiting != null || !stepIsValid(step.get())) {
            return;
        }
        if (isLastStep()) {
            finish();
        } else {
            step.set(steps.get(steps.indexOf(step.get()) + 1));
        }
    }

    public void back() {
        if (!busy.get() && canGoBack()) {
            step.set(steps.get(steps.indexOf(step.get()) - 1));
        }
    }

    private boolean stepIsValid(Step which) {
        return switch (which) {
            case JURISDICTION -> jurisdictionIsValid();
            case ADMINISTRATOR -> administratorIsValid();
            case DATA -> true;
        };
    }

    private boolean jurisdictionIsValid() {
        String name = jurisdictionName.get() == null ? "" : jurisdictionName.get().strip();
        if (name.isEmpty()) {
            jurisdictionNameProblem.set(l10n.text("gui.start.create.nameRequired"));
        } else if (name.length() > StartupViewModel.JURISDICTION_NAME_MAX_LENGTH) {
            jurisdictionNameProblem.set(l10n.text("gui.start.create.nameTooLong",
                    StartupViewModel.JURISDICTION_NAME_MAX_LENGTH, name.length()));
        }
        return jurisdictionNameProblem.get().isEmpty();
    }

    private boolean administratorIsValid() {
        usernameProblem.set(first(UserRules.usernameProblems(username.get())));
        displayNameProblem.set(first(UserRules.displayNameProblems(displayName.get())));
        passwordProblem.set(first(UserRules.passwordProblems(password.get())));
        if (passwordProblem.get().isEmpty() && !password.get().equals(passwordRepeat.get())) {
            passwordRepeatProblem.set(l10n.text("gui.wizard.passwordMismatch"));
        }
        return usernameProblem.get().isEmpty() && displayNameProblem.get().isEmpty()
                && passwordProblem.get().isEmpty() && passwordRepeatProblem.get().isEmpty();
    }

    private String first(List<Problem> problems) {
        return problems.isEmpty() ? "" : l10n.message(problems.getFirst());
    }

    private void finish() {
        Details details = new Details(jurisdictionName.get().strip(), username.get(), displayName.get(), password.get(),
                demo != null && loadDemo.get());
        startBusy(details.demo() ? "gui.start.busy.demo" : "gui.start.busy.creating");
        if (store != null) {
            fill(details);
            return;
        }
        DatabaseLocation where = location;
        executor.execute(() -> opener.open(where, true), created -> {
            store = created;
            // Only a file made just now shows its code: once, for the office to keep on paper.
            if (created instanceof Database database && database.created()) {
                newRecoveryCode = database.recoveryCode().orElse(null);
            }
            fill(details);
        }, this::failed);
    }

    private record Details(String jurisdiction, String username, String displayName, String password, boolean demo) {
    }

    private void fill(Details details) {
        Store target = store;
        executor.execute(() -> {
            // Nobody has an account yet: the wizard acts as the database's setup.
            OrganizationService organization = new OrganizationService(target, User.setup());
            Optional<Jurisdiction> present = organization.jurisdiction();
            String name;
            SummaryStart start = null;
            if (present.isPresent()) {
                // Set up by the command line, or by an earlier attempt of this wizard that failed later on.
                name = present.get().name();
            } else if (details.demo()) {
                OpenedDatabase withDemo = demo.install(target, clock);
                name = withDemo.jurisdictionName();
                start = withDemo.firstSummary();
            } else {
                name = organization.createJurisdiction(details.jurisdiction(), clock.instant()).name();
            }
            User admin = new UserService(target, clock, hasher).createFirstAdmin(details.username(),
                    details.displayName(), details.password());
            return new OpenedDatabase(target, name, start, admin);
        }, database -> {
            endBusy();
            password.set("");
            passwordRepeat.set("");
            if (newRecoveryCode != null) {
                waiting = database;
                recoveryCode.set(newRecoveryCode);
                newRecoveryCode = null;
            } else {
                finished = true;
                onDone.accept(database);
            }
        }, this::failed);
    }

    /** "我已抄写": the code is on paper, the window opens on the new database; the code is not shown again. */
    public void continueAfterRecoveryCode() {
        if (waiting == null || !codeCopied.get()) {
            return;
        }
        OpenedDatabase database = waiting;
        waiting = null;
        finished = true;
        recoveryCode.set("");
        onDone.accept(database);
    }

    private void failed(Throwable failure) {
        endBusy();
        if (failure instanceof ValidationException invalid && showAtFields(invalid.problems())) {
            step.set(Step.ADMINISTRATOR);
            return;
        }
        String where = location == null ? "" : location.display();
        LOG.warn("setting up {} failed", where, failure);
        OpenProblem why = OpenProblem.of(failure, where, l10n);
        dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.start.setUpFailed"),
                why.headline() + "\n\n" + why.advice());
    }

    /** Puts the administrator's problems at their fields; false when some problem belongs to none of them. */
    private boolean showAtFields(List<Problem> problems) {
        List<Problem> elsewhere = new ArrayList<>();
        for (Problem problem : problems) {
            switch (problem.field()) {
                case USERNAME -> usernameProblem.set(l10n.message(problem));
                case DISPLAY_NAME -> displayNameProblem.set(l10n.message(problem));
                case PASSWORD -> passwordProblem.set(l10n.message(problem));
                default -> elsewhere.add(problem);
            }
        }
        return elsewhere.isEmpty();
    }

    private void startBusy(String key) {
        busyText.set(l10n.text(key));
        busy.set(true);
    }

    private void endBusy() {
        busy.set(false);
        busyText.set("");
    }

    Optional<Store> unusedStore() {
        return finished ? Optional.empty() : Optional.ofNullable(store);
    }

    /** Whether the wizard offers the demo data (its last step). */
    public boolean demoAvailable() {
        return steps.contains(Step.DATA);
    }

    /** The jurisdiction the database has already, when the wizard only asks for the administrator. */
    public Optional<String> existingJurisdiction() {
        return Optional.ofNullable(existingJurisdiction);
    }

    /** The lead-in of the first page: no database yet, one without jurisdiction, or one without users. */
    public String welcomeText() {
        return welcome;
    }

    /** Where the database is (or will be created). */
    public String locationText() {
        return location == null ? "" : location.display();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public StringProperty jurisdictionNameProperty() {
        return jurisdictionName;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    /** Step 3: load the demo jurisdiction instead of starting empty. */
    public BooleanProperty loadDemoProperty() {
        return loadDemo;
    }

    public ReadOnlyStringProperty jurisdictionNameProblemProperty() {
        return jurisdictionNameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameProblemProperty() {
        return usernameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayNameProblemProperty() {
        return displayNameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordRepeatProblemProperty() {
        return passwordRepeatProblem.getReadOnlyProperty();
    }

    /**
     * The recovery code of the database the wizard has just made, in its groups (XXXX-XXXX-…), while it
     * is shown; empty before and after, and for a database that existed already.
     */
    public ReadOnlyStringProperty recoveryCodeProperty() {
        return recoveryCode.getReadOnlyProperty();
    }

    /** Ticked once the code is written down; the window opens only then. */
    public BooleanProperty codeCopiedProperty() {
        return codeCopied;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }
}
