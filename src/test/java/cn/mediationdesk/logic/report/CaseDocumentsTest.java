package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.DocumentKind;
import cn.mediationdesk.logic.report.casefile.DocumentParty;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.persistence.Database;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.report.ReportTestData.APPLICANT_ID;
import static cn.mediationdesk.logic.report.ReportTestData.APPLICANT_PHONE;
import static cn.mediationdesk.logic.report.ReportTestData.RESPONDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documents of one case: what they say, what they hide, and how they print. */
class CaseDocumentsTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    static Path dir;
    static Database db;
    static UUID caseId;
    static CaseDocumentService service;

    @TempDir
    Path out;

    @BeforeAll
    static void createCase() {
        ReportTestData.requireChineseFont();
        db = ReportTestData.demo(dir);
        caseId = ReportTestData.sampleCase(db);
        service = new CaseDocumentService(db, ReportTestData.CLOCK, User.setup());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String maskedApplicantId() {
        return APPLICANT_ID.substring(0, 6) + "********" + APPLICANT_ID.substring(14);
    }

    @Test
    void documentsMaskIdAndPhoneNumbersUnlessTheFullDataIsAskedFor() {
        CaseDocuments masked = service.documents(caseId, false);
        DocumentParty applicant = masked.acceptance().parties().getFirst();

        assertThat(applicant.name()).isEqualTo("赵红梅");
        assertThat(applicant.idNumber()).isEqualTo(maskedApplicantId()).hasSize(18);
        assertThat(applicant.phone()).isEqualTo("138****5678");
        assertThat(masked.agreement().orElseThrow().parties()).containsExactlyElementsOf(masked.acceptance().parties());

        DocumentParty full = service.documents(caseId, true).acceptance().parties().getFirst();
        assertThat(full.idNumber()).isEqualTo(APPLICANT_ID);
        assertThat(full.phone()).isEqualTo(APPLICANT_PHONE);
    }

    @Test
    void everyDocumentOfTheCaseIsThereInTheOrderItIsBound() {
        CaseDocuments documents = service.documents(caseId, false);

        String caseNumber = documents.cover().header().caseNumber();
        assertThat(caseNumber).startsWith("(2023)").endsWith("号");
        assertThat(documents.application()).isPresent();
        assertThat(documents.sessions()).hasSize(2).extracting(s -> s.number()).containsExactly(1, 2);
        assertThat(documents.agreement()).get().satisfies(a -> {
            assertThat(a.form()).isEqualTo(AgreementForm.WRITTEN);
            assertThat(a.terms()).contains("12000元");
            assertThat(a.performanceDeadline()).hasToString("2023-03-31");
        });
        assertThat(documents.routesNotice()).isEmpty();
        assertThat(documents.followUps()).hasSize(1);
        assertThat(documents.closingReport()).get().extracting(r -> r.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(documents.cover().outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(documents.acceptance().verificationSteps()).hasSize(1);
        assertThat(documents.investigation()).get().satisfies(i -> assertThat(i.steps()).hasSize(1));
        assertThat(documents.acceptance().mediators()).hasSize(1);
    }

    @Test
    void theAgreementPrintsWhatArticle29RequiresWithPlacesToSignAndToSeal() {
        CaseDocuments documents = service.documents(caseId, false);
        Path file = out.resolve("agreement.pdf");
        new PdfExporter(CHINESE).write(new CaseDocumentLayouts(CHINESE).agreement(documents.agreement().orElseThrow()),
                file);
        String text = ReportTestData.text(file);

        assertThat(text).contains("人民调解协议书", "编号：" + documents.cover().header().caseNumber(),
                "申请人：赵红梅，女，公民身份号码 " + maskedApplicantId() + "，住址 金宝新区幸福路8号", "联系电话 138****5678",
                "被申请人：钱建国，男",
                "纠纷的主要事实、争议事项及各方当事人的责任", "卫生间漏水",
                "经人民调解委员会调解，当事人自愿达成如下协议", "钱建国于2023年3月31日前修复自家卫生间防水",
                "协议涉及金额：人民币 12,000.00 元", "履行方式、地点、期限", "2023年3月31日前履行完毕",
                "本协议一式3份", "具有法律约束力", "司法确认",
                "申请人 赵红梅（签名、盖章或按指印）", "被申请人 钱建国（签名、盖章或按指印）", "人民调解员（签名）",
                "人民调解委员会（印章）", "2023年3月10日");
        assertThat(text).doesNotContain(APPLICANT_ID, RESPONDENT_ID, APPLICANT_PHONE);
    }

    @Test
    void everyDocumentPrintsTheCaseNumberAndOnlyMaskedNumbers() {
        CaseDocuments documents = service.documents(caseId, false);
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(CHINESE);
        String caseNumber = documents.cover().header().caseNumber();
        List<PrintDocument> all = layouts.documents(documents);
        assertThat(all).extracting(PrintDocument::title).containsExactly("人民调解申请书", "人民调解受理登记表",
                "人民调解当事人权利义务告知书", "调查记录", "人民调解记录", "人民调解记录", "人民调解协议书", "人民调解回访记录",
                "结案报告", "卷宗情况说明", "备考表");
        for (PrintDocument document : all) {
            Path file = out.resolve(UUID.randomUUID() + ".pdf");
            new PdfExporter(CHINESE).write(document, file);
            String text = ReportTestData.text(file);
            assertThat(text).as(document.title()).contains(document.title(), caseNumber)
                    .doesNotContain(APPLICANT_ID, RESPONDENT_ID, APPLICANT_PHONE);
        }
        Path acceptance = out.resolve("acceptance.pdf");
        new PdfExporter(CHINESE).write(layouts.acceptance(documents.acceptance()), acceptance);
        assertThat(ReportTestData.text(acceptance)).contains(maskedApplicantId(), "138****5678", "公民身份号码",
                "纠纷简要情况", "核实情况", "受理意见", "经核实，纠纷属实", "登记人：", "当事人同意调解",
                "权利告知日期", "申请人 赵红梅（签名、盖章或按指印）", "人民调解委员会（印章）")
                // the parties sign it: no risk level, no 民转刑 or 群体 flags
                .doesNotContain("风险", "黄", "民转刑", "群体");
    }

    @Test
    void withTheFullDataTheNumbersArePrintedWhole() {
        CaseDocuments documents = service.documents(caseId, true);
        Path file = out.resolve("acceptance-full.pdf");
        new PdfExporter(CHINESE).write(new CaseDocumentLayouts(CHINESE).acceptance(documents.acceptance()), file);

        assertThat(ReportTestData.text(file)).contains(APPLICANT_ID, RESPONDENT_ID, APPLICANT_PHONE);
    }

    @Test
    void theCaseFileHasACoverAndAContentsListGivingThePageEachItemStartsOn() throws IOException {
        CaseDocuments documents = service.documents(caseId, false);
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(CHINESE);
        Path file = out.resolve("case-file.pdf");
        new PdfExporter(CHINESE).write(counter -> layouts.caseFile(documents, counter), file);
        // The cover writes each value on a line after its label: the extraction may see a gap there.
        String text = ReportTestData.text(file).replace("： ", "：");

        assertThat(text).contains("人民调解卷宗", "调委会：金宝社区人民调解委员会",
                "案号：" + documents.cover().header().caseNumber(), "卷名：赵红梅与钱建国邻里纠纷",
                "调解日期：2023年3月3日至2023年3月10日", "调解结果：调解成功", "立卷人：", "保管期限：", "卷内目录");
        // Each item printed alone, to count its pages; the contents list must agree, and list the
        // items that do not apply to this case as 无.
        List<String> titles = List.of("人民调解申请书", "人民调解受理登记表 2023年3月3日", "人民调解当事人权利义务告知书",
                "调查记录 2023年3月2日", "证据材料", "人民调解记录 2023年3月6日", "人民调解协议书 2023年3月10日", "调解不成告知书",
                "司法确认材料", "人民调解回访记录 2023年4月10日", "结案报告 2023年3月10日", "卷宗情况说明", "备考表");
        List<CaseDocumentLayouts.BoundItem> items = layouts.items(documents, 0);
        assertThat(items).hasSize(13);
        int first = 1;
        for (int i = 0; i < items.size(); i++) {
            int pages = 0;
            for (PrintDocument document : items.get(i).documents()) {
                pages += pages(document);
            }
            String range = pages == 0 ? "无" : pages == 1 ? Integer.toString(first) : first + "—" + (first + pages - 1);
            String start = items.get(i).kind().number() + " " + titles.get(i);
            assertThat(text.lines()).as(titles.get(i)).anyMatch(l -> l.startsWith(start) && l.endsWith(" " + range));
            first += pages;
        }
        int numbered = first - 1;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            // The cover and the contents list carry no page number.
            assertThat(pdf.getNumberOfPages()).isEqualTo(numbered + 2);
        }
        assertThat(text).contains("第 1 页 共 " + numbered + " 页", "第 " + numbered + " 页 共 " + numbered + " 页",
                "本卷宗共 " + numbered + " 页").doesNotContain("第 " + (numbered + 1) + " 页");
    }

    private int pages(PrintDocument document) throws IOException {
        Path file = out.resolve(UUID.randomUUID() + ".pdf");
        new PdfExporter(CHINESE).write(document, file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return pdf.getNumberOfPages();
        }
    }

    @Test
    void anUnknownLeadIsRejected() {
        assertThatThrownBy(() -> service.documents(UUID.randomUUID(), false)).isInstanceOf(ValidationException.class);
    }
}
