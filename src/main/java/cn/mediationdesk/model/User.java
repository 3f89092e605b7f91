package cn.mediationdesk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone who logs in. The password hash stays in the store and never travels with this record.
 *
 * @param username      lower case, {@code [a-z0-9_.-]{3,32}}; what the user types to log in
 * @param displayName   the name shown in the window, e.g. 张丽
 * @param committeeId   the committee of a director or mediator, else {@code null}
 * @param failedAttempts wrong passwords in a row since the last success or lockout
 * @param lockedUntil   the moment a lockout ends, or {@code null} when none was ever imposed
 * @param mustChangePassword whether the password was set by an administrator and must be replaced
 *                      at the next login
 */
public record User(long id, String username, String displayName, Role role, Long committeeId, boolean active,
                   int failedAttempts, Instant lockedUntil, Instant createdAt, boolean mustChangePassword) {
    /** The id of {@link #setup()}; no stored account has it (identities start at 1). */
    public static final long SETUP_ID = 0;
    private static final User SETUP = new User(SETUP_ID, "setup", "setup", Role.ADMIN, null, true, 0, null,
            Instant.EPOCH, false);

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    /**
     * Who acts on a database that has no accounts yet (just made by {@code init} or {@code demo}).
     * The services accept it only while the database has no account at all.
     */
    public static User setup() {
        return SETUP;
    }

    public boolean isSetup() {
        return id == SETUP_ID;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether a lockout is still running at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
