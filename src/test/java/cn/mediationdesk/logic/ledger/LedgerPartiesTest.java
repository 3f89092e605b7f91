package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.PartyRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerPartiesTest {

    @Test
    void readsNamesAndRolesSeparatedByEitherSemicolon() {
        assertThat(LedgerParties.parse("张某(申请人);李某(被申请人)；王某(第三人)")).contains(List.of(
                new LedgerParty("张某", PartyRole.APPLICANT),
                new LedgerParty("李某", PartyRole.RESPONDENT),
                new LedgerParty("王某", PartyRole.OTHER)));
    }

    @Test
    void acceptsFullWidthParenthesesAndBlanksAroundThem() {
        assertThat(LedgerParties.parse(" 周某某（申请人） ； 郭某 ( 被申请人 ) ")).contains(List.of(
                new LedgerParty("周某某", PartyRole.APPLICANT),
                new LedgerParty("郭某", PartyRole.RESPONDENT)));
    }

    @Test
    void aBareNameIsAnOtherPartyAndEmptyEntriesAreSkipped() {
        assertThat(LedgerParties.parse("张某;;李某();")).contains(List.of(
                new LedgerParty("张某", PartyRole.OTHER),
                new LedgerParty("李某", PartyRole.OTHER)));
    }

    @Test
    void knowsTheEnglishRoleNames() {
        assertThat(LedgerParties.parse("Zhang(applicant);Li(Respondent)")).contains(List.of(
                new LedgerParty("Zhang", PartyRole.APPLICANT),
                new LedgerParty("Li", PartyRole.RESPONDENT)));
    }

    @Test
    void refusesEntriesThatAreNotNameAndRole() {
        assertThat(LedgerParties.parse("张某(申请人")).isEmpty();
        assertThat(LedgerParties.parse("(申请人)")).isEmpty();
        assertThat(LedgerParties.parse("张某(申请人)，李某(被申请人)")).isEmpty(); // a comma is no separator
        assertThat(LedgerParties.parse("张某(申请人)(户主)")).isEmpty();
    }
}
