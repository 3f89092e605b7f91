package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseNumber;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static cn.mediationdesk.logic.report.casefile.CaseFileGap.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What a case's 卷宗 still lacks: each applicable gap named, in the order of the 卷内目录. */
class CaseFileCheckTest {
    private static final UUID ID = UUID.randomUUID();
    private static final LocalDate CLOSED = LocalDate.of(2023, 3, 10);

    private static Lead lead(String source, Outcome outcome, boolean criminalRisk) {
        return new Lead(ID, 1, 1, null, "L-1", LocalDate.of(2023, 3, 1), source, "NEIGHBOR", "楼上漏水", 2, null,
                RiskLevel.YELLOW, criminalRisk, false, LocalDate.of(2023, 3, 2), VerificationResult.GENUINE, null, null,
                LocalDate.of(2023, 3, 3), caseNumber(), LocalDate.of(2023, 4, 2), outcome == null ? null : CLOSED,
                outcome, null, null, 1);
    }

    private static CaseNumber caseNumber() {
        return new CaseNumber(2023, 1, "(2023)金宝社区人调字第001号");
    }

    /** A file with nothing recorded beyond the lead itself. */
    private static LeadFile bare(Lead lead) {
        return new LeadFile(lead, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of(), List.of(),
                Optional.empty(), List.of(), List.of(), null, List.of(), null, Set.of(), List.of(), List.of(),
                Optional.empty(), List.of());
    }

    /** A resolved case by written agreement whose file holds everything. */
    private static LeadFile complete(Lead lead) {
        return new LeadFile(lead, List.of(),
                List.of(new VerificationStep(UUID.randomUUID(), ID, LocalDate.of(2023, 3, 2), "走访", "属实", null)),
                List.of(), List.of(new MediationSession(UUID.randomUUID(), ID, LocalDate.of(2023, 3, 6), "调解室", "双方",
                        "听取陈述", "漏水", "记录员", true, true)),
                Optional.of(new Agreement(ID, AgreementForm.WRITTEN, "赔偿一万元", null, null, "漏水致损", "维修费用",
                        "楼上负责", "转账", "调解室")),
                List.of(), List.of(new FollowUp(UUID.randomUUID(), ID, LocalDate.of(2023, 4, 1), Performance.PERFORMED,
                        Satisfaction.SATISFIED, false, "已履行", "赵红梅", null, null)),
                Optional.of(new JudicialConfirmation(ID, LocalDate.of(2023, 3, 15), "法院", "（2023）民特1号",
                        JudicialResult.CONFIRMED, LocalDate.of(2023, 3, 28))),
                List.of(), List.of(),
                new CaseRecord(ID, LocalDate.of(2023, 3, 1), "请求赔偿", LocalDate.of(2023, 3, 3),
                        ConsentWay.WRITTEN_APPLICATION, LocalDate.of(2023, 3, 3), LocalDate.of(2023, 3, 2), "派出所",
                        null, Set.of()),
                List.of(), new CaseFileInfo(ID, null, "立卷人", LocalDate.of(2023, 4, 5), Retention.LONG, "结案", null,
                        null, null), Set.of(),
                List.of(new Attachment(UUID.randomUUID(), ID, AttachmentKind.SIGNED_AGREEMENT, "", "a.pdf",
                        "application/pdf", 10, "0".repeat(64), Instant.EPOCH, "admin")),
                List.of(), Optional.empty(), List.of());
    }

    @Test
    void aCompleteFileLacksNothing() {
        assertThat(CaseFileCheck.gaps(complete(lead("PARTY_APPLICATION", Outcome.RESOLVED, true)))).isEmpty();
    }

    @Test
    void anEmptyResolvedFileNamesEveryGapThatAppliesInTheOrderOfTheContents() {
        List<CaseFileGap> gaps = CaseFileCheck.gaps(bare(lead("PARTY_APPLICATION", Outcome.RESOLVED, true)));

        assertThat(gaps).containsExactly(COVER_NOT_FILLED, APPLICATION_MISSING, CONSENT_MISSING, RIGHTS_NOTICE_MISSING,
                INVESTIGATION_MISSING, SESSION_MISSING, AGREEMENT_TERMS_MISSING, SIGNED_AGREEMENT_MISSING,
                FOLLOW_UP_MISSING, POLICE_REPORT_MISSING, CLOSING_REPORT_MISSING);
        // the cover's gap comes first and has no item; the others follow their items' order
        assertThat(gaps.getFirst().item()).isNull();
        assertThat(gaps.subList(1, gaps.size())).extracting(CaseFileGap::item).doesNotContainNull()
                .isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void onlyWhatAppliesToTheCaseIsAskedFor() {
        // Found by screening (no application), no criminal risk, still in mediation: no cover, agreement,
        // follow-up, police report or closing report asked for yet.
        assertThat(CaseFileCheck.gaps(bare(lead("SCREENING", null, false)))).containsExactly(CONSENT_MISSING,
                RIGHTS_NOTICE_MISSING, INVESTIGATION_MISSING, SESSION_MISSING);
        // Not accepted: no 卷宗 at all.
        Lead found = lead("SCREENING", null, false).withAcceptance(null, null, null);
        assertThat(CaseFileCheck.gaps(bare(found))).isEmpty();
    }

    @Test
    void aFailedCaseNeedsTheNoticeOfOtherRoutesButNoAgreementOrVisit() {
        LeadFile failed = complete(lead("SCREENING", Outcome.FAILED, false));
        assertThat(CaseFileCheck.gaps(failed)).containsExactly(ROUTES_NOTICE_MISSING);

        LeadFile told = new LeadFile(failed.lead(), failed.parties(), failed.verificationSteps(), failed.mediatorIds(),
                failed.sessions(), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), List.of(),
                new CaseRecord(ID, null, null, LocalDate.of(2023, 3, 3), ConsentWay.ORAL, LocalDate.of(2023, 3, 3),
                        null, null, CLOSED, Set.of(OtherRoute.LITIGATION)),
                List.of(), failed.caseFileInfo(), Set.of(), List.of(), List.of(), Optional.empty(), List.of());
        assertThat(CaseFileCheck.gaps(told)).isEmpty();
    }

    @Test
    void anAgreementWithoutItsTermsAJudicialConfirmationWithoutResultAndAnOralAgreement() {
        LeadFile full = complete(lead("SCREENING", Outcome.RESOLVED, false));
        LeadFile emptyTerms = withAgreement(full, Agreement.brief(ID, AgreementForm.WRITTEN, "赔偿", null, null),
                new JudicialConfirmation(ID, LocalDate.of(2023, 3, 15), "法院", null, null, null));
        assertThat(CaseFileCheck.gaps(emptyTerms)).containsExactly(AGREEMENT_TERMS_MISSING, JUDICIAL_RESULT_MISSING);

        // An oral agreement is registered, not signed as a document: its terms suffice, and no scan is asked for.
        LeadFile oral = new LeadFile(full.lead(), full.parties(), full.verificationSteps(), full.mediatorIds(),
                full.sessions(), Optional.of(Agreement.brief(ID, AgreementForm.ORAL, "当场道歉", null, null)),
                List.of(), full.followUps(), Optional.empty(), List.of(), List.of(), full.caseRecord(), List.of(),
                full.caseFileInfo(), Set.of(), List.of(), List.of(), Optional.empty(), List.of());
        assertThat(CaseFileCheck.gaps(oral)).isEmpty();
    }

    private static LeadFile withAgreement(LeadFile f, Agreement agreement, JudicialConfirmation judicial) {
        return new LeadFile(f.lead(), f.parties(), f.verificationSteps(), f.mediatorIds(), f.sessions(),
                Optional.of(agreement), f.extensions(), f.followUps(), Optional.of(judicial), f.transitions(),
                f.agents(), f.caseRecord(), f.referrals(), f.caseFileInfo(), f.preventions(), f.attachments(), f.riskAssessments(),
                f.recurrence(), f.sessionPlans());
    }
}
