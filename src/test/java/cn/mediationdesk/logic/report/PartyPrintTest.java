package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgentInput;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.casefile.DocumentAgent;
import cn.mediationdesk.logic.report.casefile.DocumentParty;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
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
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Parties and their agents on the case documents: written as the official forms write them, numbers masked. */
class PartyPrintTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final String APPLICANT_ID = idNumber("51010419700503123");
    private static final String AGENT_ID = idNumber("51010419850315231");
    private static final String GUARDIAN_ID = idNumber("51010419450101004");
    private static final String AGENT_PHONE = "13987654321";
    private static final String GUARDIAN_PHONE = "13700001111";
    private static final String CREDIT_CODE = "91350100M000100Y43";

    @TempDir
    Path dir;

    private Store store;
    private CaseDocumentService documents;
    private UUID caseId;

    private static String idNumber(String first17) {
        return first17 + PartyRules.checkCharacter(first17);
    }

    @BeforeEach
    void aResolvedCaseWithACompanyAndAgents() {
        ReportTestData.requireChineseFont();
        store = TestStores.fresh(dir, "db");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        long[] ids = store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            long community = tx.organization().insertCommunity("SQ001", "金宝社区");
            long committee = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            return new long[] {committee, community};
        });
        LifecycleService lifecycle = new LifecycleService(store, clock, User.setup());
        PartyInput applicant = new PartyInput("张三", Gender.MALE, APPLICANT_ID, "13812345678", "金宝新区幸福路8号",
                PartyRole.APPLICANT, PartyKind.PERSON, "汉族", LocalDate.of(1970, 5, 3), null, "个体运输户", null, null,
                null, null, List.of(new AgentInput("张大", AgentKind.LEGAL, null, null, GUARDIAN_ID, GUARDIAN_PHONE,
                "系张三之父")));
        PartyInput company = new PartyInput("某某建材有限公司", null, null, "0827-5221234", "金宝新区工业园区3号",
                PartyRole.RESPONDENT, PartyKind.LEGAL_PERSON, null, null, null, null, null, CREDIT_CODE, "李四", "总经理",
                List.of(new AgentInput("王五", AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, "代为承认、放弃、变更调解请求",
                        AGENT_ID, AGENT_PHONE, "某律师事务所律师")));
        Lead lead = lifecycle.register(new NewLead(ids[0], ids[1], null, null, LocalDate.of(2024, 6, 1), "SCREENING",
                "CONTRACT", "张三与某某建材有限公司因运费结算发生纠纷", 2, new BigDecimal("58000"), null, false, false,
                List.of(applicant, company)));
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2024, 6, 2), null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), LocalDate.of(2024, 6, 3), List.of(),
                new ConsentInput(LocalDate.of(2024, 6, 3), ConsentWay.SIGNED_REGISTRATION, LocalDate.of(2024, 6, 3)));
        lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2024, 6, 10),
                new AgreementInput(AgreementForm.WRITTEN, "双方因运费结算发生争议", "运费数额及支付期限", null,
                        "某某建材有限公司于2024年6月30日前支付运费58000元", new BigDecimal("58000"), null, null,
                        LocalDate.of(2024, 6, 30)));
        caseId = lead.id();
        documents = new CaseDocumentService(store, clock, User.setup());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * Every document of the case as one PDF's text without any white space, so that a sentence reads
     * the same wherever the lines were broken.
     */
    private String printed(CaseDocuments documents) {
        Path file = dir.resolve(UUID.randomUUID() + ".pdf");
        new PdfExporter(CHINESE).write(new CaseDocumentLayouts(CHINESE).documents(documents), file);
        return compact(ReportTestData.text(file));
    }

    private static String compact(String text) {
        return text.replaceAll("\\s", "");
    }

    @Test
    void thePartiesAndAgentsCarryWhatTheFormsAsk() {
        List<DocumentParty> parties = documents.documents(caseId, false).acceptance().parties();
        DocumentParty person = parties.get(0);
        assertThat(person.ethnicity()).isEqualTo("汉族");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1970, 5, 3));
        assertThat(person.occupation()).isEqualTo("个体运输户");
        assertThat(person.agents()).extracting(DocumentAgent::name, DocumentAgent::kind, DocumentAgent::relation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("张大", AgentKind.LEGAL, "系张三之父"));
        DocumentParty company = parties.get(1);
        assertThat(company.kind()).isEqualTo(PartyKind.LEGAL_PERSON);
        assertThat(company.creditCode()).as("an organization's code is no personal data").isEqualTo(CREDIT_CODE);
        assertThat(company.legalRepresentative()).isEqualTo("李四");
        DocumentAgent lawyer = company.agents().getFirst();
        assertThat(lawyer.idNumber()).isEqualTo(AGENT_ID.substring(0, 6) + "********" + AGENT_ID.substring(14));
        assertThat(lawyer.phone()).isEqualTo("139****4321");
    }

    @Test
    void theAgreementWritesThePartiesInTheOfficialStyleWithAgentsNumbersMasked() {
        String text = printed(documents.documents(caseId, false));

        assertThat(text).contains(Stream.of(
                "申请人：张三，男，汉族，1970年5月3日出生，公民身份号码 510104********" + APPLICANT_ID.substring(14)
                        + "，职业 个体运输户，住址 金宝新区幸福路8号，联系电话 138****5678。",
                "法定代理人：张大，系张三之父，公民身份号码 510104********" + GUARDIAN_ID.substring(14)
                        + "，联系电话 137****1111。",
                "被申请人：某某建材有限公司，统一社会信用代码 " + CREDIT_CODE
                        + "，住所地 金宝新区工业园区3号，法定代表人：李四，职务：总经理，联系电话 0827-***1234。",
                "委托代理人：王五，某律师事务所律师，特别授权（代为承认、放弃、变更调解请求），公民身份号码 510104********"
                        + AGENT_ID.substring(14) + "，联系电话 139****4321。").map(PartyPrintTest::compact)
                .toArray(String[]::new));
        // the 受理登记表's table: the rest of a party's particulars and the agents in rows of their own
        assertThat(text).contains("基本情况", compact("汉族，1970年5月3日出生，职业 个体运输户"), "法定代表人：李四，职务：总经理");
        assertThat(text).doesNotContain(APPLICANT_ID, AGENT_ID, GUARDIAN_ID, AGENT_PHONE, GUARDIAN_PHONE);
    }

    @Test
    void withTheFullDataTheAgentsNumbersArePrintedWhole() {
        String text = printed(documents.documents(caseId, true));

        assertThat(text).contains(APPLICANT_ID, AGENT_ID, GUARDIAN_ID, AGENT_PHONE, GUARDIAN_PHONE);
    }
}
