package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.exchange.PackageContents.AuditRow;
import cn.mediationdesk.logic.exchange.PackageContents.CommitteeRow;
import cn.mediationdesk.logic.exchange.PackageContents.CommunityRow;
import cn.mediationdesk.logic.exchange.PackageContents.GridKey;
import cn.mediationdesk.logic.exchange.PackageContents.GridRow;
import cn.mediationdesk.logic.exchange.PackageContents.LeadEntry;
import cn.mediationdesk.logic.exchange.PackageContents.LeadRow;
import cn.mediationdesk.logic.exchange.PackageContents.PersonKey;
import cn.mediationdesk.logic.exchange.PackageContents.PersonRow;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.attachment.AttachmentContent;
import cn.mediationdesk.logic.store.CaseFileRepository;
import cn.mediationdesk.logic.store.ExchangeRepository;
import cn.mediationdesk.logic.store.ExchangeRepository.LeadExchange;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.SessionPlan;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges one opened, checked package into the receiving database, inside the caller's transaction.
 *
 * <p>The rules, for each lead of the package (a lead keeps its UUID everywhere):
 * <ol>
 *   <li>A lead the receiver lacks is <b>added</b>, exactly as sent (its case number is never re-issued;
 *       the committee's counter is raised past it so that it never will be).</li>
 *   <li>A lead whose content equals the receiver's is <b>unchanged</b>: importing a package again changes nothing.</li>
 *   <li>Otherwise the package's stamp — the lead's {@code version}, then the moment it last changed at the
 *       sender (its row or its audit trail) — is compared with the stamp of the last package that set the
 *       lead here ({@code lead_exchange}). Not newer (an older package arriving late, or the same one): the
 *       receiver's copy stays, the lead is <b>skipped</b>.</li>
 *   <li>Newer, and the receiver has not changed the lead since that package set it: the package's version
 *       <b>replaces</b> the receiver's, parts and history included.</li>
 *   <li>Newer, and the receiver changed the lead too — both sides changed it since they last exchanged: the
 *       committee's own office is the authority for its cases, so the package's version is kept, and the
 *       receiver's version is stored whole in the <b>conflict</b> list, with what differed, for a person to
 *       review.</li>
 *   <li>A lead the receiver has but never received from a package (no exchange record) is replaced when the
 *       package's stamp is newer than its own, skipped when older; on equal stamps with different content it is
 *       a conflict as above.</li>
 * </ol>
 * Organization records are matched by code (communities, committees), by name within their committee
 * (people) or community (grids), and created when missing; existing ones are never changed. Case and
 * lead numbers must stay unique per committee: a package whose lead would take a number another lead
 * holds here is refused whole, never renumbered. Received audit history goes to its own table; each
 * added or replaced lead gets one entry on this database's own trail, so the trail still accounts for
 * every lead's state.
 */
final class PackageMerge {
    /** What one lead's merge did. */
    enum Merged { ADDED, UPDATED, UNCHANGED, SKIPPED, CONFLICT }

    private final Tx tx;
    private final AuditTrail audit;
    /**
     * The leads' entries, appended together once every lead is merged (under one lock of the chain,
     * instead of one lock, insert and update per lead); in the order they were made, so the trail reads
     * as if each had been appended at once.
     */
    private final AuditTrail leadAudit;
    private final String actor;
    private final Instant now;
    private final LocalDate today;
    private final String file;
    private final String packageDigest;
    private final UUID senderInstallationId;

    private final Map<String, Community> communitiesByCode = new HashMap<>();
    private final Map<String, Committee> committeesByCode = new HashMap<>();
    private final Map<GridKey, Long> gridIds = new HashMap<>();
    private final Map<PersonKey, Long> personIds = new HashMap<>();
    private final Map<Merged, Integer> counts = new LinkedHashMap<>();
    private final List<ExchangeRepository.Conflict> conflicts = new ArrayList<>();
    private boolean committeeCreated;
    /** Reads the receiver's leads in the package's form; made once the organization is complete. */
    private LeadPacker packer;
    /** The attachments' bytes the package carries, by SHA-256, each checked against it. */
    private final Map<String, PackageContents.ContentRow> contents = new HashMap<>();
    private final Map<String, byte[]> contentBytes = new HashMap<>();
    /**
     * Leads the receiver lacks, held until a lead of another kind is written or the last is merged, then
     * written table by table in batches: a package is mostly such leads, and one statement per part and
     * lead made their writing most of an import's time.
     */
    private final Map<UUID, LeadEntry> added = new LinkedHashMap<>();

    PackageMerge(Tx tx, AuditTrail audit, String actor, Instant now, LocalDate today, String file,
                 String packageDigest, UUID senderInstallationId) {
        this.file = file;
        this.tx = tx;
        this.audit = audit;
        this.leadAudit = audit.holdingBack();
        this.actor = actor;
        this.now = now;
        this.today = today;
        this.packageDigest = packageDigest;
        this.senderInstallationId = senderInstallationId;
        for (Merged outcome : Merged.values()) {
            counts.put(outcome, 0);
        }
    }

    int count(Merged outcome) {
        return counts.get(outcome);
    }

    List<ExchangeRepository.Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    boolean committeeCreated() {
        return committeeCreated;
    }

    /** The receiver's committee the package is about, found by code then by name; empty when it has none yet. */
    static Optional<Committee> findCommittee(Tx tx, CommitteeRow row) {
        List<Committee> committees = tx.organization().committees();
        return committees.stream().filter(c -> c.code().equals(row.code())).findFirst()
                .or(() -> committees.stream().filter(c -> c.name().equals(row.name())).findFirst());
    }

    // ---- organization ----

    /** Matches (or creates) every organization record the package refers to; returns the committee. */
    Committee organization(PackageContents.Organization organization) {
        OrganizationRepository repository = tx.organization();
        List<Community> known = repository.communities();
        for (CommunityRow row : organization.communities()) {
            Community community = known.stream().filter(c -> c.code().equals(row.code())).findFirst()
                    .or(() -> known.stream().filter(c -> c.name().equals(row.name())).findFirst())
                    .orElseGet(() -> {
                        Community made = OrganizationService.createCommunity(tx, row.code(), row.name());
                        if (!row.active()) {
                            repository.updateCommunity(made.id(), made.code(), made.name(), false);
                        }
                        audit.entityChanged(tx, actor, AuditAction.PACKAGE_ORGANIZATION, AuditTrail.COMMUNITY,
                                String.valueOf(made.id()), null, Map.of());
                        return made;
                    });
            communitiesByCode.put(row.code(), community);
        }
        List<CommitteeRow> committeeRows = new ArrayList<>();
        committeeRows.add(organization.committee());
        for (PersonRow person : organization.people()) {
            // people of other committees (a mediator lent out) bring only their committee's name along: it must exist
            if (person.committeeCode() != null && !person.committeeCode().equals(organization.committee().code())
                    && committeeRows.stream().noneMatch(c -> c.code().equals(person.committeeCode()))) {
                committeeRows.add(new CommitteeRow(person.committeeCode(), null, null, null, null, true));
            }
        }
        for (CommitteeRow row : committeeRows) {
            Optional<Committee> existing = row.name() == null
                    ? tx.organization().committees().stream().filter(c -> c.code().equals(row.code())).findFirst()
                    : findCommittee(tx, row);
            Committee committee = existing.orElseGet(() -> {
                if (row.name() == null) {
                    throw new ValidationException(Problem.of(Field.COMMITTEE, "exchange.refused.unknownCommittee",
                            row.code()));
                }
                Community served = row.communityCode() == null ? null : communitiesByCode.get(row.communityCode());
                Committee made = OrganizationService.createCommittee(tx, row.code(), row.name(), row.shortName(),
                        CommitteeKind.valueOf(row.kind()), served == null ? null : served.id());
                if (!row.active()) {
                    repository.updateCommittee(made.id(), made.code(), made.name(), made.shortName(), made.kind(),
                            made.communityId(), false);
                }
                audit.entityChanged(tx, actor, AuditAction.PACKAGE_ORGANIZATION, AuditTrail.COMMITTEE,
                        String.valueOf(made.id()), made.id(), Map.of());
                committeeCreated = true;
                return made;
            });
            committeesByCode.put(row.code(), committee);
        }
        List<Person> people = new ArrayList<>(repository.people());
        for (PersonRow row : organization.people()) {
            Long committeeId = committeeId(row.committeeCode());
            Long id = people.stream().filter(p -> p.name().equals(row.name()) && Objects.equals(p.committeeId(), committeeId))
                    .map(Person::id).findFirst().orElseGet(() -> {
                        Person made = OrganizationService.createPerson(tx, row.name(), PersonRole.valueOf(row.role()),
                                committeeId, row.phone());
                        if (!row.active()) {
                            repository.updatePerson(made.id(), made.name(), made.role(), committeeId, made.phone(), false);
                        }
                        audit.entityChanged(tx, actor, AuditAction.PACKAGE_ORGANIZATION, AuditTrail.PERSON,
                                String.valueOf(made.id()), committeeId, Map.of());
                        people.add(made);
                        return made.id();
                    });
            personIds.put(row.key(), id);
        }
        List<Grid> grids = repository.grids();
        for (GridRow row : organization.grids()) {
            Community community = communitiesByCode.get(row.communityCode());
            if (community == null) {
                throw notAPackage("grid " + row.name() + " of unknown community " + row.communityCode());
            }
            Long id = grids.stream().filter(g -> g.communityId() == community.id() && g.name().equals(row.name()))
                    .map(Grid::id).findFirst().orElseGet(() -> {
                        Grid made = OrganizationService.createGrid(tx, community.id(), row.name(),
                                row.gridWorker() == null ? null : person(row.gridWorker()));
                        if (!row.active()) {
                            repository.updateGrid(made.id(), made.name(), made.gridWorkerId(), false);
                        }
                        audit.entityChanged(tx, actor, AuditAction.PACKAGE_ORGANIZATION, AuditTrail.GRID,
                                String.valueOf(made.id()), null, Map.of());
                        return made.id();
                    });
            gridIds.put(row.key(), id);
        }
        return committeesByCode.get(organization.committee().code());
    }

    private Long committeeId(String code) {
        if (code == null) {
            return null;
        }
        Committee committee = committeesByCode.get(code);
        if (committee == null) {
            throw notAPackage("person of unknown committee " + code);
        }
        return committee.id();
    }

    private long person(PersonKey key) {
        Long id = personIds.get(key);
        if (id == null) {
            throw notAPackage("unknown person " + key);
        }
        return id;
    }

    private PackageRejectedException notAPackage(String detail) {
        return new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file, detail);
    }

    // ---- attachments' bytes ----

    /**
     * Takes in the bytes the package carries, each decoded and checked against its SHA-256, before
     * anything is merged.
     *
     * @throws PackageRejectedException NOT_A_PACKAGE for bytes that are not base64 or do not match their SHA-256
     */
    void contents(List<PackageContents.ContentRow> rows) {
        for (PackageContents.ContentRow row : rows) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(row.base64());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw notAPackage("attachment bytes " + row.sha256() + " are not base64");
            }
            if (bytes.length == 0 || !AttachmentContent.sha256(bytes).equals(row.sha256())) {
                throw notAPackage("attachment bytes do not match their SHA-256 " + row.sha256());
            }
            contents.put(row.sha256(), row);
            contentBytes.put(row.sha256(), bytes);
        }
    }

    /** Stores the bytes of {@code attachment}: from the package, or already here. */
    private void storeContent(PackageContents.AttachmentRow attachment, String lead) {
        byte[] bytes = contentBytes.get(attachment.sha256());
        if (bytes != null) {
            tx.attachments().saveContent(attachment.sha256(), contents.get(attachment.sha256()).mediaType(), bytes);
            return;
        }
        byte[] held = tx.attachments().content(attachment.sha256()).orElse(null);
        if (held == null || !AttachmentContent.sha256(held).equals(attachment.sha256())) {
            throw notAPackage("attachment " + attachment.fileName() + " of lead " + lead + " arrives without its bytes");
        }
    }

    // ---- invariants the schema does not name for a person ----

    /**
     * Refuses the package when one of its leads would take a case or lead number another lead of the
     * committee holds here (numbers are never reused or renumbered), or when a lead belongs elsewhere.
     */
    void checkNumbers(Committee committee, List<LeadEntry> leads) {
        ExchangeRepository exchange = tx.exchange();
        Map<UUID, LeadRow> incoming = new HashMap<>();
        leads.forEach(l -> incoming.put(l.lead().id(), l.lead()));
        List<Problem> problems = new ArrayList<>();
        for (LeadRow lead : incoming.values()) {
            tx.leads().find(lead.id()).filter(l -> l.committeeId() != committee.id()).ifPresent(l ->
                    problems.add(Problem.of(Field.COMMITTEE, "exchange.refused.otherCommittee", label(lead))));
            if (lead.caseYear() != null) {
                exchange.leadWithCaseNumber(committee.id(), lead.caseYear(), lead.caseSeq())
                        .filter(holder -> !holder.equals(lead.id()) && !releasedByPackage(incoming, holder, lead))
                        .ifPresent(holder -> problems.add(Problem.of(Field.COMMITTEE,
                                "exchange.refused.caseNumberTaken", lead.caseNumber(), committee.name())));
            }
            if (lead.leadNo() != null) {
                exchange.leadWithLeadNo(committee.id(), lead.leadNo())
                        .filter(holder -> !holder.equals(lead.id()) && (!incoming.containsKey(holder)
                                || Objects.equals(incoming.get(holder).leadNo(), lead.leadNo())))
                        .ifPresent(holder -> problems.add(Problem.of(Field.LEAD_NO,
                                "exchange.refused.leadNoTaken", lead.leadNo(), committee.name())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Whether the package moves the holder of {@code lead}'s case number off it. */
    private static boolean releasedByPackage(Map<UUID, LeadRow> incoming, UUID holder, LeadRow lead) {
        LeadRow moved = incoming.get(holder);
        return moved != null && !(Objects.equals(moved.caseYear(), lead.caseYear())
                && Objects.equals(moved.caseSeq(), lead.caseSeq()));
    }

    // ---- leads ----

    /** Merges every lead, each after the lead it repeats (a duplicate points at a lead that must exist). */
    void leads(Committee committee, List<LeadEntry> entries) {
        packer = new LeadPacker(tx);
        Map<UUID, LeadEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.lead().id(), e));
        Set<UUID> done = new HashSet<>();
        for (LeadEntry entry : entries) {
            merge(committee, entry, byId, done);
        }
        writeAdded(committee);
        Map<Integer, Integer> highest = new HashMap<>();
        for (LeadEntry entry : entries) {
            if (entry.lead().caseYear() != null) {
                highest.merge(entry.lead().caseYear(), entry.lead().caseSeq(), Math::max);
            }
        }
        highest.forEach((year, number) -> tx.exchange().raiseCaseCounter(committee.id(), year, number));
        leadAudit.appendHeld(tx);
    }

    private void merge(Committee committee, LeadEntry entry, Map<UUID, LeadEntry> byId, Set<UUID> done) {
        if (!done.add(entry.lead().id())) {
            return;
        }
        UUID target = entry.lead().duplicateOfId();
        if (target != null && byId.containsKey(target)) {
            merge(committee, byId.get(target), byId, done);
        }
        if (target != null && !added.containsKey(target) && tx.leads().find(target).isEmpty()) {
            throw new ValidationException(Problem.of(Field.DUPLICATE_OF, "exchange.refused.duplicateTargetMissing",
                    label(entry.lead())));
        }
        Merged outcome = mergeLead(committee, entry);
        counts.merge(outcome, 1, Integer::sum);
    }

    private Merged mergeLead(Committee committee, LeadEntry entry) {
        LeadRow row = entry.lead();
        ExchangeRepository exchange = tx.exchange();
        Optional<Lead> local = tx.leads().find(row.id());
        Stamp incoming = new Stamp(entry.version(), Instant.parse(entry.changedAt()));
        if (local.isEmpty()) {
            added.put(row.id(), entry);
            return Merged.ADDED;
        }
        LeadRow localRow = packer.row(local.get());
        String localDigest = PackageContents.digest(localRow);
        Optional<LeadExchange> last = exchange.leadExchange(row.id());
        if (localDigest.equals(PackageContents.digest(row))) {
            if (last.isEmpty() || incoming.isNewerThan(last.get())) {
                record(entry, localDigest);
            }
            return Merged.UNCHANGED;
        }
        boolean senderChanged;
        boolean receiverChanged;
        if (last.isPresent()) {
            senderChanged = incoming.isNewerThan(last.get());
            receiverChanged = !localDigest.equals(last.get().receivedDigest());
        } else {
            ExchangeRepository.LeadStamp stamp = exchange.leadStamp(row.id()).orElseThrow();
            Stamp own = new Stamp(stamp.version(), packer.changedAt(row.id(), stamp.updatedAt()));
            int order = incoming.compareTo(own);
            senderChanged = order >= 0;
            receiverChanged = order == 0;
        }
        if (!senderChanged) {
            return Merged.SKIPPED;
        }
        // the leads added so far are written first, as they come first in the package
        writeAdded(committee);
        if (!receiverChanged) {
            apply(committee, entry, local.get(), AuditAction.PACKAGE_LEAD_REPLACE);
            return Merged.UPDATED;
        }
        LeadSnapshot before = LeadSnapshot.read(tx, row.id());
        Lead replaced = local.get();
        apply(committee, entry, replaced, AuditAction.PACKAGE_LEAD_REPLACE);
        LeadSnapshot after = LeadSnapshot.read(tx, row.id());
        Lead kept = tx.leads().find(row.id()).orElseThrow();
        ExchangeRepository.Conflict conflict = new ExchangeRepository.Conflict(UUID.randomUUID(), row.id(),
                committee.id(), after.label(), packageDigest, senderInstallationId, now, entry.version(),
                kept.stateOn(today).name(), replaced.version(), replaced.stateOn(today).name(),
                String.join(", ", differingFields(before.fields(), after.fields())), PackageContents.json(localRow),
                null, null);
        exchange.insertConflict(conflict);
        conflicts.add(conflict);
        return Merged.CONFLICT;
    }

    /** The fields (as the audit trail names them, e.g. {@code session[1].notes}) whose values differ. */
    static List<String> differingFields(SortedMap<String, String> a, SortedMap<String, String> b) {
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                differing.add(name);
            }
        }
        int max = 40;
        return differing.size() <= max ? differing : differing.subList(0, max);
    }

    /** Writes the package's version of a lead over {@code existing} and records it. */
    private void apply(Committee committee, LeadEntry entry, Lead existing, AuditAction action) {
        LeadRow row = entry.lead();
        UUID id = row.id();
        LeadSnapshot before = LeadSnapshot.read(tx, id);
        Lead lead = lead(committee, entry);
        ExchangeRepository exchange = tx.exchange();
        Instant createdAt = Instant.parse(entry.createdAt());
        Instant updatedAt = Instant.parse(entry.updatedAt());
        // the case file's parts first: agents point at the parties replaced below
        tx.caseFiles().deleteAll(id);
        tx.attachments().deleteAll(id);
        exchange.deleteLeadParts(id);
        exchange.overwriteLead(lead, createdAt, updatedAt);
        LeadRepository leads = tx.leads();
        leads.replaceParties(id, parties(row));
        Agreement agreement = agreement(row);
        if (agreement != null) {
            leads.saveAgreement(agreement);
        }
        extensions(row).forEach(leads::insertExtension);
        transitions(row).forEach(leads::insertTransition);
        riskAssessments(row, createdAt).forEach(tx.caseFiles()::insertRiskAssessment);
        otherParts(id, row);
        recordWritten(entry, action, before);
    }

    /**
     * Writes the leads held in {@link #added}: their rows and the parts that decide tally facts and text in
     * batches per table, then the other parts lead by lead, and records each.
     */
    private void writeAdded(Committee committee) {
        if (added.isEmpty()) {
            return;
        }
        List<ExchangeRepository.LeadAsSent> sent = new ArrayList<>(added.size());
        for (LeadEntry entry : added.values()) {
            LeadRow row = entry.lead();
            Instant createdAt = Instant.parse(entry.createdAt());
            sent.add(new ExchangeRepository.LeadAsSent(lead(committee, entry), createdAt,
                    Instant.parse(entry.updatedAt()), parties(row), agreement(row), extensions(row),
                    riskAssessments(row, createdAt), transitions(row)));
        }
        tx.exchange().insertLeadsAsIs(sent);
        for (LeadEntry entry : added.values()) {
            otherParts(entry.lead().id(), entry.lead());
        }
        // Read back together, as written: each lead's audit entry and remembered digest come from what is stored.
        List<LeadEntry> entries = List.copyOf(added.values());
        List<LeadPacker.Read> written = packer.readAllById(added.keySet());
        for (int i = 0; i < entries.size(); i++) {
            recordWritten(entries.get(i), AuditAction.PACKAGE_LEAD_ADD, null, written.get(i));
        }
        added.clear();
    }

    /** Reads back what was written: the audit entry's state and the digest remembered, from one read. */
    private void recordWritten(LeadEntry entry, AuditAction action, LeadSnapshot before) {
        recordWritten(entry, action, before, packer.read(tx.leads().find(entry.lead().id()).orElseThrow()));
    }

    private void recordWritten(LeadEntry entry, AuditAction action, LeadSnapshot before, LeadPacker.Read written) {
        leadAudit.leadChanged(tx, actor, action, before, LeadSnapshot.of(written.file()));
        record(entry, PackageContents.digest(packer.row(written)));
    }

    private static List<Party> parties(LeadRow row) {
        UUID id = row.id();
        return row.parties().stream().map(p -> new Party(p.id(), id, p.name(),
                p.gender() == null ? null : Gender.valueOf(p.gender()), p.idNumber(), p.phone(), p.address(),
                PartyRole.valueOf(p.role()), p.position(), PartyKind.valueOf(p.kind()), p.ethnicity(),
                date(p.birthDate()), p.age(), p.occupation(), p.employer(), p.creditCode(), p.legalRepresentative(),
                p.representativeTitle())).toList();
    }

    private static Agreement agreement(LeadRow row) {
        var a = row.agreement();
        return a == null ? null : new Agreement(row.id(), AgreementForm.valueOf(a.form()), a.terms(), money(a.amount()),
                date(a.performanceDeadline()), a.facts(), a.issues(), a.responsibility(), a.performanceWay(),
                a.performancePlace());
    }

    private static List<Extension> extensions(LeadRow row) {
        return row.extensions().stream().map(e -> new Extension(e.id(), row.id(), LocalDate.parse(e.agreedOn()),
                LocalDate.parse(e.newDueOn()), e.reason())).toList();
    }

    private static List<Transition> transitions(LeadRow row) {
        return row.transitions().stream().map(t -> new Transition(t.id(), row.id(), TransitionKind.valueOf(t.kind()),
                LocalDate.parse(t.effectiveOn()), t.detail(), Instant.parse(t.recordedAt()), t.recordedBy())).toList();
    }

    private static List<RiskAssessment> riskAssessments(LeadRow row, Instant createdAt) {
        return row.riskAssessments().stream().map(a -> new RiskAssessment(a.id(), row.id(),
                LocalDate.parse(a.assessedOn()), RiskLevel.valueOf(a.risk()), a.criminalRisk(), a.groupRisk(),
                a.assessedBy(), a.reason(), a.recordedAt() == null ? createdAt : Instant.parse(a.recordedAt()))).toList();
    }

    /** The parts neither batched for a new lead nor written before them for a replaced one. */
    private void otherParts(UUID id, LeadRow row) {
        LeadRepository leads = tx.leads();
        row.verificationSteps().forEach(s -> leads.insertVerificationStep(new VerificationStep(s.id(), id,
                LocalDate.parse(s.stepOn()), s.method(), s.note(), s.person() == null ? null : person(s.person()))));
        leads.replaceMediators(id, row.mediators().stream()
                .sorted(Comparator.comparing((PackageContents.MediatorRow m) -> !m.principal())).map(m -> person(m.person())).toList());
        row.sessions().forEach(s -> leads.insertSession(new MediationSession(s.id(), id, LocalDate.parse(s.heldOn()),
                s.place(), s.participants(), s.notes(), s.matter(), s.recorder(), s.noticeGiven(),
                s.confirmedByParties())));
        row.followUps().forEach(f -> leads.insertFollowUp(new FollowUp(f.id(), id, LocalDate.parse(f.visitedOn()),
                Performance.valueOf(f.performance()), f.satisfaction() == null ? null : Satisfaction.valueOf(f.satisfaction()),
                f.escalationSigns(), f.notes(), f.visitedParty(), f.way() == null ? null : FollowUpWay.valueOf(f.way()),
                f.reason())));
        if (row.judicialConfirmation() != null) {
            var j = row.judicialConfirmation();
            leads.saveJudicialConfirmation(new JudicialConfirmation(id, date(j.appliedOn()), j.court(),
                    j.courtCaseNumber(), j.result() == null ? null : JudicialResult.valueOf(j.result()),
                    date(j.decidedOn())));
        }
        caseFileParts(id, row);
        for (PackageContents.AttachmentRow a : row.attachments()) {
            storeContent(a, label(row));
            tx.attachments().insert(new Attachment(a.id(), id, AttachmentKind.valueOf(a.kind()), a.note(), a.fileName(),
                    a.mediaType(), a.size(), a.sha256(), Instant.parse(a.addedAt()), a.addedBy()));
        }
    }

    /**
     * The parts the official forms add (agents, case record, referrals, file cover, 防止 outcomes) and
     * those of the daily work (recurrence, planned sessions; the risk history is written with the lead).
     */
    private void caseFileParts(UUID id, LeadRow row) {
        CaseFileRepository parts = tx.caseFiles();
        parts.replaceAgents(id, row.agents().stream().map(a -> new PartyAgent(a.id(), id, a.partyId(), a.name(),
                a.kind() == null ? null : AgentKind.valueOf(a.kind()),
                a.authority() == null ? null : AgentAuthority.valueOf(a.authority()), a.authorityScope(), a.idNumber(),
                a.phone(), a.relation())).toList());
        if (row.caseRecord() != null) {
            var r = row.caseRecord();
            Set<OtherRoute> routes = r.routesNotified().stream().map(OtherRoute::valueOf)
                    .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(OtherRoute.class)));
            parts.saveCaseRecord(new CaseRecord(id, date(r.appliedOn()), r.applicationRequests(), date(r.consentOn()),
                    r.consentWay() == null ? null : ConsentWay.valueOf(r.consentWay()), date(r.rightsNoticeOn()),
                    date(r.policeReportedOn()), r.policeReportedTo(), date(r.routesNoticeOn()), routes));
        }
        row.referrals().forEach(r -> parts.saveReferral(new Referral(r.id(), id,
                r.kind() == null ? null : ReferralKind.valueOf(r.kind()), r.toBody(), date(r.sentOn()),
                date(r.receivedOn()), r.feedback(), date(r.feedbackOn()))));
        if (row.caseFile() != null) {
            var c = row.caseFile();
            parts.saveCaseFileInfo(new CaseFileInfo(id, c.title(), c.filedBy(), date(c.filedOn()),
                    c.retention() == null ? null : Retention.valueOf(c.retention()), c.closingReport(), c.fileNote(),
                    c.remarks(), c.checkedBy()));
        }
        Set<PreventionKind> preventions = java.util.EnumSet.noneOf(PreventionKind.class);
        row.preventions().forEach(p -> preventions.add(PreventionKind.valueOf(p)));
        parts.replacePreventions(id, preventions);
        if (row.recurrence() != null) {
            var r = row.recurrence();
            parts.saveRecurrence(new Recurrence(id, r.earlierLeadId(), LocalDate.parse(r.markedOn()), r.reopened(),
                    r.note()));
        }
        row.sessionPlans().forEach(p -> parts.saveSessionPlan(new SessionPlan(p.id(), id, LocalDate.parse(p.plannedOn()),
                p.startsAt() == null ? null : LocalTime.parse(p.startsAt()), p.place(), p.note(), p.plannedBy())));
    }

    /** Remembers what this package said of the lead, and the lead's content as it now is here. */
    private void record(LeadEntry entry, String localDigest) {
        tx.exchange().saveLeadExchange(new LeadExchange(entry.lead().id(), senderInstallationId, entry.version(),
                Instant.parse(entry.changedAt()), localDigest, packageDigest, now));
    }

    private Lead lead(Committee committee, LeadEntry entry) {
        LeadRow r = entry.lead();
        Community community = communitiesByCode.get(r.communityCode());
        if (community == null) {
            throw notAPackage("lead " + r.id() + " of unknown community " + r.communityCode());
        }
        Long gridId = null;
        if (r.grid() != null) {
            gridId = gridIds.get(r.grid());
            if (gridId == null) {
                throw notAPackage("lead " + r.id() + " in unknown grid " + r.grid());
            }
        }
        CaseNumber number = r.caseYear() == null ? null : new CaseNumber(r.caseYear(), r.caseSeq(), r.caseNumber());
        return new Lead(r.id(), committee.id(), community.id(), gridId, r.leadNo(), LocalDate.parse(r.foundOn()),
                r.source(), r.disputeType(), r.summary(), r.peopleCount(), money(r.amount()), RiskLevel.valueOf(r.risk()),
                r.criminalRisk(), r.groupRisk(), date(r.verifiedOn()),
                r.verificationResult() == null ? null : VerificationResult.valueOf(r.verificationResult()),
                r.duplicateOfId(), r.transferredTo(), date(r.acceptedOn()), number, date(r.dueOn()), date(r.closedOn()),
                r.outcome() == null ? null : Outcome.valueOf(r.outcome()), date(r.declinedOn()), r.declinedBy(),
                entry.version());
    }

    // ---- received audit history ----

    /** Stores the history entries not yet held; returns how many were new. */
    int auditHistory(Committee committee, List<AuditRow> rows) {
        int added = 0;
        for (AuditRow row : rows) {
            if (tx.exchange().insertReceivedAudit(new ExchangeRepository.ReceivedAudit(row.originInstallationId(),
                    row.originChainId(), row.originSeq(), Instant.parse(row.recordedAt()), row.actor(), row.action(),
                    row.entity(), row.entityId(), row.leadId(), committee.id(), row.changes(), row.stateDigest(),
                    row.hash(), packageDigest, now))) {
                added++;
            }
        }
        return added;
    }

    static String label(LeadRow lead) {
        return lead.caseNumber() != null ? lead.caseNumber() : lead.leadNo() != null ? lead.leadNo() : lead.id().toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static BigDecimal money(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /** A lead's place in its sender's history: its version, then the moment it last changed. */
    private record Stamp(int version, Instant changedAt) implements Comparable<Stamp> {
        boolean isNewerThan(LeadExchange last) {
            return compareTo(new Stamp(last.receivedVersion(), last.receivedChangedAt())) > 0;
        }

        @Override
        public int compareTo(Stamp other) {
            return Comparator.comparingInt(Stamp::version).thenComparing(Stamp::changedAt).compare(this, other);
        }
    }
}
