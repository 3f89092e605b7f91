package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.logic.store.AuditRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.AuditChange;
import cn.mediationdesk.model.AuditEntry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * The audit trail as the services use it: every call appends inside the caller's transaction, so
 * an entry is written exactly when the change it records is. Each entry is chained to the one
 * before and sealed with this PC's key ({@link AuditSeal}); after the commit the chain's head is
 * recorded in the settings folder.
 *
 * <p>Entity kinds are the constants below. A lead is identified by its UUID; users, committees,
 * communities, grids and people by their numeric id as text; a setting by its name.
 */
public final class AuditTrail {
    public static final String LEAD = "LEAD";
    public static final String USER = "USER";
    public static final String COMMITTEE = "COMMITTEE";
    public static final String COMMUNITY = "COMMUNITY";
    public static final String GRID = "GRID";
    public static final String PERSON = "PERSON";
    public static final String SETTING = "SETTING";
    public static final String JURISDICTION = "JURISDICTION";
    /** The database as a whole: imports, restores, demo data. */
    public static final String DATABASE = "DATABASE";
    /** Every kind of record the trail names. */
    public static final List<String> ENTITIES = List.of(LEAD, USER, COMMITTEE, COMMUNITY, GRID, PERSON, SETTING,
            JURISDICTION, DATABASE);

    private final Clock clock;
    private final AuditSeal seal;
    /** The newest head of each open transaction, recorded once after its commit (not once per entry). */
    private final Map<Tx, AuditHead> pendingHeads = Collections.synchronizedMap(new WeakHashMap<>());

    /** Entries held back until {@link #appendHeld}; null for a trail that appends each at once. */
    private final List<Pending> batch;

    public AuditTrail(Clock clock, AuditSeal seal) {
        this(clock, seal, null);
    }

    private AuditTrail(Clock clock, AuditSeal seal, List<Pending> batch) {
        this.clock = clock;
        this.seal = seal;
        this.batch = batch;
    }

    /** The trail as every service of this process writes it: sealed with this PC's settings folder's key. */
    public static AuditTrail onThisPc(Clock clock) {
        return new AuditTrail(clock, AuditSeal.inSettingsFolder());
    }

    // ---- leads ----

    /** The lead and all its parts as they are now in {@code tx}; {@link LeadSnapshot#exists()} is false when absent. */
    public LeadSnapshot snapshotLead(Tx tx, UUID leadId) {
        return LeadSnapshot.read(tx, leadId);
    }

    /**
     * Records what a change did to a lead: reads its state now, compares it with {@code before} and
     * appends one entry with the changed fields and the new state's digest. Appends nothing when
     * the lead is as it was.
     *
     * @param before the {@link #snapshotLead} taken before the change; null for a new lead
     */
    public void leadChanged(Tx tx, String actor, AuditAction action, LeadSnapshot before, UUID leadId) {
        leadChanged(tx, actor, action, before, LeadSnapshot.read(tx, leadId));
    }

    /**
     * {@link #leadChanged(Tx, String, AuditAction, LeadSnapshot, UUID)} with the state after the change
     * given: for a writer that knows it exactly without reading it again (it must be what
     * {@link LeadSnapshot#read} would give, since that is what the verifier compares with).
     */
    public void leadChanged(Tx tx, String actor, AuditAction action, LeadSnapshot before, LeadSnapshot now) {
        UUID leadId = now.leadId();
        LeadSnapshot old = before == null ? LeadSnapshot.absent(leadId) : before;
        String digest = now.digest();
        if (old.digest().equals(digest)) {
            return;
        }
        Long committeeId = now.exists() ? now.committeeId() : old.committeeId();
        append(tx, actor, action.code(), LEAD, leadId.toString(), leadId, committeeId,
                AuditStates.diff(old.shownFields(), now.shownFields()), digest);
    }

    // ---- other records ----

    /**
     * The current state of a user, committee, community, grid, person or setting in the form this
     * trail records and the verifier recomputes (a user's password hash as its SHA-256, without the
     * lockout counters; a setting as {@code value}); empty when absent.
     */
    public SortedMap<String, String> snapshot(Tx tx, String entity, String entityId) {
        return AuditStates.read(tx, entity, entityId);
    }

    /** A record as a field map ({@code excluded} components left out), for kinds {@link #snapshot} cannot read. */
    public static SortedMap<String, String> fields(Record record, String... excluded) {
        return RecordFields.of(record, excluded);
    }

    /** {@link #entityChanged(Tx, String, String, String, String, Long, Map, Map)} with the state after read by the trail. */
    public void entityChanged(Tx tx, String actor, AuditAction action, String entity, String entityId, Long committeeId,
                              Map<String, String> before) {
        entityChanged(tx, actor, action, entity, entityId, committeeId, before, null);
    }

    /**
     * Records a change to a record other than a lead; appends nothing when nothing changed.
     * For the kinds {@link #snapshot} reads, pass its results: the digest recorded is always that of
     * the state the trail reads itself, since that is what the verifier will compare with later.
     *
     * @param before empty or null for a new record
     * @param after  empty for a deleted record; null to have the trail read it (readable kinds only)
     */
    public void entityChanged(Tx tx, String actor, AuditAction action, String entity, String entityId, Long committeeId,
                              Map<String, String> before, Map<String, String> after) {
        Map<String, String> old = before == null ? Map.of() : before;
        boolean readable = AuditStates.readable(entity);
        Map<String, String> current = readable ? AuditStates.read(tx, entity, entityId) : null;
        Map<String, String> now = after != null ? after : current != null ? current : Map.of();
        List<AuditChange> changes = AuditStates.diff(old, now);
        String digest = AuditStates.digest(readable ? current : now);
        if (changes.isEmpty() && AuditStates.digest(old).equals(digest)) {
            return;
        }
        append(tx, actor, action.code(), entity, entityId, null, committeeId, changes, digest);
    }

    /**
     * Records something that changes no record but must be on file: a case's full data shown, an
     * import's summary, a key displayed, a restore.
     */
    public void event(Tx tx, String actor, AuditAction action, String entity, String entityId, UUID leadId,
                      Long committeeId, String detail) {
        List<AuditChange> changes = detail == null ? List.of() : List.of(new AuditChange("detail", null, detail));
        append(tx, actor, action.code(), entity, entityId, leadId, committeeId, changes, null);
    }

    private void append(Tx tx, String actor, String action, String entity, String entityId, UUID leadId,
                        Long committeeId, List<AuditChange> changes, String stateDigest) {
        Pending entry = new Pending(actor, action, entity, entityId, leadId, committeeId,
                AuditChain.changesJson(changes), stateDigest);
        if (batch != null) {
            batch.add(entry);
            return;
        }
        write(tx, List.of(entry));
    }

    /** An entry whose content is known but which is not on the chain yet. */
    private record Pending(String actor, String action, String entity, String entityId, UUID leadId,
                           Long committeeId, String changesJson, String stateDigest) {
    }

    /**
     * A trail that holds its entries back until {@link #appendHeld}: for a long transaction (an
     * import of thousands of rows) that must not hold the chain's single row, and with it every other
     * PC's saving, for its whole length. The entries' content is worked out as the changes are made;
     * only numbering, chaining and inserting wait for the end.
     */
    public AuditTrail holdingBack() {
        return new AuditTrail(clock, seal, new ArrayList<>());
    }

    /** Appends the entries held back, under one lock of the chain: the last step before the commit. */
    public void appendHeld(Tx tx) {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        List<Pending> entries = List.copyOf(batch);
        batch.clear();
        write(tx, entries);
    }

    private void write(Tx tx, List<Pending> entries) {
        AuditRepository audit = tx.audit();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRepository.Chain chain = audit.lockChain().orElseGet(() -> {
            audit.startChain(UUID.randomUUID(), Digests.ZERO_HASH, now);
            return audit.lockChain().orElseThrow();
        });
        AuditSeal.Key key = seal.keyFor(chain.chainId());
        long seq = chain.lastSeq();
        String hash = chain.lastHash();
        List<AuditRecord> sealed = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            seq++;
            AuditRecord entry = new AuditRecord(seq, now, p.actor(), p.action(), p.entity(), p.entityId(), p.leadId(),
                    p.committeeId(), p.changesJson(), p.stateDigest(), key.id(), null, null);
            hash = AuditChain.hash(hash, entry);
            sealed.add(entry.sealed(hash, key.mac(hash)));
        }
        audit.insertAll(sealed);
        audit.advanceChain(seq, hash);
        AuditHead head = head(chain.chainId(), seq, hash, key);
        if (pendingHeads.put(tx, head) == null) {
            tx.afterCommit(() -> {
                AuditHead last = pendingHeads.remove(tx);
                if (last != null) {
                    seal.recordHead(last);
                }
            });
        }
    }

    private static AuditHead head(UUID chainId, long seq, String hash, AuditSeal.Key key) {
        AuditHead unsealed = new AuditHead(chainId, seq, hash, key.id(), null);
        return new AuditHead(chainId, seq, hash, key.id(), key.mac(unsealed.sealedText()));
    }

    /**
     * The chain's head as the database holds it now, sealed with this PC's key: what a backup stores
     * beside the database (see {@link AuditSeal#exportHead}). Empty before the first entry.
     */
    public Optional<AuditHead> head(Tx tx) {
        return tx.audit().chain().filter(chain -> chain.lastSeq() > 0)
                .map(chain -> head(chain.chainId(), chain.lastSeq(), chain.lastHash(), seal.keyFor(chain.chainId())));
    }

    // ---- reading ----

    /** The entries the filter selects, newest first. */
    public List<AuditEntry> entries(Tx tx, AuditFilter filter) {
        ZoneId zone = clock.getZone();
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return tx.audit().find(filter.actor(), filter.leadId(), filter.committeeId(), from, to, filter.limit())
                .stream().map(AuditChain::entry).toList();
    }

    /** A lead's whole history on the trail, oldest first. */
    public List<AuditEntry> history(Tx tx, UUID leadId) {
        return tx.audit().ofLead(leadId).stream().map(AuditChain::entry).toList();
    }
}
