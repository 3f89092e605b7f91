package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageContents.AgreementRow;
import cn.mediationdesk.logic.exchange.PackageContents.AuditRow;
import cn.mediationdesk.logic.exchange.PackageContents.CommitteeRow;
import cn.mediationdesk.logic.exchange.PackageContents.CommunityRow;
import cn.mediationdesk.logic.exchange.PackageContents.ConfirmationRow;
import cn.mediationdesk.logic.exchange.PackageContents.ExtensionRow;
import cn.mediationdesk.logic.exchange.PackageContents.FollowUpRow;
import cn.mediationdesk.logic.exchange.PackageContents.GridKey;
import cn.mediationdesk.logic.exchange.PackageContents.GridRow;
import cn.mediationdesk.logic.exchange.PackageContents.LeadEntry;
import cn.mediationdesk.logic.exchange.PackageContents.LeadRow;
import cn.mediationdesk.logic.exchange.PackageContents.MediatorRow;
import cn.mediationdesk.logic.exchange.PackageContents.PartyRow;
import cn.mediationdesk.logic.exchange.PackageContents.PersonKey;
import cn.mediationdesk.logic.exchange.PackageContents.PersonRow;
import cn.mediationdesk.logic.exchange.PackageContents.SessionRow;
import cn.mediationdesk.logic.exchange.PackageContents.StepRow;
import cn.mediationdesk.logic.exchange.PackageContents.TransitionRow;
import cn.mediationdesk.logic.attachment.AttachmentContent;
import cn.mediationdesk.logic.attachment.DamagedAttachmentException;
import cn.mediationdesk.logic.exchange.PackageContents.AgentRow;
import cn.mediationdesk.logic.exchange.PackageContents.AttachmentRow;
import cn.mediationdesk.logic.exchange.PackageContents.CaseFileRow;
import cn.mediationdesk.logic.exchange.PackageContents.CaseRecordRow;
import cn.mediationdesk.logic.exchange.PackageContents.RecurrenceRow;
import cn.mediationdesk.logic.exchange.PackageContents.ReferralRow;
import cn.mediationdesk.logic.exchange.PackageContents.RiskAssessmentRow;
import cn.mediationdesk.logic.exchange.PackageContents.SessionPlanRow;
import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.logic.store.CaseFileRepository;
import cn.mediationdesk.logic.store.ExchangeRepository;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Person;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a committee's organization and leads out of a transaction in the package's form. The merge
 * uses the same form for the receiver's own copy of a lead, so that both sides' contents compare
 * by digest.
 */
final class LeadPacker {
    /** Leads looked up by id in one statement, and their bookkeeping read together. */
    private static final int FIND_CHUNK = 500;
    private final Tx tx;
    private final Map<Long, Community> communities = new LinkedHashMap<>();
    private final Map<Long, Committee> committees = new LinkedHashMap<>();
    private final Map<Long, Grid> grids = new LinkedHashMap<>();
    private final Map<Long, Person> people = new LinkedHashMap<>();

    LeadPacker(Tx tx) {
        this.tx = tx;
        var organization = tx.organization();
        organization.communities().forEach(c -> communities.put(c.id(), c));
        organization.committees().forEach(c -> committees.put(c.id(), c));
        organization.grids().forEach(g -> grids.put(g.id(), g));
        organization.people().forEach(p -> people.put(p.id(), p));
    }

    /**
     * The package contents of {@code leadIds} of {@code committee}, with the leads they point at as
     * duplicates (so that a package never refers to a lead the receiver may lack).
     *
     * @param installationId this installation, to which its own audit entries are attributed
     */
    PackageContents pack(Committee committee, List<UUID> leadIds, UUID installationId) {
        Map<UUID, Lead> leads = withTheLeadsTheyRepeat(leadIds);
        List<LeadEntry> entries = new ArrayList<>();
        Set<Long> usedCommunities = new LinkedHashSet<>();
        Set<Long> usedGrids = new LinkedHashSet<>();
        Set<Long> usedPeople = new LinkedHashSet<>();
        if (committee.communityId() != null) {
            usedCommunities.add(committee.communityId());
            grids.values().stream().filter(g -> g.communityId() == committee.communityId()).forEach(g -> usedGrids.add(g.id()));
        }
        people.values().stream().filter(p -> Objects.equals(p.committeeId(), committee.id())).forEach(p -> usedPeople.add(p.id()));
        List<Attachment> attachments = new ArrayList<>();
        List<UUID> ids = List.copyOf(leads.keySet());
        Map<UUID, ExchangeRepository.LeadStamp> stamps = inChunks(ids, tx.exchange()::leadStampsByLead);
        Map<UUID, Instant> audited = inChunks(ids, tx.exchange()::lastAuditedByLead);
        for (Read read : readAll(List.copyOf(leads.values()))) {
            Lead lead = read.file().lead();
            entries.add(entry(read, stamps.get(lead.id()), audited.get(lead.id())));
            usedCommunities.add(lead.communityId());
            if (lead.gridId() != null) {
                usedGrids.add(lead.gridId());
            }
            usedPeople.addAll(read.file().mediatorIds());
            read.file().verificationSteps().stream().map(s -> s.personId()).filter(Objects::nonNull)
                    .forEach(usedPeople::add);
            attachments.addAll(read.file().attachments());
        }
        for (Long gridId : usedGrids) {
            Grid grid = grids.get(gridId);
            usedCommunities.add(grid.communityId());
            if (grid.gridWorkerId() != null) {
                usedPeople.add(grid.gridWorkerId());
            }
        }
        PackageContents.Organization organization = new PackageContents.Organization(committeeRow(committee),
                usedCommunities.stream().map(communities::get).sorted(Comparator.comparing(Community::code))
                        .map(c -> new CommunityRow(c.code(), c.name(), c.active())).toList(),
                usedGrids.stream().map(grids::get).map(this::gridRow)
                        .sorted(Comparator.comparing(GridRow::communityCode).thenComparing(GridRow::name)).toList(),
                usedPeople.stream().map(people::get).map(this::personRow).toList());
        return new PackageContents(organization, entries, audit(leads.keySet(), installationId),
                contents(attachments));
    }

    /**
     * The leads {@code leadIds}, in their order, followed by the leads they repeat (and those repeat) that
     * are not among them; read a chunk of ids at a time.
     */
    private Map<UUID, Lead> withTheLeadsTheyRepeat(List<UUID> leadIds) {
        Map<UUID, Lead> leads = new LinkedHashMap<>();
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(leadIds));
        while (!wanted.isEmpty()) {
            Map<UUID, Lead> found = find(wanted);
            leads.putAll(found);
            Set<UUID> repeated = new LinkedHashSet<>();
            for (Lead lead : found.values()) {
                UUID earlier = lead.duplicateOfId();
                if (earlier != null && !leads.containsKey(earlier)) {
                    repeated.add(earlier);
                }
            }
            wanted = List.copyOf(repeated);
        }
        return leads;
    }

    /** The leads {@code ids}, in their order, looked up {@value #FIND_CHUNK} at a time; every one must exist. */
    private Map<UUID, Lead> find(List<UUID> ids) {
        Map<UUID, Lead> found = inChunks(ids, chunk -> {
            Map<UUID, Lead> byId = new java.util.HashMap<>();
            tx.leads().findAll(chunk).forEach(lead -> byId.put(lead.id(), lead));
            return byId;
        });
        Map<UUID, Lead> inOrder = new LinkedHashMap<>();
        for (UUID id : ids) {
            Lead lead = found.get(id);
            if (lead == null) {
                throw new java.util.NoSuchElementException("lead " + id + " is gone");
            }
            inOrder.put(id, lead);
        }
        return inOrder;
    }

    /** {@link #readAll} of the leads {@code ids}, in their order. */
    List<Read> readAllById(Collection<UUID> ids) {
        return readAll(List.copyOf(find(List.copyOf(ids)).values()));
    }

    /**
     * The bytes of the leads' attachments, once per SHA-256, each checked against it: a package never
     * carries bytes this database could not vouch for.
     *
     * @throws DamagedAttachmentException naming an attachment whose stored bytes do not match
     */
    private List<PackageContents.ContentRow> contents(List<Attachment> attachments) {
        Map<String, PackageContents.ContentRow> contents = new java.util.TreeMap<>();
        for (Attachment attachment : attachments) {
            if (contents.containsKey(attachment.sha256())) {
                continue;
            }
            byte[] bytes = tx.attachments().content(attachment.sha256()).orElse(null);
            if (bytes == null || !AttachmentContent.sha256(bytes).equals(attachment.sha256())) {
                throw new DamagedAttachmentException(attachment);
            }
            contents.put(attachment.sha256(), new PackageContents.ContentRow(attachment.sha256(),
                    attachment.mediaType(), Base64.getEncoder().encodeToString(bytes)));
        }
        return List.copyOf(contents.values());
    }

    private List<AuditRow> audit(Set<UUID> leadIds, UUID installationId) {
        UUID chainId = tx.audit().chain().map(c -> c.chainId()).orElse(null);
        List<UUID> ids = List.copyOf(leadIds);
        Map<UUID, List<ExchangeRepository.ReceivedAudit>> receivedByLead = inChunks(ids, tx.exchange()::receivedAuditByLead);
        Map<UUID, List<AuditRecord>> ownByLead = chainId == null ? Map.of() : inChunks(ids, tx.audit()::ofLeads);
        List<AuditRow> rows = new ArrayList<>();
        for (UUID leadId : leadIds) {
            for (ExchangeRepository.ReceivedAudit received : receivedByLead.getOrDefault(leadId, List.of())) {
                rows.add(new AuditRow(received.originInstallationId(), received.originChainId(), received.originSeq(),
                        received.recordedAt().toString(), received.actor(), received.action(), received.entity(),
                        received.entityId(), received.leadId(), received.changes(), received.stateDigest(),
                        received.hash()));
            }
            if (chainId == null) {
                continue;
            }
            for (AuditRecord own : ownByLead.getOrDefault(leadId, List.of())) {
                rows.add(new AuditRow(installationId, chainId, own.seq(), own.at().toString(), own.actor(),
                        own.action(), own.entity(), own.entityId(), own.leadId(), own.changes(), own.stateDigest(),
                        own.hash()));
            }
        }
        return rows;
    }

    /**
     * A lead with its bookkeeping: the stamp the receiver compares ({@code version}, last change).
     *
     * @param audited when the lead's audit trail last recorded a change to it, null when never
     */
    private LeadEntry entry(Read read, ExchangeRepository.LeadStamp stamp, Instant audited) {
        Lead lead = read.file().lead();
        return new LeadEntry(row(read), lead.version(), stamp.createdAt().toString(), stamp.updatedAt().toString(),
                later(audited, stamp.updatedAt()).toString());
    }

    /** The later of the row's last update and the last audit entry about the lead (parts change without the row). */
    Instant changedAt(UUID leadId, Instant updatedAt) {
        return later(tx.exchange().lastAudited(leadId).orElse(null), updatedAt);
    }

    private static Instant later(Instant audited, Instant updatedAt) {
        return audited != null && audited.isAfter(updatedAt) ? audited : updatedAt;
    }

    /** {@code read} of {@code ids} {@value #FIND_CHUNK} at a time, the results put together. */
    private static <T> Map<UUID, T> inChunks(List<UUID> ids, java.util.function.Function<List<UUID>, Map<UUID, T>> read) {
        Map<UUID, T> all = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += FIND_CHUNK) {
            all.putAll(read.apply(ids.subList(from, Math.min(ids.size(), from + FIND_CHUNK))));
        }
        return all;
    }

    LeadRow row(Lead lead) {
        return row(read(lead));
    }

    /**
     * A lead and its parts as read once: the file the audit trail compares ({@link #file}) and, since the
     * package tells an absent case record or file cover from an empty one, whether those rows exist.
     */
    record Read(LeadFile file, Optional<CaseRecord> caseRecord, Optional<CaseFileInfo> caseFileInfo) {
    }

    /**
     * Reads the lead's parts with the statements {@link LeadFile#read} runs, so that the file is what
     * {@code LeadSnapshot.read} would compare, and the package row can be made from the same read.
     */
    Read read(Lead lead) {
        return readAll(List.of(lead)).getFirst();
    }

    /** {@link #read} for many leads, in their order, reading each part for a chunk of leads at once. */
    List<Read> readAll(List<Lead> leads) {
        return LeadFile.readStored(tx, leads).stream().map(stored -> new Read(stored.file(),
                stored.caseRecordStored() ? Optional.of(stored.file().caseRecord()) : Optional.empty(),
                stored.caseFileInfoStored() ? Optional.of(stored.file().caseFileInfo()) : Optional.empty())).toList();
    }

    LeadRow row(Read read) {
        LeadFile file = read.file();
        Lead lead = file.lead();
        UUID id = lead.id();
        List<Long> mediatorIds = file.mediatorIds();
        return new LeadRow(id, lead.leadNo(), communities.get(lead.communityId()).code(),
                lead.gridId() == null ? null : gridKey(grids.get(lead.gridId())),
                text(lead.foundOn()), lead.sourceCode(), lead.disputeTypeCode(), lead.summary(), lead.peopleCount(),
                money(lead.amount()), lead.risk().name(), lead.criminalRisk(), lead.groupRisk(), text(lead.verifiedOn()),
                lead.verificationResult() == null ? null : lead.verificationResult().name(), lead.duplicateOfId(),
                lead.transferredTo(), text(lead.acceptedOn()),
                lead.caseNumber() == null ? null : lead.caseNumber().year(),
                lead.caseNumber() == null ? null : lead.caseNumber().sequence(),
                lead.caseNumber() == null ? null : lead.caseNumber().text(),
                text(lead.dueOn()), text(lead.closedOn()), lead.outcome() == null ? null : lead.outcome().name(),
                text(lead.declinedOn()), lead.declinedBy(),
                file.parties().stream().map(p -> new PartyRow(p.id(), p.position(), p.name(),
                        p.gender() == null ? null : p.gender().name(), p.idNumber(), p.phone(), p.address(),
                        p.role().name(), p.kind().name(), p.ethnicity(), text(p.birthDate()), p.age(), p.occupation(),
                        p.employer(), p.creditCode(), p.legalRepresentative(), p.representativeTitle())).toList(),
                file.verificationSteps().stream().map(s -> new StepRow(s.id(), text(s.stepOn()), s.method(),
                        s.note(), s.personId() == null ? null : personKey(people.get(s.personId())))).toList(),
                // the repository lists the principal mediator first, and writes the first back as principal
                java.util.stream.IntStream.range(0, mediatorIds.size()).mapToObj(i -> new MediatorRow(
                        personKey(people.get(mediatorIds.get(i))), i == 0)).toList(),
                file.sessions().stream().map(s -> new SessionRow(s.id(), text(s.heldOn()), s.place(),
                        s.participants(), s.notes(), s.matter(), s.recorder(), s.noticeGiven(),
                        s.confirmedByParties())).toList(),
                file.agreement().map(a -> new AgreementRow(a.form().name(), a.terms(), money(a.amount()),
                        text(a.performanceDeadline()), a.facts(), a.issues(), a.responsibility(), a.performanceWay(),
                        a.performancePlace())).orElse(null),
                file.extensions().stream().map(e -> new ExtensionRow(e.id(), text(e.agreedOn()),
                        text(e.newDueOn()), e.reason())).toList(),
                file.followUps().stream().map(f -> new FollowUpRow(f.id(), text(f.visitedOn()),
                        f.performance().name(), f.satisfaction() == null ? null : f.satisfaction().name(),
                        f.escalationSigns(), f.notes(), f.visitedParty(), name(f.way()), f.reason())).toList(),
                file.judicialConfirmation().map(j -> new ConfirmationRow(text(j.appliedOn()), j.court(),
                        text(j.decidedOn()), null, j.courtCaseNumber(), name(j.result()))).orElse(null),
                file.transitions().stream().sorted(Comparator.comparing((cn.mediationdesk.model.Transition t) ->
                                t.recordedAt()).thenComparing(t -> t.id()))
                        .map(t -> new TransitionRow(t.id(), t.kind().name(), text(t.effectiveOn()), t.detail(),
                                t.recordedAt().toString(), t.recordedBy())).toList(),
                file.agents().stream().map(a -> new AgentRow(a.id(), a.partyId(), a.name(), name(a.kind()),
                        name(a.authority()), a.authorityScope(), a.idNumber(), a.phone(), a.relation())).toList(),
                read.caseRecord().map(r -> new CaseRecordRow(text(r.appliedOn()), r.applicationRequests(),
                        text(r.consentOn()), name(r.consentWay()), text(r.rightsNoticeOn()), text(r.policeReportedOn()),
                        r.policeReportedTo(), text(r.routesNoticeOn()),
                        r.routesNotified().stream().map(Enum::name).toList())).orElse(null),
                file.referrals().stream().map(r -> new ReferralRow(r.id(), name(r.kind()), r.toBody(),
                        text(r.sentOn()), text(r.receivedOn()), r.feedback(), text(r.feedbackOn()))).toList(),
                read.caseFileInfo().map(c -> new CaseFileRow(c.title(), c.filedBy(), text(c.filedOn()),
                        name(c.retention()), c.closingReport(), c.fileNote(), c.remarks(), c.checkedBy())).orElse(null),
                file.preventions().stream().map(Enum::name).sorted().toList(),
                file.attachments().stream().map(a -> new AttachmentRow(a.id(), a.kind().name(), a.note(),
                        a.fileName(), a.mediaType(), a.size(), a.sha256(), a.addedAt().toString(), a.addedBy()))
                        .toList(),
                file.riskAssessments().stream().map(a -> new RiskAssessmentRow(a.id(), text(a.assessedOn()),
                        a.risk().name(), a.criminalRisk(), a.groupRisk(), a.assessedBy(), a.reason(),
                        a.recordedAt().toString())).toList(),
                file.recurrence().map(r -> new RecurrenceRow(r.earlierLeadId(), text(r.markedOn()), r.reopened(),
                        r.note())).orElse(null),
                file.sessionPlans().stream().map(p -> new SessionPlanRow(p.id(), text(p.plannedOn()),
                        p.startsAt() == null ? null : p.startsAt().toString(), p.place(), p.note(), p.plannedBy()))
                        .toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private CommitteeRow committeeRow(Committee committee) {
        return new CommitteeRow(committee.code(), committee.name(), committee.shortName(), committee.kind().name(),
                committee.communityId() == null ? null : communities.get(committee.communityId()).code(),
                committee.active());
    }

    private GridRow gridRow(Grid grid) {
        return new GridRow(communities.get(grid.communityId()).code(), grid.name(),
                grid.gridWorkerId() == null ? null : personKey(people.get(grid.gridWorkerId())), grid.active());
    }

    private PersonRow personRow(Person person) {
        return new PersonRow(person.name(), person.role().name(), committeeCode(person.committeeId()), person.phone(),
                person.active());
    }

    private PersonKey personKey(Person person) {
        return new PersonKey(person.name(), committeeCode(person.committeeId()));
    }

    private GridKey gridKey(Grid grid) {
        return new GridKey(communities.get(grid.communityId()).code(), grid.name());
    }

    private String committeeCode(Long committeeId) {
        return committeeId == null ? null : committees.get(committeeId).code();
    }

    static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    /** Money as the database keeps it (two decimals), so that {@code 12.5} and {@code 12.50} never differ. */
    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
