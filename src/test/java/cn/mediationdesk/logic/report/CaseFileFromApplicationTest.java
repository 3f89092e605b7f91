package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.CaseFileGap;
import cn.mediationdesk.logic.report.casefile.CaseFileService;
import cn.mediationdesk.logic.report.casefile.DocumentKind;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when", through the services a mediator's clicks call: a lead from a party's
 * application taken to judicial confirmation, its scans attached, prints a 卷宗 with the thirteen
 * items in order, the scans bound in and the full numbers where the parties sign; a file left
 * incomplete on purpose is told each thing it lacks.
 */
class CaseFileFromApplicationTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final LocalDate FOUND = LocalDate.of(2023, 5, 4);

    @TempDir
    static Path dir;
    static Database db;
    static Committee committee;
    static LifecycleService lifecycle;

    @BeforeAll
    static void demo() {
        ReportTestData.requireChineseFont();
        db = ReportTestData.demo(dir);
        committee = db.read(tx -> tx.organization().committees().get(2));
        lifecycle = new LifecycleService(db, ReportTestData.CLOCK, User.setup());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aCaseFromApplicationToJudicialConfirmationPrintsItsWholeFile() throws IOException {
        UUID id = accepted("JB-2023-501", true);
        lifecycle.addVerificationStep(id, FOUND.plusDays(1), "走访", "两户院墙确有裂缝", null);
        lifecycle.recordSession(id, new SessionInput(FOUND.plusDays(5), "村委会调解室", "孙某；周某",
                "双方陈述，查看院墙", "院墙受损赔偿", "吴记录", true, true));
        Lead lead = lifecycle.file(id).lead();
        lead = lifecycle.close(id, lead.version(), Outcome.RESOLVED, FOUND.plusDays(8),
                new AgreementInput(AgreementForm.WRITTEN, "周某翻建房屋时挖断地基，致孙某院墙开裂。", "院墙修复及费用承担。",
                        "周某负全部责任。", "周某于2023年6月15日前修复孙某院墙。", new BigDecimal("3500.00"), "自行修复",
                        "孙某家", LocalDate.of(2023, 6, 15)));
        lifecycle.recordJudicialConfirmation(id, FOUND.plusDays(12), "金宝区人民法院", "（2023）金0102民特88号",
                JudicialResult.CONFIRMED, FOUND.plusDays(20));
        lifecycle.recordFollowUp(id, new FollowUpInput(FOUND.plusDays(45), "孙某", FollowUpWay.VISIT, "了解协议履行情况",
                Performance.PERFORMED, Satisfaction.SATISFIED, false, "院墙已修复"));
        new AttachmentService(db, ReportTestData.CLOCK, User.setup()).add(id, List.of(
                new NewAttachment("身份证.png", CaseFileTestData.png(), AttachmentKind.IDENTITY, "孙某身份证"),
                new NewAttachment("协议书.jpg", CaseFileTestData.jpeg(), AttachmentKind.SIGNED_AGREEMENT, "双方签字"),
                new NewAttachment("裁定书.pdf", CaseFileTestData.pdf(2), AttachmentKind.COURT_PAPER, null)));
        CaseFileService files = new CaseFileService(db, ReportTestData.CLOCK, User.setup());
        files.save(id, new CaseFileInfo(id, null, "李立卷", FOUND.plusDays(50), Retention.LONG,
                "两次调解达成书面协议，经法院确认，回访已履行。", "协议书原件存档。", "材料齐全。", "周检查"));

        assertThat(files.gaps(id)).isEmpty();
        CaseDocuments documents = new CaseDocumentService(db, ReportTestData.CLOCK, User.setup()).documents(id, true);
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(CHINESE);
        Path pdf = dir.resolve("卷宗.pdf");
        new PdfExporter(CHINESE).write(pages -> layouts.caseFile(documents, pages), pdf);

        String text = ReportTestData.text(pdf);
        int[] positions = Arrays.stream(DocumentKind.values())
                .filter(kind -> kind != DocumentKind.ROUTES_NOTICE) // a resolved case has no notice of failure
                .mapToInt(kind -> text.indexOf(layouts.itemTitle(kind), text.indexOf("卷内目录") + 1))
                .toArray();
        assertThat(positions).doesNotContain(-1).isSorted();
        // the scans are bound in: the court's two pages and the two images on pages of their own
        assertThat(text).contains("scanned page 1 of 2", "scanned page 2 of 2", "孙某身份证", "双方签字");
        // the parties sign the registration form: with full data asked for, their numbers are whole
        assertThat(text).contains(ReportTestData.APPLICANT_ID);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // at least a page for each of the twelve items that apply, and the four pages of scans
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(12 + 4);
        }
    }

    @Test
    void anIncompleteFileIsToldEachThingItLacks() {
        UUID id = accepted("JB-2023-502", false);
        Lead lead = lifecycle.file(id).lead();
        lifecycle.close(id, lead.version(), Outcome.RESOLVED, FOUND.plusDays(8),
                new AgreementInput(AgreementForm.WRITTEN, "周某翻建房屋时挖断地基，致孙某院墙开裂。", "院墙修复及费用承担。",
                        null, "周某修复孙某院墙。", null, null, null, null));
        lifecycle.recordJudicialConfirmation(id, FOUND.plusDays(12), "金宝区人民法院", null, null, null);

        assertThat(new CaseFileService(db, ReportTestData.CLOCK, User.setup()).gaps(id)).containsExactly(
                CaseFileGap.COVER_NOT_FILLED, CaseFileGap.APPLICATION_MISSING, CaseFileGap.RIGHTS_NOTICE_MISSING,
                CaseFileGap.INVESTIGATION_MISSING, CaseFileGap.SESSION_MISSING, CaseFileGap.SIGNED_AGREEMENT_MISSING,
                CaseFileGap.JUDICIAL_RESULT_MISSING, CaseFileGap.FOLLOW_UP_MISSING, CaseFileGap.CLOSING_REPORT_MISSING);
    }

    /** A lead from a party's application, verified and accepted with the parties' consent. */
    private static UUID accepted(String leadNo, boolean complete) {
        Lead lead = lifecycle.register(new NewLead(committee.id(), committee.communityId(), null, leadNo, FOUND,
                "PARTY_APPLICATION", "NEIGHBOR", "孙某与周某系邻居，周某翻建房屋致孙某院墙开裂，双方就修复发生争执。", 2,
                new BigDecimal("3500.00"), RiskLevel.BLUE, false, false,
                List.of(new PartyInput("孙某", Gender.MALE, ReportTestData.APPLICANT_ID, "13800138000", "金宝新区青龙村3组",
                                PartyRole.APPLICANT),
                        new PartyInput("周某", Gender.MALE, ReportTestData.RESPONDENT_ID, null, "金宝新区青龙村3组",
                                PartyRole.RESPONDENT))));
        UUID id = lead.id();
        if (complete) {
            lifecycle.recordApplication(id, FOUND, "请求周某修复院墙");
        }
        lead = lifecycle.verify(id, lead.version(), VerificationResult.GENUINE, FOUND.plusDays(1), null, null);
        lifecycle.accept(id, lead.version(), FOUND.plusDays(2), List.of(),
                new ConsentInput(FOUND.plusDays(1), ConsentWay.WRITTEN_APPLICATION, complete ? FOUND.plusDays(2) : null));
        return id;
    }
}
