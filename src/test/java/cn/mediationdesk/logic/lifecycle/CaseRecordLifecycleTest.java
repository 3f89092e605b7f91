package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consent, the application, the notices, the police report, 防止 outcomes and the agreement's terms (issue 10). */
class CaseRecordLifecycleTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    private static final LocalDate FOUND = LocalDate.of(2022, 3, 1);
    private static final LocalDate VERIFIED = LocalDate.of(2022, 3, 3);

    @TempDir
    Path dir;

    private Store store;
    private LifecycleService lifecycle;
    private long committeeId;
    private long communityId;
    private long mediatorId;
    private long secondMediatorId;

    @BeforeEach
    void openDatabase() {
        store = TestStores.fresh(dir, "db");
        Clock clock = Clock.fixed(TODAY.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        lifecycle = new LifecycleService(store, clock, User.setup());
        store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            communityId = tx.organization().insertCommunity("SQ001", "金宝社区");
            committeeId = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            mediatorId = tx.organization().insertPerson("王某", PersonRole.FULL_TIME_MEDIATOR, committeeId, null);
            secondMediatorId = tx.organization().insertPerson("赵某", PersonRole.PART_TIME_MEDIATOR, committeeId, null);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Lead verified(String source, boolean criminalRisk) {
        Lead lead = lifecycle.register(new NewLead(committeeId, communityId, null, null, FOUND, source, "NEIGHBOR",
                "张某与李某因排水沟堵塞发生纠纷", 2, new BigDecimal("1500.00"), null, criminalRisk, false,
                List.of(new PartyInput("张某", Gender.MALE, null, null, null, PartyRole.APPLICANT),
                        new PartyInput("李某", null, null, null, null, PartyRole.RESPONDENT))));
        return lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, VERIFIED, null, null);
    }

    private Lead accepted() {
        Lead lead = verified("SCREENING", false);
        return lifecycle.accept(lead.id(), lead.version(), null, List.of(mediatorId),
                new ConsentInput(VERIFIED, ConsentWay.SIGNED_REGISTRATION, VERIFIED));
    }

    private CaseRecord record(Lead lead) {
        return lifecycle.file(lead.id()).caseRecord();
    }

    private static List<Problem> problems(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected a validation failure");
    }

    private static AgreementInput written(String facts, String issues, String terms) {
        return new AgreementInput(AgreementForm.WRITTEN, facts, issues, "李某负主要责任", terms, new BigDecimal("300"),
                "现金", "调解室", LocalDate.of(2022, 3, 20));
    }

    // ---- consent (Art. 17) ----

    @Test
    void acceptanceRecordsTheConsentAndTheNoticeOfRights() {
        Lead lead = accepted();

        assertThat(lead.acceptedOn()).isEqualTo(VERIFIED);
        CaseRecord record = record(lead);
        assertThat(record.consentOn()).isEqualTo(VERIFIED);
        assertThat(record.consentWay()).isEqualTo(ConsentWay.SIGNED_REGISTRATION);
        assertThat(record.rightsNoticeOn()).isEqualTo(VERIFIED);
    }

    @Test
    void acceptanceWithoutConsentIsRefusedAndWritesNothing() {
        Lead lead = verified("SCREENING", false);

        assertThat(problems(() -> lifecycle.accept(lead.id(), lead.version(), null, List.of(), null)))
                .extracting(Problem::field, Problem::key)
                .contains(org.assertj.core.groups.Tuple.tuple(Field.CONSENT_ON, "rule.consent.required"),
                        org.assertj.core.groups.Tuple.tuple(Field.CONSENT_WAY, "rule.required"));
        assertThat(problems(() -> lifecycle.accept(lead.id(), lead.version(), null, List.of(),
                new ConsentInput(VERIFIED, null, null)))).extracting(Problem::field).containsExactly(Field.CONSENT_WAY);
        Lead stored = lifecycle.file(lead.id()).lead();
        assertThat(stored.acceptedOn()).isNull();
        assertThat(stored.caseNumber()).isNull();
        assertThat(record(stored).hasConsent()).isFalse();
    }

    @Test
    void consentLiesBetweenTheFindingAndTheAcceptanceAndNeverInTheFuture() {
        Lead lead = verified("SCREENING", false);

        assertThat(problems(() -> lifecycle.accept(lead.id(), lead.version(), VERIFIED, List.of(),
                new ConsentInput(VERIFIED.plusDays(1), ConsentWay.ORAL, null)))).extracting(Problem::key)
                .containsExactly("rule.consent.afterAcceptance");
        assertThat(problems(() -> lifecycle.accept(lead.id(), lead.version(), VERIFIED, List.of(),
                new ConsentInput(FOUND.minusDays(1), ConsentWay.ORAL, null)))).extracting(Problem::field)
                .containsExactly(Field.CONSENT_ON);
        assertThat(problems(() -> lifecycle.accept(lead.id(), lead.version(), VERIFIED, List.of(),
                new ConsentInput(VERIFIED, ConsentWay.ORAL, TODAY.plusDays(1))))).extracting(Problem::key)
                .containsExactly("rule.date.future");
        assertThat(lifecycle.file(lead.id()).lead().isAccepted()).isFalse();
    }

    @Test
    void consentCanBeRecordedLaterForAnAcceptedCaseOnly() {
        Lead pending = verified("SCREENING", false);
        assertThat(problems(() -> lifecycle.recordConsent(pending.id(), new ConsentInput(VERIFIED, ConsentWay.ORAL,
                null)))).extracting(Problem::key).containsExactly("rule.consent.needsAcceptance");

        Lead lead = accepted();
        lifecycle.recordConsent(lead.id(), new ConsentInput(FOUND, ConsentWay.WRITTEN_APPLICATION, LocalDate.of(2022, 3, 5)));
        assertThat(record(lead).consentWay()).isEqualTo(ConsentWay.WRITTEN_APPLICATION);
        assertThat(record(lead).rightsNoticeOn()).isEqualTo(LocalDate.of(2022, 3, 5));
    }

    @Test
    void theFoundDayCannotMoveAfterTheConsent() {
        Lead verified = verified("SCREENING", false);
        Lead lead = lifecycle.accept(verified.id(), verified.version(), null, List.of(),
                new ConsentInput(FOUND.plusDays(1), ConsentWay.ORAL, null));
        NewLead moved = new NewLead(committeeId, communityId, null, null, VERIFIED, "SCREENING", "NEIGHBOR",
                lead.summary(), 2, null, null, false, false, List.of(new PartyInput("张某", null, null, null, null,
                PartyRole.APPLICANT)));

        assertThat(problems(() -> lifecycle.updateDetails(lead.id(), lead.version(), moved)))
                .extracting(Problem::field).containsExactly(Field.CONSENT_ON);
        assertThat(lifecycle.file(lead.id()).lead().foundOn()).isEqualTo(FOUND);
    }

    // ---- application ----

    @Test
    void anApplicationIsRecordedForLeadsFromAnApplicationOnly() {
        Lead applied = verified("PARTY_APPLICATION", false);
        lifecycle.recordApplication(applied.id(), FOUND, "  请求调解排水沟纠纷  ");
        assertThat(record(applied).appliedOn()).isEqualTo(FOUND);
        assertThat(record(applied).applicationRequests()).isEqualTo("请求调解排水沟纠纷");

        assertThat(problems(() -> lifecycle.recordApplication(applied.id(), FOUND, "   ")))
                .extracting(Problem::field).containsExactly(Field.APPLICATION_REQUESTS);
        Lead screened = verified("SCREENING", false);
        assertThat(problems(() -> lifecycle.recordApplication(screened.id(), FOUND, "请求")))
                .extracting(Problem::key).containsExactly("rule.application.notFromApplication");
    }

    // ---- police report (Art. 25) ----

    @Test
    void aReportToThePoliceNeedsItsDayAndReceiverNotBeforeTheLeadWasFound() {
        Lead lead = verified("SCREENING", true);
        assertThat(problems(() -> lifecycle.recordPoliceReport(lead.id(), FOUND.minusDays(1), "金宝派出所")))
                .extracting(Problem::field).containsExactly(Field.POLICE_REPORTED_ON);
        assertThat(problems(() -> lifecycle.recordPoliceReport(lead.id(), FOUND, " ")))
                .extracting(Problem::field).containsExactly(Field.POLICE_REPORTED_TO);
        assertThat(record(lead).policeReportedOn()).isNull();

        lifecycle.recordPoliceReport(lead.id(), FOUND, "金宝派出所");
        assertThat(record(lead).policeReportedOn()).isEqualTo(FOUND);
        assertThat(record(lead).policeReportedTo()).isEqualTo("金宝派出所");
    }

    // ---- the agreement's terms ----

    @Test
    void aWrittenAgreementNeedsFactsIssuesAndTerms() {
        Lead lead = accepted();
        assertThat(problems(() -> lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                written(" ", null, "\t")))).extracting(Problem::key).containsExactlyInAnyOrder(
                "rule.agreement.factsRequired", "rule.agreement.issuesRequired", "rule.agreement.termsRequired");
        assertThat(lifecycle.file(lead.id()).lead().outcome()).isNull();
        assertThat(lifecycle.file(lead.id()).agreement()).isEmpty();

        lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                written("排水沟堵塞致张某家进水", "疏通责任", "李某三日内疏通排水沟"), null, Set.of(PreventionKind.CRIMINAL_CASE));
        LeadFile file = lifecycle.file(lead.id());
        assertThat(file.agreement()).hasValueSatisfying(a -> {
            assertThat(a.facts()).isEqualTo("排水沟堵塞致张某家进水");
            assertThat(a.issues()).isEqualTo("疏通责任");
            assertThat(a.responsibility()).isEqualTo("李某负主要责任");
            assertThat(a.performanceWay()).isEqualTo("现金");
            assertThat(a.performancePlace()).isEqualTo("调解室");
        });
        assertThat(file.preventions()).containsExactly(PreventionKind.CRIMINAL_CASE);
    }

    @Test
    void anOralAgreementNeedsItsFactsAndTermsButNoIssues() {
        Lead lead = accepted();
        AgreementInput noTerms = new AgreementInput(AgreementForm.ORAL, "事实", null, null, "", null, null, null, null);
        assertThat(problems(() -> lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                noTerms))).extracting(Problem::key).containsExactly("rule.agreement.termsRequired");

        lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                new AgreementInput(AgreementForm.ORAL, "事实", null, null, "当场赔偿", null, null, null, null));
        assertThat(lifecycle.file(lead.id()).lead().outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void aCorrectionCannotLetAnEmptyWrittenAgreementIn() {
        Lead lead = accepted();
        lead = lifecycle.close(lead.id(), lead.version(), Outcome.FAILED, LocalDate.of(2022, 3, 9), null);
        Lead failed = lead;
        assertThat(problems(() -> lifecycle.correct(failed.id(), failed.version(), new Correction(VERIFIED,
                VerificationResult.GENUINE, null, null, VERIFIED, null, null, Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                written("", "", ""), "误录为调解不成")))).extracting(Problem::field)
                .contains(Field.AGREEMENT_FACTS, Field.AGREEMENT_ISSUES, Field.AGREEMENT_TERMS);
        assertThat(lifecycle.file(lead.id()).lead().outcome()).isEqualTo(Outcome.FAILED);
    }

    // ---- notice of other routes (Art. 26) ----

    @Test
    void aFailedCaseRecordsTheNoticeOfOtherRoutesAtClosingOrAfter() {
        Lead lead = accepted();
        lifecycle.close(lead.id(), lead.version(), Outcome.FAILED, LocalDate.of(2022, 3, 9), null,
                new RoutesNoticeInput(LocalDate.of(2022, 3, 9), Set.of(OtherRoute.LITIGATION)), Set.of());
        assertThat(record(lead).routesNotified()).containsExactly(OtherRoute.LITIGATION);

        lifecycle.recordRoutesNotice(lead.id(), new RoutesNoticeInput(LocalDate.of(2022, 3, 10),
                Set.of(OtherRoute.ARBITRATION, OtherRoute.LITIGATION)));
        assertThat(record(lead).routesNoticeOn()).isEqualTo(LocalDate.of(2022, 3, 10));
        assertThat(record(lead).routesNotified()).containsExactly(OtherRoute.ARBITRATION, OtherRoute.LITIGATION);
        assertThat(problems(() -> lifecycle.recordRoutesNotice(lead.id(), new RoutesNoticeInput(LocalDate.of(2022, 3, 10),
                Set.of())))).extracting(Problem::field).containsExactly(Field.ROUTES_NOTIFIED);
    }

    @Test
    void theNoticeOfOtherRoutesIsRefusedForOtherOutcomes() {
        Lead lead = accepted();
        assertThat(problems(() -> lifecycle.close(lead.id(), lead.version(), Outcome.TERMINATED, LocalDate.of(2022, 3, 9),
                null, new RoutesNoticeInput(LocalDate.of(2022, 3, 9), Set.of(OtherRoute.LITIGATION)), Set.of())))
                .extracting(Problem::key).containsExactly("rule.routesNotice.onlyWhenFailed");
        assertThat(lifecycle.file(lead.id()).lead().outcome()).isNull();
        Lead terminated = lifecycle.close(lead.id(), lead.version(), Outcome.TERMINATED, LocalDate.of(2022, 3, 9), null);
        assertThat(problems(() -> lifecycle.recordRoutesNotice(terminated.id(),
                new RoutesNoticeInput(LocalDate.of(2022, 3, 9), Set.of(OtherRoute.LITIGATION)))))
                .extracting(Problem::key).containsExactly("rule.routesNotice.onlyWhenFailed");
    }

    // ---- 防止 outcomes ----

    @Test
    void preventionsAreRecordedOnceClosed() {
        Lead lead = accepted();
        assertThat(problems(() -> lifecycle.recordPreventions(lead.id(), Set.of(PreventionKind.SUICIDE))))
                .extracting(Problem::key).containsExactly("rule.preventions.needsOutcome");
        lifecycle.close(lead.id(), lead.version(), Outcome.TERMINATED, LocalDate.of(2022, 3, 9), null);
        lifecycle.recordPreventions(lead.id(), Set.of(PreventionKind.GROUP_FIGHT, PreventionKind.SUICIDE));
        assertThat(lifecycle.file(lead.id()).preventions()).containsExactly(PreventionKind.SUICIDE,
                PreventionKind.GROUP_FIGHT);
    }

    // ---- mediators after acceptance ----

    @Test
    void mediatorsAreReassignedAfterAcceptanceWithThePrincipalFirst() {
        Lead lead = accepted();
        Lead changed = lifecycle.assignMediators(lead.id(), lead.version(), List.of(mediatorId, secondMediatorId),
                secondMediatorId);
        assertThat(lifecycle.file(lead.id()).mediatorIds()).containsExactly(secondMediatorId, mediatorId);
        assertThat(changed.version()).isGreaterThan(lead.version());
        List<AuditEntry> history = store.read(tx -> AuditTrail.onThisPc(Clock.systemUTC()).history(tx, lead.id()));
        assertThat(history.stream().filter(e -> e.action().equals(AuditAction.LEAD_MEDIATORS.code())).toList())
                .as("the new mediator and the new principal are both on file").hasSize(2)
                .anySatisfy(e -> assertThat(e.changes()).anySatisfy(c -> assertThat(c.newValue()).isEqualTo("principal: 王某 → 赵某")));
        assertThat(problems(() -> lifecycle.assignMediators(lead.id(), changed.version(), List.of(mediatorId),
                secondMediatorId))).extracting(Problem::key).containsExactly("rule.mediators.principalNotAssigned");

        Lead pending = verified("SCREENING", false);
        assertThat(problems(() -> lifecycle.assignMediators(pending.id(), pending.version(), List.of(mediatorId), null)))
                .extracting(Problem::key).containsExactly("rule.mediators.needsAcceptance");
    }

    // ---- 调解记录 and 回访记录 ----

    @Test
    void aSessionNeedsItsMatterAndRecorder() {
        Lead lead = accepted();
        assertThat(problems(() -> lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 3, 5), "调解室",
                "张某、李某", "陈述", " ", null, true, false)))).extracting(Problem::field)
                .containsExactlyInAnyOrder(Field.SESSION_MATTER, Field.SESSION_RECORDER);
        lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 3, 5), "调解室", "张某、李某", "陈述",
                "排水沟纠纷", "王某", true, false));
        assertThat(lifecycle.file(lead.id()).sessions()).singleElement().satisfies(s -> {
            assertThat(s.matter()).isEqualTo("排水沟纠纷");
            assertThat(s.recorder()).isEqualTo("王某");
            assertThat(s.noticeGiven()).isTrue();
            assertThat(s.confirmedByParties()).isFalse();
        });
    }

    @Test
    void aFollowUpVisitsOneOfTheLeadsPartiesInAGivenWay() {
        Lead lead = accepted();
        lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                written("事实", "争议", "条款"));
        assertThat(problems(() -> lifecycle.recordFollowUp(lead.id(), new FollowUpInput(LocalDate.of(2022, 3, 20),
                "王五", null, null, Performance.PERFORMED, null, false, null)))).extracting(Problem::field)
                .containsExactlyInAnyOrder(Field.VISITED_PARTY, Field.FOLLOW_UP_WAY);
        lifecycle.recordFollowUp(lead.id(), new FollowUpInput(LocalDate.of(2022, 3, 20), "李某", FollowUpWay.PHONE,
                "了解履行情况", Performance.PERFORMED, null, false, null));
        assertThat(lifecycle.file(lead.id()).followUps()).singleElement().satisfies(f -> {
            assertThat(f.visitedParty()).isEqualTo("李某");
            assertThat(f.way()).isEqualTo(FollowUpWay.PHONE);
            assertThat(f.reason()).isEqualTo("了解履行情况");
        });
    }
}
