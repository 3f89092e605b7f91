package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.Transition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Many new rows of one kind in one prepared statement with {@code addBatch}: what a ledger import of
 * thousands of leads writes. Plain JDBC on the transaction's own connection, since binding each row
 * by reflection (Jdbi's {@code @BindMethods}) costs a large part of the time at that size. The
 * statements are the ones {@link LeadDao} and {@link CaseFileDao} run for a single row.
 */
final class LeadBatches {
    /** Rows sent to the database at a time. */
    private static final int CHUNK = 1000;

    private LeadBatches() {
    }

    /**
     * The lead rows with their tally facts (migration V17), which {@code facts} gives from each lead's
     * parts written in the same batch: one INSERT a lead, no {@link TallyFacts#refresh} UPDATE after it.
     */
    static void leads(Connection connection, List<Lead> leads, Instant now, Map<UUID, TallyFacts.Values> facts) {
        insertLeads(connection, leads.stream().map(l -> new LeadRow(l, 0, now, now)).toList(), facts);
    }

    /**
     * Lead rows as a package sent them: their version and timestamps as given, with their tally facts
     * as {@link #leads} writes them.
     */
    static void leadsAsSent(Connection connection, List<cn.mediationdesk.logic.store.ExchangeRepository.LeadAsSent> leads,
                            Map<UUID, TallyFacts.Values> facts) {
        insertLeads(connection, leads.stream()
                .map(sent -> new LeadRow(sent.lead(), sent.lead().version(), sent.createdAt(), sent.updatedAt()))
                .toList(), facts);
    }

    /** A lead row as written: a new lead starts at version 0, a lead sent in a package keeps its own. */
    private record LeadRow(Lead lead, int version, Instant createdAt, Instant updatedAt) {
    }

    private static void insertLeads(Connection connection, List<LeadRow> rows, Map<UUID, TallyFacts.Values> facts) {
        run(connection, """
                INSERT INTO lead (id, committee_id, community_id, grid_id, lead_no, found_on, source_code,
                    dispute_type_code, summary, people_count, amount, risk_code, criminal_risk, group_risk,
                    verified_on, verification_result, duplicate_of_id, transferred_to, accepted_on, case_year,
                    case_seq, case_number, due_on, closed_on, outcome, declined_on, declined_by, version, created_at,
                    updated_at, extended_on, risk_latest_code, risk_changed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, (s, row) -> {
                    Lead l = row.lead();
                    CaseNumber number = l.caseNumber();
                    s.setObject(1, l.id());
                    s.setLong(2, l.committeeId());
                    s.setLong(3, l.communityId());
                    set(s, 4, l.gridId(), Types.BIGINT);
                    set(s, 5, l.leadNo(), Types.VARCHAR);
                    s.setObject(6, l.foundOn());
                    s.setString(7, l.sourceCode());
                    s.setString(8, l.disputeTypeCode());
                    s.setString(9, l.summary());
                    set(s, 10, l.peopleCount(), Types.INTEGER);
                    set(s, 11, l.amount(), Types.DECIMAL);
                    s.setString(12, l.risk().name());
                    s.setBoolean(13, l.criminalRisk());
                    s.setBoolean(14, l.groupRisk());
                    set(s, 15, l.verifiedOn(), Types.DATE);
                    set(s, 16, l.verificationResult() == null ? null : l.verificationResult().name(), Types.VARCHAR);
                    set(s, 17, l.duplicateOfId(), Types.OTHER);
                    set(s, 18, l.transferredTo(), Types.VARCHAR);
                    set(s, 19, l.acceptedOn(), Types.DATE);
                    set(s, 20, number == null ? null : number.year(), Types.INTEGER);
                    set(s, 21, number == null ? null : number.sequence(), Types.INTEGER);
                    set(s, 22, number == null ? null : number.text(), Types.VARCHAR);
                    set(s, 23, l.dueOn(), Types.DATE);
                    set(s, 24, l.closedOn(), Types.DATE);
                    set(s, 25, l.outcome() == null ? null : l.outcome().name(), Types.VARCHAR);
                    set(s, 26, l.declinedOn(), Types.DATE);
                    set(s, 27, l.declinedBy(), Types.VARCHAR);
                    s.setInt(28, row.version());
                    s.setObject(29, LeadDao.at(row.createdAt()));
                    s.setObject(30, LeadDao.at(row.updatedAt()));
                    TallyFacts.Values tally = facts.get(l.id());
                    set(s, 31, tally.extendedOn(), Types.DATE);
                    set(s, 32, tally.riskLatestCode(), Types.VARCHAR);
                    set(s, 33, tally.riskChangedOn(), Types.DATE);
                });
    }

    static void extensions(Connection connection, List<Extension> extensions) {
        run(connection, """
                INSERT INTO extension (id, lead_id, agreed_on, new_due_on, reason)
                VALUES (?, ?, ?, ?, ?)""", extensions, (s, x) -> {
            s.setObject(1, x.id());
            s.setObject(2, x.leadId());
            s.setObject(3, x.agreedOn());
            s.setObject(4, x.newDueOn());
            set(s, 5, x.reason(), Types.VARCHAR);
        });
    }

    static void parties(Connection connection, List<Party> parties) {
        run(connection, """
                INSERT INTO party (id, lead_id, position, name, gender, id_number, phone, address, role, kind, ethnicity,
                                   birth_date, age, occupation, employer, credit_code, legal_representative,
                                   representative_title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", parties, (s, p) -> {
            s.setObject(1, p.id());
            s.setObject(2, p.leadId());
            s.setInt(3, p.position());
            s.setString(4, p.name());
            set(s, 5, p.gender() == null ? null : p.gender().name(), Types.VARCHAR);
            set(s, 6, p.idNumber(), Types.VARCHAR);
            set(s, 7, p.phone(), Types.VARCHAR);
            set(s, 8, p.address(), Types.VARCHAR);
            set(s, 9, p.role() == null ? null : p.role().name(), Types.VARCHAR);
            s.setString(10, p.kind().name());
            set(s, 11, p.ethnicity(), Types.VARCHAR);
            set(s, 12, p.birthDate(), Types.DATE);
            set(s, 13, p.age(), Types.INTEGER);
            set(s, 14, p.occupation(), Types.VARCHAR);
            set(s, 15, p.employer(), Types.VARCHAR);
            set(s, 16, p.creditCode(), Types.VARCHAR);
            set(s, 17, p.legalRepresentative(), Types.VARCHAR);
            set(s, 18, p.representativeTitle(), Types.VARCHAR);
        });
    }

    static void agreements(Connection connection, List<Agreement> agreements) {
        run(connection, """
                INSERT INTO agreement (lead_id, form, terms, amount, performance_deadline, facts, issues, responsibility,
                                       performance_way, performance_place)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", agreements, (s, a) -> {
            s.setObject(1, a.leadId());
            set(s, 2, a.form() == null ? null : a.form().name(), Types.VARCHAR);
            set(s, 3, a.terms(), Types.VARCHAR);
            set(s, 4, a.amount(), Types.DECIMAL);
            set(s, 5, a.performanceDeadline(), Types.DATE);
            set(s, 6, a.facts(), Types.VARCHAR);
            set(s, 7, a.issues(), Types.VARCHAR);
            set(s, 8, a.responsibility(), Types.VARCHAR);
            set(s, 9, a.performanceWay(), Types.VARCHAR);
            set(s, 10, a.performancePlace(), Types.VARCHAR);
        });
    }

    static void transitions(Connection connection, List<Transition> transitions) {
        run(connection, """
                INSERT INTO lead_transition (id, lead_id, kind, effective_on, detail, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", transitions, (s, t) -> {
            s.setObject(1, t.id());
            s.setObject(2, t.leadId());
            s.setString(3, t.kind().name());
            s.setObject(4, t.effectiveOn());
            set(s, 5, t.detail(), Types.VARCHAR);
            s.setObject(6, LeadDao.at(t.recordedAt()));
            set(s, 7, t.recordedBy(), Types.VARCHAR);
        });
    }

    static void riskAssessments(Connection connection, List<RiskAssessment> assessments) {
        run(connection, """
                INSERT INTO risk_assessment (id, lead_id, assessed_on, risk_code, criminal_risk, group_risk,
                                             assessed_by, reason, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", assessments, (s, a) -> {
            s.setObject(1, a.id());
            s.setObject(2, a.leadId());
            s.setObject(3, a.assessedOn());
            s.setString(4, a.risk().name());
            s.setBoolean(5, a.criminalRisk());
            s.setBoolean(6, a.groupRisk());
            set(s, 7, a.assessedBy(), Types.VARCHAR);
            set(s, 8, a.reason(), Types.VARCHAR);
            s.setObject(9, a.recordedAt().atOffset(java.time.ZoneOffset.UTC));
        });
    }

    /**
     * Each new lead's tally facts from the extensions and risk assessments written with it ({@link
     * TallyFacts#of}, the rules of {@link TallyFacts#refresh}): a new lead has no other parts yet.
     */
    static Map<UUID, TallyFacts.Values> tallyFacts(List<Lead> leads, List<Extension> extensions,
                                                  List<RiskAssessment> assessments) {
        Map<UUID, List<Extension>> extensionsByLead = new HashMap<>();
        extensions.forEach(x -> extensionsByLead.computeIfAbsent(x.leadId(), id -> new ArrayList<>()).add(x));
        Map<UUID, List<RiskAssessment>> assessmentsByLead = new HashMap<>();
        assessments.forEach(a -> assessmentsByLead.computeIfAbsent(a.leadId(), id -> new ArrayList<>()).add(a));
        Map<UUID, TallyFacts.Values> facts = new HashMap<>(leads.size() * 2);
        for (Lead lead : leads) {
            facts.put(lead.id(), TallyFacts.of(extensionsByLead.getOrDefault(lead.id(), List.of()),
                    assessmentsByLead.getOrDefault(lead.id(), List.of())));
        }
        return facts;
    }

    /**
     * Each lead's searched fields as the text index reads them (case number, lead number, summary, then
     * its parties' names by position), from the rows in memory.
     */
    static Map<UUID, List<String>> searchedFields(List<Lead> leads, List<Party> parties) {
        Map<UUID, List<Party>> partiesByLead = new HashMap<>();
        parties.forEach(p -> partiesByLead.computeIfAbsent(p.leadId(), id -> new ArrayList<>()).add(p));
        Map<UUID, List<String>> fields = new LinkedHashMap<>();
        for (Lead lead : leads) {
            List<String> values = LeadTextIndex.fieldsOf(lead.caseNumber() == null ? null : lead.caseNumber().text(),
                    lead.leadNo(), lead.summary());
            partiesByLead.getOrDefault(lead.id(), List.of()).stream().sorted(Comparator.comparingInt(Party::position))
                    .forEach(p -> values.add(p.name()));
            fields.put(lead.id(), values);
        }
        return fields;
    }

    interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    static <T> void run(Connection connection, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == CHUNK) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    /** A value that may be null, typed for PostgreSQL, which needs a null's type. */
    static void set(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }
}
