package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's parts of the case file (issue 10): consent, application, police report, notices, 防止, mediators. */
class CaseFileSectionsViewModelTest extends LeadEditorTestSupport {
    private LeadFile file(LeadEditorViewModel editor) {
        return context().lifecycle().file(editor.leadIdProperty().get());
    }

    private LeadEditorViewModel verifiedLead() {
        LeadEditorViewModel editor = newLead("2022-12-01");
        editor.details().save();
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-02");
        editor.verification().verify();
        return editor;
    }

    // ---- 受理: consent ----

    @Test
    void acceptingNeedsTheWayOfConsentAndShowsItAtItsField() {
        LeadEditorViewModel editor = verifiedLead();
        AcceptanceSectionViewModel acceptance = editor.acceptance();
        assertThat(acceptance.consentOnProperty().get()).isEqualTo("2022-12-02");

        acceptance.accept();

        assertThat(file(editor).lead().isAccepted()).isFalse();
        assertThat(acceptance.error(Field.CONSENT_WAY).get()).isEqualTo("必须填写");
    }

    @Test
    void acceptingRecordsTheConsentAndTheNoticeOfRights() {
        LeadEditorViewModel editor = verifiedLead();
        AcceptanceSectionViewModel acceptance = editor.acceptance();
        acceptance.consentOnProperty().set("2022-12-01");
        acceptance.consentWayProperty().set(ConsentWay.WRITTEN_APPLICATION);
        acceptance.rightsNoticeOnProperty().set("2022-12-02");

        acceptance.accept();

        CaseRecord record = file(editor).caseRecord();
        assertThat(record.consentOn()).isEqualTo(LocalDate.of(2022, 12, 1));
        assertThat(record.consentWay()).isEqualTo(ConsentWay.WRITTEN_APPLICATION);
        assertThat(record.rightsNoticeOn()).isEqualTo(LocalDate.of(2022, 12, 2));
        assertThat(acceptance.consentTextProperty().get())
                .isEqualTo("当事人于 2022-12-01 同意调解（书面申请）；2022-12-02 告知权利义务");
    }

    @Test
    void aConsentAfterTheAcceptanceIsShownAtTheConsentDay() {
        LeadEditorViewModel editor = verifiedLead();
        AcceptanceSectionViewModel acceptance = editor.acceptance();
        acceptance.consentOnProperty().set("2022-12-03");
        acceptance.consentWayProperty().set(ConsentWay.ORAL);

        acceptance.accept();

        assertThat(file(editor).lead().isAccepted()).isFalse();
        assertThat(acceptance.error(Field.CONSENT_ON).get()).isEqualTo("同意调解日期 2022-12-03 晚于受理日期（2022-12-02）");
    }

    @Test
    void theConsentOfAnAcceptedCaseCanBePutRight() {
        LeadEditorViewModel editor = acceptedLead();
        AcceptanceSectionViewModel acceptance = editor.acceptance();
        assertThat(acceptance.consentWayProperty().get()).isEqualTo(ConsentWay.SIGNED_REGISTRATION);

        acceptance.rightsNoticeOnProperty().set("2022-12-05");
        acceptance.recordConsent();

        assertThat(file(editor).caseRecord().rightsNoticeOn()).isEqualTo(LocalDate.of(2022, 12, 5));
        assertThat(acceptance.consentTextProperty().get()).endsWith("；2022-12-05 告知权利义务");
    }

    // ---- 申请与报告 ----

    @Test
    void aLeadFromAnApplicationRecordsItsApplication() {
        LeadEditorViewModel editor = verifiedLead();
        CaseRecordSectionViewModel record = editor.caseRecord();
        assertThat(record.fromApplicationProperty().get()).isTrue();
        assertThat(record.appliedOnProperty().get()).isEqualTo("2022-12-01");

        record.recordApplication();
        assertThat(record.error(Field.APPLICATION_REQUESTS).get()).isEqualTo("必须填写");

        record.requestsProperty().set("请求调解滴水纠纷");
        record.recordApplication();
        assertThat(file(editor).caseRecord().applicationRequests()).isEqualTo("请求调解滴水纠纷");
        assertThat(record.dirtyProperty().get()).isFalse();
    }

    @Test
    void aCriminalRiskLeadIsRemindedOfThePoliceReportUntilItIsRecorded() {
        LeadEditorViewModel editor = newLead("2022-12-01");
        editor.details().criminalRiskProperty().set(true);
        editor.details().save();
        CaseRecordSectionViewModel record = editor.caseRecord();
        assertThat(record.policeReminderProperty().get()).isEqualTo("该线索标记为可能民转刑，尚未记录向公安机关报告的情况。");

        record.policeReportedOnProperty().set("2022-12-02");
        record.recordPoliceReport();
        assertThat(record.error(Field.POLICE_REPORTED_TO).get()).isEqualTo("必须填写");
        record.policeReportedToProperty().set("金宝派出所");
        record.recordPoliceReport();

        assertThat(record.policeReminderProperty().get()).isEmpty();
        assertThat(record.policeTextProperty().get()).isEqualTo("已于 2022-12-02 报告金宝派出所");
    }

    // ---- 结果: routes notice and 防止 ----

    @Test
    void aFailedCaseRecordsTheRoutesNoticeAndPreventionsAtClosing() {
        LeadEditorViewModel editor = acceptedLead();
        OutcomeSectionViewModel outcome = editor.outcome();
        outcome.outcomeProperty().set(Outcome.FAILED);
        outcome.closedOnProperty().set("2022-12-10");
        outcome.routesNoticeOnProperty().set("2022-12-10");
        outcome.routes().add(OtherRoute.LITIGATION);
        outcome.preventions().add(PreventionKind.CRIMINAL_CASE);

        outcome.close();

        LeadFile file = file(editor);
        assertThat(file.lead().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(file.caseRecord().routesNotified()).containsExactly(OtherRoute.LITIGATION);
        assertThat(file.preventions()).containsExactly(PreventionKind.CRIMINAL_CASE);
        assertThat(outcome.routesTextProperty().get()).isEqualTo("已于 2022-12-10 告知当事人可通过诉讼途径解决");
        assertThat(outcome.preventionsTextProperty().get()).isEqualTo("防止情况：防止民间纠纷转化为刑事案件");
        assertThat(outcome.dirtyProperty().get()).isFalse();

        outcome.routes().add(OtherRoute.ARBITRATION);
        assertThat(outcome.dirtyProperty().get()).isTrue();
        outcome.recordRoutesNotice();
        assertThat(file(editor).caseRecord().routesNotified()).containsExactly(OtherRoute.ARBITRATION,
                OtherRoute.LITIGATION);
        assertThat(outcome.dirtyProperty().get()).isFalse();
    }

    @Test
    void preventionsCanBeChangedAfterClosing() {
        LeadEditorViewModel editor = acceptedLead();
        OutcomeSectionViewModel outcome = editor.outcome();
        outcome.outcomeProperty().set(Outcome.TERMINATED);
        outcome.closedOnProperty().set("2022-12-10");
        outcome.close();

        outcome.preventions().add(PreventionKind.GROUP_PETITION);
        outcome.recordPreventions();

        assertThat(file(editor).preventions()).containsExactly(PreventionKind.GROUP_PETITION);
        assertThat(outcome.preventionsTextProperty().get()).isEqualTo("防止情况：防止群体性上访");
    }

    @Test
    void aWrittenAgreementWithoutItsTermsIsShownAtEachField() {
        LeadEditorViewModel editor = acceptedLead();
        OutcomeSectionViewModel outcome = editor.outcome();
        outcome.outcomeProperty().set(Outcome.RESOLVED);
        outcome.closedOnProperty().set("2022-12-10");
        outcome.agreementFormProperty().set(AgreementForm.WRITTEN);
        outcome.termsProperty().set("   ");

        outcome.close();

        assertThat(file(editor).lead().outcome()).isNull();
        assertThat(outcome.error(Field.AGREEMENT_FACTS).get()).isEqualTo("请填写纠纷事实");
        assertThat(outcome.error(Field.AGREEMENT_ISSUES).get()).isEqualTo("书面调解协议须写明争议事项");
        assertThat(outcome.error(Field.AGREEMENT_TERMS).get()).isEqualTo("请填写协议内容（各方的权利义务）");
    }

    // ---- mediators after acceptance ----

    @Test
    void anAdministratorChangesTheMediatorsAndThePrincipalOne() {
        long second = database.write(tx -> tx.organization().insertPerson("钱调解", PersonRole.PART_TIME_MEDIATOR,
                committee("TW001").id(), null));
        LeadEditorViewModel editor = acceptedLead();
        AcceptanceSectionViewModel acceptance = editor.acceptance();
        assertThat(acceptance.mayAssignMediators()).isTrue();

        acceptance.mediators().forEach(m -> m.selectedProperty().set(true));
        Person principal = acceptance.mediators().stream().map(AcceptanceSectionViewModel.MediatorChoice::person)
                .filter(p -> p.id() == second).findFirst().orElseThrow();
        acceptance.principalProperty().set(principal);
        acceptance.assignMediators();

        assertThat(file(editor).mediatorIds()).containsExactly(second, districtMediator);
        assertThat(acceptance.principalProperty().get().id()).isEqualTo(second);
    }
}
