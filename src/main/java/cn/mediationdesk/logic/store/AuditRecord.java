package cn.mediationdesk.logic.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit trail exactly as stored: {@code changes} is the canonical JSON text the
 * hash was computed over, so that the verifier recomputes it from what is really there.
 *
 * @param at          truncated to milliseconds
 * @param stateDigest null for an event
 * @param hash        null (with {@code mac}) until the entry is sealed
 */
public record AuditRecord(long seq, Instant at, String actor, String action, String entity, String entityId,
                          UUID leadId, Long committeeId, String changes, String stateDigest, String keyId,
                          String hash, String mac) {

    public AuditRecord sealed(String hash, String mac) {
        return new AuditRecord(seq, at, actor, action, entity, entityId, leadId, committeeId, changes, stateDigest,
                keyId, hash, mac);
    }
}
