package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.UserService;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The idle lock: after some minutes without keyboard or mouse input the window is covered by a page
 * that asks the same user's password again ({@link UserService#authenticate}, so five wrong ones
 * lock the account as usual), or offers to log out instead. The window reports input through
 * {@link #activity()} and calls {@link #tick()} now and then; the time comes from the clock given,
 * so tests move it instead of waiting.
 */
public final class IdleLockViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(IdleLockViewModel.class);

    private final User user;
    private final UserService users;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final Runnable logOut;

    private Duration timeout;
    private Instant lastActivity;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param minutes idle minutes before the lock; 0 never locks
     * @param logOut  ends the session (the application closes the editors and shows the login page)
     */
    public IdleLockViewModel(User user, UserService users, Localization l10n, Clock clock, TaskExecutor executor,
                             int minutes, Runnable logOut) {
        this.user = user;
        this.users = users;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.logOut = logOut;
        this.lastActivity = clock.instant();
        useMinutes(minutes);
        password.addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                message.set("");
            }
        });
    }

    /** Changes the idle time (from the Settings screen); 0 or less never locks. Counts from now. */
    public void useMinutes(int minutes) {
        timeout = minutes <= 0 ? null : Duration.ofMinutes(minutes);
        lastActivity = clock.instant();
    }

    /** Keyboard or mouse input in any window; while locked, input does not unlock. */
    public void activity() {
        if (!locked.get()) {
            lastActivity = clock.instant();
        }
    }

    /** Locks when the idle time has passed since the last input. */
    public void tick() {
        if (locked.get() || timeout == null || user == null) {
            return;
        }
        if (!clock.instant().isBefore(lastActivity.plus(timeout))) {
            password.set("");
            message.set("");
            locked.set(true);
        }
    }

    /** Checks the password of the user who is logged in; the right one removes the lock. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        String secret = password.get();
        busy.set(true);
        executor.execute(() -> users.authenticate(user.username(), secret), ok -> {
            busy.set(false);
            password.set("");
            message.set("");
            lastActivity = clock.instant();
            locked.set(false);
        }, failure -> {
            busy.set(false);
            password.set("");
            if (failure instanceof ValidationException refused) {
                Problem problem = refused.problems().getFirst();
                message.set(l10n.message(problem));
            } else if (failure instanceof PermissionDeniedException denied) {
                message.set(l10n.message(denied.problem()));
            } else {
                LOG.warn("checking the password at the idle lock failed", failure);
                message.set(l10n.text("gui.login.failed",
                        KnownFailures.reason(failure)));
            }
        });
    }

    /** The lock page's other way out: log out (the editors ask about unsaved changes first). */
    public void logOutInstead() {
        if (!busy.get()) {
            logOut.run();
        }
    }

    /** "已锁定：王芳" — whose password the lock page asks for. */
    public String lockText() {
        return l10n.text("gui.lock.text", user == null ? "" : user.displayName(),
                user == null ? "" : user.username());
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Why the last password was refused (wrong, or the account is now locked). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
