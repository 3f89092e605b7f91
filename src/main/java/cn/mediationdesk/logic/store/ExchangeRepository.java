package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.Transition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tables of exchange packages (migration V8), and the bookkeeping of a lead that packages
 * carry and {@link LeadRepository} hides (its version and timestamps as they are). Knows no rules:
 * the package service checks them first.
 */
public interface ExchangeRepository {

    /** This installation's identity; the keys as the container stores them (Base64 encodings). */
    record Installation(UUID installationId, String signingPrivate, String signingPublic, String agreementPrivate,
                        String agreementPublic, Instant createdAt) {
        @Override
        public String toString() {
            return "Installation[" + installationId + ", ****]";
        }
    }

    /** The sender registered for a committee and how far its packages have reported. */
    record Sender(long committeeId, UUID installationId, String fingerprint, String signingPublic,
                  Instant firstSeenAt, Instant lastCreatedAt, LocalDate coversTo, Instant lastReceivedAt,
                  String lastPackageDigest) {
    }

    /** One package imported, and what it did. */
    record ReceivedPackage(String packageDigest, long committeeId, UUID senderInstallationId, String senderFingerprint,
                           Instant createdAt, LocalDate since, LocalDate coversTo, Instant receivedAt,
                           String receivedBy, int added, int updated, int unchanged, int skipped, int conflicts) {
    }

    /** What the last package that set a lead said of it. */
    record LeadExchange(UUID leadId, UUID originInstallationId, int receivedVersion, Instant receivedChangedAt,
                        String receivedDigest, String packageDigest, Instant receivedAt) {
    }

    /**
     * A lead both offices changed since they last exchanged: the package's version was kept, the
     * receiver's ({@code replacedData}, the package format's JSON) is kept here.
     */
    record Conflict(UUID id, UUID leadId, long committeeId, String label, String packageDigest,
                    UUID senderInstallationId, Instant detectedAt, int keptVersion, String keptState,
                    int replacedVersion, String replacedState, String differingFields, String replacedData,
                    Instant reviewedAt, String reviewedBy) {
        public boolean open() {
            return reviewedAt == null;
        }
    }

    /** A lead's row bookkeeping: what {@link Lead} leaves out. */
    record LeadStamp(UUID id, long committeeId, int version, Instant createdAt, Instant updatedAt) {
    }

    /** An audit entry as another office recorded it; {@code committeeId} is this database's. */
    record ReceivedAudit(UUID originInstallationId, UUID originChainId, long originSeq, Instant recordedAt,
                         String actor, String action, String entity, String entityId, UUID leadId, Long committeeId,
                         String changes, String stateDigest, String hash, String packageDigest, Instant receivedAt) {
    }

    Optional<Installation> installation();

    void insertInstallation(Installation installation);

    Optional<Sender> sender(long committeeId);

    List<Sender> senders();

    /** Inserts or replaces the committee's sender. */
    void saveSender(Sender sender);

    Optional<ReceivedPackage> receivedPackage(String packageDigest);

    void insertReceivedPackage(ReceivedPackage received);

    /** Newest first. */
    List<ReceivedPackage> receivedPackages();

    long receivedPackageCount();

    Optional<LeadExchange> leadExchange(UUID leadId);

    /** Inserts or replaces. */
    void saveLeadExchange(LeadExchange exchange);

    void insertConflict(Conflict conflict);

    /** Newest first; only those nobody has reviewed yet when {@code openOnly}. */
    List<Conflict> conflicts(boolean openOnly);

    Optional<Conflict> conflict(UUID id);

    /** Marks an open conflict reviewed; false when there is no such open conflict. */
    boolean markReviewed(UUID id, String reviewedBy, Instant at);

    /**
     * The leads of a committee for a package, by id: all of them when {@code sinceStart} is null, else those
     * found on or after {@code sinceDay}, or whose row or audit trail changed at or after {@code sinceStart}.
     */
    List<UUID> leadIds(long committeeId, LocalDate sinceDay, Instant sinceStart);

    default Optional<LeadStamp> leadStamp(UUID leadId) {
        return Optional.ofNullable(leadStampsByLead(List.of(leadId)).get(leadId));
    }

    /** {@link #leadStamp} of many leads at once, by lead id (a lead that is gone is absent). */
    Map<UUID, LeadStamp> leadStampsByLead(Collection<UUID> leadIds);

    /** When the lead's own audit trail last recorded a change to it; empty when never. */
    default Optional<Instant> lastAudited(UUID leadId) {
        return Optional.ofNullable(lastAuditedByLead(List.of(leadId)).get(leadId));
    }

    /** {@link #lastAudited} of many leads at once, by lead id (a lead never audited is absent). */
    Map<UUID, Instant> lastAuditedByLead(Collection<UUID> leadIds);

    /** Inserts a lead with its version and timestamps as given, not as a new lead would get them. */
    void insertLeadAsIs(Lead lead, Instant createdAt, Instant updatedAt);

    /**
     * A lead the receiver lacks, as the package sent it, with the parts of it that decide its tally facts
     * and text (extensions, risk assessments, parties) and the other parts of one row each or few.
     */
    record LeadAsSent(Lead lead, Instant createdAt, Instant updatedAt, List<Party> parties, Agreement agreement,
                      List<Extension> extensions, List<RiskAssessment> riskAssessments, List<Transition> transitions) {
    }

    /**
     * Inserts new leads with their version and timestamps as given, and those of their parts the record
     * holds, table by table; in the given order (a lead repeating another comes after it). The lead
     * rows carry their tally facts, computed from the parts in hand.
     */
    void insertLeadsAsIs(List<LeadAsSent> leads);

    /** Overwrites every fact of a lead, its version and timestamps included. */
    void overwriteLead(Lead lead, Instant createdAt, Instant updatedAt);

    /**
     * Removes the parts a package replaces whole: verification steps, mediators, sessions, agreement,
     * extensions, follow-ups, judicial confirmation and transitions (parties are replaced by {@link LeadRepository}).
     */
    void deleteLeadParts(UUID leadId);

    /** The lead of a committee holding a case number, if any. */
    Optional<UUID> leadWithCaseNumber(long committeeId, int caseYear, int caseSeq);

    /** The lead of a committee holding a lead number, if any. */
    Optional<UUID> leadWithLeadNo(long committeeId, String leadNo);

    /** Raises a committee's case-number counter of a year to at least {@code number}: an imported number is never issued again. */
    void raiseCaseCounter(long committeeId, int year, int number);

    /** Inserts an entry unless one with the same origin, chain and seq is there already; true when inserted. */
    boolean insertReceivedAudit(ReceivedAudit entry);

    /** The received history of one lead, oldest first. */
    default List<ReceivedAudit> receivedAudit(UUID leadId) {
        return receivedAuditByLead(List.of(leadId)).getOrDefault(leadId, List.of());
    }

    /** {@link #receivedAudit} of many leads at once, by lead id. */
    Map<UUID, List<ReceivedAudit>> receivedAuditByLead(Collection<UUID> leadIds);
}
