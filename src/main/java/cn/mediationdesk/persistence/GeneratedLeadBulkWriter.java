package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.GeneratedLead;
import cn.mediationdesk.logic.store.GeneratedLeadWriter;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes synthetic leads with plain JDBC batches: one prepared statement per table, reused for every
 * row of a call, and sent to the database in one batch per table. Through Jdbi a row costs a
 * statement's parsing and binding by name; here it costs its values. The statements are the same
 * plain SQL on H2 and PostgreSQL.
 */
final class GeneratedLeadBulkWriter implements GeneratedLeadWriter {
    private enum Table {
        LEAD("""
                INSERT INTO lead (id, committee_id, community_id, grid_id, lead_no, found_on, source_code,
                    dispute_type_code, summary, people_count, amount, risk_code, criminal_risk, group_risk,
                    verified_on, verification_result, duplicate_of_id, transferred_to, accepted_on, case_year,
                    case_seq, case_number, due_on, closed_on, outcome, declined_on, declined_by, version, created_at,
                    updated_at, extended_on, risk_latest_code, risk_changed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"""),
        PARTY("""
                INSERT INTO party (id, lead_id, position, name, gender, id_number, phone, address, role, kind, ethnicity,
                                   birth_date, age, occupation, employer, credit_code, legal_representative,
                                   representative_title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        RISK_ASSESSMENT("""
                INSERT INTO risk_assessment (id, lead_id, assessed_on, risk_code, criminal_risk, group_risk, assessed_by,
                                             reason, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        VERIFICATION_STEP("""
                INSERT INTO verification_step (id, lead_id, step_on, method, note, person_id)
                VALUES (?, ?, ?, ?, ?, ?)"""),
        MEDIATOR("INSERT INTO lead_mediator (lead_id, person_id, principal) VALUES (?, ?, ?)"),
        CASE_RECORD("""
                INSERT INTO case_record (lead_id, applied_on, application_requests, consent_on, consent_way,
                                         rights_notice_on, police_reported_on, police_reported_to, routes_notice_on,
                                         routes_notified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        SESSION("""
                INSERT INTO mediation_session (id, lead_id, held_on, place, participants, notes, matter, recorder,
                                               notice_given, confirmed_by_parties)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        EXTENSION("INSERT INTO extension (id, lead_id, agreed_on, new_due_on, reason) VALUES (?, ?, ?, ?, ?)"),
        AGREEMENT("""
                INSERT INTO agreement (lead_id, form, terms, amount, performance_deadline, facts, issues, responsibility,
                                       performance_way, performance_place)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        FOLLOW_UP("""
                INSERT INTO follow_up (id, lead_id, visited_on, performance, satisfaction, escalation_signs, notes,
                                       visited_party, way, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
        TRANSITION("""
                INSERT INTO lead_transition (id, lead_id, kind, effective_on, detail, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    private final Connection connection;

    private final org.jdbi.v3.core.Handle handle;
    private final EnumMap<Table, PreparedStatement> statements = new EnumMap<>(Table.class);

    GeneratedLeadBulkWriter(org.jdbi.v3.core.Handle handle) {
        this.handle = handle;
        this.connection = handle.getConnection();
    }

    @Override
    public void write(List<GeneratedLead> leads) {
        try {
            for (GeneratedLead generated : leads) {
                addLead(generated.lead(), at(generated.recordedAt()),
                        TallyFacts.of(generated.extensions(), generated.riskAssessments()));
            }
            // The leads go first: every other row points at one.
            execute(Table.LEAD);
            // The ledger's text index: new leads whose searched fields are all at hand.
            LeadTextIndex.indexNew(handle, searchedFields(leads));
            for (GeneratedLead generated : leads) {
                addParts(generated);
            }
            for (Table table : Table.values()) {
                if (table != Table.LEAD) {
                    execute(table);
                }
            }
            KeptCounts.recount(handle, leads.stream().map(g -> g.lead().id()).toList());
        } catch (SQLException e) {
            throw new BulkWriteFailed("writing generated leads", e);
        } finally {
            closeStatements();
        }
    }

    /** Each lead's case number, lead number, summary and party names, as the text index reads them. */
    private static Map<UUID, List<String>> searchedFields(List<GeneratedLead> leads) {
        Map<UUID, List<String>> fields = new LinkedHashMap<>();
        for (GeneratedLead generated : leads) {
            Lead l = generated.lead();
            List<String> values = LeadTextIndex.fieldsOf(l.caseNumber() == null ? null : l.caseNumber().text(),
                    l.leadNo(), l.summary());
            generated.parties().stream().sorted(Comparator.comparingInt(Party::position))
                    .forEach(p -> values.add(p.name()));
            fields.put(l.id(), values);
        }
        return fields;
    }

    private void addLead(Lead l, OffsetDateTime now, TallyFacts.Values facts) throws SQLException {
        PreparedStatement s = statement(Table.LEAD);
        s.setObject(1, l.id());
        s.setLong(2, l.committeeId());
        s.setLong(3, l.communityId());
        setLong(s, 4, l.gridId());
        setText(s, 5, l.leadNo());
        s.setObject(6, l.foundOn());
        s.setString(7, l.sourceCode());
        s.setString(8, l.disputeTypeCode());
        s.setString(9, l.summary());
        setInt(s, 10, l.peopleCount());
        setAmount(s, 11, l.amount());
        s.setString(12, l.risk().name());
        s.setBoolean(13, l.criminalRisk());
        s.setBoolean(14, l.groupRisk());
        setDate(s, 15, l.verifiedOn());
        setText(s, 16, l.verificationResult() == null ? null : l.verificationResult().name());
        setUuid(s, 17, l.duplicateOfId());
        setText(s, 18, l.transferredTo());
        setDate(s, 19, l.acceptedOn());
        setInt(s, 20, l.caseNumber() == null ? null : l.caseNumber().year());
        setInt(s, 21, l.caseNumber() == null ? null : l.caseNumber().sequence());
        setText(s, 22, l.caseNumber() == null ? null : l.caseNumber().text());
        setDate(s, 23, l.dueOn());
        setDate(s, 24, l.closedOn());
        setText(s, 25, l.outcome() == null ? null : l.outcome().name());
        setDate(s, 26, l.declinedOn());
        setText(s, 27, l.declinedBy());
        s.setObject(28, now);
        s.setObject(29, now);
        setDate(s, 30, facts.extendedOn());
        setText(s, 31, facts.riskLatestCode());
        setDate(s, 32, facts.riskChangedOn());
        s.addBatch();
    }

    private void addParts(GeneratedLead generated) throws SQLException {
        UUID leadId = generated.lead().id();
        for (Party p : generated.parties()) {
            PreparedStatement s = statement(Table.PARTY);
            s.setObject(1, p.id());
            s.setObject(2, leadId);
            s.setInt(3, p.position());
            s.setString(4, p.name());
            setText(s, 5, p.gender() == null ? null : p.gender().name());
            setText(s, 6, p.idNumber());
            setText(s, 7, p.phone());
            setText(s, 8, p.address());
            s.setString(9, p.role().name());
            s.setString(10, p.kind().name());
            setText(s, 11, p.ethnicity());
            setDate(s, 12, p.birthDate());
            setInt(s, 13, p.age());
            setText(s, 14, p.occupation());
            setText(s, 15, p.employer());
            setText(s, 16, p.creditCode());
            setText(s, 17, p.legalRepresentative());
            setText(s, 18, p.representativeTitle());
            s.addBatch();
        }
        for (RiskAssessment a : generated.riskAssessments()) {
            PreparedStatement s = statement(Table.RISK_ASSESSMENT);
            s.setObject(1, a.id());
            s.setObject(2, leadId);
            s.setObject(3, a.assessedOn());
            s.setString(4, a.risk().name());
            s.setBoolean(5, a.criminalRisk());
            s.setBoolean(6, a.groupRisk());
            setText(s, 7, a.assessedBy());
            setText(s, 8, a.reason());
            s.setObject(9, at(a.recordedAt()));
            s.addBatch();
        }
        for (VerificationStep v : generated.verificationSteps()) {
            PreparedStatement s = statement(Table.VERIFICATION_STEP);
            s.setObject(1, v.id());
            s.setObject(2, leadId);
            s.setObject(3, v.stepOn());
            s.setString(4, v.method());
            setText(s, 5, v.note());
            setLong(s, 6, v.personId());
            s.addBatch();
        }
        boolean principal = true;
        for (Long person : generated.mediators()) {
            PreparedStatement s = statement(Table.MEDIATOR);
            s.setObject(1, leadId);
            s.setLong(2, person);
            s.setBoolean(3, principal);
            principal = false;
            s.addBatch();
        }
        CaseRecord r = generated.caseRecord();
        if (r != null) {
            PreparedStatement s = statement(Table.CASE_RECORD);
            s.setObject(1, leadId);
            setDate(s, 2, r.appliedOn());
            setText(s, 3, r.applicationRequests());
            setDate(s, 4, r.consentOn());
            setText(s, 5, r.consentWay() == null ? null : r.consentWay().name());
            setDate(s, 6, r.rightsNoticeOn());
            setDate(s, 7, r.policeReportedOn());
            setText(s, 8, r.policeReportedTo());
            setDate(s, 9, r.routesNoticeOn());
            // as CaseFileDao stores them: the codes in the enum's order, comma-separated
            setText(s, 10, r.routesNotified().isEmpty() ? null
                    : r.routesNotified().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
            s.addBatch();
        }
        for (MediationSession m : generated.sessions()) {
            PreparedStatement s = statement(Table.SESSION);
            s.setObject(1, m.id());
            s.setObject(2, leadId);
            s.setObject(3, m.heldOn());
            setText(s, 4, m.place());
            setText(s, 5, m.participants());
            setText(s, 6, m.notes());
            setText(s, 7, m.matter());
            setText(s, 8, m.recorder());
            s.setBoolean(9, m.noticeGiven());
            s.setBoolean(10, m.confirmedByParties());
            s.addBatch();
        }
        for (Extension e : generated.extensions()) {
            PreparedStatement s = statement(Table.EXTENSION);
            s.setObject(1, e.id());
            s.setObject(2, leadId);
            s.setObject(3, e.agreedOn());
            s.setObject(4, e.newDueOn());
            setText(s, 5, e.reason());
            s.addBatch();
        }
        Agreement a = generated.agreement();
        if (a != null) {
            PreparedStatement s = statement(Table.AGREEMENT);
            s.setObject(1, leadId);
            s.setString(2, a.form().name());
            setText(s, 3, a.terms());
            setAmount(s, 4, a.amount());
            setDate(s, 5, a.performanceDeadline());
            setText(s, 6, a.facts());
            setText(s, 7, a.issues());
            setText(s, 8, a.responsibility());
            setText(s, 9, a.performanceWay());
            setText(s, 10, a.performancePlace());
            s.addBatch();
        }
        for (FollowUp f : generated.followUps()) {
            PreparedStatement s = statement(Table.FOLLOW_UP);
            s.setObject(1, f.id());
            s.setObject(2, leadId);
            s.setObject(3, f.visitedOn());
            s.setString(4, f.performance().name());
            setText(s, 5, f.satisfaction() == null ? null : f.satisfaction().name());
            s.setBoolean(6, f.escalationSigns());
            setText(s, 7, f.notes());
            setText(s, 8, f.visitedParty());
            setText(s, 9, f.way() == null ? null : f.way().name());
            setText(s, 10, f.reason());
            s.addBatch();
        }
        for (Transition t : generated.transitions()) {
            PreparedStatement s = statement(Table.TRANSITION);
            s.setObject(1, t.id());
            s.setObject(2, leadId);
            s.setString(3, t.kind().name());
            s.setObject(4, t.effectiveOn());
            setText(s, 5, t.detail());
            s.setObject(6, at(t.recordedAt()));
            setText(s, 7, t.recordedBy());
            s.addBatch();
        }
    }

    /**
     * The tables a bulk load fills: the lead, its parts and its text index. Their plain indexes may be
     * set aside while it runs.
     */
    static final Set<String> FILLED_TABLES = Set.of("LEAD", "PARTY", "RISK_ASSESSMENT", "VERIFICATION_STEP",
            "LEAD_MEDIATOR", "CASE_RECORD", "MEDIATION_SESSION", "EXTENSION", "AGREEMENT", "FOLLOW_UP",
            "LEAD_TRANSITION", "LEAD_TEXT", "LEAD_GRAM");
    /**
     * The settings rows, one per index set aside, holding the statement that makes it again: written
     * before the first index is dropped, removed once every index is back, so that a run that dies
     * between the two leaves what the next run needs to repair the schema.
     */
    static final String SET_ASIDE = "synthetic.index_set_aside.";
    private static final int SETTING_PART = 400;
    /** {@code CREATE INDEX "schema"."name" ON "schema"."table"(…)} as H2's SCRIPT writes it. */
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE INDEX \"([^\"]+)\"\\.\"([^\"]+)\" ON \"([^\"]+)\"\\.\"([^\"]+)\"\\(.*", Pattern.DOTALL);

    @Override
    public int setIndexesAside() {
        if (postgres()) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            String schema = currentSchema(statement);
            Set<String> ofConstraints = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE INDEX_NAME IS NOT NULL AND INDEX_SCHEMA = CURRENT_SCHEMA")) {
                while (rows.next()) {
                    ofConstraints.add(rows.getString(1));
                }
            }
            // The statements come from the schema itself, as H2 would write them in a script of it.
            Map<String, String> creates = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rows.next()) {
                    String sql = rows.getString(1);
                    Matcher index = CREATE_INDEX.matcher(sql);
                    if (index.matches() && index.group(1).equals(schema) && index.group(3).equals(schema)
                            && FILLED_TABLES.contains(index.group(4)) && !ofConstraints.contains(index.group(2))) {
                        creates.put(index.group(2), sql);
                    }
                }
            }
            try (PreparedStatement remember = connection.prepareStatement(
                    "INSERT INTO setting (name, setting_value) VALUES (?, ?)")) {
                int n = 0;
                for (String sql : creates.values()) {
                    n++;
                    // A setting holds 500 characters: a long statement takes several, in order of their names.
                    for (int part = 0; part * SETTING_PART < sql.length(); part++) {
                        remember.setString(1, String.format(java.util.Locale.ROOT, "%s%03d.%02d", SET_ASIDE, n, part));
                        remember.setString(2, sql.substring(part * SETTING_PART,
                                Math.min(sql.length(), (part + 1) * SETTING_PART)));
                        remember.addBatch();
                    }
                }
                remember.executeBatch();
            }
            connection.commit();
            for (String name : creates.keySet()) {
                statement.execute("DROP INDEX " + quoted(schema) + "." + quoted(name));
            }
            return creates.size();
        } catch (SQLException e) {
            throw new BulkWriteFailed("setting the indexes aside", e);
        }
    }

    @Override
    public int restoreIndexes() {
        if (postgres()) {
            return 0;
        }
        try (Statement statement = connection.createStatement()) {
            Map<String, StringBuilder> statements = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT name, setting_value FROM setting WHERE name LIKE '"
                    + SET_ASIDE + "%' ORDER BY name")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    statements.computeIfAbsent(name.substring(0, name.lastIndexOf('.')), n -> new StringBuilder())
                            .append(rows.getString(2));
                }
            }
            List<String> creates = statements.values().stream().map(StringBuilder::toString).toList();
            if (creates.isEmpty()) {
                return 0;
            }
            Set<String> present = new HashSet<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = CURRENT_SCHEMA")) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
            int made = 0;
            for (String sql : creates) {
                Matcher index = CREATE_INDEX.matcher(sql);
                if (!index.matches()) {
                    throw new IllegalStateException("not an index set aside: " + sql);
                }
                if (!present.contains(index.group(2))) {
                    statement.execute(sql);
                    made++;
                }
            }
            statement.executeUpdate("DELETE FROM setting WHERE name LIKE '" + SET_ASIDE + "%'");
            connection.commit();
            return made;
        } catch (SQLException e) {
            throw new BulkWriteFailed("making the indexes set aside again", e);
        }
    }

    private static String currentSchema(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT CURRENT_SCHEMA")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public java.util.Map<Long, java.util.Map<Integer, Integer>> caseNumberCounters() {
        java.util.Map<Long, java.util.Map<Integer, Integer>> counters = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "SELECT committee_id, case_year, last_number FROM case_number_counter")) {
            while (rows.next()) {
                counters.computeIfAbsent(rows.getLong(1), c -> new java.util.HashMap<>())
                        .put(rows.getInt(2), rows.getInt(3));
            }
        } catch (SQLException e) {
            throw new BulkWriteFailed("reading the case-number counters", e);
        }
        return counters;
    }

    @Override
    public void setCaseNumberCounter(long committeeId, int year, int lastNumber) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE case_number_counter SET last_number = ? WHERE committee_id = ? AND case_year = ?")) {
            update.setInt(1, lastNumber);
            update.setLong(2, committeeId);
            update.setInt(3, year);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO case_number_counter (committee_id, case_year, last_number) VALUES (?, ?, ?)")) {
                    insert.setLong(1, committeeId);
                    insert.setInt(2, year);
                    insert.setInt(3, lastNumber);
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new BulkWriteFailed("setting a case-number counter", e);
        }
    }

    @Override
    public java.util.OptionalInt pageCacheKb() {
        if (postgres()) {
            return java.util.OptionalInt.empty();
        }
        try (Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            // H2 reports the cache in MB here, and takes it in KB
            return rows.next() ? java.util.OptionalInt.of(Integer.parseInt(rows.getString(1).strip()) * 1024)
                    : java.util.OptionalInt.empty();
        } catch (SQLException e) {
            throw new BulkWriteFailed("reading the page cache size", e);
        }
    }

    @Override
    public void setPageCacheKb(int kilobytes) {
        if (postgres()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET CACHE_SIZE " + kilobytes);
        } catch (SQLException e) {
            throw new BulkWriteFailed("setting the page cache size", e);
        }
    }

    private boolean postgres() {
        try {
            return PostgresRoles.isPostgres(connection);
        } catch (SQLException e) {
            throw new BulkWriteFailed("reading the database's kind", e);
        }
    }

    @Override
    public void analyze() {
        // H2 samples every table of its file. On PostgreSQL a bare ANALYZE would take every table of
        // every schema of the database (a server may hold other offices' schemas): only ours, filled here.
        try (Statement statement = connection.createStatement()) {
            statement.execute(postgres()
                    ? "ANALYZE " + String.join(", ", FILLED_TABLES.stream().sorted().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList())
                    : "ANALYZE");
        } catch (SQLException e) {
            throw new BulkWriteFailed("updating the planner's statistics", e);
        }
    }

    private PreparedStatement statement(Table table) throws SQLException {
        PreparedStatement statement = statements.get(table);
        if (statement == null) {
            statement = connection.prepareStatement(table.sql);
            statements.put(table, statement);
        }
        return statement;
    }

    private void execute(Table table) throws SQLException {
        PreparedStatement statement = statements.get(table);
        if (statement != null) {
            statement.executeBatch();
        }
    }

    private void closeStatements() {
        List<SQLException> failures = new ArrayList<>();
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        statements.clear();
        if (!failures.isEmpty()) {
            throw new BulkWriteFailed("closing statements", failures.getFirst());
        }
    }

    /** Timestamps are stored in UTC, as everywhere else (LeadDao.at). */
    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static void setDate(PreparedStatement s, int index, LocalDate value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DATE);
        } else {
            s.setObject(index, value);
        }
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setAmount(PreparedStatement s, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NUMERIC);
        } else {
            s.setBigDecimal(index, value);
        }
    }

    /** An untyped null: PostgreSQL refuses a VARCHAR null for a uuid column (see Database.UuidArgument). */
    private static void setUuid(PreparedStatement s, int index, UUID value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.OTHER);
        } else {
            s.setObject(index, value);
        }
    }

    /**
     * A statement failed: {@link Database#write} rolls the transaction back and turns a full disk or a
     * damaged file (read from the cause) into its StorageException, anything else passes as it is.
     */
    static final class BulkWriteFailed extends RuntimeException {
        BulkWriteFailed(String what, SQLException cause) {
            super(what + " failed: " + cause.getMessage(), cause);
        }
    }
}
