package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LifecycleServiceTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);

    @TempDir
    Path dir;

    private Store store;
    private LifecycleService lifecycle;
    private long committeeId;
    private long otherCommitteeId;
    private long communityId;
    private long mediatorId;

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
            otherCommitteeId = tx.organization().insertCommittee("TW002", "金宝社区人民调解委员会", "金宝社区",
                    CommitteeKind.COMMUNITY, communityId);
            mediatorId = tx.organization().insertPerson("王某", PersonRole.FULL_TIME_MEDIATOR, committeeId, null);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Lead register(LocalDate foundOn, long committee) {
        return lifecycle.register(new NewLead(committee, communityId, null, null, foundOn, "SCREENING", "NEIGHBOR",
                "张某与李某因排水沟堵塞发生纠纷", 2, new BigDecimal("1500.00"), null, false, false,
                List.of(new PartyInput("张某", Gender.MALE, "11010519491231002X", "13812345678", null, PartyRole.APPLICANT),
                        new PartyInput("李某", null, null, null, null, PartyRole.RESPONDENT))));
    }

    private Lead acceptedLead(LocalDate day, long committee) {
        Lead lead = register(day, committee);
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, day, null, null);
        return lifecycle.accept(lead.id(), lead.version(), null, List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
    }

    private static List<String> keysOf(ValidationException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void aLeadGoesFromReportToFollowUp() {
        Lead lead = register(LocalDate.of(2022, 3, 1), committeeId);
        assertThat(lead.stateOn(TODAY)).isEqualTo(LeadState.PENDING);
        lifecycle.addVerificationStep(lead.id(), LocalDate.of(2022, 3, 2), "走访", "双方均在家", mediatorId);

        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3), null, null);
        assertThat(lead.stateOn(TODAY)).isEqualTo(LeadState.PENDING);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(mediatorId), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        assertThat(lead.acceptedOn()).as("accepted on the verification day by default").isEqualTo(LocalDate.of(2022, 3, 3));
        assertThat(lead.caseNumber().text()).isEqualTo("(2022)金宝人调字第001号");
        assertThat(lead.dueOn()).isEqualTo(LocalDate.of(2022, 4, 2));

        lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 3, 5), "调解室", "张某、李某、王某", "第一次调解", "纠纷调解", "记录员", true, true));
        lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 3, 9), "调解室", "张某、李某、王某", "达成一致", "纠纷调解", "记录员", true, true));
        lead = lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 9),
                new AgreementInput(AgreementForm.WRITTEN, "经调查核实的纠纷事实", "双方争议事项", null, "李某于三日内疏通排水沟", new BigDecimal("300"), null, null, LocalDate.of(2022, 3, 12)));
        lifecycle.recordFollowUp(lead.id(), new FollowUpInput(LocalDate.of(2022, 3, 20), "张某", FollowUpWay.VISIT, "了解协议履行情况", Performance.PERFORMED, Satisfaction.SATISFIED, false, "已履行"));
        lifecycle.recordJudicialConfirmation(lead.id(), LocalDate.of(2022, 3, 15), "平昌县人民法院", "(2022)川1923民特12号",
                JudicialResult.CONFIRMED, LocalDate.of(2022, 3, 25));

        LeadFile file = lifecycle.file(lead.id());
        assertThat(file.lead().stateOn(TODAY)).isEqualTo(LeadState.RESOLVED);
        assertThat(file.lead().stateOn(LocalDate.of(2022, 3, 8))).isEqualTo(LeadState.MEDIATING);
        assertThat(file.parties()).extracting(p -> p.name()).containsExactly("张某", "李某");
        assertThat(file.verificationSteps()).hasSize(1);
        assertThat(file.mediatorIds()).containsExactly(mediatorId);
        assertThat(file.sessions()).hasSize(2);
        assertThat(file.agreement()).get().extracting(a -> a.form()).isEqualTo(AgreementForm.WRITTEN);
        assertThat(file.followUps()).hasSize(1);
        assertThat(file.judicialConfirmation()).get().extracting(j -> j.confirmed()).isEqualTo(true);
        assertThat(file.transitions()).extracting(t -> t.kind())
                .containsExactly(TransitionKind.FOUND, TransitionKind.VERIFIED, TransitionKind.ACCEPTED, TransitionKind.CLOSED);
    }

    @Test
    void caseNumbersAreGapFreePerCommitteeAndYear() {
        Lead first = acceptedLead(LocalDate.of(2021, 12, 30), committeeId);
        Lead second = acceptedLead(LocalDate.of(2022, 1, 2), committeeId);
        Lead third = acceptedLead(LocalDate.of(2022, 1, 3), committeeId);
        Lead otherCommittee = acceptedLead(LocalDate.of(2022, 1, 3), otherCommitteeId);
        assertThat(first.caseNumber().text()).isEqualTo("(2021)金宝人调字第001号");
        assertThat(second.caseNumber().text()).isEqualTo("(2022)金宝人调字第001号");
        assertThat(third.caseNumber().text()).isEqualTo("(2022)金宝人调字第002号");
        assertThat(otherCommittee.caseNumber().text()).isEqualTo("(2022)金宝社区人调字第001号");
    }

    @Test
    void concurrentAcceptancesGetDistinctConsecutiveNumbers() throws Exception {
        List<Lead> verified = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Lead lead = register(LocalDate.of(2022, 5, 1), committeeId);
            verified.add(lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 5, 2), null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Lead>> accepted = verified.stream()
                    .map(l -> pool.submit(() -> lifecycle.accept(l.id(), l.version(), null, List.of(), new ConsentInput(l.foundOn(), ConsentWay.SIGNED_REGISTRATION, null)))).toList();
            List<Integer> numbers = new java.util.ArrayList<>();
            for (Future<Lead> f : accepted) {
                numbers.add(f.get(60, TimeUnit.SECONDS).caseNumber().sequence());
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRejectedAcceptanceGivesItsNumberBack() {
        Lead lead = register(LocalDate.of(2022, 6, 1), committeeId);
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 6, 5), null, null);
        assertThatThrownBy(() -> lifecycle.accept(verified.id(), verified.version(), LocalDate.of(2022, 6, 4), List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(Problem.of(Field.ACCEPTED_ON, "rule.date.beforeEarlier", LocalDate.of(2022, 6, 4),
                                Field.VERIFIED_ON, LocalDate.of(2022, 6, 5))));
        Lead accepted = lifecycle.accept(verified.id(), verified.version(), LocalDate.of(2022, 6, 6), List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        assertThat(accepted.caseNumber().sequence()).isEqualTo(1);
    }

    @Test
    void datesMustNotLieInTheFutureOrBeforeEarlierSteps() {
        assertThatThrownBy(() -> register(TODAY.plusDays(1), committeeId))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field, Problem::key)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(Field.FOUND_ON, "rule.date.future")));
        Lead lead = register(LocalDate.of(2022, 3, 10), committeeId);
        assertThatThrownBy(() -> lifecycle.verify(lead.id(), lead.version(), VerificationResult.UNFOUNDED,
                LocalDate.of(2022, 3, 9), null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.date.beforeEarlier"));
        assertThat(lifecycle.file(lead.id()).lead().verificationResult()).as("nothing written").isNull();
    }

    @Test
    void anOutcomeNeedsAcceptanceAndResolvedNeedsAnAgreement() {
        Lead lead = register(LocalDate.of(2022, 3, 10), committeeId);
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 10), null, null);
        assertThatThrownBy(() -> lifecycle.close(verified.id(), verified.version(), Outcome.FAILED, LocalDate.of(2022, 3, 20), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.close.needsAcceptance"));
        Lead accepted = lifecycle.accept(verified.id(), verified.version(), null, List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        assertThatThrownBy(() -> lifecycle.close(accepted.id(), accepted.version(), Outcome.RESOLVED, LocalDate.of(2022, 3, 20), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.close.resolvedNeedsAgreement"));
        Lead failed = lifecycle.close(accepted.id(), accepted.version(), Outcome.FAILED, LocalDate.of(2022, 3, 20), null);
        assertThat(failed.stateOn(TODAY)).isEqualTo(LeadState.FAILED);
    }

    @Test
    void onlyGenuineLeadsAreAccepted() {
        Lead lead = register(LocalDate.of(2022, 3, 10), committeeId);
        Lead unfounded = lifecycle.verify(lead.id(), lead.version(), VerificationResult.UNFOUNDED, LocalDate.of(2022, 3, 11), null, null);
        assertThatThrownBy(() -> lifecycle.accept(unfounded.id(), unfounded.version(), null, List.of(), new ConsentInput(unfounded.foundOn(), ConsentWay.SIGNED_REGISTRATION, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.accept.needsGenuine"));
    }

    @Test
    void aDuplicateNamesItsLeadAndATransferItsReceiver() {
        Lead original = register(LocalDate.of(2022, 3, 1), committeeId);
        Lead lead = register(LocalDate.of(2022, 3, 2), committeeId);
        assertThatThrownBy(() -> lifecycle.verify(lead.id(), lead.version(), VerificationResult.DUPLICATE, LocalDate.of(2022, 3, 3), null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly(Field.DUPLICATE_OF));
        assertThatThrownBy(() -> lifecycle.verify(lead.id(), lead.version(), VerificationResult.TRANSFERRED, LocalDate.of(2022, 3, 3), null, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).containsExactly(Field.TRANSFERRED_TO));
        Lead duplicate = lifecycle.verify(lead.id(), lead.version(), VerificationResult.DUPLICATE, LocalDate.of(2022, 3, 3), original.id(), null);
        assertThat(duplicate.duplicateOfId()).isEqualTo(original.id());
        assertThat(duplicate.stateOn(TODAY)).isEqualTo(LeadState.DUPLICATE);
    }

    @Test
    void aStaleVersionIsRefused() {
        Lead lead = register(LocalDate.of(2022, 3, 1), committeeId);
        lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 2), null, null);
        assertThatThrownBy(() -> lifecycle.verify(lead.id(), lead.version(), VerificationResult.UNFOUNDED, LocalDate.of(2022, 3, 2), null, null))
                .isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void extensionsMoveTheDueDateFromTheDayTheyAreAgreed() {
        Lead lead = acceptedLead(LocalDate.of(2022, 3, 1), committeeId);
        assertThat(lead.dueOn()).isEqualTo(LocalDate.of(2022, 3, 31));
        Lead stale = lead;
        assertThatThrownBy(() -> lifecycle.extend(stale.id(), stale.version(), LocalDate.of(2022, 3, 20), LocalDate.of(2022, 3, 30), "双方同意"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.extension.notLater"));
        lead = lifecycle.extend(lead.id(), lead.version(), LocalDate.of(2022, 3, 25), LocalDate.of(2022, 4, 30), "双方同意延期");
        LeadFile file = lifecycle.file(lead.id());
        assertThat(file.dueOn(LocalDate.of(2022, 3, 24))).isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(file.dueOn(LocalDate.of(2022, 3, 25))).isEqualTo(LocalDate.of(2022, 4, 30));
        assertThat(file.transitions()).extracting(t -> t.kind()).contains(TransitionKind.EXTENDED);
        Lead extended = lead;
        assertThatThrownBy(() -> lifecycle.extend(extended.id(), extended.version(), LocalDate.of(2022, 3, 24),
                LocalDate.of(2022, 5, 30), "补记更早的延期"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.extension.beforeLast"));
    }

    @Test
    void correctionsAreRecordedAndNeverRenumber() {
        Lead lead = acceptedLead(LocalDate.of(2022, 3, 1), committeeId);
        String number = lead.caseNumber().text();
        Lead corrected = lifecycle.correct(lead.id(), lead.version(), new Correction(LocalDate.of(2022, 3, 1),
                VerificationResult.UNFOUNDED, null, null, null, null, null, null, null, null, "核实有误"));
        assertThat(corrected.stateOn(TODAY)).isEqualTo(LeadState.UNFOUNDED);
        assertThat(corrected.caseNumber().text()).as("kept for the record").isEqualTo(number);
        Lead again = lifecycle.correct(corrected.id(), corrected.version(), new Correction(LocalDate.of(2022, 3, 1),
                VerificationResult.GENUINE, null, null, LocalDate.of(2022, 3, 2), null, null, null, null, null, "再次核实属实"));
        assertThat(again.caseNumber().text()).isEqualTo(number);
        assertThat(acceptedLead(LocalDate.of(2022, 3, 5), committeeId).caseNumber().sequence()).isEqualTo(2);
        assertThat(lifecycle.file(lead.id()).transitions()).extracting(t -> t.kind()).contains(TransitionKind.CORRECTED);
        assertThatThrownBy(() -> lifecycle.correct(again.id(), again.version(), new Correction(LocalDate.of(2022, 3, 1),
                VerificationResult.GENUINE, null, null, LocalDate.of(2022, 3, 2), null, null, null, null, null, " ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.correction.reasonRequired"));
    }

    @Test
    void aPartyRefusingMediationDeclinesTheGenuineLeadWhichIsPendingUntilThatDay() {
        Lead lead = register(LocalDate.of(2022, 3, 1), committeeId);
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3), null, null);
        Lead declined = lifecycle.decline(lead.id(), lead.version(), LocalDate.of(2022, 3, 5), " 李某（被申请人） ");

        assertThat(declined.declinedOn()).isEqualTo(LocalDate.of(2022, 3, 5));
        assertThat(declined.declinedBy()).isEqualTo("李某（被申请人）");
        assertThat(declined.caseNumber()).as("never numbered").isNull();
        assertThat(declined.stateOn(LocalDate.of(2022, 3, 4))).isEqualTo(LeadState.PENDING);
        assertThat(declined.stateOn(LocalDate.of(2022, 3, 5))).isEqualTo(LeadState.DECLINED);
        assertThat(lifecycle.file(lead.id()).transitions()).extracting(Transition::kind, Transition::effectiveOn)
                .contains(tuple(TransitionKind.DECLINED, LocalDate.of(2022, 3, 5)));

        Lead stored = declined;
        assertThatThrownBy(() -> lifecycle.accept(stored.id(), stored.version(), null, List.of(), new ConsentInput(stored.foundOn(), ConsentWay.SIGNED_REGISTRATION, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.accept.declined"));
        assertThatThrownBy(() -> lifecycle.decline(stored.id(), stored.version(), LocalDate.of(2022, 3, 6), "张某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.decline.alreadyDeclined"));
        assertThatThrownBy(() -> lifecycle.close(stored.id(), stored.version(), Outcome.FAILED,
                LocalDate.of(2022, 3, 9), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).contains("rule.close.needsAcceptance"));
    }

    @Test
    void aDeclineNeedsAGenuineUnacceptedLeadItsRefuserAndAPlausibleDate() {
        Lead pending = register(LocalDate.of(2022, 3, 1), committeeId);
        assertThatThrownBy(() -> lifecycle.decline(pending.id(), pending.version(), LocalDate.of(2022, 3, 5), "李某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.decline.needsGenuine"));
        Lead accepted = acceptedLead(LocalDate.of(2022, 3, 1), committeeId);
        assertThatThrownBy(() -> lifecycle.decline(accepted.id(), accepted.version(), LocalDate.of(2022, 3, 5), "李某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.decline.alreadyAccepted"));

        Lead lead = register(LocalDate.of(2022, 3, 1), committeeId);
        Lead genuine = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3),
                null, null);
        assertThatThrownBy(() -> lifecycle.decline(genuine.id(), genuine.version(), LocalDate.of(2022, 3, 5), " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(Problem::field, Problem::key)
                                .containsExactly(tuple(Field.DECLINED_BY, "rule.decline.refuserMissing")));
        assertThatThrownBy(() -> lifecycle.decline(genuine.id(), genuine.version(), LocalDate.of(2022, 3, 2), "李某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.date.beforeEarlier"));
        assertThatThrownBy(() -> lifecycle.decline(genuine.id(), genuine.version(), TODAY.plusDays(1), "李某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.date.future"));
        assertThatThrownBy(() -> lifecycle.decline(genuine.id(), genuine.version(), null, "李某"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.required"));
        assertThat(lifecycle.file(genuine.id()).lead().declinedOn()).as("nothing written").isNull();
    }

    @Test
    void aCorrectionCanUndoADeclineAndAcceptInstead() {
        Lead lead = register(LocalDate.of(2022, 3, 1), committeeId);
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3), null, null);
        lead = lifecycle.decline(lead.id(), lead.version(), LocalDate.of(2022, 3, 5), "李某");
        Lead declined = lead;
        assertThatThrownBy(() -> lifecycle.correct(declined.id(), declined.version(), new Correction(
                LocalDate.of(2022, 3, 3), VerificationResult.GENUINE, null, null, LocalDate.of(2022, 3, 6),
                LocalDate.of(2022, 3, 5), "李某", null, null, null, "当事人改变主意")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(keysOf(e)).containsExactly("rule.decline.notWithAcceptance"));

        Lead accepted = lifecycle.correct(lead.id(), lead.version(), new Correction(LocalDate.of(2022, 3, 3),
                VerificationResult.GENUINE, null, null, LocalDate.of(2022, 3, 6), null, null, null, null, null,
                "当事人改变主意，同意调解"));
        assertThat(accepted.declinedOn()).isNull();
        assertThat(accepted.declinedBy()).isNull();
        assertThat(accepted.stateOn(TODAY)).isEqualTo(LeadState.MEDIATING);
        assertThat(accepted.caseNumber()).isNotNull();
        assertThat(lifecycle.file(lead.id()).transitions()).extracting(Transition::detail)
                .anyMatch(detail -> detail != null && detail.startsWith("decline: 2022-03-05 李某 → -"));

        Lead again = lifecycle.correct(accepted.id(), accepted.version(), new Correction(LocalDate.of(2022, 3, 3),
                VerificationResult.GENUINE, null, null, null, LocalDate.of(2022, 3, 4), "张某", null, null, null,
                "申请人其实已拒绝调解"));
        assertThat(again.stateOn(TODAY)).isEqualTo(LeadState.DECLINED);
        assertThat(again.caseNumber()).as("a number once issued stays").isEqualTo(accepted.caseNumber());
    }

    @Test
    void partiesAreCheckedAndNothingIsWrittenWhenOneIsWrong() {
        long before = store.read(tx -> tx.leads().count());
        assertThatThrownBy(() -> lifecycle.register(new NewLead(committeeId, communityId, null, null,
                LocalDate.of(2022, 3, 1), "SCREENING", "NEIGHBOR", "纠纷", null, null, null, false, false,
                List.of(new PartyInput("张某", null, "110105194912310021", "12345", null, PartyRole.APPLICANT)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly(Field.ID_NUMBER, Field.PHONE));
        long after = store.read(tx -> tx.leads().count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void leadNumbersAreUniqueWithinACommittee() {
        NewLead input = new NewLead(committeeId, communityId, null, "HX-1", LocalDate.of(2022, 3, 1), "SCREENING",
                "NEIGHBOR", "纠纷", null, null, null, false, false, List.of());
        lifecycle.register(input);
        assertThatThrownBy(() -> lifecycle.register(input))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keysOf(e)).containsExactly("rule.leadNo.taken"));
        NewLead elsewhere = new NewLead(otherCommitteeId, communityId, null, "HX-1", LocalDate.of(2022, 3, 1),
                "SCREENING", "NEIGHBOR", "纠纷", null, null, null, false, false, List.of());
        assertThat(lifecycle.register(elsewhere).leadNo()).isEqualTo("HX-1");
    }
}
