package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.ExchangeRepository;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Lead;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The exchange tables of V8 and a lead's bookkeeping, over one Jdbi handle. */
final class ExchangeDao implements ExchangeRepository {
    private static final String SENDER = """
            SELECT committee_id, installation_id, fingerprint, signing_public, first_seen_at, last_created_at,
                covers_to, last_received_at, last_package_digest FROM package_sender""";
    private static final String RECEIVED = """
            SELECT package_digest, committee_id, sender_installation_id, sender_fingerprint, created_at, since_day,
                covers_to, received_at, received_by, leads_added, leads_updated, leads_unchanged, leads_skipped,
                conflicts FROM received_package""";
    private static final String CONFLICT = """
            SELECT id, lead_id, committee_id, label, package_digest, sender_installation_id, detected_at, kept_version,
                kept_state, replaced_version, replaced_state, differing_fields, replaced_data, reviewed_at, reviewed_by
            FROM package_conflict""";
    private static final String RECEIVED_AUDIT = """
            SELECT origin_installation_id, origin_chain_id, origin_seq, recorded_at, actor, action, entity, entity_id,
                lead_id, committee_id, changes, state_digest, hash, package_digest, received_at
            FROM received_audit_entry""";

    private final Handle handle;

    ExchangeDao(Handle handle) {
        this.handle = handle;
    }

    // ---- the installation ----

    @Override
    public Optional<Installation> installation() {
        return handle.createQuery("""
                        SELECT installation_id, signing_private, signing_public, agreement_private, agreement_public,
                            created_at FROM installation WHERE id = 1""")
                .map((rs, ctx) -> new Installation(uuid(rs, "installation_id"), rs.getString("signing_private"),
                        rs.getString("signing_public"), rs.getString("agreement_private"),
                        rs.getString("agreement_public"), instant(rs, "created_at")))
                .findOne();
    }

    @Override
    public void insertInstallation(Installation i) {
        handle.createUpdate("""
                        INSERT INTO installation (id, installation_id, signing_private, signing_public,
                            agreement_private, agreement_public, created_at)
                        VALUES (1, :id, :signingPrivate, :signingPublic, :agreementPrivate, :agreementPublic, :at)""")
                .bind("id", i.installationId()).bind("signingPrivate", i.signingPrivate())
                .bind("signingPublic", i.signingPublic()).bind("agreementPrivate", i.agreementPrivate())
                .bind("agreementPublic", i.agreementPublic()).bind("at", LeadDao.at(i.createdAt()))
                .execute();
    }

    // ---- senders ----

    @Override
    public Optional<Sender> sender(long committeeId) {
        return handle.createQuery(SENDER + " WHERE committee_id = :c").bind("c", committeeId)
                .map((rs, ctx) -> sender(rs)).findOne();
    }

    @Override
    public List<Sender> senders() {
        return handle.createQuery(SENDER + " ORDER BY committee_id").map((rs, ctx) -> sender(rs)).list();
    }

    private static Sender sender(ResultSet rs) throws SQLException {
        return new Sender(rs.getLong("committee_id"), uuid(rs, "installation_id"), rs.getString("fingerprint"),
                rs.getString("signing_public"), instant(rs, "first_seen_at"), instant(rs, "last_created_at"),
                date(rs, "covers_to"), instant(rs, "last_received_at"), rs.getString("last_package_digest"));
    }

    @Override
    public void saveSender(Sender s) {
        handle.createUpdate("DELETE FROM package_sender WHERE committee_id = :c").bind("c", s.committeeId()).execute();
        handle.createUpdate("""
                        INSERT INTO package_sender (committee_id, installation_id, fingerprint, signing_public,
                            first_seen_at, last_created_at, covers_to, last_received_at, last_package_digest)
                        VALUES (:c, :installation, :fingerprint, :key, :firstSeen, :lastCreated, :coversTo,
                            :lastReceived, :digest)""")
                .bind("c", s.committeeId()).bind("installation", s.installationId())
                .bind("fingerprint", s.fingerprint()).bind("key", s.signingPublic())
                .bind("firstSeen", LeadDao.at(s.firstSeenAt())).bind("lastCreated", LeadDao.at(s.lastCreatedAt()))
                .bindByType("coversTo", s.coversTo(), LocalDate.class)
                .bind("lastReceived", LeadDao.at(s.lastReceivedAt())).bind("digest", s.lastPackageDigest())
                .execute();
    }

    // ---- received packages ----

    @Override
    public Optional<ReceivedPackage> receivedPackage(String packageDigest) {
        return handle.createQuery(RECEIVED + " WHERE package_digest = :d").bind("d", packageDigest)
                .map((rs, ctx) -> received(rs)).findOne();
    }

    @Override
    public void insertReceivedPackage(ReceivedPackage p) {
        handle.createUpdate("""
                        INSERT INTO received_package (package_digest, committee_id, sender_installation_id,
                            sender_fingerprint, created_at, since_day, covers_to, received_at, received_by, leads_added,
                            leads_updated, leads_unchanged, leads_skipped, conflicts)
                        VALUES (:digest, :c, :sender, :fingerprint, :created, :since, :coversTo, :received, :by,
                            :added, :updated, :unchanged, :skipped, :conflicts)""")
                .bind("digest", p.packageDigest()).bind("c", p.committeeId()).bind("sender", p.senderInstallationId())
                .bind("fingerprint", p.senderFingerprint()).bind("created", LeadDao.at(p.createdAt()))
                .bindByType("since", p.since(), LocalDate.class).bindByType("coversTo", p.coversTo(), LocalDate.class)
                .bind("received", LeadDao.at(p.receivedAt())).bind("by", p.receivedBy())
                .bind("added", p.added()).bind("updated", p.updated()).bind("unchanged", p.unchanged())
                .bind("skipped", p.skipped()).bind("conflicts", p.conflicts())
                .execute();
    }

    @Override
    public List<ReceivedPackage> receivedPackages() {
        return handle.createQuery(RECEIVED + " ORDER BY received_at DESC, package_digest")
                .map((rs, ctx) -> received(rs)).list();
    }

    @Override
    public long receivedPackageCount() {
        return handle.createQuery("SELECT COUNT(*) FROM received_package").mapTo(Long.class).one();
    }

    private static ReceivedPackage received(ResultSet rs) throws SQLException {
        return new ReceivedPackage(rs.getString("package_digest"), rs.getLong("committee_id"),
                uuid(rs, "sender_installation_id"), rs.getString("sender_fingerprint"), instant(rs, "created_at"),
                date(rs, "since_day"), date(rs, "covers_to"), instant(rs, "received_at"), rs.getString("received_by"),
                rs.getInt("leads_added"), rs.getInt("leads_updated"), rs.getInt("leads_unchanged"),
                rs.getInt("leads_skipped"), rs.getInt("conflicts"));
    }

    // ---- per lead ----

    @Override
    public Optional<LeadExchange> leadExchange(UUID leadId) {
        return handle.createQuery("""
                        SELECT lead_id, origin_installation_id, received_version, received_changed_at, received_digest,
                            package_digest, received_at FROM lead_exchange WHERE lead_id = :id""")
                .bind("id", leadId)
                .map((rs, ctx) -> new LeadExchange(uuid(rs, "lead_id"), uuid(rs, "origin_installation_id"),
                        rs.getInt("received_version"), instant(rs, "received_changed_at"),
                        rs.getString("received_digest"), rs.getString("package_digest"), instant(rs, "received_at")))
                .findOne();
    }

    @Override
    public void saveLeadExchange(LeadExchange e) {
        handle.createUpdate("DELETE FROM lead_exchange WHERE lead_id = :id").bind("id", e.leadId()).execute();
        handle.createUpdate("""
                        INSERT INTO lead_exchange (lead_id, origin_installation_id, received_version,
                            received_changed_at, received_digest, package_digest, received_at)
                        VALUES (:id, :origin, :version, :changedAt, :digest, :package, :receivedAt)""")
                .bind("id", e.leadId()).bind("origin", e.originInstallationId()).bind("version", e.receivedVersion())
                .bind("changedAt", LeadDao.at(e.receivedChangedAt())).bind("digest", e.receivedDigest())
                .bind("package", e.packageDigest()).bind("receivedAt", LeadDao.at(e.receivedAt()))
                .execute();
    }

    // ---- conflicts ----

    @Override
    public void insertConflict(Conflict c) {
        handle.createUpdate("""
                        INSERT INTO package_conflict (id, lead_id, committee_id, label, package_digest,
                            sender_installation_id, detected_at, kept_version, kept_state, replaced_version,
                            replaced_state, differing_fields, replaced_data)
                        VALUES (:id, :lead, :c, :label, :package, :sender, :detected, :keptVersion, :keptState,
                            :replacedVersion, :replacedState, :fields, :data)""")
                .bind("id", c.id()).bind("lead", c.leadId()).bind("c", c.committeeId()).bind("label", c.label())
                .bind("package", c.packageDigest()).bind("sender", c.senderInstallationId())
                .bind("detected", LeadDao.at(c.detectedAt())).bind("keptVersion", c.keptVersion())
                .bind("keptState", c.keptState()).bind("replacedVersion", c.replacedVersion())
                .bind("replacedState", c.replacedState()).bind("fields", c.differingFields())
                .bind("data", c.replacedData())
                .execute();
    }

    @Override
    public List<Conflict> conflicts(boolean openOnly) {
        return handle.createQuery(CONFLICT + (openOnly ? " WHERE reviewed_at IS NULL" : "")
                        + " ORDER BY detected_at DESC, label")
                .map((rs, ctx) -> conflict(rs)).list();
    }

    @Override
    public Optional<Conflict> conflict(UUID id) {
        return handle.createQuery(CONFLICT + " WHERE id = :id").bind("id", id).map((rs, ctx) -> conflict(rs)).findOne();
    }

    @Override
    public boolean markReviewed(UUID id, String reviewedBy, Instant at) {
        return handle.createUpdate("""
                        UPDATE package_conflict SET reviewed_at = :at, reviewed_by = :by
                        WHERE id = :id AND reviewed_at IS NULL""")
                .bind("id", id).bind("by", reviewedBy).bind("at", LeadDao.at(at)).execute() == 1;
    }

    private static Conflict conflict(ResultSet rs) throws SQLException {
        return new Conflict(uuid(rs, "id"), uuid(rs, "lead_id"), rs.getLong("committee_id"), rs.getString("label"),
                rs.getString("package_digest"), uuid(rs, "sender_installation_id"), instant(rs, "detected_at"),
                rs.getInt("kept_version"), rs.getString("kept_state"), rs.getInt("replaced_version"),
                rs.getString("replaced_state"), rs.getString("differing_fields"), rs.getString("replaced_data"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"));
    }

    // ---- leads as they are ----

    @Override
    public List<UUID> leadIds(long committeeId, LocalDate sinceDay, Instant sinceStart) {
        if (sinceStart == null) {
            return handle.createQuery("SELECT id FROM lead WHERE committee_id = :c ORDER BY found_on, id")
                    .bind("c", committeeId).map((rs, ctx) -> uuid(rs, "id")).list();
        }
        return handle.createQuery("""
                        SELECT id FROM lead l WHERE committee_id = :c AND (found_on >= :day OR updated_at >= :start
                            OR EXISTS (SELECT 1 FROM audit_entry a WHERE a.lead_id = l.id AND a.recorded_at >= :start))
                        ORDER BY found_on, id""")
                .bind("c", committeeId).bind("day", sinceDay).bind("start", LeadDao.at(sinceStart))
                .map((rs, ctx) -> uuid(rs, "id")).list();
    }

    @Override
    public Map<UUID, LeadStamp> leadStampsByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.ones(handle.createQuery(
                        "SELECT id, committee_id, version, created_at, updated_at FROM lead WHERE id IN (<leadIds>)")
                .bindList("leadIds", leadIds)
                .map((rs, ctx) -> new LeadStamp(uuid(rs, "id"), rs.getLong("committee_id"), rs.getInt("version"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .list(), LeadStamp::id);
    }

    @Override
    public Map<UUID, Instant> lastAuditedByLead(Collection<UUID> leadIds) {
        Map<UUID, Instant> latest = new java.util.HashMap<>();
        if (!ByLead.none(leadIds)) {
            handle.createQuery("""
                            SELECT lead_id, MAX(recorded_at) AS latest FROM audit_entry WHERE lead_id IN (<leadIds>)
                            GROUP BY lead_id""")
                    .bindList("leadIds", leadIds)
                    .map((rs, ctx) -> Map.entry(uuid(rs, "lead_id"), instant(rs, "latest")))
                    .forEach(e -> latest.put(e.getKey(), e.getValue()));
        }
        return latest;
    }

    @Override
    public void insertLeadAsIs(Lead lead, Instant createdAt, Instant updatedAt) {
        bindLead(handle.createUpdate("""
                INSERT INTO lead (id, committee_id, community_id, grid_id, lead_no, found_on, source_code,
                    dispute_type_code, summary, people_count, amount, risk_code, criminal_risk, group_risk,
                    verified_on, verification_result, duplicate_of_id, transferred_to, accepted_on, case_year,
                    case_seq, case_number, due_on, closed_on, outcome, declined_on, declined_by, version, created_at,
                    updated_at)
                VALUES (:id, :committeeId, :communityId, :gridId, :leadNo, :foundOn, :sourceCode,
                    :disputeTypeCode, :summary, :peopleCount, :amount, :risk, :criminalRisk, :groupRisk,
                    :verifiedOn, :verificationResult, :duplicateOfId, :transferredTo, :acceptedOn, :caseYear,
                    :caseSeq, :caseText, :dueOn, :closedOn, :outcome, :declinedOn, :declinedBy, :version, :createdAt,
                    :updatedAt)"""), lead, createdAt, updatedAt).execute();
        LeadChanges.changed(handle, lead.id());
    }

    @Override
    public void insertLeadsAsIs(List<LeadAsSent> leads) {
        if (leads.isEmpty()) {
            return;
        }
        java.sql.Connection connection = handle.getConnection();
        List<Lead> rows = leads.stream().map(LeadAsSent::lead).toList();
        List<cn.mediationdesk.model.Extension> extensions = leads.stream().flatMap(l -> l.extensions().stream()).toList();
        List<cn.mediationdesk.model.RiskAssessment> assessments = leads.stream()
                .flatMap(l -> l.riskAssessments().stream()).toList();
        // Tally facts from the parts in hand, written with the row: no TallyFacts.refresh UPDATE after it.
        LeadBatches.leadsAsSent(connection, leads, LeadBatches.tallyFacts(rows, extensions, assessments));
        LeadBatches.parties(connection, leads.stream().flatMap(l -> l.parties().stream()).toList());
        LeadBatches.agreements(connection, leads.stream().map(LeadAsSent::agreement)
                .filter(java.util.Objects::nonNull).toList());
        LeadBatches.extensions(connection, extensions);
        LeadBatches.transitions(connection, leads.stream().flatMap(l -> l.transitions().stream()).toList());
        LeadBatches.riskAssessments(connection, assessments);
        // the text index and the kept counts learn of them as of any lead written (at the commit when held)
        LeadChanges.changed(handle, rows.stream().map(Lead::id).toList());
    }

    @Override
    public void overwriteLead(Lead lead, Instant createdAt, Instant updatedAt) {
        bindLead(handle.createUpdate("""
                UPDATE lead SET committee_id = :committeeId, community_id = :communityId, grid_id = :gridId,
                    lead_no = :leadNo, found_on = :foundOn, source_code = :sourceCode,
                    dispute_type_code = :disputeTypeCode, summary = :summary, people_count = :peopleCount,
                    amount = :amount, risk_code = :risk, criminal_risk = :criminalRisk, group_risk = :groupRisk,
                    verified_on = :verifiedOn, verification_result = :verificationResult,
                    duplicate_of_id = :duplicateOfId, transferred_to = :transferredTo, accepted_on = :acceptedOn,
                    case_year = :caseYear, case_seq = :caseSeq, case_number = :caseText, due_on = :dueOn,
                    closed_on = :closedOn, outcome = :outcome, declined_on = :declinedOn, declined_by = :declinedBy,
                    version = :version, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), lead, createdAt, updatedAt).execute();
        LeadChanges.changed(handle, lead.id());
    }

    private static Update bindLead(Update update, Lead l, Instant createdAt, Instant updatedAt) {
        CaseNumber number = l.caseNumber();
        return update.bind("id", l.id()).bind("committeeId", l.committeeId()).bind("communityId", l.communityId())
                .bindByType("gridId", l.gridId(), Long.class).bind("leadNo", l.leadNo()).bind("foundOn", l.foundOn())
                .bind("sourceCode", l.sourceCode()).bind("disputeTypeCode", l.disputeTypeCode())
                .bind("summary", l.summary()).bindByType("peopleCount", l.peopleCount(), Integer.class)
                .bindByType("amount", l.amount(), java.math.BigDecimal.class).bind("risk", l.risk().name())
                .bind("criminalRisk", l.criminalRisk()).bind("groupRisk", l.groupRisk())
                .bindByType("verifiedOn", l.verifiedOn(), LocalDate.class)
                .bind("verificationResult", l.verificationResult() == null ? null : l.verificationResult().name())
                .bindByType("duplicateOfId", l.duplicateOfId(), UUID.class).bind("transferredTo", l.transferredTo())
                .bindByType("acceptedOn", l.acceptedOn(), LocalDate.class)
                .bindByType("caseYear", number == null ? null : number.year(), Integer.class)
                .bindByType("caseSeq", number == null ? null : number.sequence(), Integer.class)
                .bind("caseText", number == null ? null : number.text())
                .bindByType("dueOn", l.dueOn(), LocalDate.class).bindByType("closedOn", l.closedOn(), LocalDate.class)
                .bind("outcome", l.outcome() == null ? null : l.outcome().name())
                .bindByType("declinedOn", l.declinedOn(), LocalDate.class).bind("declinedBy", l.declinedBy())
                .bind("version", l.version()).bind("createdAt", LeadDao.at(createdAt))
                .bind("updatedAt", LeadDao.at(updatedAt));
    }

    @Override
    public void deleteLeadParts(UUID leadId) {
        for (String table : List.of("verification_step", "lead_mediator", "mediation_session", "agreement", "extension",
                "follow_up", "judicial_confirmation", "lead_transition")) {
            // the table names are the fixed list above, never input
            handle.createUpdate("DELETE FROM " + table + " WHERE lead_id = :id").bind("id", leadId).execute();
        }
    }

    @Override
    public Optional<UUID> leadWithCaseNumber(long committeeId, int caseYear, int caseSeq) {
        return handle.createQuery("SELECT id FROM lead WHERE committee_id = :c AND case_year = :y AND case_seq = :s")
                .bind("c", committeeId).bind("y", caseYear).bind("s", caseSeq).map((rs, ctx) -> uuid(rs, "id")).findOne();
    }

    @Override
    public Optional<UUID> leadWithLeadNo(long committeeId, String leadNo) {
        return handle.createQuery("SELECT id FROM lead WHERE committee_id = :c AND lead_no = :n")
                .bind("c", committeeId).bind("n", leadNo).map((rs, ctx) -> uuid(rs, "id")).findOne();
    }

    @Override
    public void raiseCaseCounter(long committeeId, int year, int number) {
        int raised = handle.createUpdate("""
                        UPDATE case_number_counter SET last_number = :n
                        WHERE committee_id = :c AND case_year = :y AND last_number < :n""")
                .bind("c", committeeId).bind("y", year).bind("n", number).execute();
        if (raised == 0 && handle.createQuery(
                        "SELECT COUNT(*) FROM case_number_counter WHERE committee_id = :c AND case_year = :y")
                .bind("c", committeeId).bind("y", year).mapTo(Integer.class).one() == 0) {
            handle.createUpdate("INSERT INTO case_number_counter (committee_id, case_year, last_number) VALUES (:c, :y, :n)")
                    .bind("c", committeeId).bind("y", year).bind("n", number).execute();
        }
    }

    // ---- received audit history ----

    @Override
    public boolean insertReceivedAudit(ReceivedAudit e) {
        boolean present = handle.createQuery("""
                        SELECT COUNT(*) FROM received_audit_entry
                        WHERE origin_installation_id = :origin AND origin_chain_id = :chain AND origin_seq = :seq""")
                .bind("origin", e.originInstallationId()).bind("chain", e.originChainId()).bind("seq", e.originSeq())
                .mapTo(Integer.class).one() > 0;
        if (present) {
            return false;
        }
        handle.createUpdate("""
                        INSERT INTO received_audit_entry (origin_installation_id, origin_chain_id, origin_seq,
                            recorded_at, actor, action, entity, entity_id, lead_id, committee_id, changes, state_digest,
                            hash, package_digest, received_at)
                        VALUES (:origin, :chain, :seq, :at, :actor, :action, :entity, :entityId, :leadId, :committeeId,
                            :changes, :stateDigest, :hash, :package, :receivedAt)""")
                .bind("origin", e.originInstallationId()).bind("chain", e.originChainId()).bind("seq", e.originSeq())
                .bind("at", LeadDao.at(e.recordedAt())).bind("actor", e.actor()).bind("action", e.action())
                .bind("entity", e.entity()).bind("entityId", e.entityId())
                .bindByType("leadId", e.leadId(), UUID.class).bindByType("committeeId", e.committeeId(), Long.class)
                .bind("changes", e.changes()).bind("stateDigest", e.stateDigest()).bind("hash", e.hash())
                .bind("package", e.packageDigest()).bind("receivedAt", LeadDao.at(e.receivedAt()))
                .execute();
        return true;
    }

    @Override
    public Map<UUID, List<ReceivedAudit>> receivedAuditByLead(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(handle.createQuery(RECEIVED_AUDIT
                        + " WHERE lead_id IN (<leadIds>) ORDER BY lead_id, recorded_at, origin_seq,"
                        + " origin_installation_id, origin_chain_id")
                .bindList("leadIds", leadIds)
                .map((rs, ctx) -> {
                    long committee = rs.getLong("committee_id");
                    Long committeeId = rs.wasNull() ? null : committee;
                    return new ReceivedAudit(uuid(rs, "origin_installation_id"), uuid(rs, "origin_chain_id"),
                            rs.getLong("origin_seq"), instant(rs, "recorded_at"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                            uuid(rs, "lead_id"), committeeId, rs.getString("changes"), rs.getString("state_digest"),
                            rs.getString("hash"), rs.getString("package_digest"), instant(rs, "received_at"));
                })
                .list(), ReceivedAudit::leadId);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
