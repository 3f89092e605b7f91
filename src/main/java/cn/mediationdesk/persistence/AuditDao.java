package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.logic.store.AuditRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The audit trail's tables. The filter query is built from fixed fragments; values are always bound. */
final class AuditDao implements AuditRepository {
    private static final String COLUMNS = "seq, recorded_at, actor, action, entity, entity_id, lead_id, committee_id, "
            + "changes, state_digest, key_id, hash, mac";
    private static final String CHAIN = "SELECT chain_id, last_seq, last_hash, started_at FROM audit_chain WHERE id = 1";

    private final Handle handle;

    AuditDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Chain> chain() {
        return handle.createQuery(CHAIN).map((rs, ctx) -> chain(rs)).findOne();
    }

    @Override
    public Optional<Chain> lockChain() {
        return handle.createQuery(CHAIN + " FOR UPDATE").map((rs, ctx) -> chain(rs)).findOne();
    }

    private static Chain chain(ResultSet rs) throws SQLException {
        return new Chain(rs.getObject("chain_id", UUID.class), rs.getLong("last_seq"), rs.getString("last_hash"),
                instant(rs, "started_at"));
    }

    @Override
    public void startChain(UUID chainId, String firstHash, Instant startedAt) {
        handle.createUpdate("""
                        INSERT INTO audit_chain (id, chain_id, last_seq, last_hash, started_at)
                        VALUES (1, :chainId, 0, :hash, :startedAt)""")
                .bind("chainId", chainId).bind("hash", firstHash).bind("startedAt", LeadDao.at(startedAt))
                .execute();
    }

    @Override
    public void advanceChain(long lastSeq, String lastHash) {
        handle.createUpdate("UPDATE audit_chain SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .bind("seq", lastSeq).bind("hash", lastHash).execute();
    }

    @Override
    public void insertAll(List<AuditRecord> entries) {
        if (entries.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = handle.prepareBatch("INSERT INTO audit_entry (" + COLUMNS
                + ") VALUES (:seq, :at, :actor, :action, :entity, :entityId, :leadId, :committeeId, :changes, "
                + ":stateDigest, :keyId, :hash, :mac)");
        int pending = 0;
        for (AuditRecord e : entries) {
            batch.bind("seq", e.seq()).bind("at", LeadDao.at(e.at())).bind("actor", e.actor())
                    .bind("action", e.action()).bind("entity", e.entity()).bind("entityId", e.entityId())
                    .bindByType("leadId", e.leadId(), UUID.class).bindByType("committeeId", e.committeeId(), Long.class)
                    .bind("changes", e.changes()).bind("stateDigest", e.stateDigest()).bind("keyId", e.keyId())
                    .bind("hash", e.hash()).bind("mac", e.mac())
                    .add();
            if (++pending == 1000) {
                batch.execute();
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
    }

    @Override
    public void insert(AuditRecord e) {
        handle.createUpdate("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (:seq, :at, :actor, :action, :entity, "
                        + ":entityId, :leadId, :committeeId, :changes, :stateDigest, :keyId, :hash, :mac)")
                .bind("seq", e.seq()).bind("at", LeadDao.at(e.at())).bind("actor", e.actor())
                .bind("action", e.action()).bind("entity", e.entity()).bind("entityId", e.entityId())
                .bindByType("leadId", e.leadId(), UUID.class).bindByType("committeeId", e.committeeId(), Long.class)
                .bind("changes", e.changes()).bind("stateDigest", e.stateDigest()).bind("keyId", e.keyId())
                .bind("hash", e.hash()).bind("mac", e.mac())
                .execute();
    }

    @Override
    public List<AuditRecord> page(long afterSeq, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> record(rs)).list();
    }

    @Override
    public List<AuditRecord> find(String actor, UUID leadId, Long committeeId, Instant from, Instant to, int limit) {
        List<String> conditions = new ArrayList<>();
        if (actor != null) {
            conditions.add("actor = :actor");
        }
        if (leadId != null) {
            conditions.add("lead_id = :leadId");
        }
        if (committeeId != null) {
            conditions.add("committee_id = :committeeId");
        }
        if (from != null) {
            conditions.add("recorded_at >= :from");
        }
        if (to != null) {
            conditions.add("recorded_at < :to");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Query query = handle.createQuery("SELECT " + COLUMNS + " FROM audit_entry" + where
                + " ORDER BY seq DESC LIMIT :limit").bind("limit", limit);
        if (actor != null) {
            query.bind("actor", actor);
        }
        if (leadId != null) {
            query.bind("leadId", leadId);
        }
        if (committeeId != null) {
            query.bind("committeeId", committeeId.longValue());
        }
        if (from != null) {
            query.bind("from", LeadDao.at(from));
        }
        if (to != null) {
            query.bind("to", LeadDao.at(to));
        }
        return query.map((rs, ctx) -> record(rs)).list();
    }

    @Override
    public Map<UUID, List<AuditRecord>> ofLeads(Collection<UUID> leadIds) {
        return ByLead.none(leadIds) ? Map.of() : ByLead.lists(handle.createQuery("SELECT " + COLUMNS
                        + " FROM audit_entry WHERE lead_id IN (<leadIds>) ORDER BY lead_id, seq")
                .bindList("leadIds", leadIds).map((rs, ctx) -> record(rs)).list(), AuditRecord::leadId);
    }

    @Override
    public List<LeadStamp> leadStamps() {
        return handle.createQuery("SELECT id, created_at, case_number, lead_no FROM lead ORDER BY id")
                .map((rs, ctx) -> new LeadStamp(rs.getObject("id", UUID.class), instant(rs, "created_at"),
                        rs.getString("case_number"), rs.getString("lead_no")))
                .list();
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        long committee = rs.getLong("committee_id");
        Long committeeId = rs.wasNull() ? null : committee;
        return new AuditRecord(rs.getLong("seq"), instant(rs, "recorded_at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                rs.getObject("lead_id", UUID.class), committeeId, rs.getString("changes"),
                rs.getString("state_digest"), rs.getString("key_id"), rs.getString("hash"), rs.getString("mac"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
