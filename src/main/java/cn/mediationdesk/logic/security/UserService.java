package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditTrail;
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
import java.util.Map;
import java.util.Optional;

/**
 * Users and logging in (DESIGN §9): the first administrator, adding users, checking passwords with
 * a lockout after repeated failures, and changing a password. Every refusal is a
 * {@link ValidationException} whose problems say, in the user's language, what is wrong.
 * <p>
 * bcrypt runs outside the transactions: it is slow on purpose, and the database need not wait for it.
 * <p>
 * On PostgreSQL the application still connects with its URL's owner account and checks passwords
 * here, as on H2; each account's own login role on the server (for anyone who connects directly)
 * is kept in step with the account by {@link cn.mediationdesk.logic.store.DatabaseAccounts}, in the
 * same transaction: created with the account, given every new password, {@code NOLOGIN} while
 * disabled, moved between groups when the role changes. The server's row-level security then holds
 * those logins to the same roles (persistence.PostgresRowSecurity).
 */
public final class UserService {
    /** Wrong passwords in a row that lock an account. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Store store;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final AuditTrail audit;

    public UserService(Store store, Clock clock) {
        this(store, clock, PasswordHasher.production());
    }

    public UserService(Store store, Clock clock, PasswordHasher hasher) {
        this.store = store;
        this.clock = clock;
        this.hasher = hasher;
        this.audit = AuditTrail.onThisPc(clock);
    }

    /** Records on the audit trail what {@code change} did to the account {@code userId}. */
    private User recorded(Tx tx, User by, AuditAction action, long userId, java.util.function.Supplier<User> change) {
        Map<String, String> before = audit.snapshot(tx, AuditTrail.USER, String.valueOf(userId));
        User after = change.get();
        audit.entityChanged(tx, by.username(), action, AuditTrail.USER, String.valueOf(userId), after.committeeId(),
                before);
        return after;
    }

    /** Whether anyone can log in yet; a database without users asks for its first administrator. */
    public boolean hasUsers() {
        return store.read(tx -> tx.users().count() > 0);
    }

    /** Every account, ordered by username; administrators only. */
    public List<User> users(User actor) {
        return store.read(tx -> {
            Access.requireAdmin(tx, actor);
            return tx.users().all();
        });
    }

    /** An account by username; administrators only. */
    public User user(User actor, String username) {
        return store.read(tx -> {
            Access.requireAdmin(tx, actor);
            return byName(tx, username);
        });
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
            User admin = insert(tx, username, displayName, hash, Role.ADMIN, null, false);
            tx.databaseAccounts().keepInStep(admin, password);
            audit.entityChanged(tx, admin.username(), AuditAction.ACCOUNT_FIRST_ADMIN, AuditTrail.USER, String.valueOf(admin.id()),
                    null, Map.of());
            return admin;
        });
    }

    /**
     * Adds a user; only an (active) administrator may. The password is the administrator's
     * choice, so the new user must replace it at the first login.
     *
     * @param committeeId the committee of a director or mediator (required for them), else {@code null}
     */
    public User addUser(User actor, String username, String displayName, String password, Role role,
                        Long committeeId) {
        store.read(tx -> Access.requireAdmin(tx, actor));
        List<Problem> problems = new ArrayList<>(UserRules.newUserProblems(username, displayName, password));
        problems.addAll(roleProblems(role, committeeId));
        requireValid(problems);
        String hash = hasher.hash(password);
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            requireActiveCommittee(tx, committeeId);
            User added = insert(tx, username, displayName, hash, role, role.belongsToACommittee() ? committeeId : null, true);
            tx.databaseAccounts().keepInStep(added, password);
            audit.entityChanged(tx, admin.username(), AuditAction.ACCOUNT_ADD, AuditTrail.USER, String.valueOf(added.id()),
                    added.committeeId(), Map.of());
            return added;
        });
    }

    /** Changes a user's name, role and committee; the last active administrator stays one. */
    public User updateUser(User actor, long userId, String displayName, Role role, Long committeeId) {
        List<Problem> problems = new ArrayList<>(UserRules.displayNameProblems(displayName));
        problems.addAll(roleProblems(role, committeeId));
        requireValid(problems);
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            User before = existing(tx, userId);
            if (before.role() == Role.ADMIN && role != Role.ADMIN) {
                requireAnotherActiveAdmin(tx, before);
            }
            requireActiveCommittee(tx, committeeId);
            return recorded(tx, admin, AuditAction.ACCOUNT_UPDATE, userId, () -> {
                tx.users().updateRole(userId, displayName.strip(), role, role.belongsToACommittee() ? committeeId : null);
                return inStep(tx, existing(tx, userId), null);
            });
        });
    }

    /**
     * Sets a new password for someone who forgot theirs; the owner must replace it at the next
     * login. Ends a lockout too: the administrator has spoken to the person.
     */
    public User resetPassword(User actor, long userId, String newPassword) {
        store.read(tx -> Access.requireAdmin(tx, actor));
        requireValid(UserRules.passwordProblems(newPassword));
        String hash = hasher.hash(newPassword);
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            existing(tx, userId);
            return recorded(tx, admin, AuditAction.ACCOUNT_RESET_PASSWORD, userId, () -> {
                tx.users().updatePasswordHash(userId, hash, true);
                tx.users().updateLockout(userId, 0, null);
                return inStep(tx, existing(tx, userId), newPassword);
            });
        });
    }

    /** Disables an account: it can no longer log in, and nothing it did is lost. */
    public User disable(User actor, long userId) {
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            User before = existing(tx, userId);
            if (before.id() == admin.id()) {
                throw new ValidationException(Problem.of(Field.USER, "user.disable.self"));
            }
            if (before.role() == Role.ADMIN) {
                requireAnotherActiveAdmin(tx, before);
            }
            return recorded(tx, admin, AuditAction.ACCOUNT_DISABLE, userId, () -> {
                tx.users().updateActive(userId, false);
                return inStep(tx, existing(tx, userId), null);
            });
        });
    }

    /** Lets a disabled account log in again. */
    public User enable(User actor, long userId) {
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            existing(tx, userId);
            return recorded(tx, admin, AuditAction.ACCOUNT_ENABLE, userId, () -> {
                tx.users().updateActive(userId, true);
                return inStep(tx, existing(tx, userId), null);
            });
        });
    }

    /** Ends a lockout before its 15 minutes are over. */
    public User unlock(User actor, long userId) {
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            User user = existing(tx, userId);
            tx.users().updateLockout(userId, 0, null);
            // The lockout counters are no part of an account's audited state: the unlock is an event.
            audit.event(tx, admin.username(), AuditAction.ACCOUNT_UNLOCK, AuditTrail.USER, String.valueOf(userId), null,
                    user.committeeId(), user.username());
            return existing(tx, userId);
        });
    }

    private static List<Problem> roleProblems(Role role, Long committeeId) {
        if (role == null) {
            return List.of(Problem.of(Field.ROLE, "user.role.required"));
        }
        if (role.belongsToACommittee() && committeeId == null) {
            return List.of(Problem.of(Field.COMMITTEE, "user.committee.required"));
        }
        return List.of();
    }

    private static void requireActiveCommittee(Tx tx, Long committeeId) {
        if (committeeId != null && tx.organization().committees().stream()
                .noneMatch(c -> c.id() == committeeId && c.active())) {
            throw new ValidationException(Problem.of(Field.COMMITTEE, "rule.committee.unknown"));
        }
    }

    private static void requireAnotherActiveAdmin(Tx tx, User leaving) {
        boolean another = tx.users().all().stream()
                .anyMatch(u -> u.id() != leaving.id() && u.active() && u.role() == Role.ADMIN);
        if (!another) {
            throw new ValidationException(Problem.of(Field.USER, "user.lastAdmin"));
        }
    }

    /**
     * Brings the account's own login on a PostgreSQL server in step (group, may log in, password):
     * in the same transaction, so the account and its login change together or not at all.
     */
    private static User inStep(Tx tx, User user, String newPassword) {
        tx.databaseAccounts().keepInStep(user, newPassword);
        return user;
    }

    private static User existing(Tx tx, long userId) {
        return tx.users().find(userId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.USER, "user.unknown")));
    }

    private static User byName(Tx tx, String username) {
        return tx.users().findByUsername(UserRules.normalizeUsername(username))
                .orElseThrow(() -> new ValidationException(Problem.of(Field.USERNAME, "user.notFound",
                        UserRules.normalizeUsername(username))));
    }

    private User insert(Tx tx, String username, String displayName, String hash, Role role, Long committeeId,
                        boolean mustChangePassword) {
        String name = UserRules.normalizeUsername(username);
        UserRepository users = tx.users();
        if (users.findByUsername(name).isPresent()) {
            throw new ValidationException(Problem.of(Field.USERNAME, "user.username.taken", name));
        }
        long id = users.insert(name, displayName.strip(), hash, role, committeeId, clock.instant(), mustChangePassword);
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
    public User changePassword(User actor, String currentPassword, String newPassword) {
        String hash = store.read(tx -> {
            User current = Access.current(tx, actor);
            return tx.users().passwordHash(current.id());
        }).orElseThrow(() -> new ValidationException(Problem.of(Field.USER, "user.unknown")));
        if (!hasher.matches(currentPassword, hash)) {
            throw new ValidationException(Problem.of(Field.PASSWORD, "user.password.currentWrong"));
        }
        List<Problem> problems = new ArrayList<>(UserRules.passwordProblems(newPassword));
        if (problems.isEmpty() && newPassword.equals(currentPassword)) {
            problems.add(Problem.of(Field.PASSWORD, "user.password.unchanged"));
        }
        requireValid(problems);
        String newHash = hasher.hash(newPassword);
        return store.write(tx -> {
            User current = Access.current(tx, actor);
            return recorded(tx, current, AuditAction.ACCOUNT_CHANGE_PASSWORD, current.id(), () -> {
                tx.users().updatePasswordHash(current.id(), newHash, false);
                return inStep(tx, existing(tx, current.id()), newPassword);
            });
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
