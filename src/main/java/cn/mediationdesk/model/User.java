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
 */
public record User(long id, String username, String displayName, Role role, Long committeeId, boolean active,
                   int failedAttempts, Instant lockedUntil, Instant createdAt) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether a lockout is still running at {@code now}. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
