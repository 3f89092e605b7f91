package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.AgendaRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agenda's statements, one per kind. Each is bounded by committee (lead_committee_state_idx of
 * V15) and by the dates its items may fall due on; only fixed fragments are put together, every
 * value is bound.
 */
final class AgendaDao implements AgendaRepository {
    private static final String LEAD_COLUMNS = "l.id, l.committee_id, l.case_number, l.lead_no, l.summary";

    private final Handle handle;

    AgendaDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<LeadDue> sessionPlans(Long committeeId, LocalDate until) {
        return leads("""
                SELECT %s, p.planned_on AS due
                FROM session_plan p JOIN lead l ON l.id = p.lead_id
                WHERE p.planned_on <= :until AND l.accepted_on IS NOT NULL AND l.outcome IS NULL %s
                  AND NOT EXISTS (SELECT 1 FROM mediation_session s WHERE s.lead_id = p.lead_id AND s.held_on = p.planned_on)
                """, committeeId, Map.of("until", until));
    }

    @Override
    public List<LeadDue> timeLimits(Long committeeId, LocalDate today, LocalDate until) {
        String inner = """
                SELECT %s, %s AS due FROM lead l
                WHERE l.accepted_on IS NOT NULL AND l.outcome IS NULL %%s""".formatted(LEAD_COLUMNS,
                TallySql.DUE_IN_FORCE_OF_LEAD);
        return list("SELECT * FROM (" + inner.formatted(committeeFilter(committeeId)) + ") t WHERE t.due <= :until",
                committeeId, Map.of("asOf", today, "until", until));
    }

    @Override
    public List<LeadDue> performanceDeadlines(Long committeeId, LocalDate until) {
        return leads("""
                SELECT %s, a.performance_deadline AS due
                FROM lead l JOIN agreement a ON a.lead_id = l.id
                WHERE l.outcome = 'RESOLVED' AND a.performance_deadline IS NOT NULL AND a.performance_deadline <= :until %s
                  AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.lead_id = l.id AND f.performance = 'PERFORMED')
                """, committeeId, Map.of("until", until));
    }

    @Override
    public List<LeadDue> unvisitedClosings(Long committeeId, LocalDate closedUntil) {
        return leads("""
                SELECT %s, l.closed_on AS due
                FROM lead l
                WHERE l.outcome = 'RESOLVED' AND l.closed_on <= :closedUntil %s
                  AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.lead_id = l.id AND f.visited_on >= l.closed_on)
                """, committeeId, Map.of("closedUntil", closedUntil));
    }

    @Override
    public List<LeadDue> judicialWindows(Long committeeId, LocalDate closedFrom, LocalDate closedUntil) {
        return leads("""
                SELECT %s, l.closed_on AS due
                FROM lead l JOIN agreement a ON a.lead_id = l.id
                WHERE l.outcome = 'RESOLVED' AND l.closed_on >= :closedFrom AND l.closed_on <= :closedUntil %s
                  AND a.form = 'WRITTEN'
                  AND NOT EXISTS (SELECT 1 FROM judicial_confirmation j WHERE j.lead_id = l.id)
                """, committeeId, Map.of("closedFrom", closedFrom, "closedUntil", closedUntil));
    }

    @Override
    public List<RiskDue> riskReviews(Long committeeId, Map<String, LocalDate> assessedUntilByLevel) {
        if (assessedUntilByLevel.isEmpty()) {
            return List.of();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> levels = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, LocalDate> level : assessedUntilByLevel.entrySet()) {
            levels.add("(t.risk_code = :level%d AND t.due <= :until%d)".formatted(i, i));
            parameters.put("level" + i, level.getKey());
            parameters.put("until" + i, level.getValue());
            i++;
        }
        String sql = """
                SELECT * FROM (
                    SELECT %s, l.risk_code,
                        COALESCE((SELECT MAX(a.assessed_on) FROM risk_assessment a WHERE a.lead_id = l.id), l.found_on) AS due
                    FROM lead l
                    WHERE l.outcome IS NULL AND l.declined_on IS NULL
                      AND (l.verification_result IS NULL OR l.verification_result = 'GENUINE') %s
                ) t
                WHERE %s""".formatted(LEAD_COLUMNS, committeeFilter(committeeId), String.join(" OR ", levels));
        Query query = handle.createQuery(sql).bindMap(parameters);
        if (committeeId != null) {
            query.bind("committeeId", committeeId);
        }
        return query.map((rs, ctx) -> new RiskDue(leadDue(rs), rs.getString("risk_code"))).list();
    }

    @Override
    public List<ReportedMonth> reportedMonths(Long committeeId, String fromMonth) {
        Query query = handle.createQuery("SELECT committee_id, report_month FROM monthly_report WHERE report_month >= :from"
                + (committeeId == null ? "" : " AND committee_id = :committeeId")).bind("from", fromMonth);
        if (committeeId != null) {
            query.bind("committeeId", committeeId);
        }
        return query.map((rs, ctx) -> new ReportedMonth(rs.getLong("committee_id"), rs.getString("report_month"))).list();
    }

    private List<LeadDue> leads(String template, Long committeeId, Map<String, Object> parameters) {
        return list(template.formatted(LEAD_COLUMNS, committeeFilter(committeeId)), committeeId, parameters);
    }

    private List<LeadDue> list(String sql, Long committeeId, Map<String, Object> parameters) {
        Query query = handle.createQuery(sql).bindMap(parameters);
        if (committeeId != null) {
            query.bind("committeeId", committeeId);
        }
        return query.map((rs, ctx) -> leadDue(rs)).list();
    }

    private static String committeeFilter(Long committeeId) {
        return committeeId == null ? "" : "AND l.committee_id = :committeeId";
    }

    private static LeadDue leadDue(ResultSet rs) throws SQLException {
        return new LeadDue(rs.getObject("id", UUID.class), rs.getLong("committee_id"), rs.getString("case_number"),
                rs.getString("lead_no"), rs.getString("summary"), rs.getObject("due", LocalDate.class));
    }
}
