package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.lifecycle.LeadRules.Strictness;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import cn.mediationdesk.model.SourceGroup;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The transitions of a lead's life (DESIGN §4), one operation each. Every operation checks its
 * rules and writes in one transaction; a broken rule throws {@link ValidationException} naming
 * the field, and nothing is written.
 */
public final class LifecycleService {
    /** 人民调解法 Art. 33: the parties may apply for judicial confirmation within 30 days. */
    public static final int JUDICIAL_CONFIRMATION_DAYS = 30;
    public static final int SESSION_MATTER_MAX_LENGTH = 200;
    public static final int PERSON_NAME_MAX_LENGTH = 50;
    public static final int FOLLOW_UP_REASON_MAX_LENGTH = 500;

    /** The longest court name and 调确字 number the database keeps. */
    private static final int JUDICIAL_COURT_LENGTH = 200;
    private static final int COURT_CASE_NUMBER_LENGTH = 100;

    private final Store store;
    private final Clock clock;
    private final User actor;
    private final String user;
    private final AuditTrail audit;

    /** @param actor who acts: every operation checks that their role allows it on the lead's committee */
    public LifecycleService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.user = actor.username();
        this.audit = AuditTrail.onThisPc(clock);
    }

    /**
     * Runs one change to an existing lead in a write transaction and records on the audit trail
     * what it did to the lead and its parts, field by field.
     */
    private <R> R changing(UUID leadId, AuditAction action, Store.Work<R> work) {
        return store.write(tx -> {
            LeadSnapshot before = audit.snapshotLead(tx, leadId);
            R result = work.run(tx);
            audit.leadChanged(tx, user, action, before, leadId);
            return result;
        });
    }

    /** Who acts through this service. */
    public User actor() {
        return actor;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public Lead register(NewLead input) {
        return store.write(tx -> {
            Access.requireCase(tx, actor, input.committeeId());
            List<Problem> problems = checkDetails(tx, null, input);
            Lead lead = new Lead(UUID.randomUUID(), input.committeeId(), input.communityId(), input.gridId(),
                    blankToNull(input.leadNo()), input.foundOn(), input.sourceCode(), input.disputeTypeCode(),
                    strip(input.summary()), input.peopleCount(), input.amount(), input.risk(), input.criminalRisk(),
                    input.groupRisk(), null, null, null, null, null, null, null, null, null, null, null, 0);
            problems.addAll(LeadRules.check(facts(lead, null), today(), Strictness.IN_APP));
            failIfAny(problems);
            tx.leads().insert(lead, clock.instant());
            tx.caseFiles().insertRiskAssessment(RiskHistory.first(lead, actor.displayName(), clock.instant()));
            saveParties(tx, lead.id(), input.parties());
            LeadHistory.record(tx.leads(), null, lead, clock, user);
            audit.leadChanged(tx, user, AuditAction.LEAD_REGISTER, null, lead.id());
            return tx.leads().find(lead.id()).orElseThrow();
        });
    }

    /** Changes the basic facts and parties of a lead. Its committee is fixed once a case number exists. */
    public Lead updateDetails(UUID leadId, int version, NewLead input) {
        return changing(leadId, AuditAction.LEAD_UPDATE, tx -> {
            Lead before = current(tx, leadId, version);
            Access.requireCase(tx, actor, input.committeeId());
            List<Problem> problems = checkDetails(tx, before, input);
            if (before.caseNumber() != null && before.committeeId() != input.committeeId()) {
                problems.add(Problem.of(Field.COMMITTEE, "rule.committee.fixedAfterAcceptance"));
            }
            Lead after = before.withDetails(input.committeeId(), input.communityId(), input.gridId(),
                    blankToNull(input.leadNo()), input.foundOn(), input.sourceCode(), input.disputeTypeCode(),
                    strip(input.summary()), input.peopleCount(), input.amount(), input.risk(), input.criminalRisk(),
                    input.groupRisk());
            problems.addAll(LeadRules.check(facts(after, tx.leads().agreement(leadId).map(Agreement::form).orElse(null)), today(),
                    Strictness.IN_APP));
            problems.addAll(CaseRecordRules.check(after, caseRecord(tx, leadId), today()));
            failIfAny(problems);
            save(tx, before, after);
            if (RiskHistory.changed(before, after)) {
                tx.caseFiles().insertRiskAssessment(RiskHistory.of(after, today(), after.risk(), after.criminalRisk(),
                        after.groupRisk(), actor.displayName(), null, clock.instant()));
            }
            saveParties(tx, leadId, input.parties());
            return tx.leads().find(leadId).orElseThrow();
        });
    }

    /**
     * Records a new assessment of the lead's risk (重新评估). The lead then carries the level of its latest
     * assessment, which is this one unless it is dated before another.
     */
    public Lead reassess(UUID leadId, int version, Reassessment input) {
        return changing(leadId, AuditAction.LEAD_REASSESS, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            requireDate(input.assessedOn(), Field.DATE, problems);
            if (input.risk() == null) {
                problems.add(Problem.of(Field.RISK, "rule.required"));
            }
            if (input.assessedOn() != null) {
                LeadRules.checkDate(input.assessedOn(), Field.DATE, today(), problems);
                LeadRules.checkOrder(before.foundOn(), input.assessedOn(), Field.DATE, Field.FOUND_ON, problems);
            }
            String reason = blankToNull(input.reason());
            if (reason != null && reason.length() > RiskHistory.REASON_MAX_LENGTH) {
                problems.add(Problem.of(Field.RISK, "rule.reassess.reasonTooLong", RiskHistory.REASON_MAX_LENGTH));
            }
            failIfAny(problems);
            tx.caseFiles().insertRiskAssessment(RiskHistory.of(before, input.assessedOn(), input.risk(),
                    input.criminalRisk(), input.groupRisk(), actor.displayName(), reason, clock.instant()));
            var latest = tx.caseFiles().riskAssessments(leadId).getLast();
            Lead after = before.withDetails(before.committeeId(), before.communityId(), before.gridId(), before.leadNo(),
                    before.foundOn(), before.sourceCode(), before.disputeTypeCode(), before.summary(),
                    before.peopleCount(), before.amount(), latest.risk(), latest.criminalRisk(), latest.groupRisk());
            return after.equals(before) ? before : save(tx, before, after);
        });
    }

    public VerificationStep addVerificationStep(UUID leadId, LocalDate on, String method, String note, Long personId) {
        return changing(leadId, AuditAction.LEAD_VERIFICATION_STEP, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            requireDate(on, Field.DATE, problems);
            LeadRules.checkDate(on, Field.DATE, today(), problems);
            LeadRules.checkOrder(lead.foundOn(), on, Field.DATE, Field.FOUND_ON, problems);
            if (method == null || method.isBlank()) {
                problems.add(Problem.of(Field.VERIFICATION, "rule.verificationStep.methodRequired"));
            }
            checkPerson(tx, personId, lead, false, problems);
            failIfAny(problems);
            VerificationStep step = new VerificationStep(UUID.randomUUID(), leadId, on, method.strip(), strip(note),
                    personId);
            tx.leads().insertVerificationStep(step);
            return step;
        });
    }

    public Lead verify(UUID leadId, int version, VerificationResult result, LocalDate verifiedOn, UUID duplicateOfId,
                       String transferredTo) {
        return changing(leadId, AuditAction.LEAD_VERIFY, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            if (before.verificationResult() != null) {
                problems.add(Problem.of(Field.VERIFICATION, "rule.verify.alreadyVerified"));
            }
            if (result == null) {
                problems.add(Problem.of(Field.VERIFICATION, "rule.required"));
            }
            requireDate(verifiedOn, Field.VERIFIED_ON, problems);
            failIfAny(problems);
            Lead after = before.withVerification(verifiedOn, result, duplicateOfId, blankToNull(transferredTo));
            problems.addAll(LeadRules.check(facts(after, null), today(), Strictness.IN_APP));
            checkDuplicateOf(tx, after, problems);
            failIfAny(problems);
            return save(tx, before, after);
        });
    }

    /**
     * Accepts a genuine lead as a case: issues its case number and sets its due date. The parties'
     * consent (人民调解法 Art. 17) is required and recorded with it, and the notice of rights and
     * duties when it was given.
     */
    public Lead accept(UUID leadId, int version, LocalDate acceptedOn, List<Long> mediatorIds, ConsentInput consent) {
        return changing(leadId, AuditAction.LEAD_ACCEPT, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            if (before.verificationResult() != VerificationResult.GENUINE) {
                problems.add(Problem.of(Field.ACCEPTED_ON, "rule.accept.needsGenuine"));
            } else if (before.acceptedOn() != null) {
                problems.add(Problem.of(Field.ACCEPTED_ON, "rule.accept.alreadyAccepted"));
            } else if (before.declinedOn() != null) {
                problems.add(Problem.of(Field.ACCEPTED_ON, "rule.accept.declined"));
            }
            failIfAny(problems);
            LocalDate day = acceptedOn != null ? acceptedOn : before.verifiedOn();
            List<Long> mediators = mediatorIds == null ? List.of() : List.copyOf(mediatorIds);
            for (Long personId : mediators) {
                checkPerson(tx, personId, before, true, problems);
            }
            requireConsent(consent, problems);
            failIfAny(problems);
            Lead after = accepted(tx, before, day);
            problems.addAll(LeadRules.check(facts(after, null), today(), Strictness.IN_APP));
            CaseRecord record = withConsent(caseRecord(tx, leadId), consent);
            problems.addAll(CaseRecordRules.check(after, record, today()));
            failIfAny(problems);
            Lead saved = save(tx, before, after);
            tx.leads().replaceMediators(leadId, mediators);
            tx.caseFiles().saveCaseRecord(record);
            return saved;
        });
    }

    /**
     * Records that a party refused mediation of a genuine lead (人民调解法 Art. 17): instead of being
     * accepted, the lead ends DECLINED on {@code declinedOn}, naming who refused.
     */
    public Lead decline(UUID leadId, int version, LocalDate declinedOn, String refusedBy) {
        return changing(leadId, AuditAction.LEAD_DECLINE, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            if (before.verificationResult() != VerificationResult.GENUINE) {
                problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.needsGenuine"));
            } else if (before.acceptedOn() != null) {
                problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.alreadyAccepted"));
            } else if (before.declinedOn() != null) {
                problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.alreadyDeclined"));
            }
            failIfAny(problems);
            requireDate(declinedOn, Field.DECLINED_ON, problems);
            failIfAny(problems);
            Lead after = before.withDecline(declinedOn, blankToNull(refusedBy));
            problems.addAll(LeadRules.check(facts(after, null), today(), Strictness.IN_APP));
            failIfAny(problems);
            return save(tx, before, after);
        });
    }

    /** The lead accepted on {@code day}: a number already issued to it is kept, never renumbered. */
    private static Lead accepted(Tx tx, Lead lead, LocalDate day) {
        CaseSettings settings = CaseSettings.load(tx.settings());
        CaseNumber number = lead.caseNumber();
        if (number == null && day != null) {
            Committee committee = tx.organization().committees().stream()
                    .filter(c -> c.id() == lead.committeeId()).findFirst().orElseThrow();
            number = CaseNumbers.issue(tx, committee, day, settings.numberFormat());
        }
        return lead.withAcceptance(day, number, day == null ? null : day.plusDays(settings.timeLimitDays()));
    }

    /** Records a 调解记录: its 事由 and 记录人 are required; a session planned for that day is thereby held. */
    public MediationSession recordSession(UUID leadId, SessionInput input) {
        return changing(leadId, AuditAction.LEAD_SESSION, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (lead.acceptedOn() == null) {
                problems.add(Problem.of(Field.SESSION, "rule.session.needsAcceptance"));
            }
            LocalDate heldOn = input.heldOn();
            requireDate(heldOn, Field.DATE, problems);
            requireText(input.matter(), Field.SESSION_MATTER, problems);
            requireText(input.recorder(), Field.SESSION_RECORDER, problems);
            CaseRecordRules.checkLength(strip(input.matter()), SESSION_MATTER_MAX_LENGTH, Field.SESSION_MATTER, problems);
            CaseRecordRules.checkLength(strip(input.recorder()), PERSON_NAME_MAX_LENGTH, Field.SESSION_RECORDER,
                    problems);
            LeadRules.checkDate(heldOn, Field.DATE, today(), problems);
            LeadRules.checkOrder(lead.acceptedOn(), heldOn, Field.DATE, Field.ACCEPTED_ON, problems);
            LeadRules.checkOrder(heldOn, lead.closedOn(), Field.CLOSED_ON, Field.DATE, problems);
            failIfAny(problems);
            MediationSession session = new MediationSession(UUID.randomUUID(), leadId, heldOn, strip(input.place()),
                    strip(input.participants()), strip(input.notes()), strip(input.matter()), strip(input.recorder()),
                    input.noticeGiven(), input.confirmedByParties());
            tx.leads().insertSession(session);
            // the session planned for that day has now been held
            tx.caseFiles().sessionPlans(leadId).stream().filter(p -> p.plannedOn().equals(heldOn))
                    .forEach(p -> tx.caseFiles().deleteSessionPlan(p.id()));
            return session;
        });
    }

    /** Moves the due date of a case in mediation to a later day agreed with the parties. */
    public Lead extend(UUID leadId, int version, LocalDate agreedOn, LocalDate newDueOn, String reason) {
        return changing(leadId, AuditAction.LEAD_EXTEND, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            if (before.acceptedOn() == null || before.outcome() != null) {
                problems.add(Problem.of(Field.EXTENSION, "rule.extension.needsMediating"));
                failIfAny(problems);
            }
            requireDate(agreedOn, Field.DATE, problems);
            requireDate(newDueOn, Field.DUE_ON, problems);
            failIfAny(problems);
            LeadRules.checkDate(agreedOn, Field.DATE, today(), problems);
            LeadRules.checkOrder(before.acceptedOn(), agreedOn, Field.DATE, Field.ACCEPTED_ON, problems);
            LeadFile file = file(tx, before);
            // Extensions are agreed in order, so the latest agreed is always the one in force.
            file.extensions().stream().map(Extension::agreedOn).filter(agreedOn::isBefore)
                    .max(java.util.Comparator.naturalOrder())
                    .ifPresent(last -> problems.add(Problem.of(Field.DATE, "rule.extension.beforeLast", last)));
            LocalDate dueInForce = file.dueOn(agreedOn);
            if (!newDueOn.isAfter(dueInForce)) {
                problems.add(Problem.of(Field.DUE_ON, "rule.extension.notLater", newDueOn, dueInForce));
            }
            failIfAny(problems);
            tx.leads().insertExtension(new Extension(UUID.randomUUID(), leadId, agreedOn, newDueOn, strip(reason)));
            tx.leads().insertTransition(new Transition(UUID.randomUUID(), leadId, TransitionKind.EXTENDED, agreedOn,
                    newDueOn.toString(), clock.instant(), user));
            return save(tx, before, before);
        });
    }

    /** Ends mediation with an outcome, without a notice of other routes or 防止 outcomes (they may follow). */
    public Lead close(UUID leadId, int version, Outcome outcome, LocalDate closedOn, AgreementInput agreement) {
        return close(leadId, version, outcome, closedOn, agreement, null, Set.of());
    }

    /**
     * Ends mediation with an outcome; a resolved case records its agreement with its terms, a failed one
     * may record the notice of other routes ({@code null} when not given yet), and any case the 防止
     * outcomes its mediation achieved.
     */
    public Lead close(UUID leadId, int version, Outcome outcome, LocalDate closedOn, AgreementInput agreement,
                      RoutesNoticeInput routesNotice, Set<PreventionKind> preventions) {
        return changing(leadId, AuditAction.LEAD_CLOSE, tx -> {
            Lead before = current(tx, leadId, version);
            List<Problem> problems = new ArrayList<>();
            if (before.outcome() != null) {
                problems.add(Problem.of(Field.OUTCOME, "rule.close.alreadyClosed"));
            }
            if (outcome == null) {
                problems.add(Problem.of(Field.OUTCOME, "rule.required"));
            }
            requireDate(closedOn, Field.CLOSED_ON, problems);
            failIfAny(problems);
            Lead after = before.withOutcome(closedOn, outcome);
            problems.addAll(checkAgreement(agreement, outcome));
            problems.addAll(LeadRules.check(facts(after, formOf(agreement)), today(), Strictness.IN_APP));
            CaseRecord record = caseRecord(tx, leadId);
            if (routesNotice != null) {
                checkRoutesNotice(routesNotice, problems);
                record = withRoutesNotice(record, routesNotice.notifiedOn(), routesNotice.routes());
            }
            problems.addAll(CaseRecordRules.check(after, record, today()));
            failIfAny(problems);
            Lead saved = save(tx, before, after);
            if (outcome == Outcome.RESOLVED) {
                tx.leads().saveAgreement(toAgreement(leadId, agreement));
            }
            if (routesNotice != null) {
                tx.caseFiles().saveCaseRecord(record);
            }
            tx.caseFiles().replacePreventions(leadId, preventions == null ? Set.of() : preventions);
            return saved;
        });
    }

    /** Records a 回访记录: the party visited (one of the lead's parties, by name) and the way are required. */
    public FollowUp recordFollowUp(UUID leadId, FollowUpInput input) {
        return changing(leadId, AuditAction.LEAD_FOLLOW_UP, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (lead.outcome() != Outcome.RESOLVED) {
                problems.add(Problem.of(Field.FOLLOW_UP, "rule.followUp.needsAgreement"));
                failIfAny(problems);
            }
            LocalDate visitedOn = input.visitedOn();
            requireDate(visitedOn, Field.DATE, problems);
            if (input.performance() == null) {
                problems.add(Problem.of(Field.FOLLOW_UP, "rule.followUp.performanceRequired"));
            }
            String visited = blankToNull(input.visitedParty());
            List<Party> parties = tx.leads().parties(leadId);
            if (visited == null) {
                problems.add(Problem.of(Field.VISITED_PARTY, "rule.required"));
            } else if (!parties.isEmpty() && parties.stream().noneMatch(p -> p.name().equals(visited))) {
                // a lead registered without its parties (an old import) cannot name one: any name is taken
                problems.add(Problem.of(Field.VISITED_PARTY, "rule.followUp.notAParty", visited));
            }
            if (input.way() == null) {
                problems.add(Problem.of(Field.FOLLOW_UP_WAY, "rule.required"));
            }
            CaseRecordRules.checkLength(strip(input.reason()), FOLLOW_UP_REASON_MAX_LENGTH, Field.FOLLOW_UP, problems);
            LeadRules.checkDate(visitedOn, Field.DATE, today(), problems);
            LeadRules.checkOrder(lead.closedOn(), visitedOn, Field.DATE, Field.CLOSED_ON, problems);
            failIfAny(problems);
            FollowUp followUp = new FollowUp(UUID.randomUUID(), leadId, visitedOn, input.performance(),
                    input.satisfaction(), input.escalationSigns(), strip(input.notes()), visited, input.way(),
                    blankToNull(input.reason()));
            tx.leads().insertFollowUp(followUp);
            return followUp;
        });
    }

    /**
     * Records the parties' application for judicial confirmation and, once the court has ended it, its
     * 调确字 number, result and the day of the result. Saving again replaces what was recorded. The
     * warnings of {@link JudicialRules} come back with it; they do not stop the application.
     */
    public JudicialApplication recordJudicialConfirmation(UUID leadId, LocalDate appliedOn, String court,
                                                          String courtCaseNumber, JudicialResult result,
                                                          LocalDate decidedOn) {
        return changing(leadId, AuditAction.LEAD_JUDICIAL_CONFIRMATION, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (lead.outcome() != Outcome.RESOLVED) {
                problems.add(Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.judicial.needsAgreement"));
                failIfAny(problems);
            }
            requireDate(appliedOn, Field.DATE, problems);
            if (court == null || court.isBlank()) {
                problems.add(Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.judicial.courtRequired"));
            } else if (court.strip().length() > JUDICIAL_COURT_LENGTH) {
                problems.add(Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.name.tooLong", JUDICIAL_COURT_LENGTH));
            }
            String number = blankToNull(courtCaseNumber);
            if (number != null && number.length() > COURT_CASE_NUMBER_LENGTH) {
                problems.add(Problem.of(Field.COURT_CASE_NO, "rule.name.tooLong", COURT_CASE_NUMBER_LENGTH));
            }
            failIfAny(problems);
            LeadRules.checkDate(appliedOn, Field.DATE, today(), problems);
            LeadRules.checkOrder(lead.closedOn(), appliedOn, Field.DATE, Field.CLOSED_ON, problems);
            if (appliedOn.isAfter(lead.closedOn().plusDays(JUDICIAL_CONFIRMATION_DAYS))) {
                problems.add(Problem.of(Field.DATE, "rule.judicial.tooLate", JUDICIAL_CONFIRMATION_DAYS));
            }
            if ((decidedOn == null) != (result == null)) {
                problems.add(Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.judicial.decisionIncomplete"));
            }
            LeadRules.checkDate(decidedOn, Field.DATE, today(), problems);
            LeadRules.checkOrder(appliedOn, decidedOn, Field.DATE, Field.DATE, problems);
            failIfAny(problems);
            JudicialConfirmation confirmation = new JudicialConfirmation(leadId, appliedOn, court.strip(), number,
                    result, decidedOn);
            tx.leads().saveJudicialConfirmation(confirmation);
            return new JudicialApplication(confirmation, JudicialRules.warnings(lead.disputeTypeCode(),
                    tx.leads().agreement(leadId).map(Agreement::form).orElse(null)));
        });
    }

    /**
     * Replaces mistaken verification, acceptance, decline or outcome facts. The change is recorded as a
     * correction; a case number once issued stays with the lead.
     */
    public Lead correct(UUID leadId, int version, Correction correction) {
        return changing(leadId, AuditAction.LEAD_CORRECT, tx -> {
            Lead before = current(tx, leadId, version);
            Access.requireCorrection(tx, actor, before.committeeId());
            List<Problem> problems = new ArrayList<>();
            if (correction.reason() == null || correction.reason().isBlank()) {
                problems.add(Problem.of(Field.LEAD, "rule.correction.reasonRequired"));
            }
            Lead after = before.withVerification(correction.verifiedOn(), correction.verificationResult(),
                    correction.duplicateOfId(), blankToNull(correction.transferredTo()));
            after = Objects.equals(correction.acceptedOn(), before.acceptedOn()) ? after
                    : accepted(tx, after, correction.acceptedOn());
            after = after.withDecline(correction.declinedOn(), blankToNull(correction.declinedBy()));
            after = after.withOutcome(correction.closedOn(), correction.outcome());
            problems.addAll(checkAgreement(correction.agreement(), correction.outcome()));
            problems.addAll(LeadRules.check(facts(after, formOf(correction.agreement())), today(), Strictness.IN_APP));
            checkDuplicateOf(tx, after, problems);
            // A notice of other routes belongs to a failed case only, 防止 outcomes to a closed one.
            CaseRecord record = caseRecord(tx, leadId);
            boolean routesDropped = after.outcome() != Outcome.FAILED
                    && (record.routesNoticeOn() != null || !record.routesNotified().isEmpty());
            if (routesDropped) {
                record = withRoutesNotice(record, null, Set.of());
            }
            problems.addAll(CaseRecordRules.check(after, record, today()));
            failIfAny(problems);
            Lead saved = save(tx, before, after);
            if (routesDropped) {
                tx.caseFiles().saveCaseRecord(record);
            }
            if (after.outcome() == null) {
                tx.caseFiles().replacePreventions(leadId, Set.of());
            }
            if (correction.outcome() == Outcome.RESOLVED) {
                tx.leads().saveAgreement(toAgreement(leadId, correction.agreement()));
            } else {
                tx.leads().deleteAgreement(leadId);
            }
            tx.leads().insertTransition(new Transition(UUID.randomUUID(), leadId, TransitionKind.CORRECTED, today(),
                    "reason: " + correction.reason().strip(), clock.instant(), user));
            return saved;
        });
    }

    // ---- the case record (issue 10) ----

    /**
     * Records or replaces the parties' consent and the day of the notice of rights and duties of an
     * accepted case: for a case imported without them, or to put right what was entered.
     */
    public CaseRecord recordConsent(UUID leadId, ConsentInput consent) {
        return changing(leadId, AuditAction.LEAD_CASE_RECORD, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (lead.acceptedOn() == null) {
                problems.add(Problem.of(Field.CONSENT_ON, "rule.consent.needsAcceptance"));
                failIfAny(problems);
            }
            requireConsent(consent, problems);
            failIfAny(problems);
            return saveRecord(tx, lead, withConsent(caseRecord(tx, leadId), consent));
        });
    }

    /** Records the parties' written application (人民调解申请书) of a lead that came from one. */
    public CaseRecord recordApplication(UUID leadId, LocalDate appliedOn, String requests) {
        return changing(leadId, AuditAction.LEAD_CASE_RECORD, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (!fromApplication(tx, lead)) {
                problems.add(Problem.of(Field.APPLIED_ON, "rule.application.notFromApplication"));
                failIfAny(problems);
            }
            requireDate(appliedOn, Field.APPLIED_ON, problems);
            requireText(requests, Field.APPLICATION_REQUESTS, problems);
            failIfAny(problems);
            CaseRecord r = caseRecord(tx, leadId);
            return saveRecord(tx, lead, new CaseRecord(leadId, appliedOn, requests.strip(), r.consentOn(),
                    r.consentWay(), r.rightsNoticeOn(), r.policeReportedOn(), r.policeReportedTo(), r.routesNoticeOn(),
                    r.routesNotified()));
        });
    }

    /** Whether the lead's source belongs to the statistics' 申请 group, whose leads have an application. */
    public boolean fromApplication(Lead lead) {
        return store.read(tx -> fromApplication(tx, existing(tx, lead.id())));
    }

    private static boolean fromApplication(Tx tx, Lead lead) {
        return tx.dictionaries().entries(DictionaryKind.LEAD_SOURCE).stream()
                .anyMatch(e -> e.code().equals(lead.sourceCode()) && SourceGroup.APPLICATION.name().equals(e.group()));
    }

    /**
     * Records that a dispute which may turn into a public-order or criminal case was reported to the
     * police (人民调解法 Art. 25), on which day and to whom.
     */
    public CaseRecord recordPoliceReport(UUID leadId, LocalDate reportedOn, String reportedTo) {
        return changing(leadId, AuditAction.LEAD_CASE_RECORD, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            requireDate(reportedOn, Field.POLICE_REPORTED_ON, problems);
            requireText(reportedTo, Field.POLICE_REPORTED_TO, problems);
            failIfAny(problems);
            CaseRecord r = caseRecord(tx, leadId);
            return saveRecord(tx, lead, new CaseRecord(leadId, r.appliedOn(), r.applicationRequests(), r.consentOn(),
                    r.consentWay(), r.rightsNoticeOn(), reportedOn, reportedTo.strip(), r.routesNoticeOn(),
                    r.routesNotified()));
        });
    }

    /** Records, after a case closed as FAILED, the notice to its parties of their other routes (Art. 26). */
    public CaseRecord recordRoutesNotice(UUID leadId, RoutesNoticeInput notice) {
        return changing(leadId, AuditAction.LEAD_CASE_RECORD, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (lead.outcome() != Outcome.FAILED) {
                problems.add(Problem.of(Field.ROUTES_NOTICE_ON, "rule.routesNotice.onlyWhenFailed"));
                failIfAny(problems);
            }
            checkRoutesNotice(notice, problems);
            failIfAny(problems);
            return saveRecord(tx, lead, withRoutesNotice(caseRecord(tx, leadId), notice.notifiedOn(), notice.routes()));
        });
    }

    /** Replaces the 防止 outcomes of a closed case (the official statistics count them). */
    public Set<PreventionKind> recordPreventions(UUID leadId, Set<PreventionKind> preventions) {
        return changing(leadId, AuditAction.LEAD_CASE_RECORD, tx -> {
            Lead lead = existing(tx, leadId);
            if (lead.outcome() == null) {
                throw new ValidationException(Problem.of(Field.PREVENTIONS, "rule.preventions.needsOutcome"));
            }
            Set<PreventionKind> kinds = preventions == null ? Set.of() : Set.copyOf(preventions);
            tx.caseFiles().replacePreventions(leadId, kinds);
            return tx.caseFiles().preventions(leadId);
        });
    }

    /**
     * Assigns the mediators of an accepted case, mediating or closed, with {@code principalId} (one of
     * them) as the principal mediator; {@code null} makes the first one principal. A director's or an
     * administrator's right (DESIGN §9), not a mediator's.
     */
    public Lead assignMediators(UUID leadId, int version, List<Long> mediatorIds, Long principalId) {
        return changing(leadId, AuditAction.LEAD_MEDIATORS, tx -> {
            Lead before = current(tx, leadId, version);
            Access.requireCorrection(tx, actor, before.committeeId());
            List<Problem> problems = new ArrayList<>();
            if (before.acceptedOn() == null) {
                problems.add(Problem.of(Field.MEDIATORS, "rule.mediators.needsAcceptance"));
                failIfAny(problems);
            }
            List<Long> chosen = mediatorIds == null ? List.of() : mediatorIds.stream().distinct().toList();
            for (Long personId : chosen) {
                checkPerson(tx, personId, before, true, problems);
            }
            if (principalId != null && !chosen.contains(principalId)) {
                problems.add(Problem.of(Field.MEDIATORS, "rule.mediators.principalNotAssigned"));
            }
            failIfAny(problems);
            List<Long> ordered = new ArrayList<>(chosen);
            if (principalId != null) {
                ordered.remove(principalId);
                ordered.addFirst(principalId);
            }
            List<Long> previous = tx.leads().mediators(leadId);
            tx.leads().replaceMediators(leadId, ordered);
            // The trail compares the mediators as a set: a new principal alone is put on file as an event.
            Long oldPrincipal = previous.isEmpty() ? null : previous.getFirst();
            Long newPrincipal = ordered.isEmpty() ? null : ordered.getFirst();
            if (!Objects.equals(oldPrincipal, newPrincipal)) {
                audit.event(tx, user, AuditAction.LEAD_MEDIATORS, AuditTrail.LEAD, leadId.toString(), leadId,
                        before.committeeId(), "principal: " + personName(tx, oldPrincipal) + " → "
                                + personName(tx, newPrincipal));
            }
            // raises the version, so that a window holding the old assignment cannot overwrite it
            return save(tx, before, before);
        });
    }

    private static String personName(Tx tx, Long personId) {
        return personId == null ? "-" : tx.organization().people().stream().filter(p -> p.id() == personId)
                .map(Person::name).findFirst().orElse(personId.toString());
    }

    private CaseRecord saveRecord(Tx tx, Lead lead, CaseRecord record) {
        failIfAny(CaseRecordRules.check(lead, record, today()));
        tx.caseFiles().saveCaseRecord(record);
        return record;
    }

    private static CaseRecord caseRecord(Tx tx, UUID leadId) {
        return tx.caseFiles().caseRecord(leadId).orElse(CaseRecord.empty(leadId));
    }

    private static void requireConsent(ConsentInput consent, List<Problem> problems) {
        if (consent == null || consent.consentOn() == null) {
            problems.add(Problem.of(Field.CONSENT_ON, "rule.consent.required"));
        }
        if (consent == null || consent.way() == null) {
            problems.add(Problem.of(Field.CONSENT_WAY, "rule.required"));
        }
    }

    private static CaseRecord withConsent(CaseRecord r, ConsentInput consent) {
        return new CaseRecord(r.leadId(), r.appliedOn(), r.applicationRequests(), consent.consentOn(), consent.way(),
                consent.rightsNoticeOn(), r.policeReportedOn(), r.policeReportedTo(), r.routesNoticeOn(),
                r.routesNotified());
    }

    private static void checkRoutesNotice(RoutesNoticeInput notice, List<Problem> problems) {
        requireDate(notice.notifiedOn(), Field.ROUTES_NOTICE_ON, problems);
        if (notice.routes().isEmpty()) {
            problems.add(Problem.of(Field.ROUTES_NOTIFIED, "rule.routesNotice.routesRequired"));
        }
    }

    private static CaseRecord withRoutesNotice(CaseRecord r, LocalDate on, Set<OtherRoute> routes) {
        return new CaseRecord(r.leadId(), r.appliedOn(), r.applicationRequests(), r.consentOn(), r.consentWay(),
                r.rightsNoticeOn(), r.policeReportedOn(), r.policeReportedTo(), on, routes);
    }

    private static void requireText(String text, Field field, List<Problem> problems) {
        if (CaseRecordRules.blank(text)) {
            problems.add(Problem.of(field, "rule.required"));
        }
    }

    // ---- the referral log (分流 / 诉调对接) ----

    /** The longest receiving body and feedback the database keeps. */
    private static final int REFERRAL_BODY_LENGTH = 200;
    private static final int REFERRAL_FEEDBACK_LENGTH = 2000;

    /** Adds an entry to the lead's referral log: sent to {@code toBody} on {@code sentOn}. */
    public Referral addReferral(UUID leadId, ReferralKind kind, String toBody, LocalDate sentOn) {
        return changing(leadId, AuditAction.LEAD_REFERRAL, tx -> {
            Lead lead = existing(tx, leadId);
            List<Problem> problems = new ArrayList<>();
            if (kind == null) {
                problems.add(Problem.of(Field.REFERRAL, "rule.referral.kindRequired"));
            }
            String body = blankToNull(toBody);
            if (body == null) {
                problems.add(Problem.of(Field.TRANSFERRED_TO, "rule.referral.bodyRequired"));
            } else if (body.length() > REFERRAL_BODY_LENGTH) {
                problems.add(Problem.of(Field.TRANSFERRED_TO, "rule.name.tooLong", REFERRAL_BODY_LENGTH));
            }
            requireDate(sentOn, Field.SENT_ON, problems);
            LeadRules.checkDate(sentOn, Field.SENT_ON, today(), problems);
            LeadRules.checkOrder(lead.foundOn(), sentOn, Field.SENT_ON, Field.FOUND_ON, problems);
            failIfAny(problems);
            Referral referral = new Referral(UUID.randomUUID(), leadId, kind, body, sentOn, null, null, null);
            tx.caseFiles().saveReferral(referral);
            return referral;
        });
    }

    /**
     * Records when the receiving body got a referral and what it reported back (each {@code null}
     * while unknown); what was recorded before is replaced.
     */
    public Referral recordReferralReply(UUID leadId, UUID referralId, LocalDate receivedOn, String feedback,
                                        LocalDate feedbackOn) {
        return changing(leadId, AuditAction.LEAD_REFERRAL, tx -> {
            existing(tx, leadId);
            Referral before = tx.caseFiles().referrals(leadId).stream().filter(r -> r.id().equals(referralId))
                    .findFirst().orElseThrow(() -> new ValidationException(
                            Problem.of(Field.REFERRAL, "rule.referral.unknown")));
            List<Problem> problems = new ArrayList<>();
            String reply = blankToNull(feedback);
            if ((reply == null) != (feedbackOn == null)) {
                problems.add(Problem.of(Field.FEEDBACK_ON, "rule.referral.feedbackIncomplete"));
            }
            if (reply != null && reply.length() > REFERRAL_FEEDBACK_LENGTH) {
                problems.add(Problem.of(Field.REFERRAL, "rule.summary.tooLong", REFERRAL_FEEDBACK_LENGTH,
                        reply.length()));
            }
            LeadRules.checkDate(receivedOn, Field.RECEIVED_ON, today(), problems);
            LeadRules.checkDate(feedbackOn, Field.FEEDBACK_ON, today(), problems);
            LeadRules.checkOrder(before.sentOn(), receivedOn, Field.RECEIVED_ON, Field.SENT_ON, problems);
            LeadRules.checkOrder(before.sentOn(), feedbackOn, Field.FEEDBACK_ON, Field.SENT_ON, problems);
            LeadRules.checkOrder(receivedOn, feedbackOn, Field.FEEDBACK_ON, Field.RECEIVED_ON, problems);
            failIfAny(problems);
            Referral after = new Referral(before.id(), leadId, before.kind(), before.toBody(), before.sentOn(),
                    receivedOn, reply, feedbackOn);
            tx.caseFiles().saveReferral(after);
            return after;
        });
    }

    /** The lead and everything recorded under it. */
    public LeadFile file(UUID leadId) {
        return store.read(tx -> file(tx, existing(tx, leadId)));
    }

    private static LeadFile file(Tx tx, Lead lead) {
        return LeadFile.read(tx, lead);
    }

    /** The lead's state today. */
    public LeadState stateOf(Lead lead) {
        return lead.stateOn(today());
    }

    // ---- shared checks ----

    private List<Problem> checkDetails(Tx tx, Lead before, NewLead input) {
        List<Problem> problems = new ArrayList<>();
        var organization = tx.organization();
        var committee = organization.committees().stream().filter(c -> c.id() == input.committeeId()).findFirst();
        if (committee.isEmpty() || (!committee.get().active() && (before == null || before.committeeId() != input.committeeId()))) {
            problems.add(Problem.of(Field.COMMITTEE, "rule.committee.unknown"));
        }
        var community = organization.communities().stream().filter(c -> c.id() == input.communityId()).findFirst();
        if (community.isEmpty() || (!community.get().active() && (before == null || before.communityId() != input.communityId()))) {
            problems.add(Problem.of(Field.COMMUNITY, "rule.community.unknown"));
        }
        if (input.gridId() != null && organization.grids().stream()
                .noneMatch(g -> g.id() == input.gridId() && g.communityId() == input.communityId())) {
            problems.add(Problem.of(Field.GRID, "rule.grid.notInCommunity"));
        }
        requireCode(tx, DictionaryKind.LEAD_SOURCE, input.sourceCode(), Field.SOURCE, problems);
        requireCode(tx, DictionaryKind.DISPUTE_TYPE, input.disputeTypeCode(), Field.DISPUTE_TYPE, problems);
        String leadNo = blankToNull(input.leadNo());
        if (leadNo != null) {
            tx.leads().findByLeadNo(input.committeeId(), leadNo)
                    .filter(other -> before == null || !other.id().equals(before.id()))
                    .ifPresent(other -> problems.add(Problem.of(Field.LEAD_NO, "rule.leadNo.taken", leadNo)));
        }
        for (PartyInput party : input.parties()) {
            problems.addAll(PartyRules.check(party, today()));
        }
        return problems;
    }

    private static void requireCode(Tx tx, DictionaryKind kind, String code, Field field, List<Problem> problems) {
        if (code == null || code.isBlank()) {
            problems.add(Problem.of(field, "rule.required"));
            return;
        }
        List<DictionaryEntry> entries = tx.dictionaries().entries(kind);
        if (entries.stream().noneMatch(e -> e.code().equals(code))) {
            problems.add(Problem.of(field, "rule.dictionary.unknown", code));
        }
    }

    private static void checkPerson(Tx tx, Long personId, Lead lead, boolean mustMediate, List<Problem> problems) {
        if (personId == null) {
            return;
        }
        Person person = tx.organization().people().stream().filter(p -> p.id() == personId).findFirst().orElse(null);
        if (person == null || !person.active()) {
            problems.add(Problem.of(Field.MEDIATORS, "rule.person.unknown"));
        } else if (mustMediate && (!person.role().mediates()
                || !Objects.equals(person.committeeId(), lead.committeeId()))) {
            problems.add(Problem.of(Field.MEDIATORS, "rule.person.notMediatorOfCommittee", person.name()));
        }
    }

    private static void checkDuplicateOf(Tx tx, Lead lead, List<Problem> problems) {
        if (lead.duplicateOfId() == null) {
            return;
        }
        if (lead.duplicateOfId().equals(lead.id())) {
            problems.add(Problem.of(Field.DUPLICATE_OF, "rule.duplicate.self"));
            return;
        }
        if (tx.leads().find(lead.duplicateOfId()).isEmpty()) {
            problems.add(Problem.of(Field.DUPLICATE_OF, "rule.duplicate.unknown"));
        }
    }

    private static List<Problem> checkAgreement(AgreementInput agreement, Outcome outcome) {
        if (agreement == null || outcome != Outcome.RESOLVED) {
            return List.of();
        }
        return AgreementRules.check(agreement);
    }

    private static void requireDate(LocalDate date, Field field, List<Problem> problems) {
        if (date == null) {
            problems.add(Problem.of(field, "rule.required"));
        }
    }

    private static LeadFacts facts(Lead lead, AgreementForm form) {
        return new LeadFacts(lead.foundOn(), lead.summary(), lead.peopleCount(), lead.amount(), lead.verifiedOn(),
                lead.verificationResult(), lead.duplicateOfId() != null, lead.transferredTo(), lead.acceptedOn(),
                lead.declinedOn(), lead.declinedBy(), lead.outcome(), lead.closedOn(), lead.outcome() == Outcome.RESOLVED ? form : null);
    }

    private static AgreementForm formOf(AgreementInput agreement) {
        return agreement == null ? null : agreement.form();
    }

    private static Agreement toAgreement(UUID leadId, AgreementInput input) {
        return new Agreement(leadId, input.form(), blankToNull(input.terms()), input.amount(),
                input.performanceDeadline(), blankToNull(input.facts()), blankToNull(input.issues()),
                blankToNull(input.responsibility()), blankToNull(input.performanceWay()),
                blankToNull(input.performancePlace()));
    }

    /** The lead as stored, once the actor's role allows them its committee's cases. */
    private Lead existing(Tx tx, UUID leadId) {
        Lead lead = tx.leads().find(leadId)
                .orElseThrow(() -> new ValidationException(Problem.of(Field.LEAD, "rule.lead.unknown")));
        Access.requireCase(tx, actor, lead.committeeId());
        return lead;
    }

    /** The lead as stored, provided nobody changed it since the caller read {@code version}. */
    private Lead current(Tx tx, UUID leadId, int version) {
        Lead lead = existing(tx, leadId);
        if (lead.version() != version) {
            throw new ConcurrentChangeException(leadId);
        }
        return lead;
    }

    private Lead save(Tx tx, Lead before, Lead after) {
        if (!tx.leads().update(after, clock.instant())) {
            throw new ConcurrentChangeException(after.id());
        }
        LeadHistory.record(tx.leads(), before, after, clock, user);
        return tx.leads().find(after.id()).orElseThrow();
    }

    /**
     * Replaces the lead's parties and their agents with those entered. Parties get new ids on every save,
     * so the agents are written again too, each tied to its party's new id.
     */
    private static void saveParties(Tx tx, UUID leadId, List<PartyInput> inputs) {
        List<Party> parties = new ArrayList<>();
        List<PartyAgent> agents = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PartyInput p = inputs.get(i);
            Party party = new Party(UUID.randomUUID(), leadId, p.name().strip(), p.gender(), upperOrNull(p.idNumber()),
                    blankToNull(p.phone()), blankToNull(p.address()), p.role() == null ? PartyRole.OTHER : p.role(), i,
                    p.kind(), EthnicGroups.officialName(p.ethnicity()).orElse(null), p.birthDate(), p.age(),
                    blankToNull(p.occupation()), blankToNull(p.employer()), upperOrNull(p.creditCode()),
                    blankToNull(p.legalRepresentative()), blankToNull(p.representativeTitle()));
            parties.add(party);
            for (AgentInput a : p.agents()) {
                boolean entrusted = a.kind() == AgentKind.ENTRUSTED;
                agents.add(new PartyAgent(UUID.randomUUID(), leadId, party.id(), a.name().strip(), a.kind(),
                        entrusted ? a.authority() : null, entrusted ? blankToNull(a.authorityScope()) : null,
                        upperOrNull(a.idNumber()), blankToNull(a.phone()), blankToNull(a.relation())));
            }
        }
        tx.leads().replaceParties(leadId, parties);
        tx.caseFiles().replaceAgents(leadId, agents);
    }

    private static void failIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String upperOrNull(String text) {
        String value = blankToNull(text);
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
