package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The names of a MediationDesk database's login and group roles on PostgreSQL, and the tables its
 * row-level security covers.
 * <p>
 * Roles belong to the whole server, not to one database, so every name starts with a prefix made
 * for this database (its name and, outside {@code public}, its schema, e.g. {@code md_district_}),
 * kept in the setting {@link #PREFIX_SETTING}: two MediationDesk databases on one server never
 * share a role. Group roles are {@code PREFIX + admin|director|mediator|viewer}; an account's login
 * role is {@code PREFIX + "u_" + username} (usernames are {@code [a-z0-9_.-]{3,32}}, so the
 * {@code u_} keeps them apart from the groups). Every role made here carries a comment naming its
 * database, so a role that some other database made is never taken over.
 */
public final class PostgresRoles {
    /** The setting that holds this database's role prefix. */
    public static final String PREFIX_SETTING = "postgres.role_prefix";

    /** Tables of a case's parts, each row tied to its lead by {@code lead_id}. */
    static final List<String> LEAD_PART_TABLES = List.of("party", "verification_step", "lead_mediator",
            "mediation_session", "agreement", "extension", "follow_up", "judicial_confirmation", "lead_transition",
            // V8: what the last exchange package said about a lead (digests, versions; no personal data)
            "lead_exchange");
    /**
     * Tables whose rows belong to one committee through {@code committee_id}: the leads and their audit
     * history, and (V8) a lead's version replaced in an exchange conflict (in full, personal data
     * included) and the audit history that received leads brought with them.
     */
    static final List<String> COMMITTEE_TABLES = List.of("lead", "audit_entry", "package_conflict",
            "received_audit_entry");
    /** The organization and dictionaries a case refers to: no personal data of parties; readable by case workers. */
    static final List<String> REFERENCE_TABLES = List.of("jurisdiction", "source_group", "lead_source", "dispute_type",
            "risk_level", "verification_result", "outcome", "community", "person", "grid", "committee",
            "case_number_counter");
    /** Tables only the application writes (audit histories, exchange conflicts): read, never written, by a login role. */
    static final List<String> READ_ONLY_TABLES = List.of("audit_entry", "received_audit_entry", "package_conflict");
    // V8's installation (this office's private keys), package_sender and received_package get no
    // grant at all: no login role reads them.

    private static final int PREFIX_TAG_LENGTH = 10;
    private static final int SCHEMA_TAG_LENGTH = 6;

    private PostgresRoles() {
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** {@link #isPostgres(Connection)} for a DAO's handle, whose connection is open. */
    static boolean isPostgres(org.jdbi.v3.core.Handle handle) {
        try {
            return isPostgres(handle.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The group role that holds the grants of {@code role}. */
    /** The role prefix migration 10 chose for this database (later row-security migrations need it). */
    static String storedPrefix(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
            query.setString(1, PREFIX_SETTING);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("migration 10 left no role prefix");
                }
                return rs.getString(1);
            }
        }
    }

    static String group(String prefix, Role role) {
        return prefix + role.name().toLowerCase(Locale.ROOT);
    }

    /** The login role of the account {@code username} (as stored, in lower case). */
    public static String account(String prefix, String username) {
        return prefix + "u_" + username;
    }

    /**
     * The readable prefix for a database: at most {@code md_} + 10 + {@code _} + 6 + {@code _} characters,
     * so that with a 32-character username and {@link #withDigest} it stays within PostgreSQL's 63.
     */
    static String readablePrefix(String database, String schema) {
        String tag = letters(database, PREFIX_TAG_LENGTH);
        if (!"public".equals(schema)) {
            tag += "_" + letters(schema, SCHEMA_TAG_LENGTH);
        }
        return "md_" + tag + "_";
    }

    /** The prefix when the readable one is taken by another database: six hex digits of its full name added. */
    static String withDigest(String readable, String database, String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((database + "/" + schema).getBytes(StandardCharsets.UTF_8));
            return readable + HexFormat.of().formatHex(digest).substring(0, 6) + "_";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The comment that marks a role as this database's. */
    static String marker(String database, String schema) {
        return "MediationDesk " + database + "/" + schema;
    }

    private static String letters(String name, int max) {
        String kept = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (kept.isEmpty()) {
            kept = "db";
        }
        return kept.length() <= max ? kept : kept.substring(0, max);
    }

    /** A double-quoted identifier: every name here is quoted, whatever it holds. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A string literal with standard conforming strings (on by default since PostgreSQL 9.1, and
     * checked by the migration): quotes doubled, nothing else special.
     */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
