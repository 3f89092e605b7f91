package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.report.casefile.PersonalDataMask;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.AuditChange;
import cn.mediationdesk.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The states of the records the audit trail can read back itself (users, the organization,
 * settings), their digests, and the changes between two states as an entry shows them.
 */
final class AuditStates {
    /** The digest of the empty state: what a deletion leaves. */
    static final String ABSENT_DIGEST = digest(Map.of());
    private static final String HIDDEN = "******";

    private AuditStates() {
    }

    static String digest(Map<String, String> state) {
        return Digests.sha256(CanonicalJson.write(state));
    }

    /** Whether the trail knows how to read the current state of this kind of record. */
    static boolean readable(String entity) {
        return switch (entity) {
            case AuditTrail.USER, AuditTrail.COMMITTEE, AuditTrail.COMMUNITY, AuditTrail.GRID, AuditTrail.PERSON,
                 AuditTrail.SETTING -> true;
            default -> false;
        };
    }

    /** The current state of a readable record; empty when it does not exist (or the kind is not readable). */
    static SortedMap<String, String> read(Tx tx, String entity, String entityId) {
        if (entityId == null) {
            return new TreeMap<>();
        }
        if (entity.equals(AuditTrail.SETTING)) {
            SortedMap<String, String> setting = new TreeMap<>();
            tx.settings().get(entityId).ifPresent(value -> setting.put("value", value));
            return setting;
        }
        OrganizationRepository organization = tx.organization();
        Optional<? extends Record> record = switch (entity) {
            case AuditTrail.USER -> id(entityId).flatMap(id -> tx.users().find(id));
            case AuditTrail.COMMITTEE -> id(entityId).flatMap(id ->
                    organization.committees().stream().filter(c -> c.id() == id).findFirst());
            case AuditTrail.COMMUNITY -> id(entityId).flatMap(id ->
                    organization.communities().stream().filter(c -> c.id() == id).findFirst());
            case AuditTrail.GRID -> id(entityId).flatMap(id ->
                    organization.grids().stream().filter(c -> c.id() == id).findFirst());
            case AuditTrail.PERSON -> id(entityId).flatMap(id ->
                    organization.people().stream().filter(c -> c.id() == id).findFirst());
            default -> Optional.empty();
        };
        return record.map(r -> r instanceof User user ? user(tx, user) : RecordFields.of(r, "id"))
                .orElseGet(TreeMap::new);
    }

    /**
     * A user's state: the lockout counters are left out (every wrong password changes them), the
     * password hash is in as its SHA-256 only, so that a hash replaced behind the application's back
     * is noticed without the hash itself being copied anywhere.
     */
    static SortedMap<String, String> user(Tx tx, User user) {
        SortedMap<String, String> fields = RecordFields.of(user, "id", "failedAttempts", "lockedUntil");
        tx.users().passwordHash(user.id()).ifPresent(hash -> fields.put("passwordHash", Digests.sha256(hash)));
        return fields;
    }

    private static Optional<Long> id(String entityId) {
        try {
            return Optional.of(Long.parseLong(entityId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fields that differ, in field order, with personal numbers masked and passwords hidden. */
    static List<AuditChange> diff(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<AuditChange> changes = new ArrayList<>();
        for (String name : names) {
            String old = before.get(name);
            String now = after.get(name);
            if (!Objects.equals(old, now)) {
                changes.add(new AuditChange(name, mask(name, old), mask(name, now)));
            }
        }
        return changes;
    }

    /** The audit trail must not become another copy of the personal data it protects. */
    static String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        String name = field.substring(field.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (name.contains("password")) {
            return HIDDEN;
        }
        if (name.equals("idnumber")) {
            return PersonalDataMask.idNumber(value);
        }
        if (name.equals("phone")) {
            return PersonalDataMask.phone(value);
        }
        return value;
    }
}
