package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.Problem.Field;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The party rows of the editor: the kind of party, the fields that open, and the agents, without a screen. */
class PartyRowViewModelTest extends LeadEditorTestSupport {
    private static final String CREDIT_CODE = "91350100M000100Y43";
    /** A valid ID number of a woman born 1985-03-15 (GB 11643 check character). */
    private static final String AGENT_ID = "51010419850315232" + PartyRules.checkCharacter("51010419850315232");

    @Test
    void theCommonCaseStaysOneRow() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel row = editor.details().addParty();
        row.nameProperty().set("张某");
        row.phoneProperty().set("13912345678");
        assertThat(row.expandedProperty().get()).isFalse();

        editor.details().save();

        PartyRowViewModel stored = editor.details().parties().getFirst();
        assertThat(stored.expandedProperty().get()).as("nothing more to show").isFalse();
        assertThat(stored.kindProperty().get()).isEqualTo(PartyKind.PERSON);
        assertThat(stored.agents()).isEmpty();
    }

    @Test
    void aCompanyWithALawyerIsRegisteredAndShownAgain() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        DetailsSectionViewModel details = editor.details();
        PartyRowViewModel company = details.addParty();
        company.genderProperty().set(Gender.MALE); // chosen before it turned out to be a company
        company.nameProperty().set("某某建材有限公司");
        company.kindProperty().set(PartyKind.LEGAL_PERSON);
        assertThat(company.expandedProperty().get()).as("the company's fields are in the area").isTrue();
        assertThat(company.personProperty().get()).isFalse();
        company.creditCodeProperty().set(CREDIT_CODE.toLowerCase());
        company.legalRepresentativeProperty().set("李四");
        company.representativeTitleProperty().set("总经理");
        AgentRowViewModel lawyer = company.addAgent();
        assertThat(lawyer.kindProperty().get()).isEqualTo(AgentKind.ENTRUSTED);
        assertThat(lawyer.authorityProperty().get()).isEqualTo(AgentAuthority.GENERAL);
        lawyer.nameProperty().set("王五");
        lawyer.authorityProperty().set(AgentAuthority.SPECIAL);
        assertThat(lawyer.specialProperty().get()).isTrue();
        lawyer.authorityScopeProperty().set("代为承认、放弃、变更调解请求");
        lawyer.idNumberProperty().set(AGENT_ID);
        lawyer.phoneProperty().set("13987654321");
        lawyer.relationProperty().set("某律师事务所律师");
        company.addAgent(); // left empty: no agent

        details.save();

        LeadFile file = editor.fileProperty().get();
        Party party = file.parties().getFirst();
        assertThat(party).extracting(Party::kind, Party::gender, Party::creditCode, Party::legalRepresentative,
                Party::representativeTitle).containsExactly(PartyKind.LEGAL_PERSON, null, CREDIT_CODE, "李四", "总经理");
        assertThat(file.agents()).extracting(PartyAgent::partyId, PartyAgent::name, PartyAgent::authority,
                PartyAgent::authorityScope, PartyAgent::idNumber, PartyAgent::phone)
                .containsExactly(tuple(party.id(), "王五", AgentAuthority.SPECIAL, "代为承认、放弃、变更调解请求", AGENT_ID,
                        "13987654321"));

        PartyRowViewModel shown = details.parties().getFirst();
        assertThat(shown.expandedProperty().get()).isTrue();
        assertThat(shown.creditCodeProperty().get()).isEqualTo(CREDIT_CODE);
        assertThat(shown.agents()).singleElement().satisfies(a -> {
            assertThat(a.nameProperty().get()).isEqualTo("王五");
            assertThat(a.authorityScopeProperty().get()).isEqualTo("代为承认、放弃、变更调解请求");
        });
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aSpecialAuthorityWithoutItsScopeIsShownAtTheAgentAndNothingIsWritten() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel party = editor.details().addParty();
        party.nameProperty().set("张某");
        AgentRowViewModel agent = party.addAgent();
        agent.nameProperty().set("王五");
        agent.authorityProperty().set(AgentAuthority.SPECIAL);
        agent.phoneProperty().set("12345");
        party.expandedProperty().set(false);
        long before = leadCount();

        editor.details().save();

        assertThat(leadCount()).isEqualTo(before);
        assertThat(agent.error(Field.AUTHORITY).get()).isEqualTo("特别授权须写明授权事项");
        assertThat(agent.error(Field.PHONE).get()).contains("电话号码“12345”无效");
        assertThat(party.expandedProperty().get()).as("opened to show the agent's mistakes").isTrue();
        assertThat(editor.details().error(Field.PARTIES).get()).isEqualTo("请改正当事人中标红的内容");
    }

    @Test
    void aLegalAgentHasNoAuthorityFieldsAndNoneIsSaved() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel child = editor.details().addParty();
        child.nameProperty().set("张小某");
        AgentRowViewModel father = child.addAgent();
        father.nameProperty().set("张某");
        father.authorityProperty().set(AgentAuthority.SPECIAL);
        father.kindProperty().set(AgentKind.LEGAL);
        assertThat(father.entrustedProperty().get()).isFalse();
        assertThat(father.specialProperty().get()).isFalse();
        father.relationProperty().set("之父");

        editor.details().save();

        assertThat(editor.fileProperty().get().agents()).extracting(PartyAgent::kind, PartyAgent::authority,
                PartyAgent::authorityScope, PartyAgent::relation).containsExactly(tuple(AgentKind.LEGAL, null, null, "之父"));
    }

    @Test
    void thePersonalFieldsAreReadAndCheckedWhereTheyAreTyped() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel party = editor.details().addParty();
        party.nameProperty().set("张某");
        party.idNumberProperty().set(VALID_ID); // born 1949-12-31
        party.birthDateProperty().set("1949年13月");
        party.ageProperty().set("40");
        party.ethnicityProperty().set("火星");

        assertThat(party.check()).isFalse();

        assertThat(party.expandedProperty().get()).isTrue();
        assertThat(party.error(Field.BIRTH_DATE).get()).isNotEmpty();
        assertThat(party.error(Field.AGE).get()).isEqualTo("与出生日期不符（按出生日期应为 73 岁）");
        assertThat(party.error(Field.ETHNICITY).get()).startsWith("“火星”不是");

        party.birthDateProperty().set("1949/12/31");
        party.ageProperty().set("72");
        party.ethnicityProperty().set("汉");
        party.occupationProperty().set("退休职工");
        assertThat(party.check()).isTrue();
        editor.details().save();

        Party stored = editor.fileProperty().get().parties().getFirst();
        assertThat(stored).extracting(Party::ethnicity, Party::birthDate, Party::age, Party::occupation)
                .containsExactly("汉族", LocalDate.of(1949, 12, 31), 72, "退休职工");
        assertThat(editor.details().parties().getFirst().birthDateProperty().get())
                .isEqualTo(FormInput.text(LocalDate.of(1949, 12, 31)));
    }

    @Test
    void changingAnAgentMakesTheFormUnsavedAndABlankAgentDoesNot() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel party = editor.details().addParty();
        party.nameProperty().set("张某");
        party.addAgent().nameProperty().set("王五");
        editor.details().save();
        AgentRowViewModel agent = editor.details().parties().getFirst().agents().getFirst();
        assertThat(editor.dirtyProperty().get()).isFalse();

        agent.phoneProperty().set("13987654321");
        assertThat(editor.dirtyProperty().get()).isTrue();
        agent.phoneProperty().set("");
        assertThat(editor.dirtyProperty().get()).as("back as it was").isFalse();

        editor.details().parties().getFirst().addAgent();
        assertThat(editor.dirtyProperty().get()).as("an empty agent is no agent").isFalse();
        editor.details().parties().getFirst().removeAgent(agent);
        assertThat(editor.dirtyProperty().get()).isTrue();
    }
}
