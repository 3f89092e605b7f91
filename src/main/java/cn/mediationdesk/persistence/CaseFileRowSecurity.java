package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Role;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 12: on PostgreSQL, the tables migration 11 added to a case are held by the same row
 * security as the case's other parts ({@link PostgresRowSecurity}); on H2 it does nothing. A stored
 * attachment's bytes are readable by whoever may read an attachment that points at them, and are
 * written only by the application.
 */
public final class CaseFileRowSecurity extends ReleasedJavaMigration {
    /** Migration 11's tables of a case's parts, each tied to its lead by {@code lead_id}. */
    static final List<String> LEAD_PART_TABLES = List.of("party_agent", "case_record", "referral", "case_file_info",
            "attachment", "lead_prevention");

    public CaseFileRowSecurity() {
        super("12", "case file row security");
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
        String visibleContent = "EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = attachment_content.sha256)";
        sql.add("GRANT SELECT ON attachment_content TO " + admin + ", " + caseWorkers);
        sql.add("ALTER TABLE attachment_content ENABLE ROW LEVEL SECURITY");
        sql.add("CREATE POLICY attachment_content_admin ON attachment_content TO " + admin + " USING (TRUE)");
        sql.add("CREATE POLICY attachment_content_own_committee ON attachment_content TO " + caseWorkers
                + " USING (" + visibleContent + ")");
        try (Statement s = connection.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }
}
