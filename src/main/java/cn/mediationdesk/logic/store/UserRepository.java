package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The users who log in. Knows no rules: the user service checks them (and hashes passwords) first. */
public interface UserRepository {
    long count();

    /** All users, ordered by username. */
    List<User> all();

    /** @param username as stored, that is in lower case */
    Optional<User> findByUsername(String username);

    Optional<User> find(long id);

    /** The stored bcrypt hash of a user's password. */
    Optional<String> passwordHash(long id);

    long insert(String username, String displayName, String passwordHash, Role role, Long committeeId,
                Instant createdAt, boolean mustChangePassword);

    /** Writes the failure count and the lockout's end ({@code null} for none). */
    void updateLockout(long id, int failedAttempts, Instant lockedUntil);

    /** @param mustChangePassword whether the owner must replace it at the next login (an administrator set it) */
    void updatePasswordHash(long id, String passwordHash, boolean mustChangePassword);

    void updateRole(long id, String displayName, Role role, Long committeeId);

    void updateActive(long id, boolean active);
}
