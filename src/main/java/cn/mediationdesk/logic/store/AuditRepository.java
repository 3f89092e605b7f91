package cn.mediationdesk.logic.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The audit trail's two tables. Knows no rules: the audit trail computes hashes and seals first. */
public interface AuditRepository {

    /** The one row of {@code audit_chain}: which chain this database holds and its newest entry. */
    record Chain(UUID chainId, long lastSeq, String lastHash, Instant startedAt) {
    }

    /** What the verifier needs of every lead to name it and to tell old leads from ones added behind its back. */
    record LeadStamp(UUID id, Instant createdAt, String caseNumber, String leadNo) {
    }

    Optional<Chain> chain();

    /** The chain row, locked until the transaction ends, so that appends happen one after the other. */
    Optional<Chain> lockChain();

    /** Creates the chain row with no entries yet. */
    void startChain(UUID chainId, String firstHash, Instant startedAt);

    void advanceChain(long lastSeq, String lastHash);

    void insert(AuditRecord entry);

    /** Many entries, in order, as one batch: an import's entries, appended at its end. */
    default void insertAll(java.util.List<AuditRecord> entries) {
        entries.forEach(this::insert);
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in order of seq. */
    List<AuditRecord> page(long afterSeq, int limit);

    /**
     * Entries newest first; a null filter matches everything.
     *
     * @param from inclusive
     * @param to   exclusive
     */
    List<AuditRecord> find(String actor, UUID leadId, Long committeeId, Instant from, Instant to, int limit);

    /** The entries of one lead, oldest first. */
    default List<AuditRecord> ofLead(UUID leadId) {
        return ofLeads(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    /** {@link #ofLead} of many leads at once, by lead id. */
    Map<UUID, List<AuditRecord>> ofLeads(Collection<UUID> leadIds);

    List<LeadStamp> leadStamps();
}
