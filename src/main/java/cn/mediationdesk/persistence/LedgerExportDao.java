package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.report.LedgerExportRow;
import cn.mediationdesk.logic.store.LedgerExportRepository;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The ledger rows for exporting. One statement streams the leads (selected and judged as the tally
 * does, with {@link TallySql}'s filters, state and due date in force); the parties' names follow a
 * batch at a time, as in the lead search, so that the same SQL serves H2 and PostgreSQL.
 */
final class LedgerExportDao implements LedgerExportRepository {
    private static final int BATCH = 500;

    private final Handle handle;

    LedgerExportDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void forEach(TallyQuery query, Consumer<LedgerExportRow> sink) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", query.asOf());
        String where = TallySql.filters(query, parameters);
        String sql = """
                SELECT t.*, CASE WHEN %s THEN TRUE ELSE FALSE END AS overdue
                FROM (
                    SELECT l.id, l.case_number, l.lead_no, l.found_on, l.verified_on, l.accepted_on, l.closed_on,
                        l.outcome, l.risk_code, l.criminal_risk, l.group_risk,
                        l.summary, g.name AS grid_name, l.people_count, l.amount, l.verification_result,
                        l.transferred_to, l.declined_on, l.declined_by, dup.lead_no AS duplicate_of_lead_no,
                        (SELECT a.form FROM agreement a WHERE a.lead_id = l.id) AS agreement_form,
                        cm.name AS committee_name, cy.name AS community_name,
                        dt.name_zh AS type_zh, dt.name_en AS type_en, ls.name_zh AS source_zh, ls.name_en AS source_en,
                        %s AS st, %s AS due
                    FROM lead l
                    JOIN committee cm ON cm.id = l.committee_id
                    JOIN community cy ON cy.id = l.community_id
                    JOIN dispute_type dt ON dt.code = l.dispute_type_code
                    JOIN lead_source ls ON ls.code = l.source_code
                    LEFT JOIN grid g ON g.id = l.grid_id
                    LEFT JOIN lead dup ON dup.id = l.duplicate_of_id
                    %s
                    %s
                ) t
                ORDER BY t.found_on, t.committee_name, t.lead_no, t.id""".formatted(TallySql.condition(TallyColumn.OVERDUE), TallySql.STATE,
                TallySql.DUE_IN_FORCE, TallySql.EXTENSIONS_IN_FORCE, where);
        List<Pending> batch = new ArrayList<>(BATCH);
        LocalDate asOf = query.asOf();
        handle.createQuery(sql).bindMap(parameters).setFetchSize(BATCH)
                .map((rs, ctx) -> {
                    LeadState state = LeadState.valueOf(rs.getString("st"));
                    boolean accepted = TallyColumn.ACCEPTED.includes(state, false);
                    LocalDate verifiedOn = onOrBefore(rs.getObject("verified_on", LocalDate.class), asOf);
                    String outcome = rs.getString("outcome");
                    UUID id = rs.getObject("id", UUID.class);
                    return new Pending(id, new LedgerExportRow(id,
                            accepted ? rs.getString("case_number") : null, rs.getString("lead_no"),
                            rs.getObject("found_on", LocalDate.class), verifiedOn,
                            accepted ? rs.getObject("accepted_on", LocalDate.class) : null,
                            accepted ? rs.getObject("due", LocalDate.class) : null,
                            state.isClosed() ? rs.getObject("closed_on", LocalDate.class) : null,
                            rs.getString("committee_name"), rs.getString("community_name"), rs.getString("type_zh"),
                            rs.getString("type_en"), rs.getString("source_zh"), rs.getString("source_en"),
                            RiskLevel.valueOf(rs.getString("risk_code")), rs.getBoolean("criminal_risk"),
                            rs.getBoolean("group_risk"), state, rs.getBoolean("overdue"),
                            state.isClosed() && outcome != null ? Outcome.valueOf(outcome) : null, "",
                            importColumns(rs, state, verifiedOn, asOf)));
                })
                .useStream(rows -> rows.forEach(row -> {
                    batch.add(row);
                    if (batch.size() == BATCH) {
                        flush(batch, sink);
                    }
                }));
        flush(batch, sink);
    }

    private static LedgerExportRow.ImportColumns importColumns(java.sql.ResultSet rs, LeadState state,
                                                               LocalDate verifiedOn, LocalDate asOf)
            throws java.sql.SQLException {
        String result = rs.getString("verification_result");
        VerificationResult verification = verifiedOn == null || result == null ? null : VerificationResult.valueOf(result);
        String form = rs.getString("agreement_form");
        boolean resolved = state.isClosed() && Outcome.RESOLVED.name().equals(rs.getString("outcome"));
        LocalDate declinedOn = onOrBefore(rs.getObject("declined_on", LocalDate.class), asOf);
        java.math.BigDecimal amount = rs.getBigDecimal("amount");
        int count = rs.getInt("people_count");
        Integer people = rs.wasNull() ? null : count;
        return new LedgerExportRow.ImportColumns(rs.getString("summary"), rs.getString("grid_name"),
                people, amount,
                verification, resolved && form != null ? AgreementForm.valueOf(form) : null,
                verification == VerificationResult.DUPLICATE ? rs.getString("duplicate_of_lead_no") : null,
                verification == VerificationResult.TRANSFERRED ? rs.getString("transferred_to") : null,
                declinedOn, declinedOn == null ? null : rs.getString("declined_by"));
    }

    private static LocalDate onOrBefore(LocalDate day, LocalDate asOf) {
        return day == null || day.isAfter(asOf) ? null : day;
    }

    private record Pending(UUID id, LedgerExportRow row) {
    }

    private void flush(List<Pending> batch, Consumer<LedgerExportRow> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        handle.createQuery("SELECT lead_id, name, role FROM party WHERE lead_id IN (<ids>) ORDER BY lead_id, position")
                .bindList("ids", batch.stream().map(Pending::id).toList())
                .map((rs, ctx) -> {
                    names.merge(rs.getObject("lead_id", UUID.class),
                            LedgerExportRow.party(rs.getString("name"), PartyRole.valueOf(rs.getString("role"))),
                            (joined, next) -> joined + LedgerExportRow.NAME_SEPARATOR + next);
                    return 0;
                })
                .list();
        for (Pending pending : batch) {
            LedgerExportRow r = pending.row();
            sink.accept(new LedgerExportRow(r.id(), r.caseNumber(), r.leadNo(), r.foundOn(), r.verifiedOn(), r.acceptedOn(),
                    r.dueOn(), r.closedOn(), r.committeeName(), r.communityName(), r.typeZh(), r.typeEn(),
                    r.sourceZh(), r.sourceEn(), r.risk(), r.criminalRisk(), r.groupRisk(), r.state(), r.overdue(),
                    r.outcome(), names.getOrDefault(pending.id(), ""), r.forImport()));
        }
        batch.clear();
    }
}
