package cn.mediationdesk.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server tests use (127.0.0.1:5432, trust authentication, superuser {@code postgres}):
 * fresh databases and schemas, and removing them again together with the login and group roles a
 * MediationDesk schema made there (roles belong to the whole server, so they must go explicitly).
 */
public final class PostgresTestServer {
    public static final String HOST = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String SUPERUSER = "postgres";

    private PostgresTestServer() {
    }

    /** Whether the server answers a connection as the superuser. */
    public static boolean answers() {
        try (Connection c = DriverManager.getConnection(HOST + "postgres?user=" + SUPERUSER + "&connectTimeout=3")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A new, empty database; returns its name. */
    public static String createDatabase() {
        String name = "md_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** A new, empty schema in database {@code test}; returns its name. */
    public static String createSchema() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
        execute("test", "CREATE SCHEMA " + name);
        return name;
    }

    /** The JDBC URL of {@code database} for the superuser, with {@code schema} as its current schema (or null). */
    public static String url(String database, String schema) {
        return HOST + database + "?user=" + SUPERUSER + (schema == null ? "" : "&currentSchema=" + schema);
    }

    /** The JDBC URL of {@code database} for the login role {@code role} (trust authentication: no password). */
    public static String urlAs(String database, String role) {
        return HOST + database + "?user=" + role;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database, null));
    }

    /** Drops {@code database} and the roles its MediationDesk schema made. */
    public static void dropDatabase(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        dropRoles(database + "/public");
    }

    /** Drops {@code schema} of database {@code test} and the roles it made. */
    public static void dropSchema(String schema) {
        execute("test", "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        dropRoles("test/" + schema);
    }

    /** Drops every role whose comment marks it as made by the MediationDesk schema {@code databaseSlashSchema}. */
    public static void dropRoles(String databaseSlashSchema) {
        String marker = PostgresRoles.marker(databaseSlashSchema.substring(0, databaseSlashSchema.indexOf('/')),
                databaseSlashSchema.substring(databaseSlashSchema.indexOf('/') + 1));
        try (Connection c = DriverManager.getConnection(url("postgres", null))) {
            List<String> roles = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = ? ORDER BY rolname DESC")) {
                s.setString(1, marker);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        roles.add(rs.getString(1));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String role : roles) {
                    s.execute("DROP ROLE IF EXISTS " + PostgresRoles.ident(role));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping the roles of " + databaseSlashSchema, e);
        }
    }

    private static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(url(database, null)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql.toLowerCase(Locale.ROOT), e);
        }
    }
}
