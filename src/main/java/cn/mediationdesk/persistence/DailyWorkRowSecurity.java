package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Role;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 14: on PostgreSQL, migration 13's tables get the row security of their kind
 * ({@link PostgresRowSecurity}): a lead's risk assessments, recurrence and planned sessions follow the lead, a
 * committee's screenings and monthly reports follow the committee, and the saved import mappings
 * (no personal data) are read by every case worker and written by the administrator, who imports. On
 * H2 it does nothing.
 */
public final class DailyWorkRowSecurity extends ReleasedJavaMigration {
    static final List<String> LEAD_PART_TABLES = List.of("risk_assessment", "lead_recurrence", "session_plan");
    static final List<String> COMMITTEE_TABLES = List.of("screening", "monthly_report");
    static final String PROFILE_TABLE = "import_profile";

    public DailyWorkRowSecurity() {
        super("14", "daily work row security");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!PostgresRoles.isPostgres(connection)) {
            return;
        }
        String prefix = PostgresRoles.storedPrefix(connection);
        String admin = PostgresRoles.ident(PostgresRoles.group(prefix, Role.ADMIN));
        String caseWorkers = PostgresRoles.ident(PostgresRoles.group(prefix, Role.DIRECTOR)) + ", "
                + PostgresRoles.ident(PostgresRoles.group(prefix, Role.MEDIATOR));
        List<String> sql = new ArrayList<>();
        for (String table : LEAD_PART_TABLES) {
            sql.addAll(PostgresRowSecurity.rowSecurity(table,
                    "EXISTS (SELECT 1 FROM lead l WHERE l.id = " + table + ".lead_id)", admin, caseWorkers));
        }
        for (String table : COMMITTEE_TABLES) {
            sql.addAll(PostgresRowSecurity.rowSecurity(table,
                    "committee_id = " + PostgresRowSecurity.COMMITTEE_FUNCTION + "()", admin, caseWorkers));
        }
        sql.add("GRANT SELECT ON " + PROFILE_TABLE + " TO " + admin + ", " + caseWorkers);
        sql.add("GRANT INSERT, UPDATE, DELETE ON " + PROFILE_TABLE + " TO " + admin);
        try (Statement s = connection.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
