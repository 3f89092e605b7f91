package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.UserRepository;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(User.class)
interface UserDao extends UserRepository {
    String COLUMNS = "id, username, display_name, role, committee_id, active, failed_attempts, locked_until, created_at,"
            + " must_change_password";

    @Override
    @SqlQuery("SELECT COUNT(*) FROM app_user")
    long count();

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
    List<User> all();

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
    Optional<User> findByUsername(@Bind("username") String username);

    @Override
    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
    Optional<User> find(@Bind("id") long id);

    @Override
    @SqlQuery("SELECT password_hash FROM app_user WHERE id = :id")
    Optional<String> passwordHash(@Bind("id") long id);

    @Override
    default long insert(String username, String displayName, String passwordHash, Role role, Long committeeId,
                        Instant createdAt, boolean mustChangePassword) {
        return insertRow(username, displayName, passwordHash, role, committeeId, LeadDao.at(createdAt),
                mustChangePassword);
    }

    @SqlUpdate("""
            INSERT INTO app_user (username, display_name, password_hash, role, committee_id, created_at,
                                  must_change_password)
            VALUES (:username, :displayName, :passwordHash, :role, :committeeId, :createdAt, :mustChange)""")
    @GetGeneratedKeys("id")
    long insertRow(@Bind("username") String username, @Bind("displayName") String displayName,
                   @Bind("passwordHash") String passwordHash, @Bind("role") Role role,
                   @Bind("committeeId") Long committeeId, @Bind("createdAt") OffsetDateTime createdAt,
                   @Bind("mustChange") boolean mustChangePassword);

    @Override
    default void updateLockout(long id, int failedAttempts, Instant lockedUntil) {
        updateLockoutRow(id, failedAttempts, lockedUntil == null ? null : LeadDao.at(lockedUntil));
    }

    @SqlUpdate("UPDATE app_user SET failed_attempts = :failedAttempts, locked_until = :lockedUntil WHERE id = :id")
    void updateLockoutRow(@Bind("id") long id, @Bind("failedAttempts") int failedAttempts,
                          @Bind("lockedUntil") OffsetDateTime lockedUntil);

    @Override
    @SqlUpdate("UPDATE app_user SET password_hash = :passwordHash, must_change_password = :mustChange WHERE id = :id")
    void updatePasswordHash(@Bind("id") long id, @Bind("passwordHash") String passwordHash,
                            @Bind("mustChange") boolean mustChangePassword);

    @Override
    @SqlUpdate("UPDATE app_user SET role = :role, committee_id = :committeeId, display_name = :displayName WHERE id = :id")
    void updateRole(@Bind("id") long id, @Bind("displayName") String displayName, @Bind("role") Role role,
                    @Bind("committeeId") Long committeeId);

    @Override
    @SqlUpdate("UPDATE app_user SET active = :active WHERE id = :id")
    void updateActive(@Bind("id") long id, @Bind("active") boolean active);
}
