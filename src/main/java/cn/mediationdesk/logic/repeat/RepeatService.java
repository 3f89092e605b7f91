package cn.mediationdesk.logic.repeat;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.lifecycle.LeadHistory;
import cn.mediationdesk.logic.lifecycle.LeadRules;
import cn.mediationdesk.logic.lifecycle.RiskHistory;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.RepeatRepository;
import cn.mediationdesk.logic.store.RepeatRepository.Count;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Repeat disputes (矛盾反复): the earlier leads a lead's parties appear in, marking a lead as the
 * recurrence of an earlier one, reopening a closed case as a new lead, and the people and addresses
 * with the most leads. Every operation checks the actor's role inside its transaction; a director or
 * mediator sees and links only their own committee's leads.
 */
public final class RepeatService {
    public static final int NOTE_MAX_LENGTH = 500;
    /** The most people and addresses a list shows. */
    public static final int LIST_LIMIT = 50;
    static final String RECURRENCE_PREFIX = "矛盾反复：";

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final AuditTrail audit;

    public RepeatService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.audit = AuditTrail.onThisPc(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The earlier leads whose parties match this lead's, among those the actor may read; newest first. */
    public List<RelatedLead> earlierLeads(UUID leadId) {
        return store.read(tx -> {
            Lead lead = readable(tx, leadId);
            return EarlierLeads.find(tx, lead, tx.leads().parties(leadId), scope(tx), today());
        });
    }

    /** The earlier lead this one is marked to recur after, as lists show it; empty when not marked. */
    public java.util.Optional<RelatedLead> recurredAfter(UUID leadId) {
        return store.read(tx -> {
            readable(tx, leadId);
            java.util.Optional<Recurrence> mark = tx.caseFiles().recurrence(leadId);
            if (mark.isEmpty()) {
                return java.util.Optional.<RelatedLead>empty();
            }
            Map<UUID, Set<MatchKind>> one = Map.of(mark.get().earlierLeadId(), Set.of());
            List<RelatedLead> shown = EarlierLeads.describe(tx, one, Map.of(), mark.get().earlierLeadId(), today());
            return shown.stream().findFirst();
        });
    }

    /**
     * Marks {@code leadId} as the recurrence of {@code earlierLeadId}, which must be found on or before it;
     * a lead of another committee only by an administrator.
     */
    public Recurrence markRecurrence(UUID leadId, UUID earlierLeadId, String note) {
        return store.write(tx -> {
            Lead lead = readable(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            Lead earlier = earlierLeadId == null ? null : tx.leads().find(earlierLeadId).orElse(null);
            if (earlier == null) {
                throw new ValidationException(Problem.of(Field.LEAD, "rule.repeat.earlierUnknown"));
            }
            Access.requireCase(tx, actor, earlier.committeeId());
            if (earlier.id().equals(lead.id())) {
                problems.add(Problem.of(Field.LEAD, "rule.repeat.notItself"));
            } else if (earlier.foundOn().isAfter(lead.foundOn())) {
                problems.add(Problem.of(Field.LEAD, "rule.repeat.earlierFoundLater", earlier.foundOn(), lead.foundOn()));
            }
            String text = checkNote(note, problems);
            failIfAny(problems);
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            boolean reopened = tx.caseFiles().recurrence(leadId)
                    .map(r -> r.reopened() && r.earlierLeadId().equals(earlierLeadId)).orElse(false);
            Recurrence mark = new Recurrence(leadId, earlierLeadId, today(), reopened, text);
            tx.caseFiles().saveRecurrence(mark);
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_RECURRENCE, before, leadId);
            return mark;
        });
    }

    /** Takes the recurrence mark off the lead. */
    public void unmarkRecurrence(UUID leadId) {
        store.write(tx -> {
            readable(tx, leadId);
            if (tx.caseFiles().recurrence(leadId).isEmpty()) {
                throw new ValidationException(Problem.of(Field.LEAD, "rule.repeat.notMarked"));
            }
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            tx.caseFiles().deleteRecurrence(leadId);
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_RECURRENCE, before, leadId);
            return null;
        });
    }

    /**
     * Reopens a closed case as a recurrence: a new lead of the same committee, community, grid and type
     * with the same parties, found today (or on the day given), marked as the recurrence of the closed
     * case. The closed case itself is left as it is, so every count of it stays.
     */
    public Lead reopen(UUID closedLeadId, ReopenInput input) {
        return store.write(tx -> {
            Lead closed = readable(tx, closedLeadId);
            List<Problem> problems = new ArrayList<>();
            if (closed.outcome() == null || closed.closedOn() == null) {
                throw new ValidationException(Problem.of(Field.LEAD, "rule.repeat.reopenNeedsClosed"));
            }
            LocalDate foundOn = input.foundOn() != null ? input.foundOn() : today();
            LeadRules.checkDate(foundOn, Field.FOUND_ON, today(), problems);
            LeadRules.checkOrder(closed.closedOn(), foundOn, Field.FOUND_ON, Field.CLOSED_ON, problems);
            String source = blankToNull(input.sourceCode()) != null ? input.sourceCode().strip() : closed.sourceCode();
            boolean knownSource = tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE).stream()
                    .map(DictionaryEntry::code).anyMatch(source::equals);
            if (!knownSource) {
                problems.add(Problem.of(Field.SOURCE, "rule.repeat.unknownSource", source));
            }
            String summary = blankToNull(input.summary()) != null ? input.summary().strip()
                    : (RECURRENCE_PREFIX + closed.summary());
            if (blankToNull(input.summary()) == null && summary.length() > LeadRules.SUMMARY_MAX_LENGTH) {
                summary = summary.substring(0, LeadRules.SUMMARY_MAX_LENGTH);
            }
            if (summary.length() > LeadRules.SUMMARY_MAX_LENGTH) {
                problems.add(Problem.of(Field.SUMMARY, "rule.summary.tooLong", LeadRules.SUMMARY_MAX_LENGTH,
                        summary.length()));
            }
            String note = checkNote(input.note(), problems);
            failIfAny(problems);
            Lead lead = new Lead(UUID.randomUUID(), closed.committeeId(), closed.communityId(), closed.gridId(), null,
                    foundOn, source, closed.disputeTypeCode(), summary, closed.peopleCount(), null, closed.risk(),
                    closed.criminalRisk(), closed.groupRisk(), null, null, null, null, null, null, null, null, null,
                    null, null, 0);
            tx.leads().insert(lead, clock.instant());
            tx.caseFiles().insertRiskAssessment(RiskHistory.first(lead, actor.displayName(), clock.instant()));
            List<Party> parties = tx.leads().parties(closedLeadId).stream()
                    .map(p -> new Party(UUID.randomUUID(), lead.id(), p.name(), p.gender(), p.idNumber(), p.phone(),
                            p.address(), p.role(), p.position(), p.kind(), p.ethnicity(), p.birthDate(), p.age(),
                            p.occupation(), p.employer(), p.creditCode(), p.legalRepresentative(),
                            p.representativeTitle()))
                    .toList();
            tx.leads().replaceParties(lead.id(), parties);
            LeadHistory.record(tx.leads(), null, lead, clock, actor.username());
            tx.caseFiles().saveRecurrence(new Recurrence(lead.id(), closedLeadId, today(), true, note));
            audit.leadChanged(tx, actor.username(), AuditAction.LEAD_REOPEN, null, lead.id());
            return tx.leads().find(lead.id()).orElseThrow();
        });
    }

    /**
     * The people (by ID number, else by name at an address) and the addresses found in at least two
     * leads of the period, most leads first; only the actor's committee unless an administrator.
     */
    public Repeaters repeaters(LocalDate from, LocalDate to) {
        return store.read(tx -> {
            Long committee = scope(tx);
            RepeatRepository repeats = tx.repeats();
            List<Repeater> people = new ArrayList<>();
            repeats.idNumbersInLeads(from, to, committee, 2, LIST_LIMIT)
                    .forEach(c -> people.add(person(c)));
            repeats.namesAtAddressesInLeads(from, to, committee, 2, LIST_LIMIT)
                    .forEach(c -> people.add(person(c)));
            people.sort(Comparator.comparingInt(Repeater::leads).reversed());
            List<Repeater> addresses = repeats.addressesInLeads(from, to, committee, 2, LIST_LIMIT).stream()
                    .map(c -> new Repeater(Repeater.Kind.ADDRESS, null, null, c.address(), c.leads())).toList();
            return new Repeaters(people.subList(0, Math.min(LIST_LIMIT, people.size())), addresses);
        });
    }

    /** The leads of the period behind one {@link Repeater}, the newest first. */
    public List<RelatedLead> leadsOf(Repeater repeater, LocalDate from, LocalDate to) {
        return store.read(tx -> {
            Long committee = scope(tx);
            RepeatRepository repeats = tx.repeats();
            List<UUID> ids;
            if (repeater.kind() == Repeater.Kind.ADDRESS) {
                ids = repeats.leadsAt(repeater.address(), from, to, committee);
            } else if (repeater.idNumber() != null) {
                ids = repeats.leadsWithIdNumber(repeater.idNumber(), from, to, committee);
            } else {
                ids = repeats.leadsWithNameAt(repeater.name(), repeater.address(), from, to, committee);
            }
            Map<UUID, Set<MatchKind>> shown = new LinkedHashMap<>();
            ids.forEach(id -> shown.put(id, EnumSet.noneOf(MatchKind.class)));
            return EarlierLeads.describe(tx, shown, Map.of(), null, today());
        });
    }

    private static Repeater person(Count c) {
        return new Repeater(Repeater.Kind.PERSON, c.idNumber(), c.name(), c.address(), c.leads());
    }

    /** The lead, provided the actor may read its case. */
    private Lead readable(Tx tx, UUID leadId) {
        Lead lead = tx.leads().find(leadId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
        Access.requireCase(tx, actor, lead.committeeId());
        return lead;
    }

    private Long scope(Tx tx) {
        return Access.caseScope(tx, actor).orElse(null);
    }

    private static String checkNote(String note, List<Problem> problems) {
        String text = blankToNull(note);
        if (text != null && text.strip().length() > NOTE_MAX_LENGTH) {
            problems.add(Problem.of(Field.LEAD, "rule.repeat.noteTooLong", NOTE_MAX_LENGTH));
        }
        return text == null ? null : text.strip();
    }

    private static void failIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
