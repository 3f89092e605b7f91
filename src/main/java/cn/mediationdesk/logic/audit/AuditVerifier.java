package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.logic.store.AuditRepository;
import cn.mediationdesk.logic.store.AuditRepository.Chain;
import cn.mediationdesk.logic.store.AuditRepository.LeadStamp;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks the audit trail: (a) every entry's hash against its content and the entry before, and no
 * seq missing; (b) every seal made under a key this PC holds; (c) the newest entry against the head
 * kept in the database and the one kept outside it; (d) every lead, user and organization record
 * the trail has recorded against the state digest of its latest entry, and leads and users added
 * since the trail began without an entry.
 */
public final class AuditVerifier {
    private static final int PAGE = 1000;

    private final AuditSeal seal;

    public AuditVerifier(AuditSeal seal) {
        this.seal = seal;
    }

    public AuditVerification verify(Store store) {
        return store.read(this::verify);
    }

    public AuditVerification verify(Tx tx) {
        return verify(tx, tx.audit().chain().flatMap(c -> seal.head(c.chainId())));
    }

    /**
     * Checks the trail against a given head instead of this PC's: a backup is checked against the
     * head written into it, since this PC's head has moved on since.
     */
    public AuditVerification verify(Store store, Optional<AuditHead> expectedHead) {
        return store.read(tx -> verify(tx, expectedHead.filter(
                h -> tx.audit().chain().map(c -> c.chainId().equals(h.chainId())).orElse(false))));
    }

    private AuditVerification verify(Tx tx, Optional<AuditHead> head) {
        AuditRepository audit = tx.audit();
        Optional<Chain> chain = audit.chain();
        Map<String, AuditSeal.Key> keys = seal.knownKeys();
        Walk walk = new Walk(keys, head.map(AuditHead::seq).orElse(-1L));
        List<AuditRecord> page;
        long after = 0;
        do {
            page = audit.page(after, PAGE);
            for (AuditRecord entry : page) {
                walk.step(entry);
            }
            after = page.isEmpty() ? after : page.getLast().seq();
        } while (page.size() == PAGE);
        walk.finish();

        List<AuditFinding> problems = new ArrayList<>(walk.problems);
        problems.sort(Comparator.comparing(AuditFinding::seq));
        List<AuditFinding> notes = new ArrayList<>(walk.notes());
        chain.ifPresent(c -> checkHeads(c, head, walk, keys, problems, notes));
        Instant startedAt = chain.map(Chain::startedAt).orElse(null);
        checkLeads(tx, walk.latest, startedAt, problems);
        checkUsers(tx, walk.latest, startedAt, problems);
        checkOrganization(tx, walk.latest, problems);
        return new AuditVerification(walk.count, problems, notes);
    }

    private static void checkHeads(Chain chain, Optional<AuditHead> head, Walk walk, Map<String, AuditSeal.Key> keys,
                                   List<AuditFinding> problems, List<AuditFinding> notes) {
        long missingTo = Math.max(chain.lastSeq(), head.map(AuditHead::seq).orElse(0L));
        if (missingTo > walk.lastSeq) {
            problems.add(AuditFinding.of(walk.lastSeq + 1, "audit.problem.missing", walk.lastSeq + 1, missingTo));
        } else if (chain.lastSeq() != walk.lastSeq || !Digests.same(chain.lastHash(), walk.lastHash)) {
            problems.add(AuditFinding.of(chain.lastSeq(), "audit.problem.chainRow", walk.lastSeq));
        }
        if (head.isEmpty()) {
            if (walk.count > 0) {
                notes.add(AuditFinding.of(null, "audit.note.noHead"));
            }
            return;
        }
        AuditHead h = head.get();
        AuditSeal.Key key = keys.get(h.keyId());
        if (key != null && !Digests.same(key.mac(h.sealedText()), h.mac())) {
            problems.add(AuditFinding.of(h.seq(), "audit.problem.headSeal", h.seq()));
        } else if (walk.hashAtHead != null && !Digests.same(walk.hashAtHead, h.hash())) {
            problems.add(AuditFinding.of(h.seq(), "audit.problem.head", h.seq()));
        }
    }

    private static void checkLeads(Tx tx, Map<String, Latest> latest, Instant startedAt, List<AuditFinding> problems) {
        Map<String, LeadStamp> leads = new LinkedHashMap<>();
        for (LeadStamp stamp : tx.audit().leadStamps()) {
            leads.put(stamp.id().toString(), stamp);
        }
        for (LeadStamp stamp : leads.values()) {
            String label = stamp.caseNumber() != null ? stamp.caseNumber()
                    : stamp.leadNo() != null ? stamp.leadNo() : stamp.id().toString();
            Latest last = latest.get(key(AuditTrail.LEAD, stamp.id().toString()));
            if (last == null) {
                if (startedAt != null && stamp.createdAt().isAfter(startedAt)) {
                    problems.add(AuditFinding.of(null, "audit.problem.leadAdded", label));
                }
            } else if (!Digests.same(last.digest, LeadSnapshot.read(tx, stamp.id()).digest())) {
                problems.add(AuditFinding.of(last.seq, "audit.problem.leadChanged", label, last.seq));
            }
        }
        for (var entry : latest.entrySet()) {
            String id = entry.getKey().substring(AuditTrail.LEAD.length() + 1);
            if (entry.getKey().startsWith(AuditTrail.LEAD + "|") && !leads.containsKey(id)
                    && !entry.getValue().digest.equals(AuditStates.ABSENT_DIGEST)) {
                problems.add(AuditFinding.of(entry.getValue().seq, "audit.problem.leadDeleted", id, entry.getValue().seq));
            }
        }
    }

    private static void checkUsers(Tx tx, Map<String, Latest> latest, Instant startedAt, List<AuditFinding> problems) {
        Map<String, User> users = new LinkedHashMap<>();
        for (User user : tx.users().all()) {
            users.put(String.valueOf(user.id()), user);
        }
        for (User user : users.values()) {
            Latest last = latest.get(key(AuditTrail.USER, String.valueOf(user.id())));
            if (last == null) {
                if (startedAt != null && user.createdAt() != null && user.createdAt().isAfter(startedAt)) {
                    problems.add(AuditFinding.of(null, "audit.problem.userAdded", user.username()));
                }
            } else if (!Digests.same(last.digest, AuditStates.digest(AuditStates.user(tx, user)))) {
                problems.add(AuditFinding.of(last.seq, "audit.problem.userChanged", user.username(), last.seq));
            }
        }
        forEachRecorded(latest, AuditTrail.USER, (id, last) -> {
            if (!users.containsKey(id) && !last.digest.equals(AuditStates.ABSENT_DIGEST)) {
                problems.add(AuditFinding.of(last.seq, "audit.problem.userDeleted", id, last.seq));
            }
        });
    }

    /** Organization records and settings have no creation time: only those the trail recorded are checked. */
    private static void checkOrganization(Tx tx, Map<String, Latest> latest, List<AuditFinding> problems) {
        var organization = tx.organization();
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        names.put(AuditTrail.COMMITTEE, index(organization.committees(), c -> String.valueOf(c.id()), Committee::name));
        names.put(AuditTrail.COMMUNITY, index(organization.communities(), c -> String.valueOf(c.id()), Community::name));
        names.put(AuditTrail.GRID, index(organization.grids(), g -> String.valueOf(g.id()), Grid::name));
        names.put(AuditTrail.PERSON, index(organization.people(), p -> String.valueOf(p.id()), Person::name));
        names.put(AuditTrail.SETTING, Map.of());
        for (var kind : names.entrySet()) {
            String entity = kind.getKey();
            AuditFinding.Term term = new AuditFinding.Term(switch (entity) {
                case AuditTrail.COMMITTEE -> "audit.entity.committee";
                case AuditTrail.COMMUNITY -> "audit.entity.community";
                case AuditTrail.GRID -> "audit.entity.grid";
                case AuditTrail.PERSON -> "audit.entity.person";
                default -> "audit.entity.setting";
            });
            forEachRecorded(latest, entity, (id, last) -> {
                Map<String, String> state = AuditStates.read(tx, entity, id);
                if (!Digests.same(last.digest, AuditStates.digest(state))) {
                    String label = kind.getValue().getOrDefault(id, id);
                    String problem = state.isEmpty() ? "audit.problem.recordDeleted" : "audit.problem.recordChanged";
                    problems.add(AuditFinding.of(last.seq, problem, term, label, last.seq));
                }
            });
        }
    }

    private static <T> Map<String, String> index(List<T> items, Function<T, String> id, Function<T, String> name) {
        Map<String, String> names = new LinkedHashMap<>();
        items.forEach(item -> names.put(id.apply(item), name.apply(item)));
        return names;
    }

    private static void forEachRecorded(Map<String, Latest> latest, String entity,
                                        java.util.function.BiConsumer<String, Latest> action) {
        String prefix = entity + "|";
        latest.forEach((key, last) -> {
            if (key.startsWith(prefix)) {
                action.accept(key.substring(prefix.length()), last);
            }
        });
    }

    private static String key(String entity, String entityId) {
        return entity + "|" + entityId;
    }

    /** The latest entry that recorded a record's state. */
    private record Latest(long seq, String digest) {
    }

    /** One pass over the entries in seq order. */
    private static final class Walk {
        final Map<String, AuditSeal.Key> keys;
        final long headSeq;
        final List<AuditFinding> problems = new ArrayList<>();
        final Map<String, Latest> latest = new LinkedHashMap<>();
        /** Per key this PC does not hold: first seq, last seq, count. */
        final Map<String, long[]> foreign = new LinkedHashMap<>();
        long count;
        long lastSeq;
        String lastHash = Digests.ZERO_HASH;
        String hashAtHead;
        long sealBrokenFrom = -1;
        long sealBrokenTo = -1;

        Walk(Map<String, AuditSeal.Key> keys, long headSeq) {
            this.keys = keys;
            this.headSeq = headSeq;
        }

        void step(AuditRecord e) {
            count++;
            if (e.seq() != lastSeq + 1) {
                problems.add(AuditFinding.of(lastSeq + 1, "audit.problem.removed", lastSeq + 1, e.seq() - 1));
            }
            if (!Digests.same(AuditChain.hash(lastHash, e), e.hash())) {
                problems.add(AuditFinding.of(e.seq(), "audit.problem.altered", e.seq()));
            }
            AuditSeal.Key key = keys.get(e.keyId());
            if (key == null) {
                long[] range = foreign.computeIfAbsent(String.valueOf(e.keyId()), k -> new long[] {e.seq(), 0, 0});
                range[1] = e.seq();
                range[2]++;
            } else if (!Digests.same(key.mac(String.valueOf(e.hash())), e.mac())) {
                if (sealBrokenFrom < 0) {
                    sealBrokenFrom = e.seq();
                }
                sealBrokenTo = e.seq();
            } else {
                flushSeal();
            }
            // Go on from the stored hash, so that one altered entry is named once, not with all after it.
            lastSeq = e.seq();
            lastHash = e.hash();
            if (e.seq() == headSeq) {
                hashAtHead = e.hash();
            }
            if (e.stateDigest() != null && e.entityId() != null) {
                latest.put(key(e.entity(), e.entityId()), new Latest(e.seq(), e.stateDigest()));
            }
        }

        void finish() {
            flushSeal();
        }

        private void flushSeal() {
            if (sealBrokenFrom < 0) {
                return;
            }
            problems.add(sealBrokenFrom == sealBrokenTo
                    ? AuditFinding.of(sealBrokenFrom, "audit.problem.seal", sealBrokenFrom)
                    : AuditFinding.of(sealBrokenFrom, "audit.problem.sealRange", sealBrokenFrom, sealBrokenTo));
            sealBrokenFrom = -1;
        }

        List<AuditFinding> notes() {
            List<AuditFinding> notes = new ArrayList<>();
            foreign.forEach((keyId, range) -> notes.add(
                    AuditFinding.of(range[0], "audit.note.otherKey", range[0], range[1], range[2], keyId)));
            return notes;
        }
    }
}
