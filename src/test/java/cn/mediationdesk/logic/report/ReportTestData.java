package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The demo jurisdiction and one fully recorded case, for the report tests; and reading PDFs back. */
final class ReportTestData {
    /** "Today": well after every demo date and the sample case. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    static final LocalDate NEW_YEARS_EVE = LocalDate.of(2022, 12, 31);

    static final String APPLICANT_ID = idNumber("11010519850312002");
    static final String RESPONDENT_ID = idNumber("11010519771123001");
    static final String APPLICANT_PHONE = "13812345678";
    static final String CASE_NUMBER_PREFIX = "(2023)";

    private ReportTestData() {
    }

    /** An 18-character ID number with the right GB 11643 check character. */
    static String idNumber(String first17) {
        return first17 + PartyRules.checkCharacter(first17);
    }

    static Database demo(Path dir) {
        Database db = Database.open(DatabaseLocation.parse(dir.resolve("demo").toString()), true);
        new DemoJurisdiction(db, CLOCK).create();
        return db;
    }

    /**
     * A case of 2023 (so the demo's 2022 figures stay as they are) carried through the whole
     * lifecycle: two parties with ID and phone numbers, verification, acceptance, two sessions, a
     * written agreement with an amount, and a follow-up that found it performed.
     */
    static UUID sampleCase(Database db) {
        Committee committee = db.read(tx -> tx.organization().committees().get(1));
        long community = committee.communityId();
        LifecycleService lifecycle = new LifecycleService(db, CLOCK, User.setup());
        Lead lead = lifecycle.register(new NewLead(committee.id(), community, null, "JB-2023-031",
                LocalDate.of(2023, 3, 1), "PARTY_APPLICATION", "NEIGHBOR",
                "赵红梅与钱建国系楼上楼下邻居，因钱建国家卫生间漏水致赵红梅家天花板受损，双方就维修费用发生争执。",
                2, new BigDecimal("12000.00"), RiskLevel.YELLOW, false, false,
                List.of(new PartyInput("赵红梅", Gender.FEMALE, APPLICANT_ID, APPLICANT_PHONE,
                                "金宝新区幸福路8号2单元301室", PartyRole.APPLICANT),
                        new PartyInput("钱建国", Gender.MALE, RESPONDENT_ID, "13987654321",
                                "金宝新区幸福路8号2单元401室", PartyRole.RESPONDENT))));
        UUID id = lead.id();
        lifecycle.addVerificationStep(id, LocalDate.of(2023, 3, 2), "走访", "到现场查看，天花板确有水渍", null);
        lead = lifecycle.verify(id, lead.version(), VerificationResult.GENUINE, LocalDate.of(2023, 3, 2), null, null);
        List<Long> mediators = db.read(tx -> tx.organization().people().stream()
                .filter(p -> committee.id() == (p.committeeId() == null ? -1 : p.committeeId()))
                .map(p -> p.id()).limit(1).toList());
        lead = lifecycle.accept(id, lead.version(), LocalDate.of(2023, 3, 3), mediators, new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        lifecycle.recordSession(id, new SessionInput(LocalDate.of(2023, 3, 6), "金宝社区调解室", "调解员1名；赵红梅；钱建国",
                "分别听取双方陈述，查看维修报价，双方同意继续协商", "纠纷调解", "记录员", true, true));
        lifecycle.recordSession(id, new SessionInput(LocalDate.of(2023, 3, 10), "金宝社区调解室", "调解员1名；赵红梅；钱建国",
                "双方达成一致意见，签订调解协议书", "纠纷调解", "记录员", true, true));
        lead = lifecycle.close(id, lead.version(), Outcome.RESOLVED, LocalDate.of(2023, 3, 10),
                new AgreementInput(AgreementForm.WRITTEN, "钱建国家卫生间漏水，致楼下赵红梅家天花板受损。",
                        "漏水的维修责任及维修费用的数额。", "钱建国对漏水负全部责任。", "一、钱建国于2023年3月31日前修复自家卫生间防水；二、钱建国于2023年3月20日前一次性支付赵红梅维修费人民币12000元；三、双方就本纠纷再无其他争议。",
                        new BigDecimal("12000.00"), null, null, LocalDate.of(2023, 3, 31)));
        lifecycle.recordFollowUp(id, new FollowUpInput(LocalDate.of(2023, 4, 10), "赵红梅", FollowUpWay.VISIT, "了解协议履行情况", Performance.PERFORMED, Satisfaction.SATISFIED, false,
                "协议已履行完毕，双方关系缓和"));
        return id;
    }

    /** The text of a PDF as PDFBox extracts it, in reading order. */
    static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails at once, saying what to install, when this computer has no font to print Chinese with. */
    static void requireChineseFont() {
        CjkFonts.locate();
    }
}
