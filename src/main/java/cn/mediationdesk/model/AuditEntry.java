package cn.mediationdesk.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the audit trail: who did what to which record, when, and what changed.
 *
 * @param seq         1, 2, 3 … in the order the entries were appended
 * @param actor       the username, or a fixed name such as {@code setup} where there are no accounts yet
 * @param action      what was done, e.g. {@code lead.register}, {@code user.add}, {@code import}
 * @param entity      the kind of record, e.g. {@code LEAD}, {@code USER}, {@code COMMITTEE}
 * @param stateDigest SHA-256 of the record's state after the change; null for an event
 * @param keyId       which PC's key sealed the entry
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String entity, String entityId,
                         UUID leadId, Long committeeId, List<AuditChange> changes, String stateDigest,
                         String keyId) {
    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
