package cn.mediationdesk.gui.users;

import cn.mediationdesk.gui.common.FieldMessages;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.security.UserRules;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Users screen (administrators): every account with its role, committee and state; a form
 * that adds a user or changes the selected one; and the selected account's password reset,
 * disabling, enabling and unlocking. {@link UserService} checks every rule and permission again.
 */
public final class UsersViewModel {
    private static final String REPEAT = "repeat";
    private static final String MISMATCH = "gui.settings.password.mismatch";
    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One account as the table shows it. */
    public record UserRow(User user, String username, String displayName, String role, String committee,
                          String status) {
    }

    private final UserService users;
    private final User actor;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;

    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Committee> committees = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selected = new SimpleObjectProperty<>();

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.MEDIATOR);
    private final ObjectProperty<Committee> committee = new SimpleObjectProperty<>();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    /** The form's messages, each under its field; {@value #REPEAT} is the second password field. */
    private final FieldMessages problems;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding committeeNeeded;
    private final BooleanBinding editing;

    public UsersViewModel(UserService users, User actor, Localization l10n, Clock clock, TaskExecutor executor) {
        this.users = users;
        this.actor = actor;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        committeeNeeded = Bindings.createBooleanBinding(() -> role.get() != null && role.get().belongsToACommittee(),
                role);
        editing = selected.isNotNull();
        problems = new FieldMessages(l10n, "\n", Field.USERNAME, Field.DISPLAY_NAME, Field.ROLE, Field.COMMITTEE,
                Field.PASSWORD);
        problems.addSlot(REPEAT);
        problems.route(p -> MISMATCH.equals(p.key()) ? REPEAT : p.field().name());
        problems.recheckOnChange(Field.USERNAME.name(), username,
                () -> UserRules.usernameProblems(username.get()).stream().findFirst());
        problems.recheckOnChange(Field.DISPLAY_NAME.name(), displayName,
                () -> UserRules.displayNameProblems(displayName.get()).stream().findFirst());
        problems.recheckOnChange(Field.ROLE.name(), role, () -> role.get() == null
                ? Optional.of(Problem.of(Field.ROLE, "user.role.required")) : Optional.empty());
        problems.recheckOnChange(Field.COMMITTEE.name(), committee, () -> committee.get() == null
                && committeeNeeded.get() ? Optional.of(Problem.of(Field.COMMITTEE, "user.committee.required"))
                : Optional.empty());
        problems.recheckOnChange(Field.PASSWORD.name(), password,
                () -> UserRules.passwordProblems(password.get()).stream().findFirst());
        problems.recheckOnChange(REPEAT, passwordRepeat, this::mismatch);
        selected.addListener((obs, old, now) -> fillForm(now));
    }

    /** Reads the accounts and the committees a director or mediator may belong to. */
    public void load() {
        run(() -> new Loaded(users.users(actor), users.activeCommittees()), loaded -> {
            committees.setAll(loaded.committees());
            showUsers(loaded.users());
        });
    }

    private record Loaded(List<User> users, List<Committee> committees) {
    }

    private void showUsers(List<User> accounts) {
        Long keep = selected.get() == null ? null : selected.get().user().id();
        List<UserRow> shown = accounts.stream().map(this::row).toList();
        selected.set(null);
        rows.setAll(shown);
        if (keep != null) {
            shown.stream().filter(r -> r.user().id() == keep).findFirst().ifPresent(selected::set);
        }
    }

    private UserRow row(User user) {
        Map<Long, String> names = committees.stream().collect(Collectors.toMap(Committee::id, Committee::name));
        String committeeName = user.committeeId() == null ? ""
                : names.getOrDefault(user.committeeId(), "#" + user.committeeId());
        return new UserRow(user, user.username(), user.displayName(), roleName(user.role()), committeeName,
                status(user));
    }

    /** 在用, 已停用, 锁定至 HH:mm or 需修改密码. */
    public String status(User user) {
        if (!user.active()) {
            return l10n.text("gui.users.status.disabled");
        }
        if (user.isLockedAt(clock.instant())) {
            return l10n.text("gui.users.status.locked",
                    LocalTime.ofInstant(user.lockedUntil(), clock.getZone()).format(CLOCK_TIME));
        }
        if (user.mustChangePassword()) {
            return l10n.text("gui.users.status.mustChange");
        }
        return l10n.text("gui.users.status.active");
    }

    public List<Role> roles() {
        return List.of(Role.values());
    }

    public String roleName(Role value) {
        return value == null ? "" : l10n.text(Access.roleKey(value));
    }

    /** Clears the form for a new account. */
    public void newUser() {
        selected.set(null);
        fillForm(null);
    }

    private void fillForm(UserRow row) {
        User user = row == null ? null : row.user();
        username.set(user == null ? "" : user.username());
        displayName.set(user == null ? "" : user.displayName());
        role.set(user == null ? Role.MEDIATOR : user.role());
        committee.set(user == null || user.committeeId() == null ? null
                : committees.stream().filter(c -> c.id() == user.committeeId()).findFirst().orElse(null));
        password.set("");
        passwordRepeat.set("");
        clearProblems();
        message.set("");
        succeeded.set(false);
    }

    private void clearProblems() {
        problems.clear();
    }

    private Optional<Problem> mismatch() {
        return password.get().equals(passwordRepeat.get()) ? Optional.empty()
                : Optional.of(Problem.of(Field.PASSWORD, MISMATCH));
    }

    /** Adds the account of the form, or saves the name, role and committee of the selected one. */
    public void save() {
        if (busy.get()) {
            return;
        }
        String name = displayName.get();
        Role chosenRole = role.get();
        Long committeeId = committeeNeeded.get() && committee.get() != null ? committee.get().id() : null;
        if (selected.get() == null) {
            if (!passwordsAgree()) {
                return;
            }
            String login = username.get();
            String secret = password.get();
            run(() -> {
                users.addUser(actor, login, name, secret, chosenRole, committeeId);
                return users.users(actor);
            }, accounts -> {
                showUsers(accounts);
                String added = UserRules.normalizeUsername(login);
                rows.stream().filter(r -> r.username().equals(added)).findFirst().ifPresent(selected::set);
                succeed(l10n.text("gui.users.added", added));
            });
        } else {
            long id = selected.get().user().id();
            run(() -> {
                users.updateUser(actor, id, name, chosenRole, committeeId);
                return users.users(actor);
            }, accounts -> {
                showUsers(accounts);
                succeed(l10n.text("gui.users.saved"));
            });
        }
    }

    /** Gives the selected account the password typed (twice); its owner must change it at the next login. */
    public void resetPassword() {
        UserRow row = selected.get();
        if (busy.get() || row == null || !passwordsAgree()) {
            return;
        }
        String secret = password.get();
        long id = row.user().id();
        run(() -> {
            users.resetPassword(actor, id, secret);
            return users.users(actor);
        }, accounts -> {
            showUsers(accounts);
            succeed(l10n.text("gui.users.passwordReset", row.username()));
        });
    }

    public void disable() {
        act(user -> users.disable(actor, user.id()), "gui.users.disabled");
    }

    public void enable() {
        act(user -> users.enable(actor, user.id()), "gui.users.enabled");
    }

    public void unlock() {
        act(user -> users.unlock(actor, user.id()), "gui.users.unlocked");
    }

    private void act(Function<User, User> change, String doneKey) {
        UserRow row = selected.get();
        if (busy.get() || row == null) {
            return;
        }
        run(() -> {
            change.apply(row.user());
            return users.users(actor);
        }, accounts -> {
            showUsers(accounts);
            succeed(l10n.text(doneKey, row.username()));
        });
    }

    private boolean passwordsAgree() {
        List<Problem> found = UserRules.passwordProblems(password.get());
        if (found.isEmpty()) {
            found = mismatch().stream().toList();
        }
        problems.show(found.stream().limit(1).toList());
        return found.isEmpty();
    }

    private void succeed(String text) {
        password.set("");
        passwordRepeat.set("");
        succeeded.set(true);
        message.set(text);
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        message.set("");
        succeeded.set(false);
        busy.set(true);
        executor.execute(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        if (failure instanceof PermissionDeniedException denied) {
            refused.set(true);
            message.set(l10n.message(denied.problem()));
        } else if (failure instanceof ValidationException invalid) {
            problems.show(invalid.problems());
            message.set(invalid.problems().stream().filter(p -> !problems.showsAtItsControl(p)).map(l10n::message)
                    .collect(Collectors.joining("\n")));
        } else {
            LOG.warn("working on the user accounts failed", failure);
            message.set(l10n.text("gui.users.failed",
                    KnownFailures.reason(failure)));
        }
    }


    // ---- properties ----

    public ObservableList<UserRow> rows() {
        return rows;
    }

    public ObservableList<Committee> committees() {
        return committees;
    }

    /** The account the form edits; {@code null} while it adds a new one. */
    public ObjectProperty<UserRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding editingProperty() {
        return editing;
    }

    /** Whether the chosen role needs a committee (directors and mediators). */
    public BooleanBinding committeeNeededProperty() {
        return committeeNeeded;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<Committee> committeeProperty() {
        return committee;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    public ReadOnlyStringProperty usernameProblemProperty() {
        return problems.message(Field.USERNAME);
    }

    public ReadOnlyStringProperty displayNameProblemProperty() {
        return problems.message(Field.DISPLAY_NAME);
    }

    public ReadOnlyStringProperty roleProblemProperty() {
        return problems.message(Field.ROLE);
    }

    public ReadOnlyStringProperty committeeProblemProperty() {
        return problems.message(Field.COMMITTEE);
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return problems.message(Field.PASSWORD);
    }

    public ReadOnlyStringProperty repeatProblemProperty() {
        return problems.message(REPEAT);
    }

    /** What the last action did, or why it was refused; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} reports a success. */
    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    /** Whether the service refused this user the screen (not an administrator). */
    public ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
