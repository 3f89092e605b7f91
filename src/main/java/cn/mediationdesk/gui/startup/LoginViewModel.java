package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.UserRules;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * The login page: username and password, checked by {@link UserService#authenticate} off the FX
 * thread (bcrypt is slow on purpose). A refusal says why in a sentence, with the time a lockout ends.
 */
public final class LoginViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);

    private final Store store;
    private final String jurisdictionName;
    private final UserService users;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final Consumer<OpenedDatabase> onDone;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper usernameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mustChange = new ReadOnlyBooleanWrapper(false);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty newPasswordRepeat = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper newPasswordProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper repeatProblem = new ReadOnlyStringWrapper("");
    /** Who logged in with a password an administrator set, and that password, until it is replaced. */
    private User pendingUser;
    private String pendingSecret;

    LoginViewModel(Store store, String jurisdictionName, UserService users, Localization l10n, TaskExecutor executor,
                   Consumer<OpenedDatabase> onDone) {
        this.store = store;
        this.jurisdictionName = jurisdictionName;
        this.users = users;
        this.l10n = l10n;
        this.executor = executor;
        this.onDone = onDone;
        username.addListener((obs, old, now) -> usernameProblem.set(""));
        password.addListener((obs, old, now) -> passwordProblem.set(""));
        newPassword.addListener((obs, old, now) -> newPasswordProblem.set(""));
        newPasswordRepeat.addListener((obs, old, now) -> repeatProblem.set(""));
    }

    public void logIn() {
        if (busy.get()) {
            return;
        }
        message.set("");
        String name = username.get();
        String secret = password.get();
        busy.set(true);
        executor.execute(() -> attempt(name, secret), attempt -> {
            busy.set(false);
            if (attempt.refusal() != null) {
                show(attempt.refusal());
                return;
            }
            password.set("");
            if (attempt.user().mustChangePassword()) {
                // An administrator chose this password: the owner replaces it before working.
                pendingUser = attempt.user();
                pendingSecret = secret;
                message.set("");
                mustChange.set(true);
                return;
            }
            onDone.accept(new OpenedDatabase(store, jurisdictionName, null, attempt.user()));
        }, failure -> {
            busy.set(false);
            LOG.warn("logging in failed", failure);
            String detail = KnownFailures.reason(failure);
            message.set(l10n.text("gui.login.failed", detail));
        });
    }

    /** The second step after a password an administrator set: the new password, twice, then the window opens. */
    public void changePassword() {
        if (busy.get() || !mustChange.get()) {
            return;
        }
        message.set("");
        List<Problem> problems = UserRules.passwordProblems(newPassword.get());
        if (!problems.isEmpty()) {
            newPasswordProblem.set(l10n.message(problems.getFirst()));
            return;
        }
        if (!newPassword.get().equals(newPasswordRepeat.get())) {
            repeatProblem.set(l10n.text("gui.settings.password.mismatch"));
            return;
        }
        User user = pendingUser;
        String current = pendingSecret;
        String chosen = newPassword.get();
        busy.set(true);
        executor.execute(() -> users.changePassword(user, current, chosen), changed -> {
            busy.set(false);
            pendingUser = null;
            pendingSecret = null;
            newPassword.set("");
            newPasswordRepeat.set("");
            mustChange.set(false);
            onDone.accept(new OpenedDatabase(store, jurisdictionName, null, changed));
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                Problem problem = invalid.problems().getFirst();
                if (problem.field() == Problem.Field.PASSWORD) {
                    newPasswordProblem.set(l10n.message(problem));
                } else {
                    message.set(l10n.message(problem));
                }
            } else if (failure instanceof PermissionDeniedException denied) {
                message.set(l10n.message(denied.problem()));
            } else {
                LOG.warn("changing the password at login failed", failure);
                String detail = KnownFailures.reason(failure);
                message.set(l10n.text("gui.login.failed", detail));
            }
        });
    }

    /** Back from the password change to the login form (someone else may log in). */
    public void cancelChange() {
        pendingUser = null;
        pendingSecret = null;
        newPassword.set("");
        newPasswordRepeat.set("");
        mustChange.set(false);
        message.set("");
    }

    /** Whether the login page asks for a new password before the window opens. */
    public ReadOnlyBooleanProperty mustChangeProperty() {
        return mustChange.getReadOnlyProperty();
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newPasswordRepeatProperty() {
        return newPasswordRepeat;
    }

    public ReadOnlyStringProperty newPasswordProblemProperty() {
        return newPasswordProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatProblemProperty() {
        return repeatProblem.getReadOnlyProperty();
    }

    /** A refusal is an answer, not a failure: it comes back as a value and is not logged as an error. */
    private Attempt attempt(String name, String secret) {
        try {
            return new Attempt(users.authenticate(name, secret), null);
        } catch (ValidationException refused) {
            return new Attempt(null, refused);
        }
    }

    private record Attempt(User user, ValidationException refusal) {
    }

    /** Missing entries at their fields; a wrong password, a lockout or a disabled account above the button. */
    private void show(ValidationException refused) {
        for (Problem problem : refused.problems()) {
            if (problem.key().equals("user.username.required")) {
                usernameProblem.set(l10n.message(problem));
            } else if (problem.key().equals("user.password.required")) {
                passwordProblem.set(l10n.message(problem));
            } else {
                message.set(l10n.message(problem));
                password.set(""); // the next try starts on an empty password field
            }
        }
    }

    public String jurisdictionName() {
        return jurisdictionName;
    }

    public String locationText() {
        return store.location();
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty usernameProblemProperty() {
        return usernameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem.getReadOnlyProperty();
    }

    /** Why the last attempt was refused; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
