package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.ledger.ImportPlan.GridKey;
import cn.mediationdesk.logic.ledger.ImportPlan.PlannedLead;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.lifecycle.CaseNumbers;
import cn.mediationdesk.logic.lifecycle.CaseSettings;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LeadHistory;
import cn.mediationdesk.logic.lifecycle.RiskHistory;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.repeat.EarlierLeads;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes an {@link ImportPlan} inside the caller's transaction: the organization it needs, then the
 * leads with their case numbers, parties, agreements and history. Checks nothing the planner
 * checked; a lead whose row says nothing new is left untouched, so re-importing a ledger is a no-op.
 */
final class ImportWriter {
    /** New leads written per batch: large enough that each statement is prepared rarely, small enough to hold. */
    private static final int BATCH = 1000;
    private final Tx tx;
    private final LeadRepository leads;
    private final Clock clock;
    private final String user;
    private final String source;
    private final Map<String, Community> communities = new HashMap<>();
    private final Map<String, Committee> committees = new HashMap<>();
    private final Map<GridKey, Long> grids = new HashMap<>();

    private final AuditTrail audit;
    /** New leads made and not yet written: {@link #BATCH} at most. */
    private final List<Queued> queued = new ArrayList<>();
    /** New leads that get a case number, made in row order and written once numbered (the last step). */
    private final Map<UUID, Queued> heldForNumbers = new java.util.LinkedHashMap<>();
    private Optional<User> importer;
    private int matchingEarlier;

    /** @param source the ledger file's name, which a correction gives as its reason */
    ImportWriter(Tx tx, Clock clock, String user, String source) {
        // held back to the last step: see write(ImportPlan)
        this.audit = AuditTrail.onThisPc(clock).holdingBack();
        this.tx = tx;
        this.leads = tx.leads();
        this.clock = clock;
        this.user = user;
        this.source = source;
    }

    /**
     * Writes the plan. What other PCs also need is taken last, just before the commit: a committee's
     * case-number counter (locked from the first number issued until the commit) and the audit
     * chain's single row. Taken at the start, as before, they held every acceptance and every audited
     * change on the other PCs for the whole length of a large import, which then failed on a lock
     * timeout. Numbers are still issued inside this transaction, so a failed import gives them all
     * back (no gaps) and nobody else can take the same ones (no duplicates).
     *
     * <p>A new lead that gets a number is made in memory as it comes and written in that last step, its
     * number in its row and in its ACCEPTED step from the start: written earlier, it took an UPDATE of
     * the lead and one of the step and was indexed twice. The exception is a new lead that another row
     * names as the lead it repeats, which must be in the database first: it is numbered afterwards.
     */
    void write(ImportPlan plan) {
        createOrganization(plan);
        CaseSettings settings = CaseSettings.load(tx.settings());
        List<PlannedLead> toNumber = needingNumbers(plan);
        java.util.Set<UUID> numbered = new java.util.HashSet<>();
        toNumber.forEach(p -> numbered.add(p.id()));
        Set<UUID> namedAsRepeated = plan.leads().stream().map(PlannedLead::duplicateOfId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        // To the microsecond, as the database keeps it: new leads' audit entries are made from what was
        // written, not read back, and must be what a read gives.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Unnumbered> unnumbered = new ArrayList<>();
        for (PlannedLead p : plan.leads()) {
            if (p.existing() == null) {
                boolean getsNumber = numbered.contains(p.id());
                Queued made = made(p, settings, now, getsNumber);
                if (getsNumber && !namedAsRepeated.contains(p.id())) {
                    heldForNumbers.put(p.id(), made);
                    continue;
                }
                queued.add(made);
                if (queued.size() == BATCH) {
                    writeQueued(now, unnumbered);
                }
            } else {
                // An existing lead may name a new one as the lead it repeats: that one is written first.
                writeQueued(now, unnumbered);
                write(p, settings, now, numbered.contains(p.id())).ifPresent(unnumbered::add);
            }
        }
        writeQueued(now, unnumbered);
        issueCaseNumbers(toNumber, unnumbered, settings, now);
        audit.appendHeld(tx);
    }

    private void createOrganization(ImportPlan plan) {
        OrganizationRepository organization = tx.organization();
        for (String name : plan.newCommunities()) {
            Community created = OrganizationService.createCommunity(tx, name);
            audit.entityChanged(tx, user, AuditAction.IMPORT_COMMUNITY, AuditTrail.COMMUNITY, String.valueOf(created.id()), null,
                    Map.of());
        }
        organization.communities().forEach(c -> communities.put(c.name(), c));
        List<String> typeLabels = tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE).stream()
                .map(DictionaryEntry::nameZh).toList();
        for (String name : plan.newCommittees()) {
            String shortName = OrganizationService.shortNameOf(name);
            Community served = communities.get(shortName);
            CommitteeKind kind = served != null ? CommitteeKind.COMMUNITY : kindOf(shortName, typeLabels);
            Committee created = OrganizationService.createCommittee(tx, name, shortName, kind,
                    served == null ? null : served.id());
            audit.entityChanged(tx, user, AuditAction.IMPORT_COMMITTEE, AuditTrail.COMMITTEE, String.valueOf(created.id()),
                    created.id(), Map.of());
        }
        organization.committees().forEach(c -> committees.put(c.name(), c));
        Map<Long, String> communityNames = new HashMap<>();
        communities.values().forEach(c -> communityNames.put(c.id(), c.name()));
        for (Grid g : organization.grids()) {
            grids.put(new GridKey(communityNames.get(g.communityId()), g.name()), g.id());
        }
        for (GridKey key : plan.newGrids()) {
            long grid = organization.insertGrid(communities.get(key.community()).id(), key.name(), null);
            audit.entityChanged(tx, user, AuditAction.IMPORT_GRID, AuditTrail.GRID, String.valueOf(grid), null, Map.of());
            grids.put(key, grid);
        }
    }

    /**
     * A ledger says nothing of a new committee's kind; guess it from the name, as a clerk would:
     * one named after a community serves it (handled by the caller), one named after a kind of
     * dispute (医疗纠纷…, 道路交通事故…) is a trade committee, any other serves the jurisdiction.
     */
    private static CommitteeKind kindOf(String shortName, List<String> disputeTypeLabels) {
        boolean trade = shortName.contains("纠纷") || disputeTypeLabels.stream().anyMatch(shortName::contains);
        return trade ? CommitteeKind.TRADE : CommitteeKind.JURISDICTION;
    }

    /**
     * The leads accepted by this import that have no number yet, in order of acceptance day and then
     * row, so that numbers follow the ledger. A lead numbered before keeps its number.
     */
    private static List<PlannedLead> needingNumbers(ImportPlan plan) {
        return plan.leads().stream()
                .filter(p -> p.row().acceptedOn() != null)
                .filter(p -> p.existing() == null || p.existing().caseNumber() == null)
                .sorted(Comparator.comparing((PlannedLead p) -> p.row().acceptedOn())
                        .thenComparingInt(p -> p.row().number()))
                .toList();
    }

    /**
     * A lead written without the case number it is to get: as read back once written (its history
     * included, the ACCEPTED step still without the number's text), for its audit entry.
     */
    private record Unnumbered(PlannedLead planned, LeadFile written, LeadSnapshot before, AuditAction action) {
    }

    /**
     * The last writing step, which holds the committees' counters until the commit: the counters are
     * locked in one order (by id, so that two imports cannot deadlock), each committee's numbers of a
     * year reserved with one raise. Leads already written get theirs (and their ACCEPTED steps) in two
     * batches, their audit entries made from what was read before, with the number; the new leads held
     * for their numbers are then written with them, in batches. Writing those rows here costs less than
     * updating them here did (an UPDATE rewrote the row and its indexes, and the text index was redone).
     */
    private void issueCaseNumbers(List<PlannedLead> toNumber, List<Unnumbered> unnumbered, CaseSettings settings,
                                  Instant now) {
        if (toNumber.isEmpty()) {
            return;
        }
        toNumber.stream().map(p -> committees.get(p.committee()).id()).distinct().sorted()
                .forEach(leads::lockCaseNumbers);
        Map<String, List<PlannedLead>> byCommitteeAndYear = new java.util.LinkedHashMap<>();
        for (PlannedLead p : toNumber) { // in numbering order already, which each group keeps
            byCommitteeAndYear.computeIfAbsent(p.committee() + "\n" + p.row().acceptedOn().getYear(),
                    key -> new ArrayList<>()).add(p);
        }
        Map<UUID, CaseNumber> numbers = new HashMap<>();
        for (List<PlannedLead> group : byCommitteeAndYear.values()) {
            PlannedLead first = group.getFirst();
            List<CaseNumber> issued = CaseNumbers.issue(tx, committees.get(first.committee()),
                    first.row().acceptedOn().getYear(), group.size(), settings.numberFormat());
            for (int i = 0; i < group.size(); i++) {
                numbers.put(group.get(i).id(), issued.get(i));
            }
        }
        Map<UUID, CaseNumber> written = new HashMap<>(numbers);
        written.keySet().removeAll(heldForNumbers.keySet());
        if (!leads.assignCaseNumbers(written)) {
            throw new ConcurrentChangeException(toNumber.getFirst().id());
        }
        for (Unnumbered u : unnumbered) {
            audit.leadChanged(tx, user, u.action(), u.before(), LeadSnapshot.of(numbered(u.written(),
                    numbers.get(u.planned().id()))));
        }
        // The held new leads, in row order, now whole: in batches as any other new lead.
        for (Queued held : heldForNumbers.values()) {
            queued.add(new Queued(held.planned(), numbered(held.file(), numbers.get(held.planned().id())), false,
                    held.action()));
            if (queued.size() == BATCH) {
                writeQueued(now, unnumbered);
            }
        }
        writeQueued(now, unnumbered);
        heldForNumbers.clear();
    }

    /** The lead as it is once its number is given: on the lead, and as the text of its ACCEPTED step. */
    private static LeadFile numbered(LeadFile file, CaseNumber number) {
        Lead lead = file.lead();
        List<Transition> transitions = file.transitions().stream()
                .map(t -> t.kind() == TransitionKind.ACCEPTED && t.detail() == null
                        ? new Transition(t.id(), t.leadId(), t.kind(), t.effectiveOn(), number.text(), t.recordedAt(),
                        t.recordedBy())
                        : t)
                .toList();
        return file.with(lead.withAcceptance(lead.acceptedOn(), number, lead.dueOn()), transitions);
    }

    /**
     * Writes one lead, its parties and agreement, one statement at a time: used for a lead the database
     * already holds (new leads go in batches through {@link #queue}). A lead that is to get a new case
     * number is written without it; its history and audit entry wait for the number (returned to do so).
     */
    private Optional<Unnumbered> write(PlannedLead p, CaseSettings settings, Instant now, boolean getsNumber) {
        Lead before = p.existing();
        Lead after = lead(p, settings);
        List<Party> partiesBefore = before == null ? List.of() : leads.parties(p.id());
        List<Party> parties = parties(p, partiesBefore);
        Optional<Agreement> agreementBefore = before == null ? Optional.empty() : leads.agreement(p.id());
        Optional<Agreement> agreement = agreement(p, agreementBefore);
        if (before != null && after.equals(before) && parties.equals(partiesBefore)
                && agreement.equals(agreementBefore)) {
            return Optional.empty();
        }
        LeadSnapshot snapshot = before == null ? null : audit.snapshotLead(tx, p.id());
        if (before == null) {
            leads.insert(after, now);
            tx.caseFiles().insertRiskAssessment(RiskHistory.first(after, assessor(), now));
        } else if (!leads.update(after, now)) {
            throw new ConcurrentChangeException(after.id());
        } else if (RiskHistory.changed(before, after)) {
            tx.caseFiles().insertRiskAssessment(RiskHistory.of(after, LocalDate.now(clock), after.risk(),
                    after.criminalRisk(), after.groupRisk(), assessor(), null, now));
        }
        if (!parties.equals(partiesBefore)) {
            // Replacing the parties takes their agents with them (ON DELETE CASCADE): a party the row
            // still names keeps its id, so its agents entered in the app are written back for it.
            List<PartyAgent> agentsKept = before == null ? List.of() : agentsOf(tx.caseFiles().agents(p.id()), parties);
            leads.replaceParties(p.id(), parties);
            if (!agentsKept.isEmpty()) {
                tx.caseFiles().replaceAgents(p.id(), agentsKept);
            }
        }
        if (agreement.isPresent()) {
            if (!agreement.equals(agreementBefore)) {
                leads.saveAgreement(agreement.get());
            }
        } else if (agreementBefore.isPresent()) {
            leads.deleteAgreement(p.id());
        }
        AuditAction action = recordHistory(p, before, after, now);
        if (!EarlierLeads.find(tx, after, parties, importer().map(EarlierLeads::scopeOf).orElse(null),
                LocalDate.now(clock)).isEmpty()) {
            matchingEarlier++;
        }
        if (getsNumber) {
            // Read now, outside the last step; only the number is added to it then.
            return Optional.of(new Unnumbered(p, LeadSnapshot.readFile(tx, p.id()).orElseThrow(), snapshot, action));
        }
        audit.leadChanged(tx, user, action, snapshot, p.id());
        return Optional.empty();
    }

    /** A new lead as it is to be written, held for the next batch. */
    private record Queued(PlannedLead planned, LeadFile file, boolean getsNumber, AuditAction action) {
    }

    /**
     * Makes a new lead, its parties, agreement, history and first risk assessment in memory, for
     * {@link #writeQueued}. They are all the lead has, so its audit entry is made from them.
     */
    private Queued made(PlannedLead p, CaseSettings settings, Instant now, boolean getsNumber) {
        Lead lead = lead(p, settings);
        List<Party> parties = parties(p, List.of());
        Optional<Agreement> agreement = agreement(p, Optional.empty());
        List<Transition> history = new ArrayList<>(LeadHistory.transitions(null, lead, now, LocalDate.now(clock), user));
        AuditAction action = AuditAction.IMPORT_ADD;
        if (p.correction()) {
            history.add(correctionReason(p, now));
            action = AuditAction.LEAD_CORRECT;
        }
        RiskAssessment risk = RiskHistory.first(lead, assessor(), now);
        LeadFile file = new LeadFile(lead, parties, List.of(), List.of(), List.of(), agreement, List.of(), List.of(),
                Optional.empty(), history, List.of(), null, List.of(), null, Set.of(), List.of(), List.of(risk),
                Optional.empty(), List.of());
        return new Queued(p, file, getsNumber, action);
    }

    /**
     * Writes the new leads held so far, each kind of row in one batch, then what follows from them: the
     * check for earlier leads with the same parties, and their audit entries (held back to the end, or
     * waiting for the case number).
     */
    private void writeQueued(Instant now, List<Unnumbered> unnumbered) {
        if (queued.isEmpty()) {
            return;
        }
        List<Lead> newLeads = new ArrayList<>(queued.size());
        List<Party> parties = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        List<Transition> transitions = new ArrayList<>();
        List<RiskAssessment> assessments = new ArrayList<>(queued.size());
        for (Queued q : queued) {
            newLeads.add(q.file().lead());
            parties.addAll(q.file().parties());
            q.file().agreement().ifPresent(agreements::add);
            transitions.addAll(q.file().transitions());
            assessments.addAll(q.file().riskAssessments());
        }
        leads.insertAll(new LeadRepository.NewLeads(newLeads, parties, agreements, transitions, assessments), now);
        // Here the leads of this batch (newLeads) are written whole, with their parts: the one place where
        // anything kept in step with the lead table (a search index, a tally) learns of them, inside
        // this same transaction. An updated lead is written one at a time, in write(PlannedLead, …).
        for (Queued q : queued) {
            if (!EarlierLeads.find(tx, q.file().lead(), q.file().parties(),
                    importer().map(EarlierLeads::scopeOf).orElse(null), LocalDate.now(clock)).isEmpty()) {
                matchingEarlier++;
            }
            if (q.getsNumber()) {
                unnumbered.add(new Unnumbered(q.planned(), q.file(), null, q.action()));
            } else {
                audit.leadChanged(tx, user, q.action(), null, LeadSnapshot.of(q.file()));
            }
        }
        queued.clear();
    }

    private Transition correctionReason(PlannedLead p, Instant now) {
        return new Transition(UUID.randomUUID(), p.id(), TransitionKind.CORRECTED, LocalDate.now(clock),
                "reason: ledger import " + source + ", row " + p.row().number(), now, user);
    }

    /** The lead's transitions and a correction's reason; returns the action its audit entry records. */
    private AuditAction recordHistory(PlannedLead p, Lead before, Lead after, Instant now) {
        LeadHistory.record(leads, before, after, clock, user);
        AuditAction action = before == null ? AuditAction.IMPORT_ADD : AuditAction.IMPORT_UPDATE;
        if (p.correction()) {
            // As a correction made in the app: its reason on the lead's history, a correction on the trail.
            leads.insertTransition(correctionReason(p, now));
            action = AuditAction.LEAD_CORRECT;
        }
        return action;
    }

    private Lead lead(PlannedLead p, CaseSettings settings) {
        LedgerRow row = p.row();
        Lead before = p.existing();
        // a new number is given last (issueCaseNumbers); one issued before is kept
        CaseNumber caseNumber = before == null ? null : before.caseNumber();
        LocalDate dueOn = null;
        if (row.acceptedOn() != null) {
            boolean sameAcceptance = before != null && row.acceptedOn().equals(before.acceptedOn()) && before.dueOn() != null;
            // A due date once set stays, even if the time limit setting has changed since.
            dueOn = sameAcceptance ? before.dueOn() : row.acceptedOn().plusDays(settings.timeLimitDays());
        }
        boolean keepsDecline = row.declinedOn() == null && before != null && before.isDeclined()
                && keepsDecline(before, row);
        GridKey grid = row.grid() == null ? null : new GridKey(p.community(), row.grid());
        BigDecimal amount = row.amount() == null ? null : row.amount().setScale(2); // as the database keeps it
        return new Lead(p.id(), committees.get(p.committee()).id(), communities.get(p.community()).id(),
                grid == null ? null : grids.get(grid), row.leadNo(), row.foundOn(), row.sourceCode(),
                row.disputeTypeCode(), row.summary(), row.people(), amount, row.risk(),
                // The ledger has no columns for the two risk flags: keep what was marked in the app.
                before != null && before.criminalRisk(), before != null && before.groupRisk(),
                row.verifiedOn(), row.verification(), p.duplicateOfId(), row.transferredTo(),
                row.acceptedOn(), caseNumber, dueOn, row.closedOn(), row.outcome(),
                // A refusal the row names (拒绝调解日期); else one marked in the app stays while the row leaves
                // the genuine lead unaccepted.
                row.declinedOn() != null ? row.declinedOn() : keepsDecline ? before.declinedOn() : null,
                row.declinedOn() != null ? row.declinedBy() : keepsDecline ? before.declinedBy() : null,
                before == null ? 0 : before.version());
    }

    /** The importer's name as shown, who assesses the risk a row gives. */
    private String assessor() {
        return importer().map(User::displayName).orElse(user);
    }

    /** The importing account; empty on a database without accounts yet. */
    private Optional<User> importer() {
        if (importer == null) {
            importer = tx.users().findByUsername(user);
        }
        return importer;
    }

    /** How many of the leads written have a party found in an earlier lead (矛盾反复 to look into). */
    int matchingEarlier() {
        return matchingEarlier;
    }

    /** Whether a declined lead stays declined: the row leaves it genuine, unaccepted, verified by the refusal. */
    static boolean keepsDecline(Lead before, LedgerRow row) {
        if (row.declinedOn() != null) {
            return row.declinedOn().equals(before.declinedOn());
        }
        return row.acceptedOn() == null && row.verification() == VerificationResult.GENUINE
                && !row.verifiedOn().isAfter(before.declinedOn());
    }

    /**
     * The row's parties. A party already recorded under the same name and role keeps its id and the
     * personal details entered in the app (ID number, phone …), which a ledger does not carry.
     */
    private static List<Party> parties(PlannedLead p, List<Party> recorded) {
        List<Party> unmatched = new ArrayList<>(recorded);
        List<Party> parties = new ArrayList<>();
        List<LedgerParty> named = p.row().parties();
        for (int i = 0; i < named.size(); i++) {
            LedgerParty party = named.get(i);
            Optional<Party> known = unmatched.stream()
                    .filter(r -> r.name().equals(party.name()) && r.role() == party.role()).findFirst();
            known.ifPresent(unmatched::remove);
            int position = i;
            parties.add(known.map(r -> new Party(r.id(), r.leadId(), r.name(), r.gender(), r.idNumber(), r.phone(),
                            r.address(), r.role(), position, r.kind(), r.ethnicity(), r.birthDate(), r.age(),
                            r.occupation(), r.employer(), r.creditCode(), r.legalRepresentative(),
                            r.representativeTitle()))
                    .orElseGet(() -> Party.person(TimeOrderedIds.next(), p.id(), party.name(), null, null, null, null,
                            party.role(), position)));
        }
        return parties;
    }

    /** The agents among {@code agents} whose party is one of {@code parties}. */
    private static List<PartyAgent> agentsOf(List<PartyAgent> agents, List<Party> parties) {
        Set<UUID> partyIds = parties.stream().map(Party::id).collect(Collectors.toSet());
        return agents.stream().filter(a -> partyIds.contains(a.partyId())).toList();
    }

    /** A resolved case's agreement in the row's form; terms and money entered in the app are kept. */
    private static Optional<Agreement> agreement(PlannedLead p, Optional<Agreement> recorded) {
        AgreementForm form = p.row().agreementForm();
        if (p.row().outcome() != Outcome.RESOLVED || form == null) {
            return Optional.empty();
        }
        return Optional.of(recorded
                .map(a -> new Agreement(a.leadId(), form, a.terms(), a.amount(), a.performanceDeadline(), a.facts(),
                        a.issues(), a.responsibility(), a.performanceWay(), a.performancePlace()))
                .orElseGet(() -> Agreement.brief(p.id(), form, null, null, null)));
    }

}
