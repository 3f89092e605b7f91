package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.model.AuditChange;
import cn.mediationdesk.model.AuditEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain rule, in one place for the writer and the verifier: {@code hash_n = SHA-256(hash_n-1 ||
 * canonical(entry_n))} over the previous hash's 64 hex digits and the entry's canonical JSON (all
 * stored fields but the hash and the seal, keys sorted), with {@code hash_0} 64 zeros.
 */
final class AuditChain {
    private AuditChain() {
    }

    static String canonical(AuditRecord e) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("seq", e.seq());
        fields.put("at", e.at().toString());
        fields.put("actor", e.actor());
        fields.put("action", e.action());
        fields.put("entity", e.entity());
        fields.put("entityId", e.entityId());
        fields.put("leadId", e.leadId() == null ? null : e.leadId().toString());
        fields.put("committeeId", e.committeeId());
        fields.put("changes", e.changes());
        fields.put("stateDigest", e.stateDigest());
        fields.put("keyId", e.keyId());
        return CanonicalJson.write(fields);
    }

    static String hash(String previousHash, AuditRecord e) {
        return Digests.sha256(previousHash + canonical(e));
    }

    static String changesJson(List<AuditChange> changes) {
        List<Object> list = new ArrayList<>();
        for (AuditChange change : changes) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", change.field());
            item.put("old", change.oldValue());
            item.put("new", change.newValue());
            list.add(item);
        }
        return CanonicalJson.write(list);
    }

    /** The changes of a stored entry; text that is not the trail's JSON (a damaged entry) is shown as it is. */
    static List<AuditChange> parseChanges(String json) {
        try {
            List<AuditChange> changes = new ArrayList<>();
            for (Object item : (List<?>) CanonicalJson.parse(json)) {
                Map<?, ?> map = (Map<?, ?>) item;
                changes.add(new AuditChange((String) map.get("field"), (String) map.get("old"), (String) map.get("new")));
            }
            return changes;
        } catch (RuntimeException e) {
            return List.of(new AuditChange("", null, json));
        }
    }

    static AuditEntry entry(AuditRecord e) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.entity(), e.entityId(), e.leadId(),
                e.committeeId(), parseChanges(e.changes()), e.stateDigest(), e.keyId());
    }
}
