package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Parties as the forms describe them, and their agents, saved and changed through the lifecycle (H2 and PostgreSQL). */
class PartiesAndAgentsTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final String CREDIT_CODE = "91350100M000100Y43";
    private static final String APPLICANT_ID = idNumber("51010419700503123");
    private static final String AGENT_ID = idNumber("51010419850315231");

    @TempDir
    Path dir;

    private Store store;
    private LifecycleService lifecycle;
    private long committeeId;
    private long communityId;

    private static String idNumber(String first17) {
        return first17 + PartyRules.checkCharacter(first17);
    }

    @BeforeEach
    void openDatabase() {
        store = TestStores.fresh(dir, "db");
        Clock clock = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        lifecycle = new LifecycleService(store, clock, User.setup());
        store.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            communityId = tx.organization().insertCommunity("SQ001", "金宝社区");
            committeeId = tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                    CommitteeKind.JURISDICTION, null);
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private NewLead lead(String leadNo, List<PartyInput> parties) {
        return new NewLead(committeeId, communityId, null, leadNo, TODAY.minusDays(3), "SCREENING", "CONTRACT",
                "张三与某某有限公司因货款结算发生纠纷", 2, new BigDecimal("58000"), null, false, false, parties);
    }

    private static PartyInput applicant(List<AgentInput> agents) {
        return new PartyInput(" 张三 ", Gender.MALE, APPLICANT_ID, "13812345678", "金宝新区幸福路8号", PartyRole.APPLICANT,
                PartyKind.PERSON, "汉", LocalDate.of(1970, 5, 3), null, "个体运输户", " ", null, null, null, agents);
    }

    private static PartyInput company(String creditCode, List<AgentInput> agents) {
        return new PartyInput("某某建材有限公司", null, null, "0827-5221234", "金宝新区工业园区3号", PartyRole.RESPONDENT,
                PartyKind.LEGAL_PERSON, null, null, null, null, null, creditCode, "李四", "总经理", agents);
    }

    private static AgentInput lawyer(String scope) {
        return new AgentInput("王五", AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, scope, AGENT_ID, "13987654321",
                "某律师事务所律师");
    }

    @Test
    void aLegalPersonWithAnEntrustedAgentIsSavedAsEntered() {
        Lead lead = lifecycle.register(lead(null, List.of(applicant(List.of()),
                company(CREDIT_CODE.toLowerCase(), List.of(lawyer("代为承认、放弃、变更调解请求，签署调解协议"))))));

        LeadFile file = lifecycle.file(lead.id());
        Party person = file.parties().get(0);
        Party company = file.parties().get(1);
        assertThat(person.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(person.name()).isEqualTo("张三");
        assertThat(person.ethnicity()).as("written as the official name").isEqualTo("汉族");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1970, 5, 3));
        assertThat(person.occupation()).isEqualTo("个体运输户");
        assertThat(person.employer()).as("blank is nothing").isNull();
        assertThat(company.kind()).isEqualTo(PartyKind.LEGAL_PERSON);
        assertThat(company.creditCode()).as("in capitals").isEqualTo(CREDIT_CODE);
        assertThat(company.legalRepresentative()).isEqualTo("李四");
        assertThat(company.representativeTitle()).isEqualTo("总经理");
        assertThat(company.idNumber()).isNull();
        assertThat(file.agents()).extracting(PartyAgent::partyId, PartyAgent::name, PartyAgent::kind,
                        PartyAgent::authority, PartyAgent::authorityScope, PartyAgent::idNumber, PartyAgent::phone,
                        PartyAgent::relation)
                .containsExactly(tuple(company.id(), "王五", AgentKind.ENTRUSTED, AgentAuthority.SPECIAL,
                        "代为承认、放弃、变更调解请求，签署调解协议", AGENT_ID, "13987654321", "某律师事务所律师"));
    }

    @Test
    void savingTheDetailsAgainTiesTheAgentsToTheNewPartiesAndDropsTheRemovedOnes() {
        Lead lead = lifecycle.register(lead(null, List.of(applicant(List.of()),
                company(CREDIT_CODE, List.of(lawyer("代为签署调解协议"))))));

        // The company now comes first; the applicant's father speaks for him; the lawyer is gone.
        AgentInput father = new AgentInput("张大", AgentKind.LEGAL, null, null, null, null, "系张三之父");
        lead = lifecycle.updateDetails(lead.id(), lead.version(), lead(null, List.of(company(CREDIT_CODE, List.of()),
                applicant(List.of(father)))));

        LeadFile file = lifecycle.file(lead.id());
        assertThat(file.parties()).extracting(Party::name).containsExactly("某某建材有限公司", "张三");
        assertThat(file.agents()).extracting(PartyAgent::partyId, PartyAgent::name, PartyAgent::kind,
                        PartyAgent::authority, PartyAgent::relation)
                .containsExactly(tuple(file.parties().get(1).id(), "张大", AgentKind.LEGAL, null, "系张三之父"));

        lead = lifecycle.updateDetails(lead.id(), lead.version(), lead(null, List.of(company(CREDIT_CODE, List.of()))));
        assertThat(lifecycle.file(lead.id()).agents()).as("gone with their party").isEmpty();
    }

    @Test
    void aWrongAgentOrCreditCodeWritesNothing() {
        assertThatThrownBy(() -> lifecycle.register(lead("XS-1", List.of(applicant(List.of()),
                company(CREDIT_CODE, List.of(lawyer(" "))))))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(Problem.of(Field.AGENT, "rule.agent.scopeRequired")));
        assertThat(store.<java.util.Optional<Lead>>read(tx -> tx.leads().findByLeadNo(committeeId, "XS-1"))).isEmpty();

        Lead lead = lifecycle.register(lead("XS-2", List.of(company(CREDIT_CODE, List.of(lawyer("代为签署调解协议"))))));
        LeadFile before = lifecycle.file(lead.id());
        String wrong = CREDIT_CODE.substring(0, 17) + "4";
        assertThatThrownBy(() -> lifecycle.updateDetails(lead.id(), lead.version(), lead("XS-2",
                List.of(company(wrong, List.of()))))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .containsExactly(Problem.of(Field.CREDIT_CODE, "rule.party.creditCode.invalid", wrong)));
        LeadFile after = lifecycle.file(lead.id());
        assertThat(after.parties()).isEqualTo(before.parties());
        assertThat(after.agents()).isEqualTo(before.agents());
        assertThat(after.lead().version()).isEqualTo(before.lead().version());
    }

    @Test
    void theRulesOfTheFormsApplyToEveryParty() {
        PartyInput unborn = new PartyInput("张三", null, APPLICANT_ID, null, null, PartyRole.APPLICANT, PartyKind.PERSON,
                "汉族", LocalDate.of(1971, 5, 3), 80, null, null, null, null, null, List.of());
        assertThatThrownBy(() -> lifecycle.register(lead(null, List.of(unborn)))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).containsExactly(
                        Problem.of(Field.BIRTH_DATE, "rule.party.birthDate.notIdNumber", LocalDate.of(1970, 5, 3)),
                        Problem.of(Field.AGE, "rule.party.age.notBirthDate", 53)));
    }
}
