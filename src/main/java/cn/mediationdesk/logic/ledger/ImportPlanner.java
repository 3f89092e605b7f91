package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.ledger.ImportPlan.GridKey;
import cn.mediationdesk.logic.ledger.ImportPlan.PlannedLead;
import cn.mediationdesk.logic.organization.OrganizationLookup;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Checks a whole ledger against itself and the database and turns it into an {@link ImportPlan};
 * writes nothing. Beyond each row's own checks: communities and committees must exist (or be
 * creatable), a lead number may appear once per committee, a duplicate must name a lead that
 * can be found, and a row may not move a finished lead backwards unless corrections are allowed.
 */
final class ImportPlanner {
    private final LeadRepository leads;
    private final LedgerHeader header;
    private final LedgerRowParser parser;
    private final LedgerVocabulary vocabulary;
    private final boolean createMissing;
    private final boolean allowCorrections;
    private final List<Community> communities;
    private final List<Committee> committees;
    private final Set<GridKey> existingGrids = new HashSet<>();
    private final Map<String, Resolution> communityByText = new HashMap<>();
    private final Map<String, Resolution> committeeByText = new HashMap<>();
    private final Map<String, Committee> committeeByName = new HashMap<>();
    /** The leads of the rows' committees and lead numbers, read before the rows are checked; empty: none. */
    private final Map<LeadKey, Optional<Lead>> existingByLeadNo = new HashMap<>();

    /** What a community or committee cell names: an existing one, one to create, or nothing usable. */
    private record Resolution(String name, boolean isNew, List<Problem> problems) {
    }

    private record LeadKey(String committee, String leadNo) {
    }

    ImportPlanner(Tx tx, LedgerHeader header, ImportOptions options, LocalDate today) {
        this.leads = tx.leads();
        this.header = header;
        this.vocabulary = LedgerVocabulary.load(tx.dictionaries());
        this.parser = new LedgerRowParser(header, vocabulary, today);
        this.createMissing = options.createMissing();
        this.allowCorrections = options.allowCorrections();
        this.communities = tx.organization().communities();
        this.committees = tx.organization().committees();
        Map<Long, String> communityNames = new HashMap<>();
        communities.forEach(c -> communityNames.put(c.id(), c.name()));
        tx.organization().grids().forEach(g -> existingGrids.add(new GridKey(communityNames.get(g.communityId()), g.name())));
        committees.forEach(c -> committeeByName.put(c.name(), c));
    }

    /** @throws LedgerRejectedException listing every problem of every row */
    ImportPlan plan(LedgerTable table) {
        List<RowProblem> problems = new ArrayList<>();
        List<PlannedLead> planned = new ArrayList<>();
        Map<LeadKey, PlannedLead> byLeadNo = new HashMap<>();
        Set<String> newCommunities = new LinkedHashSet<>();
        Set<String> newCommittees = new LinkedHashSet<>();
        Set<GridKey> newGrids = new LinkedHashSet<>();
        List<LedgerRowParser.Parsed> rows = table.rows().stream().map(parser::parse).toList();
        findExisting(rows);
        for (LedgerRowParser.Parsed parsed : rows) {
            problems.addAll(parsed.problems());
            LedgerRow row = parsed.row();
            Resolution community = resolve(row.community(), communityByText, this::community, Field.COMMUNITY);
            Resolution committee = resolve(row.committee(), committeeByText, this::committee, Field.COMMITTEE);
            for (Resolution r : List.of(community, committee)) {
                r.problems().forEach(p -> problems.add(header.at(row.number(), p)));
            }
            if (community.name() == null || committee.name() == null) {
                continue;
            }
            if (community.isNew()) {
                newCommunities.add(community.name());
            }
            if (committee.isNew()) {
                newCommittees.add(committee.name());
            }
            Lead existing = existing(committee.name(), row.leadNo()).orElse(null);
            // Only a row that reads whole says what it would undo; a broken one is refused anyway.
            List<Problem> backwards = existing == null || !parsed.problems().isEmpty() ? List.of()
                    : backwards(existing, row);
            if (!allowCorrections) {
                backwards.forEach(p -> problems.add(header.at(row.number(), p)));
            }
            PlannedLead lead = new PlannedLead(row, existing == null ? TimeOrderedIds.next() : existing.id(), existing,
                    community.name(), committee.name(), null, !backwards.isEmpty());
            if (row.leadNo() != null) {
                PlannedLead first = byLeadNo.putIfAbsent(new LeadKey(committee.name(), row.leadNo()), lead);
                if (first != null) {
                    problems.add(header.at(row.number(), Problem.of(Field.LEAD_NO, "ledger.leadNo.repeated",
                            row.leadNo(), first.row().number())));
                }
            }
            if (row.grid() != null && !existingGrids.contains(new GridKey(community.name(), row.grid()))) {
                newGrids.add(new GridKey(community.name(), row.grid()));
            }
            planned.add(lead);
        }
        List<PlannedLead> ordered = duplicatesAfterOriginals(withDuplicateTargets(planned, byLeadNo, problems), problems);
        if (!problems.isEmpty()) {
            throw new LedgerRejectedException(problems);
        }
        return new ImportPlan(ordered, List.copyOf(newCommunities), List.copyOf(newCommittees),
                List.copyOf(newGrids), header.unknownColumns());
    }

    private static Resolution resolve(String text, Map<String, Resolution> cache, Function<String, Resolution> lookup,
                                      Field field) {
        if (text == null) {
            return new Resolution(null, false, List.of()); // blank: the row parser has said so
        }
        Resolution r = cache.computeIfAbsent(text, lookup);
        // Problems about a new name speak of "name"; in a ledger they belong to the column that held it.
        return new Resolution(r.name(), r.isNew(), r.problems().stream()
                .map(p -> new Problem(field, p.key(), p.args())).toList());
    }

    private Resolution community(String text) {
        Optional<Community> found = OrganizationLookup.community(communities, text);
        if (found.isPresent()) {
            return new Resolution(found.get().name(), false, List.of());
        }
        if (!createMissing) {
            return new Resolution(null, false, List.of(Problem.of(Field.COMMUNITY, "ledger.community.unknown", text)));
        }
        return creatable(text, OrganizationService.communityProblems(communities, text));
    }

    private Resolution committee(String text) {
        Optional<Committee> found = OrganizationLookup.committee(committees, text);
        if (found.isPresent()) {
            return new Resolution(found.get().name(), false, List.of());
        }
        if (!createMissing) {
            return new Resolution(null, false, List.of(Problem.of(Field.COMMITTEE, "ledger.committee.unknown", text)));
        }
        return creatable(text, OrganizationService.committeeProblems(committees, text,
                OrganizationService.shortNameOf(text)));
    }

    private static Resolution creatable(String name, List<Problem> problems) {
        return problems.isEmpty() ? new Resolution(name, true, List.of()) : new Resolution(null, false, problems);
    }

    /**
     * Reads the leads the rows may update, each committee's in a few statements ({@link
     * LeadRepository#findByLeadNos}) instead of one SELECT a row.
     */
    private void findExisting(List<LedgerRowParser.Parsed> rows) {
        Map<Committee, Set<String>> leadNos = new HashMap<>();
        for (LedgerRowParser.Parsed parsed : rows) {
            LedgerRow row = parsed.row();
            Resolution committee = resolve(row.committee(), committeeByText, this::committee, Field.COMMITTEE);
            Committee c = committee.name() == null ? null : committeeByName.get(committee.name());
            if (c != null && row.leadNo() != null) {
                leadNos.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(row.leadNo());
            }
        }
        leadNos.forEach((committee, numbers) -> {
            Map<String, Lead> found = leads.findByLeadNos(committee.id(), numbers);
            numbers.forEach(n -> existingByLeadNo.put(new LeadKey(committee.name(), n), Optional.ofNullable(found.get(n))));
        });
    }

    /** The lead a row updates: same committee, same lead number. A committee still to be created has none. */
    private Optional<Lead> existing(String committee, String leadNo) {
        Committee c = committeeByName.get(committee);
        if (c == null || leadNo == null) {
            return Optional.empty();
        }
        Optional<Lead> read = existingByLeadNo.get(new LeadKey(committee, leadNo));
        return read != null ? read : leads.findByLeadNo(c.id(), leadNo);
    }

    /**
     * What {@code row} would undo of a finished lead (closed with an outcome, verified as not for
     * mediation, or refused by a party): a closed case reopened or its outcome changed, the
     * verification changed, a refusal undone, the agreement or a party deleted. Each is a problem
     * unless corrections are allowed; nothing is reported for a lead still in progress, which a
     * newer ledger simply brings up to date.
     */
    private List<Problem> backwards(Lead before, LedgerRow row) {
        boolean finished = before.outcome() != null || before.isDeclined()
                || before.verificationResult() != null && before.verificationResult() != VerificationResult.GENUINE;
        if (!finished) {
            return List.of();
        }
        List<Problem> found = new ArrayList<>();
        if (before.outcome() != null && row.outcome() == null) {
            found.add(Problem.of(Field.OUTCOME, "ledger.correction.reopened", before.closedOn(), outcome(before.outcome())));
        } else if (before.outcome() != null && row.outcome() != before.outcome()) {
            found.add(Problem.of(Field.OUTCOME, "ledger.correction.outcomeChanged", before.closedOn(),
                    outcome(before.outcome()), outcome(row.outcome())));
        }
        if (row.verification() != before.verificationResult()) {
            found.add(row.verification() == null
                    ? Problem.of(Field.VERIFICATION, "ledger.correction.verificationRemoved",
                            verification(before.verificationResult()))
                    : Problem.of(Field.VERIFICATION, "ledger.correction.verificationChanged",
                            verification(before.verificationResult()), verification(row.verification())));
        }
        if (before.isDeclined() && !ImportWriter.keepsDecline(before, row)) {
            found.add(Problem.of(Field.DECLINED_ON, "ledger.correction.declineRemoved", before.declinedOn()));
        }
        Optional<Agreement> agreement = before.outcome() == Outcome.RESOLVED ? leads.agreement(before.id()) : Optional.empty();
        if (agreement.isPresent() && (row.outcome() != Outcome.RESOLVED || row.agreementForm() == null)) {
            found.add(Problem.of(Field.AGREEMENT_FORM, "ledger.correction.agreementRemoved",
                    agreement.get().form() == AgreementForm.WRITTEN ? "书面" : "口头"));
        }
        List<LedgerParty> named = new ArrayList<>(row.parties());
        for (Party party : leads.parties(before.id())) {
            // Matched as the writer matches them: the same name in the same role is the same party.
            LedgerParty same = new LedgerParty(party.name(), party.role());
            if (!named.remove(same)) {
                found.add(Problem.of(Field.PARTIES, "ledger.correction.partyRemoved",
                        party.name() + "(" + LedgerParties.label(party.role()) + ")"));
            }
        }
        return found;
    }

    private String outcome(Outcome outcome) {
        return vocabulary.label(DictionaryKind.OUTCOME, outcome.name());
    }

    private String verification(VerificationResult result) {
        return vocabulary.label(DictionaryKind.VERIFICATION_RESULT, result.name());
    }

    /** Each duplicate with the id of the lead it repeats: a row of this file, or a lead of the same committee. */
    private List<PlannedLead> withDuplicateTargets(List<PlannedLead> planned, Map<LeadKey, PlannedLead> byLeadNo,
                                                   List<RowProblem> problems) {
        List<PlannedLead> resolved = new ArrayList<>(planned.size());
        for (PlannedLead p : planned) {
            String original = p.row().duplicateOf();
            if (original == null) {
                resolved.add(p);
                continue;
            }
            Optional<UUID> target = original.equals(p.row().leadNo()) ? Optional.empty()
                    : Optional.ofNullable(byLeadNo.get(new LeadKey(p.committee(), original))).map(PlannedLead::id)
                    .or(() -> existing(p.committee(), original).map(Lead::id));
            if (target.isEmpty()) {
                String key = original.equals(p.row().leadNo()) ? "ledger.duplicateOf.self" : "ledger.duplicateOf.notFound";
                problems.add(header.at(p.row().number(), Problem.of(Field.DUPLICATE_OF, key, original, p.committee())));
            }
            resolved.add(new PlannedLead(p.row(), p.id(), p.existing(), p.community(), p.committee(),
                    target.orElse(null), p.correction()));
        }
        return resolved;
    }

    /**
     * The leads in row order, except that a lead another row repeats is written before that row
     * (the database refers to it). Each lead repeats at most one other, so following those links
     * from each row either ends or comes back round: a ring of duplicates has no original.
     */
    private List<PlannedLead> duplicatesAfterOriginals(List<PlannedLead> planned, List<RowProblem> problems) {
        Map<UUID, PlannedLead> inFile = new HashMap<>();
        planned.forEach(p -> inFile.put(p.id(), p));
        Set<UUID> done = new HashSet<>();
        List<PlannedLead> ordered = new ArrayList<>(planned.size());
        for (PlannedLead start : planned) {
            Deque<PlannedLead> chain = new ArrayDeque<>();
            Set<UUID> onChain = new HashSet<>();
            PlannedLead p = start;
            while (p != null && !done.contains(p.id()) && onChain.add(p.id())) {
                chain.push(p);
                p = p.duplicateOfId() == null ? null : inFile.get(p.duplicateOfId());
            }
            if (p != null && onChain.contains(p.id())) {
                problems.add(header.at(p.row().number(), Problem.of(Field.DUPLICATE_OF, "ledger.duplicateOf.ring",
                        p.row().duplicateOf())));
            }
            while (!chain.isEmpty()) {
                PlannedLead next = chain.pop();
                done.add(next.id());
                ordered.add(next);
            }
        }
        return ordered;
    }
}
