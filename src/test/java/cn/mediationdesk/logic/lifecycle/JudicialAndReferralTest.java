package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 司法确认 as the court handles it, and the referral log: rules, warnings, roles and the audit trail. */
class JudicialAndReferralTest {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    private static final LocalDate CLOSED = LocalDate.of(2022, 11, 20);
    private static final String COURT = "金宝新区人民法院";

    @TempDir
    Path dir;

    private Database store;
    private Clock clock;
    private LifecycleService lifecycle;
    private User admin;
    private long committeeId;
    private long otherCommitteeId;
    private long communityId;

    @BeforeEach
    void openDatabase() {
        store = TestStores.fresh(dir, "db");
        clock = Clock.fixed(TODAY.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            communityId = tx.organization().insertCommunity("SQ001", "金宝社区");
            committeeId = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            otherCommitteeId = tx.organization().insertCommittee("TW002", "金宝社区人民调解委员会", "金宝社区",
                    CommitteeKind.COMMUNITY, communityId);
            return null;
        });
        admin = new UserService(store, clock, new PasswordHasher(4)).createFirstAdmin("admin", "管理员", "admin-2022");
        lifecycle = new LifecycleService(store, clock, admin);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Lead resolved(String type, AgreementForm form) {
        LocalDate found = LocalDate.of(2022, 11, 1);
        Lead lead = lifecycle.register(new NewLead(committeeId, communityId, null, null, found, "SCREENING", type,
                "两户因宅前通道发生纠纷", 2, null, null, false, false,
                List.of(new PartyInput("张某", null, null, null, null, PartyRole.APPLICANT))));
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, found, null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(),
                new ConsentInput(found, ConsentWay.ORAL, found));
        return lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, CLOSED,
                new AgreementInput(form, "两户因宅前通道通行发生争执", "通道归属与通行", null, "张某让出通道一米", null,
                        null, null, null));
    }

    private static List<String> keysOf(Throwable e) {
        return ((ValidationException) e).problems().stream().map(Problem::key).toList();
    }

    // ---- 司法确认 ----

    @Test
    void theCourtsNumberAndEachOfItsFourResultsAreRecorded() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        JudicialApplication pending = lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(3), COURT,
                null, null, null);
        assertThat(pending.warnings()).isEmpty();
        assertThat(pending.confirmation().result()).isNull();

        for (JudicialResult result : JudicialResult.values()) {
            lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(3), COURT, " (2022)金宝法民特7号 ", result,
                    CLOSED.plusDays(10));
            JudicialConfirmation stored = lifecycle.file(lead.id()).judicialConfirmation().orElseThrow();
            assertThat(stored.result()).isEqualTo(result);
            assertThat(stored.courtCaseNumber()).isEqualTo("(2022)金宝法民特7号");
            assertThat(stored.confirmed()).isEqualTo(result == JudicialResult.CONFIRMED);
        }
    }

    @Test
    void theApplicationComesWithin30DaysOfTheAgreementAndBeforeItsResult() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(31), COURT, null,
                null, null)).satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.judicial.tooLate"));
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.minusDays(1), COURT, null,
                null, null)).satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.date.beforeEarlier"));
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(2), COURT, null,
                JudicialResult.CONFIRMED, CLOSED.plusDays(1)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.date.beforeEarlier"));
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(2), COURT, null,
                null, TODAY.plusDays(1)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.judicial.decisionIncomplete",
                        "rule.date.future"));
        lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(30), COURT, null, null, null);
        assertThat(lifecycle.file(lead.id()).judicialConfirmation()).isPresent();
    }

    @Test
    void aResultNeedsItsDayAndADayItsResult() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(2), COURT, null,
                JudicialResult.REFUSED, null))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                        Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.judicial.decisionIncomplete")));
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(2), COURT, null,
                null, CLOSED.plusDays(5)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.judicial.decisionIncomplete"));
        assertThat(lifecycle.file(lead.id()).judicialConfirmation()).as("nothing written").isEmpty();
    }

    @Test
    void aCourtNameAndNumberTooLongForTheFileAreRefused() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        assertThatThrownBy(() -> lifecycle.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(2), "法".repeat(201),
                "号".repeat(101), null, null))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                        Problem.of(Field.JUDICIAL_CONFIRMATION, "rule.name.tooLong", 200),
                        Problem.of(Field.COURT_CASE_NO, "rule.name.tooLong", 100)));
    }

    @Test
    void aMarriageOrFamilyDisputeAndAnOralAgreementAreWarnedOfButSaved() {
        Lead family = resolved("MARRIAGE_FAMILY", AgreementForm.ORAL);
        JudicialApplication application = lifecycle.recordJudicialConfirmation(family.id(), CLOSED.plusDays(1), COURT,
                null, null, null);
        assertThat(application.warnings()).extracting(Problem::key)
                .containsExactly("rule.judicial.warn.personalStatus", "rule.judicial.warn.oralAgreement");
        assertThat(lifecycle.file(family.id()).judicialConfirmation()).isPresent();

        Lead neighbours = resolved("NEIGHBOR", AgreementForm.ORAL);
        assertThat(lifecycle.recordJudicialConfirmation(neighbours.id(), CLOSED.plusDays(1), COURT, null, null, null)
                .warnings()).extracting(Problem::key).containsExactly("rule.judicial.warn.oralAgreement");
        assertThat(JudicialRules.warnings("MARRIAGE_FAMILY", AgreementForm.WRITTEN)).extracting(Problem::key)
                .containsExactly("rule.judicial.warn.personalStatus");
        assertThat(JudicialRules.warnings("CONTRACT", AgreementForm.WRITTEN)).isEmpty();
    }

    // ---- the referral log ----

    @Test
    void aReferralIsSentThenReceivedAndAnsweredEachStepAudited() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        Referral sent = lifecycle.addReferral(lead.id(), ReferralKind.COURT_LINK, " 金宝新区人民法院 ",
                LocalDate.of(2022, 12, 5));
        assertThat(sent.toBody()).isEqualTo("金宝新区人民法院");
        Referral answered = lifecycle.recordReferralReply(lead.id(), sent.id(), LocalDate.of(2022, 12, 6),
                " 已立案登记 ", LocalDate.of(2022, 12, 20));

        assertThat(lifecycle.file(lead.id()).referrals()).containsExactly(new Referral(sent.id(), lead.id(),
                ReferralKind.COURT_LINK, "金宝新区人民法院", LocalDate.of(2022, 12, 5), LocalDate.of(2022, 12, 6),
                "已立案登记", LocalDate.of(2022, 12, 20)));
        assertThat(answered.feedback()).isEqualTo("已立案登记");
        List<AuditRecord> trail = store.read(tx -> tx.audit().ofLead(lead.id()));
        assertThat(trail.stream().filter(r -> r.action().equals(AuditAction.LEAD_REFERRAL.code()))).hasSize(2)
                .allSatisfy(r -> assertThat(r.changes()).contains("referral"));
    }

    @Test
    void aReferralNeedsItsKindBodyAndADayBetweenFindingAndToday() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        assertThatThrownBy(() -> lifecycle.addReferral(lead.id(), null, " ", null))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                        Problem.of(Field.REFERRAL, "rule.referral.kindRequired"),
                        Problem.of(Field.TRANSFERRED_TO, "rule.referral.bodyRequired"),
                        Problem.of(Field.SENT_ON, "rule.required")));
        assertThatThrownBy(() -> lifecycle.addReferral(lead.id(), ReferralKind.DIVERSION, "镇综治中心",
                LocalDate.of(2022, 10, 31)))
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                        Problem.of(Field.SENT_ON, "rule.date.beforeEarlier", LocalDate.of(2022, 10, 31),
                                Field.FOUND_ON, LocalDate.of(2022, 11, 1))));
        assertThatThrownBy(() -> lifecycle.addReferral(lead.id(), ReferralKind.DIVERSION, "镇综治中心",
                TODAY.plusDays(1))).satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.date.future"));
        assertThatThrownBy(() -> lifecycle.addReferral(lead.id(), ReferralKind.DIVERSION, "单".repeat(201), TODAY))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.name.tooLong"));
        assertThat(lifecycle.file(lead.id()).referrals()).as("nothing written").isEmpty();
    }

    @Test
    void aReplyComesAfterSendingAndItsFeedbackHasADay() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        Referral sent = lifecycle.addReferral(lead.id(), ReferralKind.DIVERSION, "县住建局", LocalDate.of(2022, 12, 5));

        assertThatThrownBy(() -> lifecycle.recordReferralReply(lead.id(), sent.id(), LocalDate.of(2022, 12, 4), null,
                null)).satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                Problem.of(Field.RECEIVED_ON, "rule.date.beforeEarlier", LocalDate.of(2022, 12, 4), Field.SENT_ON,
                        LocalDate.of(2022, 12, 5))));
        assertThatThrownBy(() -> lifecycle.recordReferralReply(lead.id(), sent.id(), LocalDate.of(2022, 12, 8),
                "已处理", LocalDate.of(2022, 12, 7)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.date.beforeEarlier"));
        assertThatThrownBy(() -> lifecycle.recordReferralReply(lead.id(), sent.id(), null, "已处理", null))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.referral.feedbackIncomplete"));
        assertThatThrownBy(() -> lifecycle.recordReferralReply(lead.id(), sent.id(), null, null, TODAY.plusDays(1)))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.referral.feedbackIncomplete",
                        "rule.date.future"));
        assertThatThrownBy(() -> lifecycle.recordReferralReply(lead.id(), UUID.randomUUID(), null, null, null))
                .satisfies(e -> assertThat(keysOf(e)).containsExactly("rule.referral.unknown"));
        assertThat(lifecycle.file(lead.id()).referrals()).containsExactly(sent);
    }

    @Test
    void onlyThoseWhoMayChangeTheCaseKeepItsLogAndJudicialConfirmation() {
        Lead lead = resolved("NEIGHBOR", AgreementForm.WRITTEN);
        Referral sent = lifecycle.addReferral(lead.id(), ReferralKind.DIVERSION, "县住建局", LocalDate.of(2022, 12, 5));
        UserService users = new UserService(store, clock, new PasswordHasher(4));
        User viewer = users.addUser(admin, "leader", "领导", "viewer-01", Role.VIEWER, null);
        User otherMediator = users.addUser(admin, "other", "调解员", "mediator-1", Role.MEDIATOR, otherCommitteeId);
        User ownMediator = users.addUser(admin, "own", "调解员", "mediator-2", Role.MEDIATOR, committeeId);

        for (User refused : List.of(viewer, otherMediator)) {
            LifecycleService service = new LifecycleService(store, clock, refused);
            assertThatThrownBy(() -> service.addReferral(lead.id(), ReferralKind.DIVERSION, "县住建局", TODAY))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.recordReferralReply(lead.id(), sent.id(), TODAY, null, null))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> service.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(1), COURT, null,
                    null, null)).isInstanceOf(PermissionDeniedException.class);
        }
        assertThat(lifecycle.file(lead.id()).referrals()).containsExactly(sent);
        assertThat(lifecycle.file(lead.id()).judicialConfirmation()).isEmpty();

        LifecycleService own = new LifecycleService(store, clock, ownMediator);
        own.recordReferralReply(lead.id(), sent.id(), TODAY, null, null);
        own.recordJudicialConfirmation(lead.id(), CLOSED.plusDays(1), COURT, null, null, null);
        assertThat(lifecycle.file(lead.id()).referrals()).extracting(Referral::receivedOn).containsExactly(TODAY);
        assertThat(lifecycle.file(lead.id()).judicialConfirmation()).isPresent();
    }
}
