package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Role;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 10: on PostgreSQL, the server enforces the roles of DESIGN §9 for anyone who connects
 * directly (psql, a report tool) as an account's login role; on H2 it does nothing (H2 has no
 * row-level security, and an embedded file has one user: the application).
 * <p>
 * The application itself connects with the account of its JDBC URL, the owner of the tables; row
 * security is enabled but not forced, so the owner is not held by it and the services keep
 * enforcing the roles as they do on H2. The login roles ({@link PostgresRoles}) are held:
 * <ul>
 *   <li>group {@code admin}: every row of every case table, and the organization;</li>
 *   <li>groups {@code director} and {@code mediator}: the leads of their own committee (found by the
 *       {@code SECURITY DEFINER} function {@code md_committee_of()}, which maps {@code session_user}
 *       to the account's committee) and the parts and audit entries of those leads, nothing else;</li>
 *   <li>group {@code viewer}: no case table at all, only the view {@code lead_counts} (counts per
 *       committee, community, year and state: no name, no number, no text).</li>
 * </ul>
 * No group may read {@code app_user} (password hashes), {@code setting}, {@code audit_chain} or
 * Flyway's history. Tables that later migrations add hold no grant until a migration gives one.
 * Making roles needs the owner to have {@code CREATEROLE} (or be a superuser); without it this
 * migration fails and the database does not open, rather than run unprotected.
 */
public final class PostgresRowSecurity extends ReleasedJavaMigration {
    static final String COMMITTEE_FUNCTION = "md_committee_of";
    static final String COUNTS_VIEW = "lead_counts";

    public PostgresRowSecurity() {
        super("10", "postgres row security");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!PostgresRoles.isPostgres(connection)) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            if (!"on".equals(single(s, "SHOW standard_conforming_strings"))) {
                throw new SQLException("standard_conforming_strings must be on");
            }
            String database = single(s, "SELECT current_database()");
            String schema = single(s, "SELECT current_schema()");
            String marker = PostgresRoles.marker(database, schema);
            String prefix = choosePrefix(connection, database, schema, marker);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                insert.setString(1, PostgresRoles.PREFIX_SETTING);
                insert.setString(2, prefix);
                insert.executeUpdate();
            }
            for (Role role : Role.values()) {
                String group = PostgresRoles.group(prefix, role);
                s.execute("CREATE ROLE " + PostgresRoles.ident(group) + " NOLOGIN");
                s.execute("COMMENT ON ROLE " + PostgresRoles.ident(group) + " IS " + PostgresRoles.literal(marker));
                s.execute("GRANT USAGE ON SCHEMA " + PostgresRoles.ident(schema) + " TO " + PostgresRoles.ident(group));
            }
            for (String statement : grantsAndPolicies(prefix, schema)) {
                s.execute(statement);
            }
        }
        // Accounts made before this migration get their login role now, without a password (and so
        // unable to log in) until theirs is next set or changed.
        record Account(String username, Role role, boolean active) {
        }
        List<Account> accounts = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT username, role, active FROM app_user ORDER BY id")) {
            while (rs.next()) {
                accounts.add(new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3)));
            }
        }
        for (Account account : accounts) {
            PostgresAccounts.keepInStep(connection, account.username(), account.role(), account.active(), null);
        }
    }

    /** The readable prefix, or the one with a digest when another database has taken it. */
    private static String choosePrefix(Connection connection, String database, String schema, String marker)
            throws SQLException {
        String readable = PostgresRoles.readablePrefix(database, schema);
        for (String prefix : List.of(readable, PostgresRoles.withDigest(readable, database, schema))) {
            String owner = PostgresAccounts.roleMarker(connection, PostgresRoles.group(prefix, Role.ADMIN));
            if (owner == null) {
                return prefix;
            }
        }
        throw new SQLException("the role names for " + marker + " are taken on this server");
    }

    private static List<String> grantsAndPolicies(String prefix, String schema) {
        String admin = PostgresRoles.ident(PostgresRoles.group(prefix, Role.ADMIN));
        String director = PostgresRoles.ident(PostgresRoles.group(prefix, Role.DIRECTOR));
        String mediator = PostgresRoles.ident(PostgresRoles.group(prefix, Role.MEDIATOR));
        String viewer = PostgresRoles.ident(PostgresRoles.group(prefix, Role.VIEWER));
        String caseWorkers = director + ", " + mediator;
        String everyone = admin + ", " + caseWorkers;
        List<String> sql = new ArrayList<>();

        sql.add("CREATE FUNCTION " + COMMITTEE_FUNCTION + "() RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER"
                + " SET search_path = " + PostgresRoles.ident(schema) + ", pg_temp AS $$"
                + " SELECT committee_id FROM app_user WHERE active AND role IN ('DIRECTOR', 'MEDIATOR')"
                + " AND " + PostgresRoles.literal(PostgresRoles.account(prefix, "")) + " || username = session_user $$");
        sql.add("REVOKE ALL ON FUNCTION " + COMMITTEE_FUNCTION + "() FROM PUBLIC");
        sql.add("GRANT EXECUTE ON FUNCTION " + COMMITTEE_FUNCTION + "() TO " + caseWorkers);

        for (String table : PostgresRoles.REFERENCE_TABLES) {
            sql.add("GRANT SELECT ON " + table + " TO " + everyone);
            sql.add("GRANT INSERT, UPDATE, DELETE ON " + table + " TO " + admin);
        }
        String ownCommittee = "committee_id = " + COMMITTEE_FUNCTION + "()";
        for (String table : PostgresRoles.COMMITTEE_TABLES) {
            sql.addAll(rowSecurity(table, ownCommittee, admin, caseWorkers));
        }
        // A part is visible when its lead is: the sub-query on lead is itself held by lead's policies.
        for (String table : PostgresRoles.LEAD_PART_TABLES) {
            sql.addAll(rowSecurity(table, "EXISTS (SELECT 1 FROM lead l WHERE l.id = " + table + ".lead_id)",
                    admin, caseWorkers));
        }

        sql.add("""
                CREATE VIEW %s AS
                SELECT m.code AS committee_code, m.name AS committee_name, c.code AS community_code,
                       c.name AS community_name, CAST(EXTRACT(YEAR FROM l.found_on) AS INTEGER) AS found_year,
                       CASE WHEN l.verification_result IS NULL THEN 'PENDING'
                            WHEN l.verification_result <> 'GENUINE' THEN l.verification_result
                            WHEN l.declined_on IS NOT NULL THEN 'DECLINED'
                            WHEN l.outcome IS NOT NULL THEN l.outcome
                            WHEN l.accepted_on IS NOT NULL THEN 'MEDIATING'
                            ELSE 'GENUINE' END AS state,
                       COUNT(*) AS leads
                FROM lead l JOIN committee m ON m.id = l.committee_id JOIN community c ON c.id = l.community_id
                GROUP BY 1, 2, 3, 4, 5, 6""".formatted(COUNTS_VIEW));
        sql.add("GRANT SELECT ON " + COUNTS_VIEW + " TO " + everyone + ", " + viewer);
        return sql;
    }

    /** Grants on a case table and its policies: all rows for admin, {@code visible} rows for directors and mediators. */
    static List<String> rowSecurity(String table, String visible, String admin, String caseWorkers) {
        boolean readOnly = PostgresRoles.READ_ONLY_TABLES.contains(table);
        // The window never deletes a lead (a wrong one is corrected or ends unfounded); its parts are replaced.
        String caseWorkerRights = readOnly ? "SELECT" : table.equals("lead") ? "SELECT, INSERT, UPDATE"
                : "SELECT, INSERT, UPDATE, DELETE";
        return List.of(
                "GRANT " + (readOnly ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE") + " ON " + table + " TO " + admin,
                "GRANT " + caseWorkerRights + " ON " + table + " TO " + caseWorkers,
                "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY " + table + "_admin ON " + table + " TO " + admin + " USING (TRUE) WITH CHECK (TRUE)",
                "CREATE POLICY " + table + "_own_committee ON " + table + " TO " + caseWorkers
                        + " USING (" + visible + ") WITH CHECK (" + visible + ")");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
