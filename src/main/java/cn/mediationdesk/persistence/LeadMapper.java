package cn.mediationdesk.persistence;

import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/** Maps a {@code lead} row; by hand because the case number spans three columns. */
public final class LeadMapper implements RowMapper<Lead> {
    static final String COLUMNS = """
            id, committee_id, community_id, grid_id, lead_no, found_on, source_code, dispute_type_code,
            summary, people_count, amount, risk_code, criminal_risk, group_risk, verified_on,
            verification_result, duplicate_of_id, transferred_to, accepted_on, case_year, case_seq,
            case_number, due_on, closed_on, outcome, declined_on, declined_by, version""";

    @Override
    public Lead map(ResultSet rs, StatementContext ctx) throws SQLException {
        int caseYear = rs.getInt("case_year");
        CaseNumber caseNumber = rs.wasNull() ? null
                : new CaseNumber(caseYear, rs.getInt("case_seq"), rs.getString("case_number"));
        long gridId = rs.getLong("grid_id");
        Long grid = rs.wasNull() ? null : gridId;
        int people = rs.getInt("people_count");
        Integer peopleCount = rs.wasNull() ? null : people;
        String result = rs.getString("verification_result");
        String outcome = rs.getString("outcome");
        return new Lead(
                rs.getObject("id", UUID.class),
                rs.getLong("committee_id"),
                rs.getLong("community_id"),
                grid,
                rs.getString("lead_no"),
                date(rs, "found_on"),
                rs.getString("source_code"),
                rs.getString("dispute_type_code"),
                rs.getString("summary"),
                peopleCount,
                rs.getBigDecimal("amount"),
                RiskLevel.valueOf(rs.getString("risk_code")),
                rs.getBoolean("criminal_risk"),
                rs.getBoolean("group_risk"),
                date(rs, "verified_on"),
                result == null ? null : VerificationResult.valueOf(result),
                rs.getObject("duplicate_of_id", UUID.class),
                rs.getString("transferred_to"),
                date(rs, "accepted_on"),
                caseNumber,
                date(rs, "due_on"),
                date(rs, "closed_on"),
                outcome == null ? null : Outcome.valueOf(outcome),
                date(rs, "declined_on"),
                rs.getString("declined_by"),
                rs.getInt("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
