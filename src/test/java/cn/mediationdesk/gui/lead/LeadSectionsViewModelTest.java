package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each section's save path through the lifecycle service, and the rules it shows at its fields. */
class LeadSectionsViewModelTest extends LeadEditorTestSupport {

    private LeadEditorViewModel registered(String foundOn) {
        LeadEditorViewModel editor = newLead(foundOn);
        editor.details().save();
        return editor;
    }

    private static LeadFile file(LeadEditorViewModel editor) {
        return editor.fileProperty().get();
    }

    // ---- 核实 ----

    @Test
    void verificationStepsAreAddedAndTheResultDayFollowsTheLatest() {
        LeadEditorViewModel editor = registered("2022-12-01");
        VerificationSectionViewModel verification = editor.verification();
        verification.stepOnProperty().set("2022-12-03");
        verification.methodProperty().set("走访当事人");
        verification.noteProperty().set("双方确有争执");
        verification.personProperty().set(verification.verifiers().stream()
                .filter(p -> p.id() == districtMediator).findFirst().orElseThrow());

        verification.addStep();

        assertThat(verification.steps()).singleElement().satisfies(step -> {
            assertThat(step.stepOn()).isEqualTo(LocalDate.of(2022, 12, 3));
            assertThat(step.personId()).isEqualTo(districtMediator);
        });
        assertThat(verification.methodProperty().get()).as("the form is ready for the next step").isEmpty();
        assertThat(verification.verifiedOnProperty().get()).isEqualTo("2022-12-03");
        assertThat(verification.personName(districtMediator)).isEqualTo("王调解");
    }

    @Test
    void aVerificationStepBeforeTheLeadWasFoundIsShownAtItsDate() {
        LeadEditorViewModel editor = registered("2022-12-01");
        VerificationSectionViewModel verification = editor.verification();
        verification.stepOnProperty().set("2022-11-30");
        verification.methodProperty().set("电话核实");

        verification.addStep();

        assertThat(verification.steps()).isEmpty();
        assertThat(verification.stepError(Field.DATE).get()).isEqualTo("日期 2022-11-30 早于发现日期（2022-12-01）");
    }

    @Test
    void aVerificationStepNeedsItsMethod() {
        LeadEditorViewModel editor = registered("2022-12-01");
        editor.verification().addStep();
        assertThat(editor.verification().stepError(Field.VERIFICATION).get()).startsWith("请写明核实方式");
    }

    @Test
    void aGenuineResultOpensAcceptanceOnTheVerificationDay() {
        LeadEditorViewModel editor = registered("2022-12-01");
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-04");

        editor.verification().verify();

        assertThat(file(editor).lead().verificationResult()).isEqualTo(VerificationResult.GENUINE);
        assertThat(editor.verification().recordedProperty().get()).isEqualTo("核实结果：属实（2022-12-04 核实）");
        assertThat(editor.genuineProperty().get()).isTrue();
        assertThat(editor.acceptance().acceptedOnProperty().get()).isEqualTo("2022-12-04");
        assertThat(editor.stateTextProperty().get()).isEqualTo("核实属实，待受理");
        assertThat(editor.nextProperty().get()).isEqualTo(LeadEditorViewModel.Step.ACCEPTED);
        assertThat(editor.acceptance().mediators()).extracting(m -> m.person().name()).containsExactly("王调解");
    }

    @Test
    void aVerificationBeforeTheLeadWasFoundIsShownAtTheVerificationDay() {
        LeadEditorViewModel editor = registered("2022-12-10");
        editor.verification().resultProperty().set(VerificationResult.UNFOUNDED);
        editor.verification().verifiedOnProperty().set("2022-12-09");

        editor.verification().verify();

        assertThat(editor.verifiedProperty().get()).isFalse();
        assertThat(editor.verification().resultError(Field.VERIFIED_ON).get())
                .isEqualTo("日期 2022-12-09 早于发现日期（2022-12-10）");
    }

    @Test
    void aResultMustBeChosen() {
        LeadEditorViewModel editor = registered("2022-12-10");
        editor.verification().verify();
        assertThat(editor.verification().resultError(Field.VERIFICATION).get()).isEqualTo("必须填写");
    }

    @Test
    void aTransferNeedsItsReceivingBody() {
        LeadEditorViewModel editor = registered("2022-12-10");
        editor.verification().resultProperty().set(VerificationResult.TRANSFERRED);
        editor.verification().verify();
        assertThat(editor.verification().resultError(Field.TRANSFERRED_TO).get()).isEqualTo("移交的线索必须写明接收单位");

        editor.verification().transferredToProperty().set("县劳动保障监察大队");
        editor.verification().verify();

        assertThat(file(editor).lead().transferredTo()).isEqualTo("县劳动保障监察大队");
        assertThat(editor.stateTextProperty().get()).isEqualTo("已移交（已办结）");
        assertThat(editor.verification().recordedDetailProperty().get()).isEqualTo("已移交：县劳动保障监察大队");
        assertThat(editor.genuineProperty().get()).isFalse();
        assertThat(editor.nextProperty().get()).as("a transferred lead ends here").isNull();
    }

    @Test
    void aDuplicateNamesTheLeadItRepeatsFoundBySearch() {
        LeadEditorViewModel editor = registered("2022-12-10");
        VerificationSectionViewModel verification = editor.verification();
        verification.resultProperty().set(VerificationResult.DUPLICATE);
        verification.verify();
        assertThat(verification.resultError(Field.DUPLICATE_OF).get()).isEqualTo("重复线索必须指明所重复的线索");

        verification.repeated().queryProperty().set("排水沟堵塞");
        verification.repeated().find();

        assertThat(verification.repeated().candidates()).singleElement()
                .satisfies(row -> assertThat(row.summary()).isEqualTo("邻居因排水沟堵塞发生争执"));
        UUID original = verification.repeated().chosenProperty().get().id();
        verification.verify();
        Lead lead = file(editor).lead();
        assertThat(lead.verificationResult()).isEqualTo(VerificationResult.DUPLICATE);
        assertThat(lead.duplicateOfId()).isEqualTo(original);
        assertThat(editor.verification().recordedDetailProperty().get()).startsWith("重复的是：");
        assertThat(editor.verification().recordedDetailProperty().get()).contains("邻居因排水沟堵塞发生争执");
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        LeadEditorViewModel editor = registered("2022-12-10");
        editor.verification().repeated().queryProperty().set("根本不存在的词");
        editor.verification().repeated().find();
        assertThat(editor.verification().repeated().messageProperty().get()).isEqualTo("没有找到与“根本不存在的词”有关的线索");
        assertThat(editor.verification().repeated().candidates()).isEmpty();
    }

    // ---- 受理 ----

    @Test
    void acceptingIssuesTheCaseNumberAndDueDateWithTheChosenMediators() {
        LeadEditorViewModel editor = registered("2022-12-01");
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-02");
        editor.verification().verify();
        editor.acceptance().mediators().getFirst().selectedProperty().set(true);
        editor.acceptance().consentWayProperty().set(ConsentWay.SIGNED_REGISTRATION);

        editor.acceptance().accept();

        Lead lead = file(editor).lead();
        assertThat(lead.acceptedOn()).isEqualTo(LocalDate.of(2022, 12, 2));
        assertThat(lead.caseNumber()).isNotNull();
        assertThat(editor.acceptance().caseNumberProperty().get()).isEqualTo(lead.caseNumber().text())
                .startsWith("(2022)金宝人调字第");
        assertThat(editor.acceptance().justAcceptedProperty().get()).isTrue();
        assertThat(editor.acceptance().dueTextProperty().get()).isEqualTo("办理期限：2023-01-01");
        assertThat(editor.acceptance().mediatorNamesProperty().get()).isEqualTo("承办调解员：王调解");
        assertThat(file(editor).mediatorIds()).containsExactly(districtMediator);
        assertThat(editor.titleProperty().get()).isEqualTo(lead.caseNumber().text());
        assertThat(editor.stateTextProperty().get()).isEqualTo("调解中");
    }

    @Test
    void anAcceptanceBeforeTheVerificationIsShownAtTheAcceptanceDay() {
        LeadEditorViewModel editor = registered("2022-12-01");
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-05");
        editor.verification().verify();
        editor.acceptance().acceptedOnProperty().set("2022-12-04");
        editor.acceptance().consentOnProperty().set("2022-12-04");
        editor.acceptance().consentWayProperty().set(ConsentWay.SIGNED_REGISTRATION);

        editor.acceptance().accept();

        assertThat(file(editor).lead().isAccepted()).isFalse();
        assertThat(editor.acceptance().error(Field.ACCEPTED_ON).get()).isEqualTo("日期 2022-12-04 早于核实日期（2022-12-05）");
    }

    @Test
    void aPartyRefusingMediationDeclinesTheLeadInsteadOfAcceptingIt() {
        LeadEditorViewModel editor = registered("2022-12-01");
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-02");
        editor.verification().verify();
        editor.acceptance().declinedOnProperty().set("2022-12-03");

        editor.acceptance().decline();

        assertThat(file(editor).lead().isDeclined()).isFalse();
        assertThat(editor.acceptance().error(Field.DECLINED_BY).get()).isEqualTo("请写明拒绝调解的当事人");

        editor.acceptance().declinedByProperty().set("李某（被申请人）");
        editor.acceptance().decline();

        Lead lead = file(editor).lead();
        assertThat(lead.declinedOn()).isEqualTo(LocalDate.of(2022, 12, 3));
        assertThat(lead.declinedBy()).isEqualTo("李某（被申请人）");
        assertThat(lead.caseNumber()).as("never numbered").isNull();
        assertThat(editor.acceptance().error(Field.DECLINED_BY).get()).isEmpty();
        assertThat(editor.acceptance().declinedTextProperty().get()).isEqualTo("未调解：李某（被申请人）于2022-12-03拒绝调解");
        assertThat(editor.stateTextProperty().get()).isEqualTo("拒绝调解：李某（被申请人）（已办结）");
        assertThat(editor.declinedProperty().get()).isTrue();
        assertThat(editor.acceptance().dirtyProperty().get()).as("nothing left to accept").isFalse();
    }

    // ---- 调解记录, 延期 ----

    @Test
    void sessionsAreRecordedInTurn() {
        LeadEditorViewModel editor = acceptedLead();
        SessionsSectionViewModel sessions = editor.sessions();
        sessions.heldOnProperty().set("2022-12-05");
        sessions.placeProperty().set("社区调解室");
        sessions.participantsProperty().set("张某、李某");
        sessions.notesProperty().set("各自陈述");
        sessions.matterProperty().set("漏水纠纷调解");
        sessions.recorderProperty().set("王调解");
        sessions.noticeGivenProperty().set(true);
        sessions.add();
        sessions.matterProperty().set("漏水纠纷调解");
        sessions.recorderProperty().set("王调解");
        sessions.heldOnProperty().set("2022-12-09");
        sessions.notesProperty().set("初步达成一致");
        sessions.add();

        assertThat(sessions.sessions()).extracting(s -> s.heldOn().toString()).containsExactly("2022-12-05", "2022-12-09");
        assertThat(sessions.sessions().getFirst()).satisfies(s -> {
            assertThat(s.matter()).isEqualTo("漏水纠纷调解");
            assertThat(s.recorder()).isEqualTo("王调解");
            assertThat(s.noticeGiven()).isTrue();
            assertThat(s.confirmedByParties()).isFalse();
        });
        assertThat(sessions.heldOnProperty().get()).isEqualTo("2022-12-31");
        assertThat(sessions.dirtyProperty().get()).isFalse();
    }

    @Test
    void aSessionBeforeAcceptanceIsShownAtItsDate() {
        LeadEditorViewModel editor = acceptedLead();
        editor.sessions().heldOnProperty().set("2022-11-30");
        editor.sessions().add();
        assertThat(editor.sessions().sessions()).isEmpty();
        assertThat(editor.sessions().error(Field.DATE).get()).isEqualTo("日期 2022-11-30 早于受理日期（2022-12-02）");
    }

    @Test
    void anExtensionMustGiveALaterDueDate() {
        LeadEditorViewModel editor = acceptedLead();
        ExtensionSectionViewModel extension = editor.extension();
        extension.agreedOnProperty().set("2022-12-20");
        extension.newDueOnProperty().set("2022-12-25");
        extension.extend();
        assertThat(extension.error(Field.DUE_ON).get()).isEqualTo("新的期限 2022-12-25 必须晚于现行期限 2023-01-01");

        extension.newDueOnProperty().set("2023-01-20");
        extension.reasonProperty().set("等待伤情鉴定");
        extension.extend();

        assertThat(extension.extensions()).singleElement().satisfies(e -> assertThat(e.newDueOn()).isEqualTo(LocalDate.of(2023, 1, 20)));
        assertThat(extension.dueInForceProperty().get()).isEqualTo("现行办理期限：2023-01-20");
        assertThat(editor.acceptance().dueTextProperty().get()).isEqualTo("办理期限：2023-01-20（已延期，原期限 2023-01-01）");
        assertThat(editor.dueTextProperty().get()).isEqualTo("办理期限 2023-01-20（还剩 20 天）");
    }

    // ---- 结果与协议 ----

    @Test
    void aResolvedCaseWithoutAgreementIsShownAtTheAgreementForm() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.RESOLVED);
        editor.outcome().closedOnProperty().set("2022-12-10");

        editor.outcome().close();

        assertThat(file(editor).lead().outcome()).isNull();
        assertThat(editor.outcome().error(Field.AGREEMENT_FORM).get()).isEqualTo("调解成功必须有调解协议（书面或口头）");
    }

    @Test
    void aResolvedCaseRecordsItsWrittenAgreementAndOpensTheFollowUps() {
        LeadEditorViewModel editor = acceptedLead();
        OutcomeSectionViewModel outcome = editor.outcome();
        outcome.outcomeProperty().set(Outcome.RESOLVED);
        outcome.closedOnProperty().set("2022-12-10");
        outcome.agreementFormProperty().set(AgreementForm.WRITTEN);
        outcome.termsProperty().set("李某赔偿张某修缮费");
        outcome.agreement().factsProperty().set("李某家漏水致张某家天花板受损");
        outcome.agreement().issuesProperty().set("修缮费用由谁承担");
        outcome.amountProperty().set("3500");
        outcome.deadlineProperty().set("2022-12-20");

        outcome.close();

        LeadFile file = file(editor);
        assertThat(file.lead().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(file.agreement()).hasValueSatisfying(a -> {
            assertThat(a.form()).isEqualTo(AgreementForm.WRITTEN);
            assertThat(a.amount()).isEqualByComparingTo(new BigDecimal("3500"));
            assertThat(a.performanceDeadline()).isEqualTo(LocalDate.of(2022, 12, 20));
        });
        assertThat(outcome.recordedProperty().get()).isEqualTo("调解结果：调解成功（2022-12-10 办结）");
        assertThat(outcome.agreementTextProperty().get())
                .isEqualTo("书面协议、金额 3500 元、履行期限 2022-12-20：李某赔偿张某修缮费\n纠纷事实：李某家漏水致张某家天花板受损"
                        + "\n争议事项：修缮费用由谁承担");
        assertThat(editor.resolvedProperty().get()).isTrue();
        assertThat(editor.mediatingProperty().get()).isFalse();
        assertThat(editor.stateTextProperty().get()).isEqualTo("调解成功");
        assertThat(editor.nextProperty().get()).isEqualTo(LeadEditorViewModel.Step.FOLLOWED_UP);
    }

    @Test
    void aBadAgreementAmountIsShownAtTheAgreement() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.RESOLVED);
        editor.outcome().agreementFormProperty().set(AgreementForm.ORAL);
        editor.outcome().amountProperty().set("-5");
        editor.outcome().deadlineProperty().set("明年");

        editor.outcome().close();

        assertThat(editor.outcome().deadlineError().get()).startsWith("“明年”不是有效日期");
        editor.outcome().deadlineProperty().set("");
        editor.outcome().close();
        assertThat(editor.outcome().error(Field.AGREEMENT).get()).isEqualTo("不能为负数");
        assertThat(editor.outcome().deadlineError().get()).isEmpty();
    }

    @Test
    void aClosingDayInTheFutureIsShownAtItsField() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.FAILED);
        editor.outcome().closedOnProperty().set("2023-01-02");
        editor.outcome().close();
        assertThat(editor.outcome().error(Field.CLOSED_ON).get()).isEqualTo("日期 2023-01-02 晚于今天（2022-12-31）");

        editor.outcome().closedOnProperty().set("2022-12-30");
        editor.outcome().close();
        assertThat(editor.stateTextProperty().get()).isEqualTo("调解不成");
        assertThat(editor.nextProperty().get()).as("only a resolved case is followed up").isNull();
    }

    private LeadEditorViewModel resolvedLead() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.RESOLVED);
        editor.outcome().closedOnProperty().set("2022-12-10");
        editor.outcome().agreementFormProperty().set(AgreementForm.ORAL);
        editor.outcome().agreement().factsProperty().set("楼上漏水致楼下天花板受损");
        editor.outcome().termsProperty().set("李某当场赔偿修缮费");
        editor.outcome().close();
        return editor;
    }

    // ---- 回访, 司法确认 ----

    @Test
    void followUpsAreRecordedAfterTheAgreement() {
        LeadEditorViewModel editor = resolvedLead();
        FollowUpSectionViewModel followUps = editor.followUps();
        followUps.visitedOnProperty().set("2022-12-09");
        followUps.performanceProperty().set(Performance.PERFORMED);
        followUps.add();
        assertThat(followUps.error(Field.DATE).get()).isEqualTo("日期 2022-12-09 早于办结日期（2022-12-10）");

        followUps.visitedOnProperty().set("2022-12-20");
        followUps.satisfactionProperty().set(Satisfaction.SATISFIED);
        followUps.add();
        assertThat(followUps.error(Field.VISITED_PARTY).get()).isEqualTo("必须填写");
        assertThat(followUps.error(Field.FOLLOW_UP_WAY).get()).isEqualTo("必须填写");

        followUps.visitedPartyProperty().set("张某");
        followUps.wayProperty().set(FollowUpWay.PHONE);
        followUps.add();

        assertThat(followUps.followUps()).singleElement().satisfies(f -> {
            assertThat(f.performance()).isEqualTo(Performance.PERFORMED);
            assertThat(f.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
            assertThat(f.way()).isEqualTo(FollowUpWay.PHONE);
            assertThat(f.visitedParty()).isEqualTo("张某");
        });
        assertThat(editor.reachedProperty().get()).isEqualTo(LeadEditorViewModel.Step.FOLLOWED_UP);
    }

    @Test
    void aFollowUpNeedsThePerformance() {
        LeadEditorViewModel editor = resolvedLead();
        editor.followUps().add();
        assertThat(editor.followUps().error(Field.FOLLOW_UP).get()).isEqualTo("请选择协议履行情况");
    }

    @Test
    void judicialConfirmationIsRecordedAndItsDecisionAddedLater() {
        LeadEditorViewModel editor = resolvedLead();
        JudicialSectionViewModel judicial = editor.judicial();
        judicial.appliedOnProperty().set("2022-12-12");
        judicial.record();
        assertThat(judicial.error(Field.JUDICIAL_CONFIRMATION).get()).isEqualTo("请写明受理的人民法院");

        judicial.courtProperty().set("某县人民法院");
        judicial.decidedOnProperty().set("2022-12-20");
        judicial.record();
        assertThat(judicial.decidedOnError().get()).isEqualTo("裁定日期和确认结果须同时填写");

        judicial.decisionProperty().set(JudicialSectionViewModel.Decision.CONFIRMED);
        judicial.decidedOnProperty().set("2022-12-11");
        judicial.record();
        assertThat(judicial.decidedOnError().get()).isEqualTo("日期 2022-12-11 早于日期（2022-12-12）");

        judicial.decidedOnProperty().set("2022-12-20");
        judicial.record();

        assertThat(file(editor).judicialConfirmation()).hasValueSatisfying(j -> assertThat(j.confirmed()).isTrue());
        assertThat(judicial.recordedProperty().get()).isEqualTo("2022-12-12 向某县人民法院申请司法确认，2022-12-20 裁定：确认有效");
        assertThat(judicial.dirtyProperty().get()).isFalse();

        judicial.courtCaseNumberProperty().set("（2022）川1923民特12号");
        judicial.decisionProperty().set(JudicialSectionViewModel.Decision.WITHDRAWN);
        judicial.record();
        assertThat(file(editor).judicialConfirmation()).hasValueSatisfying(j -> {
            assertThat(j.result()).isEqualTo(JudicialResult.WITHDRAWN);
            assertThat(j.courtCaseNumber()).isEqualTo("（2022）川1923民特12号");
            assertThat(j.confirmed()).isFalse();
        });
        assertThat(judicial.recordedProperty().get())
                .isEqualTo("2022-12-12 向某县人民法院申请司法确认（（2022）川1923民特12号），2022-12-20 裁定：撤回申请");
        assertThat(judicial.decisionLabel(JudicialSectionViewModel.Decision.DISMISSED)).isEqualTo("不予受理/驳回申请");
    }

    @Test
    void judicialConfirmationWarnsBeforeSavingOfAnOralAgreementButSavesIt() {
        LeadEditorViewModel editor = resolvedLead();
        JudicialSectionViewModel judicial = editor.judicial();
        assertThat(judicial.warningsProperty().get())
                .isEqualTo("这是口头协议：人民法院司法确认的是书面调解协议，申请前应制作调解协议书");

        judicial.appliedOnProperty().set("2022-12-12");
        judicial.courtProperty().set("某县人民法院");
        judicial.record();
        assertThat(file(editor).judicialConfirmation()).isPresent();
        assertThat(judicial.warningsProperty().get()).as("still shown after saving").isNotEmpty();
    }

    // ---- 更正 ----

    @Test
    void aCorrectionNeedsAReasonAndIsRecordedInTheHistory() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.FAILED);
        editor.outcome().closedOnProperty().set("2022-12-10");
        editor.outcome().close();
        String caseNumber = editor.caseNumberProperty().get();
        CorrectionViewModel correction = editor.correction();

        correction.start();
        assertThat(correction.activeProperty().get()).isTrue();
        assertThat(correction.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
        correction.outcomeProperty().set(Outcome.RESOLVED);
        correction.correct();
        assertThat(correction.error(Field.AGREEMENT_FORM).get()).isEqualTo("调解成功必须有调解协议（书面或口头）");
        assertThat(correction.error(Field.LEAD).get()).isEqualTo("更正必须写明理由");

        correction.agreementFormProperty().set(AgreementForm.WRITTEN);
        correction.reasonProperty().set("结果录入错误，双方已签协议");
        correction.correct();
        // an empty written agreement is not let in by a correction either
        assertThat(file(editor).lead().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(correction.error(Field.AGREEMENT_FACTS).get()).isEqualTo("请填写纠纷事实");
        assertThat(correction.error(Field.AGREEMENT_ISSUES).get()).isEqualTo("书面调解协议须写明争议事项");
        assertThat(correction.error(Field.AGREEMENT_TERMS).get()).isEqualTo("请填写协议内容（各方的权利义务）");

        correction.agreement().factsProperty().set("楼上漏水致楼下受损");
        correction.agreement().issuesProperty().set("修缮费承担");
        correction.termsProperty().set("李某赔偿修缮费");
        correction.correct();

        LeadFile file = file(editor);
        assertThat(file.lead().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(file.agreement()).isPresent();
        assertThat(file.transitions()).anySatisfy(t -> {
            assertThat(t.kind()).isEqualTo(TransitionKind.CORRECTED);
            assertThat(t.detail()).contains("结果录入错误");
        });
        assertThat(correction.activeProperty().get()).isFalse();
        assertThat(editor.caseNumberProperty().get()).isEqualTo(caseNumber);
        assertThat(editor.resolvedProperty().get()).isTrue();
    }

    @Test
    void aCorrectionCanUndoTheOutcome() {
        LeadEditorViewModel editor = resolvedLead();
        editor.correction().start();
        editor.correction().outcomeProperty().set(null);
        editor.correction().closedOnProperty().set("");
        editor.correction().reasonProperty().set("尚未调解完毕");
        editor.correction().correct();

        assertThat(file(editor).lead().outcome()).isNull();
        assertThat(file(editor).agreement()).isEmpty();
        assertThat(editor.mediatingProperty().get()).isTrue();
    }

    @Test
    void cancellingACorrectionChangesNothing() {
        LeadEditorViewModel editor = resolvedLead();
        editor.correction().start();
        editor.correction().outcomeProperty().set(Outcome.TERMINATED);
        assertThat(editor.dirtyProperty().get()).isTrue();

        editor.correction().cancel();

        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(file(editor).lead().outcome()).isEqualTo(Outcome.RESOLVED);
    }

    @Test
    void idAndPhoneNumbersAreMaskedUnlessInvalid() {
        assertThat(PersonalData.maskIdNumber(VALID_ID)).isEqualTo("110***********" + VALID_ID.substring(14));
        assertThat(PersonalData.maskIdNumber("12345")).isEqualTo("12345");
        assertThat(PersonalData.maskPhone("13912345678")).isEqualTo("139****5678");
        assertThat(PersonalData.maskPhone("0827-1234567")).isEqualTo("0827-***4567");
    }
}
