package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerPartiesTest {

    @Test
    void readsNamesAndRolesSeparatedByEitherSemicolon() {
        assertThat(parties("张某(申请人);李某(被申请人)；王某(第三人)")).isEqualTo(List.of(
                new LedgerParty("张某", PartyRole.APPLICANT),
                new LedgerParty("李某", PartyRole.RESPONDENT),
                new LedgerParty("王某", PartyRole.OTHER)));
    }

    @Test
    void acceptsFullWidthParenthesesAndBlanksAroundThem() {
        assertThat(parties(" 周某某（申请人） ； 郭某 ( 被申请人 ) ")).isEqualTo(List.of(
                new LedgerParty("周某某", PartyRole.APPLICANT),
                new LedgerParty("郭某", PartyRole.RESPONDENT)));
    }

    @Test
    void aBareNameIsAnOtherPartyAndEmptyEntriesAreSkipped() {
        assertThat(parties("张某;;李某();")).isEqualTo(List.of(
                new LedgerParty("张某", PartyRole.OTHER),
                new LedgerParty("李某", PartyRole.OTHER)));
    }

    @Test
    void knowsTheEnglishRoleNamesTheCodesAndTheUsualSynonyms() {
        assertThat(parties("Zhang(applicant);Li(Respondent);Wang(OTHER);Zhao(third party)")).isEqualTo(List.of(
                new LedgerParty("Zhang", PartyRole.APPLICANT),
                new LedgerParty("Li", PartyRole.RESPONDENT),
                new LedgerParty("Wang", PartyRole.OTHER),
                new LedgerParty("Zhao", PartyRole.OTHER)));
        assertThat(parties("甲(申请方);乙(被申请方);丙(其他);丁(其他当事人)")).extracting(LedgerParty::role)
                .containsExactly(PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.OTHER, PartyRole.OTHER);
    }

    @Test
    void refusesEntriesThatAreNotNameAndRole() {
        assertThat(problem("张某(申请人").key()).isEqualTo("ledger.parties.malformed");
        assertThat(problem("(申请人)").key()).isEqualTo("ledger.parties.malformed");
        assertThat(problem("张某(申请人)，李某(被申请人)").key()).isEqualTo("ledger.parties.malformed"); // a comma is no separator
        assertThat(problem("张某(申请人)(户主)").key()).isEqualTo("ledger.parties.malformed");
    }

    @Test
    void anUnreadableRoleIsAProblemNamingThePartyNotAnotherParty() {
        assertThat(problem("张某(申请人);李某(申清人)"))
                .isEqualTo(Problem.of(Field.PARTIES, "ledger.parties.unknownRole", "李某", "申清人"));
        assertThat(problem("Zhang(witness)"))
                .isEqualTo(Problem.of(Field.PARTIES, "ledger.parties.unknownRole", "Zhang", "witness"));
    }

    private static List<LedgerParty> parties(String cell) {
        LedgerParties.Reading reading = LedgerParties.parse(cell);
        assertThat(reading.problem()).as(cell).isNull();
        return reading.parties();
    }

    private static Problem problem(String cell) {
        LedgerParties.Reading reading = LedgerParties.parse(cell);
        assertThat(reading.problem()).as(cell).isNotNull();
        assertThat(reading.parties()).isEmpty();
        return reading.problem();
    }
}
