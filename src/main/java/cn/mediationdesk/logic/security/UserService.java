package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.store.UserRepository;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users and logging in (DESIGN §9): the first administrator, adding users, checking passwords with
 * a lockout after repeated failures, and changing a password. Every refusal is a
 * {@link ValidationException} whose problems say, in the user's language, what is wrong.
 * <p>
 * bcrypt runs outside the transactions: it is slow on purpose, and the database need not wait for it.
 */
public final class UserService {
    /** Wrong passwords in a row that lock an account. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Store store;
    private final Clock clock;
    private final PasswordHasher hasher;

    public UserService(Store store, Clock clock) {
        this(store, clock, PasswordHasher.production());
    }

    public UserService(Store store, Clock clock, PasswordHasher hasher) {
        this.store = store;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Whether anyone can log in yet; a database without users asks for its first administrator. */
    public boolean hasUsers() {
        return store.read(tx -> tx.users().count() > 0);
    }

    public List<User> users() {
        return store.read(tx -> tx.users().all());
    }

    /**
     * Creates the first administrator of a database that has no user yet.
     *
     * @throws ValidationException when a detail breaks a rule, or a user exists already (then
     *                             only an administrator may add users)
     */
    public User createFirstAdmin(String username, String displayName, String password) {
        requireValid(UserRules.newUserProblems(username, displayName, password));
        String hash = hasher.hash(password);
        return store.write(tx -> {
            if (tx.users().count() > 0) {
                throw new ValidationException(Problem.of(Field.USER, "user.firstAdmin.exists"));
            }
            return insert(tx, username, displayName, hash, Role.ADMIN, null);
        });
    }

    /**
     * Adds a user; only an (active) administrator may.
     *
     * @param committeeId the committee of a director or mediator (required for them), else {@code null}
     */
    public User addUser(User actor, String username, String displayName, String password, Role role,
                        Long committeeId) {
        store.read(tx -> {
            Access.requireAdmin(tx, actor);
            return null;
        });
        List<Problem> problems = new ArrayList<>(UserRules.newUserProblems(username, displayName, password));
        if (role == null) {
            problems.add(Problem.of(Field.ROLE, "user.role.required"));
        } else if (role.belongsToACommittee() && committeeId == null) {
            problems.add(Problem.of(Field.COMMITTEE, "user.committee.required"));
        }
        requireValid(problems);
        String hash = hasher.hash(password);
        return store.write(tx -> {
            Access.requireAdmin(tx, actor);
            if (committeeId != null && tx.organization().committees().stream()
                    .noneMatch(c -> c.id() == committeeId && c.active())) {
                throw new ValidationException(Problem.of(Field.COMMITTEE, "rule.committee.unknown"));
            }
            return insert(tx, username, displayName, hash, role, committeeId);
        });
    }

    private User insert(Tx tx, String username, String displayName, String hash, Role role, Long committeeId) {
        String name = UserRules.normalizeUsername(username);
        UserRepository users = tx.users();
        if (users.findByUsername(name).isPresent()) {
            throw new ValidationException(Problem.of(Field.USERNAME, "user.username.taken", name));
        }
        long id = users.insert(name, displayName.strip(), hash, role, committeeId, clock.instant());
        return users.find(id).orElseThrow();
    }

    /**
     * Checks a username and password. Five wrong passwords in a row lock the account for 15
     * minutes; while it is locked even the right password is refused, with the time the lockout
     * ends. Unknown names and wrong passwords get the same answer, so neither gives the other away.
     *
     * @return the user, with the failure count cleared
     * @throws ValidationException when the user may not log in, and why
     */
    public User authenticate(String username, String password) {
        List<Problem> missing = new ArrayList<>();
        if (UserRules.normalizeUsername(username).isEmpty()) {
            missing.add(Problem.of(Field.USERNAME, "user.username.required"));
        }
        if (password == null || password.isEmpty()) {
            missing.add(Problem.of(Field.PASSWORD, "user.password.required"));
        }
        requireValid(missing);

        String name = UserRules.normalizeUsername(username);
        record Candidate(User user, String hash) {
        }
        Optional<Candidate> found = store.read(tx -> tx.users().findByUsername(name)
                .map(user -> new Candidate(user, tx.users().passwordHash(user.id()).orElseThrow())));
        if (found.isEmpty()) {
            hasher.spendACheck(password); // a wrong name takes as long as a wrong password
            throw wrongPassword();
        }
        User user = found.get().user();
        Instant now = clock.instant();
        if (user.isLockedAt(now)) {
            throw locked(user.lockedUntil());
        }
        boolean matches = hasher.matches(password, found.get().hash());
        Outcome outcome = store.write(tx -> {
            // Read again: another PC sharing the database may have counted a failure meanwhile.
            User current = tx.users().find(user.id()).orElseThrow();
            if (current.isLockedAt(now)) {
                return new Outcome(null, locked(current.lockedUntil()));
            }
            if (!matches) {
                int failures = current.failedAttempts() + 1;
                if (failures >= MAX_FAILED_ATTEMPTS) {
                    Instant until = now.plus(LOCKOUT);
                    tx.users().updateLockout(current.id(), 0, until);
                    return new Outcome(null, locked(until));
                }
                tx.users().updateLockout(current.id(), failures, current.lockedUntil());
                return new Outcome(null, wrongPassword());
            }
            if (!current.active()) {
                return new Outcome(null, new ValidationException(Problem.of(Field.USER, "user.login.disabled")));
            }
            if (current.failedAttempts() != 0 || current.lockedUntil() != null) {
                tx.users().updateLockout(current.id(), 0, null);
            }
            return new Outcome(tx.users().find(current.id()).orElseThrow(), null);
        });
        // Thrown after the commit: a failure must be counted, not rolled back with the refusal.
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.user();
    }

    private record Outcome(User user, ValidationException refusal) {
    }

    /**
     * Changes the password of {@code actor}, who proves it is them with the current one.
     *
     * @throws ValidationException when the current password is wrong or the new one breaks a rule
     */
    public void changePassword(User actor, String currentPassword, String newPassword) {
        String hash = store.read(tx -> tx.users().passwordHash(actor.id()))
                .orElseThrow(() -> new ValidationException(Problem.of(Field.USER, "user.unknown")));
        if (!hasher.matches(currentPassword, hash)) {
            throw new ValidationException(Problem.of(Field.PASSWORD, "user.password.currentWrong"));
        }
        requireValid(UserRules.passwordProblems(newPassword));
        String newHash = hasher.hash(newPassword);
        store.write(tx -> {
            tx.users().updatePasswordHash(actor.id(), newHash);
            return null;
        });
    }

    /** The committees a director or mediator may belong to, for choosing one. */
    public List<Committee> activeCommittees() {
        return store.read(tx -> tx.organization().committees().stream().filter(Committee::active).toList());
    }

    private ValidationException wrongPassword() {
        return new ValidationException(Problem.of(Field.PASSWORD, "user.login.failed", MAX_FAILED_ATTEMPTS,
                LOCKOUT.toMinutes()));
    }

    private ValidationException locked(Instant until) {
        String time = LocalTime.ofInstant(until, clock.getZone()).format(CLOCK_TIME);
        return new ValidationException(Problem.of(Field.USER, "user.login.locked", MAX_FAILED_ATTEMPTS, time));
    }

    private static void requireValid(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
