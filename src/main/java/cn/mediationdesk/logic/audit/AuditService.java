package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit trail as a supervisor reads it (DESIGN §9): an administrator reads every entry, a
 * committee director the entries of their own committee; mediators and viewers none. Verifying
 * the chain is for both, since it names entries and leads but shows nothing of them.
 */
public final class AuditService {
    /** The most entries one listing returns; a narrower filter finds older ones. */
    public static final int MAX_ENTRIES = 1000;

    private final Store store;
    private final Clock clock;
    private final User actor;

    public AuditService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    /** Whether the actor may read the trail at all; for screens deciding what to offer. */
    public static boolean readsTheTrail(User user) {
        return user != null && (user.role() == Role.ADMIN || user.role() == Role.DIRECTOR);
    }

    /**
     * Entries with the number each of their leads is known by (case number, else lead number, else
     * the day it was found), so that a screen names leads as people do.
     */
    public record Listing(List<AuditEntry> entries, Map<UUID, String> leadNumbers, Map<String, String> usernames) {
        public Listing {
            entries = List.copyOf(entries);
            leadNumbers = Map.copyOf(leadNumbers);
            usernames = Map.copyOf(usernames);
        }

        /** The username of the account an entry names, else its id. */
        public String username(String userId) {
            return usernames.getOrDefault(userId, userId);
        }

        public String leadNumber(UUID leadId) {
            return leadId == null ? "" : leadNumbers.getOrDefault(leadId, leadId.toString());
        }
    }

    /** The entries {@code filter} selects, newest first; a director's are narrowed to their committee. */
    public Listing entries(AuditFilter filter) {
        return store.read(tx -> {
            Long committeeId = scope(tx, filter.committeeId());
            List<AuditEntry> entries = trail().entries(tx, new AuditFilter(blankToNull(filter.actor()),
                    filter.leadId(), committeeId, filter.from(), filter.to(), Math.min(filter.limit(), MAX_ENTRIES)));
            return new Listing(entries, numbers(tx, entries), usernames(tx, entries));
        });
    }

    /** A lead's whole history on the trail, oldest first, for an administrator or its committee's director. */
    public Listing history(UUID leadId) {
        return store.read(tx -> {
            Lead lead = tx.leads().find(leadId)
                    .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
            scope(tx, lead.committeeId());
            List<AuditEntry> entries = trail().history(tx, leadId);
            return new Listing(entries, numbers(tx, entries), usernames(tx, entries));
        });
    }

    /** The accounts the entries name, by id, so that a screen shows who was changed rather than a number. */
    private static Map<String, String> usernames(Tx tx, List<AuditEntry> entries) {
        Map<String, String> names = new HashMap<>();
        for (AuditEntry entry : entries) {
            if (AuditTrail.USER.equals(entry.entity()) && entry.entityId() != null && !names.containsKey(entry.entityId())) {
                tx.users().find(Long.parseLong(entry.entityId()))
                        .ifPresent(user -> names.put(entry.entityId(), user.username()));
            }
        }
        return names;
    }

    private static Map<UUID, String> numbers(Tx tx, List<AuditEntry> entries) {
        Map<UUID, String> numbers = new HashMap<>();
        for (AuditEntry entry : entries) {
            UUID id = entry.leadId();
            if (id != null && !numbers.containsKey(id)) {
                tx.leads().find(id).ifPresent(lead -> numbers.put(id, lead.caseNumber() != null
                        ? lead.caseNumber().text() : lead.leadNo() != null ? lead.leadNo() : lead.foundOn().toString()));
            }
        }
        return numbers;
    }

    /**
     * The lead a case number or lead number names, among those the actor's trail covers.
     *
     * @throws ValidationException when no lead has that number
     */
    public Optional<UUID> leadNumbered(String number) {
        String wanted = number == null ? "" : number.strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return store.read(tx -> {
            Optional<Long> own = ownCommittee(tx);
            List<Lead> found = tx.leads().findByNumber(wanted).stream()
                    .filter(l -> own.isEmpty() || own.get() == l.committeeId()).toList();
            if (found.isEmpty()) {
                throw new ValidationException(Problem.of(Field.LEAD, "documents.notFound", wanted));
            }
            return Optional.of(found.getFirst().id());
        });
    }

    /** Checks the chain, its seals and head, and every audited record against its last entry. */
    public AuditVerification verify() {
        return store.read(tx -> {
            ownCommittee(tx);
            return new AuditVerifier(AuditSeal.inSettingsFolder()).verify(tx);
        });
    }

    private AuditTrail trail() {
        return AuditTrail.onThisPc(clock);
    }

    /** Empty for an administrator, the committee of a director; a refusal for anyone else. */
    private Optional<Long> ownCommittee(Tx tx) {
        User current = Access.current(tx, actor);
        return switch (current.role()) {
            case ADMIN -> Optional.empty();
            case DIRECTOR -> Optional.of(current.committeeId());
            case MEDIATOR, VIEWER -> throw Access.denied("permission.auditSupervisorsOnly");
        };
    }

    private Long scope(Tx tx, Long requestedCommitteeId) {
        Optional<Long> own = ownCommittee(tx);
        if (own.isEmpty()) {
            return requestedCommitteeId;
        }
        if (requestedCommitteeId != null && !requestedCommitteeId.equals(own.get())) {
            throw Access.denied("permission.otherCommittee");
        }
        return own.get();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
