package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.report.casefile.AcceptanceRecord.VerificationLine;
import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.VerificationStep;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The documents of one case's 卷宗 (the cover and the thirteen items of its 卷内目录, with the scans and
 * photos bound into them), built from {@link LifecycleService#file}, the attachments and the names of
 * the organization and dictionaries. ID-card and phone numbers are masked unless the caller asks for
 * the full data.
 */
public final class CaseDocumentService {
    /** The sources of a lead the parties applied for: its file holds their 人民调解申请书. */
    public static final Set<String> APPLICATION_SOURCES = Set.of("PARTY_APPLICATION", "WALK_IN");

    private final Store store;
    private final Clock clock;
    private final LifecycleService lifecycle;
    private final AttachedFile.Source attachments;

    /**
     * @param actor       who prints: only someone who may read the case gets its documents (an
     *                    administrator, or a director or mediator of its committee), and only they may ask
     *                    for full ID and phone numbers
     * @param attachments where the lead's scans and photos come from, to be bound into the file
     */
    public CaseDocumentService(Store store, Clock clock, User actor, AttachedFile.Source attachments) {
        this.store = store;
        this.clock = clock;
        // Only read from: it checks the actor's access to the lead and records nothing.
        this.lifecycle = new LifecycleService(store, clock, actor);
        this.attachments = Objects.requireNonNull(attachments, "attachments");
    }

    /** The documents with the lead's stored scans and photos bound in. */
    public CaseDocumentService(Store store, Clock clock, User actor) {
        this(store, clock, actor, new AttachmentService(store, clock, actor)::filesOf);
    }

    /**
     * The lead a case number or lead number names, for the {@code documents} command.
     *
     * @param committeeId the committee it belongs to, needed only when several committees use the number
     * @throws ValidationException when no lead, or more than one, has that number
     */
    public UUID locate(String number, Long committeeId) {
        String wanted = number == null ? "" : number.strip();
        List<Lead> found = store.read(tx -> tx.leads().findByNumber(wanted)).stream()
                .filter(l -> committeeId == null || l.committeeId() == committeeId).toList();
        if (found.isEmpty()) {
            throw new ValidationException(Problem.of(Field.LEAD, "documents.notFound", wanted));
        }
        if (found.size() > 1) {
            throw new ValidationException(Problem.of(Field.LEAD, "documents.ambiguous", wanted, found.size()));
        }
        return found.getFirst().id();
    }

    /**
     * Every document of the lead's 卷宗, its ID and phone numbers masked unless {@code fullPersonalData}.
     *
     * @throws ValidationException when there is no such lead
     * @throws cn.mediationdesk.logic.PermissionDeniedException when the actor may not read it
     */
    public CaseDocuments documents(UUID leadId, boolean fullPersonalData) {
        LeadFile file = lifecycle.file(leadId);
        List<AttachedFile> files = attachments.filesOf(leadId);
        if (fullPersonalData) {
            // Asking for the full ID and phone numbers is itself on record (DESIGN §9).
            store.write(tx -> {
                AuditTrail.onThisPc(clock).event(tx, lifecycle.actor().username(),
                        AuditAction.PRINT_FULL_DATA, AuditTrail.LEAD, leadId.toString(), leadId, file.lead().committeeId(),
                        file.lead().caseNumber() == null ? file.lead().leadNo() : file.lead().caseNumber().text());
                return null;
            });
        }
        Names names = store.read(tx -> new Names(
                tx.organization().jurisdiction().map(Jurisdiction::name).orElse(""),
                tx.organization().committees(), tx.organization().communities(), tx.organization().grids(),
                tx.organization().people(), byCode(tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE)),
                byCode(tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE))));
        return build(file, names, fullPersonalData, files);
    }

    private record Names(String jurisdiction, List<Committee> committees, List<Community> communities,
                         List<Grid> grids, List<Person> people, Map<String, DictionaryEntry> types,
                         Map<String, DictionaryEntry> sources) {
        String person(Long id) {
            return id == null ? "" : people.stream().filter(p -> p.id() == id).map(Person::name).findFirst().orElse("");
        }
    }

    private static CaseDocuments build(LeadFile file, Names names, boolean full, List<AttachedFile> files) {
        Lead lead = file.lead();
        CaseRecord record = file.caseRecord();
        CaseFileInfo info = file.caseFileInfo();
        String committee = names.committees().stream().filter(c -> c.id() == lead.committeeId()).map(Committee::name)
                .findFirst().orElse("");
        String community = names.communities().stream().filter(c -> c.id() == lead.communityId())
                .map(Community::name).findFirst().orElse("");
        String grid = lead.gridId() == null ? null : names.grids().stream()
                .filter(g -> g.id() == lead.gridId()).map(Grid::name).findFirst().orElse(null);
        CaseHeader header = new CaseHeader(names.jurisdiction(), committee,
                lead.caseNumber() == null || !lead.isAccepted() ? null : lead.caseNumber().text(), lead.leadNo());
        List<DocumentParty> parties = file.parties().stream().sorted(Comparator.comparingInt(Party::position))
                .map(p -> party(p, file.agents(), full)).toList();
        List<String> mediators = file.mediatorIds().stream().map(names::person).filter(n -> !n.isEmpty()).toList();
        DictionaryEntry type = names.types().get(lead.disputeTypeCode());
        DictionaryEntry source = names.sources().get(lead.sourceCode());
        String typeZh = type == null ? lead.disputeTypeCode() : type.nameZh();
        String typeEn = type == null ? lead.disputeTypeCode() : type.nameEn();

        Optional<ApplicationDocument> application = APPLICATION_SOURCES.contains(lead.sourceCode())
                ? Optional.of(new ApplicationDocument(header, parties, record.appliedOn(),
                        nullToEmpty(record.applicationRequests()), nullToEmpty(lead.summary())))
                : Optional.empty();

        List<VerificationLine> steps = file.verificationSteps().stream()
                .sorted(Comparator.comparing(VerificationStep::stepOn))
                .map(s -> new VerificationLine(s.stepOn(), s.method(), nullToEmpty(s.note()), names.person(s.personId())))
                .toList();
        AcceptanceRecord acceptance = new AcceptanceRecord(header, lead.foundOn(),
                source == null ? lead.sourceCode() : source.nameZh(), source == null ? lead.sourceCode() : source.nameEn(),
                typeZh, typeEn, community, grid, lead.peopleCount(), lead.amount(), parties, lead.summary(), steps,
                lead.verifiedOn(), lead.verificationResult(), lead.acceptedOn(), lead.dueOn(), lead.declinedOn(),
                record.consentOn(), record.consentWay(), record.rightsNoticeOn(), mediators);
        Optional<RightsNotice> rightsNotice = lead.isAccepted() || record.rightsNoticeOn() != null
                ? Optional.of(new RightsNotice(header, parties, record.rightsNoticeOn())) : Optional.empty();
        Optional<InvestigationRecord> investigation = steps.isEmpty() ? Optional.empty()
                : Optional.of(new InvestigationRecord(header, steps, parties));

        List<MediationSession> sessionList = file.sessions().stream()
                .sorted(Comparator.comparing(MediationSession::heldOn)).toList();
        List<SessionRecord> sessions = new ArrayList<>();
        for (int i = 0; i < sessionList.size(); i++) {
            MediationSession s = sessionList.get(i);
            sessions.add(new SessionRecord(header, i + 1, s.heldOn(), nullToEmpty(s.place()),
                    nullToEmpty(s.participants()), nullToEmpty(s.notes()), nullToEmpty(s.matter()),
                    nullToEmpty(s.recorder()), s.noticeGiven(), s.confirmedByParties(), parties, mediators));
        }

        Optional<AgreementDocument> agreement = file.agreement()
                .filter(a -> lead.outcome() == Outcome.RESOLVED)
                .map((Agreement a) -> new AgreementDocument(header, a.form(), parties, typeZh, typeEn,
                        a.facts() == null || a.facts().isBlank() ? nullToEmpty(lead.summary()) : a.facts(),
                        nullToEmpty(a.issues()), nullToEmpty(a.responsibility()), nullToEmpty(a.terms()), a.amount(),
                        nullToEmpty(a.performanceWay()), nullToEmpty(a.performancePlace()), a.performanceDeadline(),
                        lead.closedOn(), mediators));
        Optional<RoutesNotice> routesNotice = lead.outcome() == Outcome.FAILED
                ? Optional.of(new RoutesNotice(header, parties, typeZh, typeEn, record.routesNotified(),
                        lead.closedOn(), record.routesNoticeOn()))
                : Optional.empty();
        Optional<JudicialDocument> judicial = file.judicialConfirmation().map(j -> new JudicialDocument(header,
                lead.closedOn(), j.appliedOn(), nullToEmpty(j.court()), nullToEmpty(j.courtCaseNumber()), j.result(),
                j.decidedOn()));

        List<FollowUp> visitList = file.followUps().stream().sorted(Comparator.comparing(FollowUp::visitedOn)).toList();
        List<FollowUpRecord> followUps = new ArrayList<>();
        for (int i = 0; i < visitList.size(); i++) {
            FollowUp f = visitList.get(i);
            followUps.add(new FollowUpRecord(header, i + 1, f.visitedOn(), lead.closedOn(), f.performance(),
                    f.satisfaction(), f.escalationSigns(), nullToEmpty(f.notes()), nullToEmpty(f.visitedParty()),
                    f.way(), nullToEmpty(f.reason()), parties));
        }

        Optional<ClosingReport> closing = lead.outcome() == null || lead.closedOn() == null ? Optional.empty()
                : Optional.of(new ClosingReport(header, parties, typeZh, typeEn, lead.acceptedOn(), lead.closedOn(),
                        lead.outcome(), mediators, file.preventions(), record.policeReportedOn(),
                        nullToEmpty(record.policeReportedTo()), nullToEmpty(info.closingReport())));
        FileNote note = new FileNote(header, nullToEmpty(info.fileNote()), nullToEmpty(info.remarks()),
                blankToNull(info.filedBy()), blankToNull(info.checkedBy()), info.filedOn(), files.size());
        CaseFileCover cover = new CaseFileCover(header, blankToNull(info.title()), parties, typeZh, typeEn, mediators,
                lead.acceptedOn(), lead.closedOn(), lead.outcome(), blankToNull(info.filedBy()), info.filedOn(),
                info.retention());
        return new CaseDocuments(cover, application, acceptance, rightsNotice, investigation, sessions, agreement,
                routesNotice, judicial, followUps, closing, note, files);
    }

    /** The party and its agents as printed: every ID and phone number masked unless {@code full}. */
    private static DocumentParty party(Party p, List<PartyAgent> agents, boolean full) {
        String id = nullToEmpty(p.idNumber()).strip();
        String phone = nullToEmpty(p.phone()).strip();
        List<DocumentAgent> partyAgents = agents.stream().filter(a -> a.partyId().equals(p.id()))
                .map(a -> new DocumentAgent(a.name(), a.kind(), a.authority(), a.authorityScope(),
                        full ? nullToEmpty(a.idNumber()).strip() : PersonalDataMask.idNumber(a.idNumber()),
                        full ? nullToEmpty(a.phone()).strip() : PersonalDataMask.phone(a.phone()), a.relation()))
                .toList();
        return new DocumentParty(p.role(), p.name(), p.gender(),
                full ? id : PersonalDataMask.idNumber(id), full ? phone : PersonalDataMask.phone(phone),
                nullToEmpty(p.address()), p.kind(), p.ethnicity(), p.birthDate(), p.age(), p.occupation(), p.employer(),
                p.creditCode(), p.legalRepresentative(), p.representativeTitle(), partyAgents);
    }

    private static Map<String, DictionaryEntry> byCode(List<DictionaryEntry> entries) {
        return entries.stream().collect(Collectors.toMap(DictionaryEntry::code, Function.identity()));
    }

    private static String nullToEmpty(String text) {
        return Objects.requireNonNullElse(text, "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
