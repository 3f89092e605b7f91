package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.SessionPlan;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A lead and all its parts as one sorted field → value map, e.g. {@code summary},
 * {@code party[0].idNumber}, {@code session[1].heldOn}, {@code agreement.terms}. Bookkeeping
 * (ids of the parts, the version counter, timestamps of the row) is left out. The transitions are
 * in the digest, so that history rewritten behind the application's back is noticed, but not in the
 * changes an entry shows: they are history, not data someone edited.
 *
 * @param committeeId null when the lead is absent
 * @param label       the case number, else the lead number, else the id: how a person finds the lead
 */
public record LeadSnapshot(UUID leadId, Long committeeId, String label, SortedMap<String, String> fields) {
    /** The parts of a lead whose fields a snapshot names {@code part[i].field} or {@code part.field}. */
    public static final List<String> PARTS = List.of("party", "verificationStep", "mediator", "session", "agreement",
            "extension", "followUp", "judicialConfirmation", "transition", "agent", "caseRecord", "referral", "caseFile",
            "prevention", "attachment", "riskAssessment", "recurrence", "sessionPlan");

    private static final String TRANSITION = "transition[";

    public LeadSnapshot {
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    /** The state of a lead that is not (or no longer) there. */
    public static LeadSnapshot absent(UUID leadId) {
        return new LeadSnapshot(leadId, null, leadId.toString(), new TreeMap<>());
    }

    /** The lead's current state in {@code tx}, or {@link #absent} when there is no such lead. */
    public static LeadSnapshot read(Tx tx, UUID leadId) {
        return readFile(tx, leadId).map(LeadSnapshot::of).orElseGet(() -> absent(leadId));
    }

    /** The lead and all its parts as they are now in {@code tx}, from which {@link #of} makes the snapshot. */
    public static java.util.Optional<LeadFile> readFile(Tx tx, UUID leadId) {
        return tx.leads().find(leadId).map(lead -> LeadFile.read(tx, lead));
    }

    public static LeadSnapshot of(LeadFile file) {
        Lead lead = file.lead();
        SortedMap<String, String> fields = RecordFields.of(lead, "id", "version");
        Set<String> parts = Set.of("id", "leadId");
        RecordFields.put(fields, "party", file.parties(), Set.of("id", "leadId", "position"));
        RecordFields.put(fields, "verificationStep", sorted(file.verificationSteps(),
                Comparator.comparing(VerificationStep::stepOn), VerificationStep::id), parts);
        RecordFields.put(fields, "mediator", file.mediatorIds().stream().sorted().toList(), parts);
        RecordFields.put(fields, "session", sorted(file.sessions(),
                Comparator.comparing(MediationSession::heldOn), MediationSession::id), parts);
        RecordFields.put(fields, "agreement", file.agreement(), Set.of("leadId"));
        RecordFields.put(fields, "extension", sorted(file.extensions(),
                Comparator.comparing(Extension::agreedOn), Extension::id), parts);
        RecordFields.put(fields, "followUp", sorted(file.followUps(),
                Comparator.comparing(FollowUp::visitedOn), FollowUp::id), parts);
        RecordFields.put(fields, "judicialConfirmation", file.judicialConfirmation(), Set.of("leadId"));
        RecordFields.put(fields, "transition", sorted(file.transitions(),
                Comparator.comparing(Transition::recordedAt).thenComparing(Transition::effectiveOn), Transition::id),
                parts);
        RecordFields.put(fields, "agent", file.agents(), Set.of("id", "leadId", "partyId"));
        RecordFields.put(fields, "caseRecord", file.caseRecord(), Set.of("leadId"));
        RecordFields.put(fields, "referral", sorted(file.referrals(), Comparator.comparing(Referral::sentOn),
                Referral::id), parts);
        RecordFields.put(fields, "caseFile", file.caseFileInfo(), Set.of("leadId"));
        RecordFields.put(fields, "prevention", file.preventions(), Set.of());
        RecordFields.put(fields, "attachment", sorted(file.attachments(), Comparator.comparing(Attachment::addedAt),
                Attachment::id), Set.of("id", "leadId", "addedAt", "addedBy"));
        // the level each lead carried over when risk history began (migration 13) is its own row, not a change
        RecordFields.put(fields, "riskAssessment", file.riskAssessments().stream()
                .filter(a -> !a.carriedOver()).toList(), Set.of("id", "leadId", "recordedAt"));
        RecordFields.put(fields, "recurrence", file.recurrence(), Set.of("leadId"));
        RecordFields.put(fields, "sessionPlan", sorted(file.sessionPlans(), Comparator.comparing(SessionPlan::plannedOn),
                SessionPlan::id), parts);
        asBeforeMigration11(fields);
        String label = lead.caseNumber() != null ? lead.caseNumber().text()
                : lead.leadNo() != null ? lead.leadNo() : lead.id().toString();
        return new LeadSnapshot(lead.id(), lead.committeeId(), label, fields);
    }

    /**
     * Leaves out what migration 11 gave every existing row, and writes a judicial result of the
     * old yes/no kind as it was written before, so that a lead nobody touched since has the digest
     * its last audit entry recorded (else every upgraded database would fail {@code audit verify}):
     * a party's default kind (PERSON), a session's two checks while unticked, and
     * {@code judicialConfirmation.confirmed} for CONFIRMED / REFUSED.
     */
    private static void asBeforeMigration11(SortedMap<String, String> fields) {
        fields.entrySet().removeIf(field -> {
            String key = field.getKey();
            return key.startsWith("party[") && key.endsWith("].kind") && field.getValue().equals("PERSON")
                    || key.startsWith("session[") && (key.endsWith("].noticeGiven") || key.endsWith("].confirmedByParties"))
                    && field.getValue().equals("false");
        });
        String result = fields.get("judicialConfirmation.result");
        if ("CONFIRMED".equals(result) || "REFUSED".equals(result)) {
            fields.remove("judicialConfirmation.result");
            fields.put("judicialConfirmation.confirmed", String.valueOf("CONFIRMED".equals(result)));
        }
    }

    /** Ties are broken by id, so that the same rows always come in the same order. */
    private static <T> List<T> sorted(List<T> items, Comparator<T> order, Function<T, UUID> id) {
        return items.stream().sorted(order.thenComparing(id)).toList();
    }

    public boolean exists() {
        return !fields.isEmpty();
    }

    /** SHA-256 of the canonical form of the whole state (the empty state's when the lead is absent). */
    public String digest() {
        return AuditStates.digest(fields);
    }

    /** The fields a change shows: all but the transitions. */
    Map<String, String> shownFields() {
        SortedMap<String, String> shown = new TreeMap<>(fields);
        shown.keySet().removeIf(k -> k.startsWith(TRANSITION));
        return shown;
    }
}
