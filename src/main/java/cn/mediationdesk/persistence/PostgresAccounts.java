package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.DatabaseAccounts;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Keeps each account's PostgreSQL login role in step with the account (see {@link PostgresRoles}
 * and {@link PostgresRowSecurity}); on H2 it does nothing. Role statements are transactional on
 * PostgreSQL, so a role change commits or rolls back with the account's own row.
 * <p>
 * The password is handed to the driver's {@code alterUserPassword}, which hashes it to a SCRAM
 * verifier on this side: the plain password never appears in a statement, so it is neither
 * concatenated into SQL nor written to the server's statement log.
 */
final class PostgresAccounts implements DatabaseAccounts {
    private final Connection connection;

    PostgresAccounts(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void keepInStep(User user, String newPassword) {
        try {
            if (PostgresRoles.isPostgres(connection)) {
                keepInStep(connection, user.username(), user.role(), user.active(), newPassword);
            }
        } catch (SQLException e) {
            // e.g. the owner lost CREATEROLE: the account's change is refused whole, with the server's words
            throw new ValidationException(Problem.of(Field.USER, "user.serverRole.refused", user.username(),
                    e.getMessage()));
        }
    }

    @Override
    public Optional<String> loginRole(String username) {
        try {
            if (!PostgresRoles.isPostgres(connection)) {
                return Optional.empty();
            }
            return prefix(connection).map(prefix -> PostgresRoles.account(prefix, username));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the role prefix failed", e);
        }
    }

    /** The work of {@link #keepInStep(User, String)} on a PostgreSQL connection (also used by migration 10). */
    static void keepInStep(Connection connection, String username, Role role, boolean active, String newPassword)
            throws SQLException {
        Optional<String> prefix = prefix(connection);
        if (prefix.isEmpty()) {
            return; // not yet migrated to 10: nothing to keep in step
        }
        String marker;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), current_schema()")) {
            rs.next();
            marker = PostgresRoles.marker(rs.getString(1), rs.getString(2));
        }
        String name = PostgresRoles.account(prefix.get(), username);
        String quoted = PostgresRoles.ident(name);
        String owner = roleMarker(connection, name);
        try (Statement s = connection.createStatement()) {
            if (owner == null) {
                s.execute("CREATE ROLE " + quoted + " NOLOGIN");
                s.execute("COMMENT ON ROLE " + quoted + " IS " + PostgresRoles.literal(marker));
            } else if (!owner.equals(marker)) {
                throw new ValidationException(Problem.of(Field.USERNAME, "user.serverRole.taken", name));
            }
            for (Role other : Role.values()) {
                if (other != role && isMember(connection, name, PostgresRoles.group(prefix.get(), other))) {
                    s.execute("REVOKE " + PostgresRoles.ident(PostgresRoles.group(prefix.get(), other)) + " FROM " + quoted);
                }
            }
            if (!isMember(connection, name, PostgresRoles.group(prefix.get(), role))) {
                s.execute("GRANT " + PostgresRoles.ident(PostgresRoles.group(prefix.get(), role)) + " TO " + quoted);
            }
            if (newPassword != null) {
                connection.unwrap(PGConnection.class).alterUserPassword(name, newPassword.toCharArray(), "scram-sha-256");
            }
            s.execute("ALTER ROLE " + quoted + (active ? " LOGIN" : " NOLOGIN"));
        }
    }

    /** The prefix of this database's roles, from its settings; empty before migration 10. */
    static Optional<String> prefix(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
            s.setString(1, PostgresRoles.PREFIX_SETTING);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The comment on role {@code name} ("" when it has none), or null when there is no such role. */
    static String roleMarker(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COALESCE(shobj_description(oid, 'pg_authid'), '') FROM pg_roles WHERE rolname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean isMember(Connection connection, String member, String group) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                WHERE g.rolname = ? AND m.rolname = ?""")) {
            s.setString(1, group);
            s.setString(2, member);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
