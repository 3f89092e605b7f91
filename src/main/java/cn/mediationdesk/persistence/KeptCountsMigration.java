package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Role;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 19, the tally's counts kept ahead ({@link KeptCounts}): the two tables, filled from the
 * leads already stored. A Java migration because the counts are made by the same statements that keep
 * them current afterwards. On PostgreSQL both follow the row security of the lead tables (a case
 * worker's login role sees and writes its own committee's rows), like the ledger's text index.
 */
public final class KeptCountsMigration extends ReleasedJavaMigration {
    public KeptCountsMigration() {
        super("19", "tally counts");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> sql = new ArrayList<>(KeptCounts.SCHEMA);
        if (PostgresRoles.isPostgres(connection)) {
            String prefix = PostgresRoles.storedPrefix(connection);
            String admin = PostgresRoles.ident(PostgresRoles.group(prefix, Role.ADMIN));
            String caseWorkers = PostgresRoles.ident(PostgresRoles.group(prefix, Role.DIRECTOR)) + ", "
                    + PostgresRoles.ident(PostgresRoles.group(prefix, Role.MEDIATOR));
            sql.addAll(PostgresRowSecurity.rowSecurity("tally_lead",
                    "EXISTS (SELECT 1 FROM lead l WHERE l.id = tally_lead.lead_id)", admin, caseWorkers));
            sql.addAll(PostgresRowSecurity.rowSecurity("tally_count",
                    "committee_id = " + PostgresRowSecurity.COMMITTEE_FUNCTION + "()", admin, caseWorkers));
        }
        try (Statement s = connection.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
        // The connection stays Flyway's: Jdbi only borrows it, inside Flyway's transaction.
        Handle handle = Jdbi.create(connection).open();
        KeptCounts.rebuild(handle);
    }
}
