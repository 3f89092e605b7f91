package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.AgreementDocument;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.DocumentKind;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts.BoundItem;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole 卷宗 of a case taken to judicial confirmation, with its scans and photos bound in. */
class CaseFileBindingTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    static Path dir;
    static Database db;
    static UUID caseId;
    static List<AttachedFile> scans;
    static CaseDocuments documents;

    @TempDir
    Path out;

    @BeforeAll
    static void createCase() {
        ReportTestData.requireChineseFont();
        db = ReportTestData.demo(dir);
        caseId = ReportTestData.sampleCase(db);
        CaseFileTestData.complete(db, caseId);
        scans = CaseFileTestData.attachments(caseId);
        documents = new CaseDocumentService(db, ReportTestData.CLOCK, User.setup(), leadId -> scans)
                .documents(caseId, false);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void eachScanIsBoundIntoItsItemInTheOrderItWasAdded() {
        List<BoundItem> items = new CaseDocumentLayouts(CHINESE).items(documents, 0);

        assertThat(items).extracting(BoundItem::kind).containsExactly(DocumentKind.values());
        // A case taken to judicial confirmation has every item but the notice of a failed mediation.
        assertThat(items).filteredOn(i -> !i.applies()).extracting(BoundItem::kind)
                .containsExactly(DocumentKind.ROUTES_NOTICE);
        assertThat(items.get(DocumentKind.EVIDENCE.ordinal()).documents()).extracting(PrintDocument::title)
                .containsExactly("附件：证据材料——天花板水渍照片（photo.jpg）", "附件：身份证明（id.png）");
        assertThat(items.get(DocumentKind.AGREEMENT.ordinal()).documents()).extracting(PrintDocument::title)
                .containsExactly("人民调解协议书", "附件：签字的调解协议书——双方签字（agreement.png）");
        assertThat(items.get(DocumentKind.JUDICIAL_CONFIRMATION.ordinal()).documents()).extracting(PrintDocument::title)
                .containsExactly("司法确认材料", "附件：法院文书——民事裁定书（ruling.pdf）");
        assertThat(items.get(DocumentKind.FOLLOW_UP.ordinal()).documents()).extracting(PrintDocument::title)
                .containsExactly("人民调解回访记录", "人民调解回访记录", "附件：履行凭证——转账凭证（receipt.pdf）");
        assertThat(items).extracting(BoundItem::attachments).containsExactly(0, 0, 0, 0, 2, 0, 1, 0, 1, 1, 0, 0, 0);
    }

    @Test
    void theWholeFileHasEveryItemInOrderWithTheScansCountedInItsPageNumbers() throws IOException {
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(CHINESE);
        Path file = out.resolve("case-file.pdf");
        new PdfExporter(CHINESE).write(counter -> layouts.caseFile(documents, counter), file);

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<String> pages = pageTexts(pdf);
            // Each item starts on the page the contents list gives it.
            String contents = pages.get(1);
            List<String> firstLines = java.util.Arrays.asList("人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书", "调查记录",
                    "附件：证据材料——天花板水渍照片", "人民调解记录", "人民调解协议书", null, "司法确认材料", "人民调解回访记录",
                    "结案报告", "卷宗情况说明", "备考表");
            String[] titles = {"人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书", "调查记录", "证据材料",
                    "人民调解记录", "人民调解协议书", "调解不成告知书", "司法确认材料", "人民调解回访记录", "结案报告", "卷宗情况说明",
                    "备考表"};
            for (int i = 0; i < titles.length; i++) {
                String line = contents.lines().map(String::strip).filter(l -> l.matches("\\d+ .*")).toList().get(i);
                assertThat(line).startsWith((i + 1) + " " + titles[i]);
                String withoutRemark = line.replaceFirst(" 附件 \\d+ 份$", "");
                String page = withoutRemark.substring(withoutRemark.lastIndexOf(' ') + 1);
                if (firstLines.get(i) == null) {
                    // This case did not fail: its 调解不成告知书 does not apply.
                    assertThat(page).isEqualTo("无");
                    continue;
                }
                int start = Integer.parseInt(page.split("—")[0]);
                // page N of the numbered pages is the (N + 2)-th page of the PDF: the cover and the contents come first
                assertThat(pages.get(start + 1)).as(titles[i]).contains(firstLines.get(i));
            }
            assertThat(contents).contains("附件 2 份", "附件 1 份");

            // A picture has its own A4 page; a PDF's pages come as they are (A5), and are numbered with the rest.
            int photo = indexOf(pages, "天花板水渍照片");
            assertThat(pdf.getPage(photo).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(images(pdf.getPage(photo))).isEqualTo(1);
            int ruling = indexOf(pages, "scanned page 1 of 2");
            assertThat(pdf.getPage(ruling).getMediaBox().getWidth()).isEqualTo(PDRectangle.A5.getWidth());
            assertThat(pages.get(ruling + 1)).contains("scanned page 2 of 2");
            assertThat(pages.get(ruling - 1)).contains("司法确认材料");
            int numbered = pdf.getNumberOfPages() - 2;
            assertThat(pages.get(ruling)).contains("第 " + (ruling - 1) + " 页 共 " + numbered + " 页");
            assertThat(String.join("\n", pages)).contains("本卷宗共 " + numbered + " 页（封面、卷内目录不计），其中装订附件 5 份。");
        }
    }

    @Test
    void theNewItemsPrintWhatTheFormsAsk() throws IOException {
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(CHINESE);
        String application = print(layouts.application(documents.application().orElseThrow()));
        assertThat(application).contains("人民调解申请书", "申请事项：", "请求钱建国修复卫生间防水", "事实和理由：", "此致",
                "申请人 赵红梅（签名、盖章或按指印）", "2023年3月1日");
        String notice = print(layouts.rightsNotice(documents.rightsNotice().orElseThrow()));
        assertThat(notice).contains("选择或者接受人民调解员", "接受调解、拒绝调解或者要求终止调解", "如实陈述纠纷事实",
                "尊重对方当事人行使权利", "申请人 赵红梅（签名、盖章或按指印）", "被申请人 钱建国（签名、盖章或按指印）",
                "2023年3月3日");
        String session = print(layouts.session(documents.sessions().get(1)));
        assertThat(session).contains("事由", "楼上漏水致楼下受损", "记录人", "孙记录", "调解开始前已告知当事人的权利和义务",
                "以上记录已阅，属实。", "被申请人 钱建国（签名、盖章或按指印）");
        String agreement = print(layouts.agreement(documents.agreement().orElseThrow()));
        assertThat(agreement).contains("防水层老化漏水", "争议事项：漏水原因的认定", "各方当事人的责任：钱建国对漏水负全部责任",
                "履行方式：银行转账", "履行地点：金宝社区调解室");
        String judicial = print(layouts.judicial(documents.judicialConfirmation().orElseThrow()));
        assertThat(judicial).contains("金宝区人民法院", "（2023）金0102民特12号", "确认调解协议有效", "2023年3月28日",
                "2023年3月15日");
        String visit = print(layouts.followUp(documents.followUps().get(1)));
        assertThat(visit).contains("被回访当事人", "赵红梅", "电话回访", "了解维修后是否再有渗漏");
        String closing = print(layouts.closingReport(documents.closingReport().orElseThrow()));
        assertThat(closing).contains("结案报告", "防止民间纠纷转化为刑事案件", "受理后两次召集双方调解", "调委会主任（签名）");
        String cover = print(layouts.cover(documents.cover())).replace("： ", "：");
        assertThat(cover).contains("卷名：赵红梅与钱建国邻里纠纷", "立卷人：李立卷", "立卷日期：2023年4月25日", "保管期限：长期");
        String back = print(layouts.backCover(documents.fileNote()));
        assertThat(back).contains("备考表", "本卷材料齐全。", "李立卷", "周检查");
    }

    @Test
    void anOralAgreementIsTheOfficialRegisterWithThePartiesSignatureLines() {
        AgreementDocument written = documents.agreement().orElseThrow();
        AgreementDocument oral = new AgreementDocument(written.header(), AgreementForm.ORAL, written.parties(),
                written.typeZh(), written.typeEn(), "邻居间因滴水争执", "谁修院墙", "双方各半", "共同出资修缮院墙",
                null, "当场履行", "院墙处", null, written.agreedOn(), written.mediators());
        String text = print(new CaseDocumentLayouts(CHINESE).agreement(oral));

        assertThat(text).contains("人民调解口头协议登记表", "纠纷简要情况", "邻居间因滴水争执", "争议事项", "谁修院墙",
                "协议内容", "共同出资修缮院墙", "履行方式：当场履行", "申请人 赵红梅（签名、盖章或按指印）",
                "被申请人 钱建国（签名、盖章或按指印）", "人民调解委员会（印章）").doesNotContain("人民调解协议书");
    }

    @Test
    void aFileThatCannotBeReadIsAPageSayingSo() throws IOException {
        AttachedFile broken = CaseFileTestData.file(caseId, AttachmentKind.EVIDENCE, "损坏", "broken.pdf",
                "application/pdf", "not a pdf".getBytes(), 9);
        String text = print(new CaseDocumentLayouts(CHINESE).attachment(broken));
        assertThat(text).contains("附件：证据材料——损坏（broken.pdf）", "此文件无法打印在卷宗内");
    }

    private String print(PrintDocument document) {
        Path file = out.resolve(UUID.randomUUID() + ".pdf");
        new PdfExporter(CHINESE).write(document, file);
        return ReportTestData.text(file);
    }

    private static List<String> pageTexts(PDDocument pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(stripper.getText(pdf));
        }
        return pages;
    }

    private static int indexOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no page says " + text);
    }

    private static int images(PDPage page) throws IOException {
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }
}
