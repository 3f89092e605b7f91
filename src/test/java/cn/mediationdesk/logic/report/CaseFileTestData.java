package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.attachment.AttachedFile;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Attachment;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.JudicialResult;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.persistence.Database;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the 卷宗 of {@link ReportTestData#sampleCase} holds beyond the lifecycle: written straight
 * into the records (the services that fill them are other parts of issue 10), and scans and
 * photos made here: small real JPEG, PNG and PDF files.
 */
final class CaseFileTestData {
    private CaseFileTestData() {
    }

    /** Fills in everything the sample case's file can hold, up to judicial confirmation. */
    static void complete(Database db, UUID id) {
        db.write(tx -> {
            tx.caseFiles().saveCaseRecord(new CaseRecord(id, LocalDate.of(2023, 3, 1),
                    "请求钱建国修复卫生间防水并赔偿维修费用12000元", LocalDate.of(2023, 3, 3),
                    ConsentWay.WRITTEN_APPLICATION, LocalDate.of(2023, 3, 3), null, null, null, Set.of()));
            tx.leads().saveAgreement(new Agreement(id, AgreementForm.WRITTEN,
                    "一、钱建国于2023年3月31日前修复自家卫生间防水；二、钱建国于2023年3月20日前一次性支付赵红梅维修费人民币12000元；三、双方就本纠纷再无其他争议。",
                    new BigDecimal("12000.00"), LocalDate.of(2023, 3, 31),
                    "2023年2月起，钱建国家卫生间防水层老化漏水，致楼下赵红梅家卫生间及客厅天花板受损。",
                    "漏水原因的认定、维修责任及维修费用的数额。", "钱建国对漏水负全部责任。", "银行转账", "金宝社区调解室"));
            tx.leads().insertSession(new MediationSession(UUID.randomUUID(), id, LocalDate.of(2023, 3, 8), "赵红梅家",
                    "调解员；赵红梅；钱建国；物业维修人员", "现场查看漏水部位，物业维修人员说明维修方案及报价", "楼上漏水致楼下受损",
                    "孙记录", true, true));
            tx.leads().insertFollowUp(new FollowUp(UUID.randomUUID(), id, LocalDate.of(2023, 4, 20),
                    Performance.PERFORMED, Satisfaction.SATISFIED, false, "防水已修复，再无渗漏", "赵红梅",
                    FollowUpWay.PHONE, "了解维修后是否再有渗漏"));
            tx.leads().saveJudicialConfirmation(new JudicialConfirmation(id, LocalDate.of(2023, 3, 15),
                    "金宝区人民法院", "（2023）金0102民特12号", JudicialResult.CONFIRMED, LocalDate.of(2023, 3, 28)));
            tx.caseFiles().replacePreventions(id, EnumSet.of(PreventionKind.CRIMINAL_CASE));
            tx.caseFiles().saveCaseFileInfo(new CaseFileInfo(id, null, "李立卷", LocalDate.of(2023, 4, 25),
                    Retention.LONG, "受理后两次召集双方调解，查明漏水原因，双方达成书面协议并已申请司法确认，回访时协议已履行完毕。",
                    "签字的调解协议书原件存档。", "本卷材料齐全。", "周检查"));
            return null;
        });
    }

    /** A scan of each kind that binds into an item, added in this order. */
    static List<AttachedFile> attachments(UUID leadId) {
        return List.of(
                file(leadId, AttachmentKind.EVIDENCE, "天花板水渍照片", "photo.jpg", "image/jpeg", jpeg(), 1),
                file(leadId, AttachmentKind.SIGNED_AGREEMENT, "双方签字", "agreement.png", "image/png", png(), 2),
                file(leadId, AttachmentKind.COURT_PAPER, "民事裁定书", "ruling.pdf", "application/pdf", pdf(2), 3),
                file(leadId, AttachmentKind.IDENTITY, "", "id.png", "image/png", png(), 4),
                file(leadId, AttachmentKind.PERFORMANCE_PROOF, "转账凭证", "receipt.pdf", "application/pdf", pdf(1), 5));
    }

    static AttachedFile file(UUID leadId, AttachmentKind kind, String note, String name, String type, byte[] content,
                             int second) {
        return new AttachedFile(new Attachment(UUID.randomUUID(), leadId, kind, note, name, type, content.length,
                "0".repeat(64), Instant.parse("2023-04-01T00:00:00Z").plusSeconds(second), "admin"), content);
    }

    static byte[] jpeg() {
        return image("jpg", 400, 300, Color.ORANGE);
    }

    static byte[] png() {
        return image("png", 210, 297, Color.CYAN);
    }

    private static byte[] image(String format, int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(color);
        g.fillOval(10, 10, width - 20, height - 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PDF of A5 pages, each saying which page it is. */
    static byte[] pdf(int pages) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A5);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(60, 400);
                    content.showText("scanned page " + i + " of " + pages);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
