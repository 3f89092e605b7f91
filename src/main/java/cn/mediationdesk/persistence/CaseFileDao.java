package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.CaseFileRepository;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.SessionPlan;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@link CaseFileRepository} on the tables of migrations 11 and 13. */
final class CaseFileDao implements CaseFileRepository {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final Handle handle;

    CaseFileDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<UUID, List<PartyAgent>> agentsByLead(Collection<UUID> leadIds) {
        return ByLead.lists(rows("""
                        SELECT a.id, a.lead_id, a.party_id, a.name, a.kind, a.authority, a.authority_scope, a.id_number,
                               a.phone, a.relation
                        FROM party_agent a JOIN party p ON p.id = a.party_id
                        WHERE a.lead_id IN (<leadIds>) ORDER BY a.lead_id, p.position, a.name, a.id""", leadIds,
                ConstructorMapper.of(PartyAgent.class)), PartyAgent::leadId);
    }

    /** The rows {@code sql} reads for the leads {@code leadIds}, bound as its {@code <leadIds>} list. */
    private <T> List<T> rows(String sql, Collection<UUID> leadIds, RowMapper<T> mapper) {
        return leadIds.isEmpty() ? List.of() : handle.createQuery(sql).bindList("leadIds", leadIds).map(mapper).list();
    }

    @Override
    public void replaceAgents(UUID leadId, List<PartyAgent> agents) {
        handle.createUpdate("DELETE FROM party_agent WHERE lead_id = :leadId").bind("leadId", leadId).execute();
        for (PartyAgent a : agents) {
            handle.createUpdate("""
                            INSERT INTO party_agent (id, lead_id, party_id, name, kind, authority, authority_scope,
                                                     id_number, phone, relation)
                            VALUES (:id, :leadId, :partyId, :name, :kind, :authority, :authorityScope, :idNumber,
                                    :phone, :relation)""")
                    .bindMethods(a).execute();
        }
    }

    @Override
    public Map<UUID, CaseRecord> caseRecordsByLead(Collection<UUID> leadIds) {
        return ByLead.ones(rows("SELECT * FROM case_record WHERE lead_id IN (<leadIds>)", leadIds,
                (rs, ctx) -> new CaseRecord(rs.getObject("lead_id", UUID.class), date(rs, "applied_on"),
                        rs.getString("application_requests"),
                        date(rs, "consent_on"), named(ConsentWay.class, rs.getString("consent_way")),
                        date(rs, "rights_notice_on"), date(rs, "police_reported_on"),
                        rs.getString("police_reported_to"), date(rs, "routes_notice_on"),
                        routes(rs.getString("routes_notified")))), CaseRecord::leadId);
    }

    @Override
    public void saveCaseRecord(CaseRecord r) {
        handle.createUpdate("DELETE FROM case_record WHERE lead_id = :leadId").bind("leadId", r.leadId()).execute();
        handle.createUpdate("""
                        INSERT INTO case_record (lead_id, applied_on, application_requests, consent_on, consent_way,
                                                 rights_notice_on, police_reported_on, police_reported_to,
                                                 routes_notice_on, routes_notified)
                        VALUES (:leadId, :appliedOn, :applicationRequests, :consentOn, :consentWay, :rightsNoticeOn,
                                :policeReportedOn, :policeReportedTo, :routesNoticeOn, :routes)""")
                .bindMethods(r)
                .bind("routes", r.routesNotified().isEmpty() ? null : r.routesNotified().stream().sorted()
                        .map(Enum::name).collect(Collectors.joining(",")))
                .execute();
    }

    @Override
    public Map<UUID, List<Referral>> referralsByLead(Collection<UUID> leadIds) {
        return ByLead.lists(rows("""
                        SELECT id, lead_id, kind, to_body, sent_on, received_on, feedback, feedback_on
                        FROM referral WHERE lead_id IN (<leadIds>) ORDER BY lead_id, sent_on, id""", leadIds,
                ConstructorMapper.of(Referral.class)), Referral::leadId);
    }

    @Override
    public void saveReferral(Referral r) {
        handle.createUpdate("DELETE FROM referral WHERE id = :id").bind("id", r.id()).execute();
        handle.createUpdate("""
                        INSERT INTO referral (id, lead_id, kind, to_body, sent_on, received_on, feedback, feedback_on)
                        VALUES (:id, :leadId, :kind, :toBody, :sentOn, :receivedOn, :feedback, :feedbackOn)""")
                .bindMethods(r).execute();
    }

    @Override
    public Map<UUID, CaseFileInfo> caseFileInfosByLead(Collection<UUID> leadIds) {
        return ByLead.ones(rows("""
                        SELECT lead_id, title, filed_by, filed_on, retention, closing_report, file_note, remarks,
                               checked_by
                        FROM case_file_info WHERE lead_id IN (<leadIds>)""", leadIds,
                ConstructorMapper.of(CaseFileInfo.class)), CaseFileInfo::leadId);
    }

    @Override
    public void saveCaseFileInfo(CaseFileInfo info) {
        handle.createUpdate("DELETE FROM case_file_info WHERE lead_id = :leadId").bind("leadId", info.leadId()).execute();
        handle.createUpdate("""
                        INSERT INTO case_file_info (lead_id, title, filed_by, filed_on, retention, closing_report,
                                                    file_note, remarks, checked_by)
                        VALUES (:leadId, :title, :filedBy, :filedOn, :retention, :closingReport, :fileNote, :remarks,
                                :checkedBy)""")
                .bindMethods(info).execute();
    }

    @Override
    public Map<UUID, Set<PreventionKind>> preventionsByLead(Collection<UUID> leadIds) {
        Map<UUID, Set<PreventionKind>> byLead = new LinkedHashMap<>();
        for (Map.Entry<UUID, PreventionKind> row : rows("SELECT lead_id, kind FROM lead_prevention WHERE lead_id IN (<leadIds>)",
                leadIds, (rs, ctx) -> Map.entry(rs.getObject("lead_id", UUID.class),
                        PreventionKind.valueOf(rs.getString("kind"))))) {
            byLead.computeIfAbsent(row.getKey(), id -> EnumSet.noneOf(PreventionKind.class)).add(row.getValue());
        }
        return byLead;
    }

    @Override
    public void replacePreventions(UUID leadId, Set<PreventionKind> kinds) {
        handle.createUpdate("DELETE FROM lead_prevention WHERE lead_id = :leadId").bind("leadId", leadId).execute();
        for (PreventionKind kind : kinds) {
            handle.createUpdate("INSERT INTO lead_prevention (lead_id, kind) VALUES (:leadId, :kind)")
                    .bind("leadId", leadId).bind("kind", kind.name()).execute();
        }
    }

    @Override
    public Map<UUID, List<RiskAssessment>> riskAssessmentsByLead(Collection<UUID> leadIds) {
        return ByLead.lists(rows("""
                        SELECT * FROM risk_assessment WHERE lead_id IN (<leadIds>)
                        ORDER BY lead_id, assessed_on, recorded_at, id""", leadIds,
                (rs, ctx) -> new RiskAssessment(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                        date(rs, "assessed_on"), RiskLevel.valueOf(rs.getString("risk_code")),
                        rs.getBoolean("criminal_risk"), rs.getBoolean("group_risk"), rs.getString("assessed_by"),
                        rs.getString("reason"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant())),
                RiskAssessment::leadId);
    }

    @Override
    public void insertRiskAssessment(RiskAssessment a) {
        handle.createUpdate("""
                        INSERT INTO risk_assessment (id, lead_id, assessed_on, risk_code, criminal_risk, group_risk,
                                                     assessed_by, reason, recorded_at)
                        VALUES (:id, :leadId, :assessedOn, :risk, :criminalRisk, :groupRisk, :assessedBy, :reason,
                                :recordedAt)""")
                .bind("id", a.id()).bind("leadId", a.leadId()).bind("assessedOn", a.assessedOn())
                .bind("risk", a.risk().name()).bind("criminalRisk", a.criminalRisk()).bind("groupRisk", a.groupRisk())
                .bind("assessedBy", a.assessedBy()).bind("reason", a.reason())
                .bind("recordedAt", a.recordedAt().atOffset(ZoneOffset.UTC))
                .execute();
        TallyFacts.refresh(handle, a.leadId());
    }

    @Override
    public Map<UUID, Recurrence> recurrencesByLead(Collection<UUID> leadIds) {
        return ByLead.ones(rows("SELECT * FROM lead_recurrence WHERE lead_id IN (<leadIds>)", leadIds,
                (rs, ctx) -> recurrence(rs)), Recurrence::leadId);
    }

    @Override
    public void saveRecurrence(Recurrence r) {
        deleteRecurrence(r.leadId());
        handle.createUpdate("""
                        INSERT INTO lead_recurrence (lead_id, earlier_lead_id, marked_on, reopened, note)
                        VALUES (:leadId, :earlierLeadId, :markedOn, :reopened, :note)""")
                .bindMethods(r).execute();
    }

    @Override
    public void deleteRecurrence(UUID leadId) {
        handle.createUpdate("DELETE FROM lead_recurrence WHERE lead_id = :leadId").bind("leadId", leadId).execute();
    }

    @Override
    public List<Recurrence> recurrencesOf(UUID earlierLeadId) {
        return handle.createQuery("""
                        SELECT * FROM lead_recurrence WHERE earlier_lead_id = :earlier ORDER BY marked_on, lead_id""")
                .bind("earlier", earlierLeadId).map((rs, ctx) -> recurrence(rs)).list();
    }

    private static Recurrence recurrence(ResultSet rs) throws SQLException {
        return new Recurrence(rs.getObject("lead_id", UUID.class), rs.getObject("earlier_lead_id", UUID.class),
                date(rs, "marked_on"), rs.getBoolean("reopened"), rs.getString("note"));
    }

    @Override
    public Map<UUID, List<SessionPlan>> sessionPlansByLead(Collection<UUID> leadIds) {
        return ByLead.lists(rows("""
                        SELECT * FROM session_plan WHERE lead_id IN (<leadIds>)
                        ORDER BY lead_id, planned_on, starts_at, id""", leadIds,
                (rs, ctx) -> {
                    String startsAt = rs.getString("starts_at");
                    return new SessionPlan(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                            date(rs, "planned_on"), startsAt == null ? null : LocalTime.parse(startsAt),
                            rs.getString("place"), rs.getString("note"), rs.getString("planned_by"));
                }), SessionPlan::leadId);
    }

    @Override
    public void saveSessionPlan(SessionPlan p) {
        deleteSessionPlan(p.id());
        handle.createUpdate("""
                        INSERT INTO session_plan (id, lead_id, planned_on, starts_at, place, note, planned_by)
                        VALUES (:id, :leadId, :plannedOn, :startsAt, :place, :note, :plannedBy)""")
                .bind("id", p.id()).bind("leadId", p.leadId()).bind("plannedOn", p.plannedOn())
                .bind("startsAt", p.startsAt() == null ? null : p.startsAt().format(HOUR_MINUTE))
                .bind("place", p.place()).bind("note", p.note()).bind("plannedBy", p.plannedBy())
                .execute();
    }

    @Override
    public void deleteSessionPlan(UUID planId) {
        handle.createUpdate("DELETE FROM session_plan WHERE id = :id").bind("id", planId).execute();
    }

    @Override
    public void deleteAll(UUID leadId) {
        for (String table : List.of("party_agent", "case_record", "referral", "case_file_info", "lead_prevention",
                "risk_assessment", "lead_recurrence", "session_plan")) {
            // the table names are the fixed list above, never input
            handle.createUpdate("DELETE FROM " + table + " WHERE lead_id = :id").bind("id", leadId).execute();
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Set<OtherRoute> routes(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(OtherRoute::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OtherRoute.class)));
    }
}
