package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.lifecycle.AgentInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A ledger names parties only as 姓名(角色); what the app adds to a party it names (民族, birth date,
 * occupation, agents) survives importing the ledger again, whether the row is the same or has changed.
 */
class LedgerPartyDetailsTest {
    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private LifecycleService lifecycle;

    @BeforeEach
    void importTheLedgerAndAddDetailsInTheApp() {
        db = LedgerTestDatabase.create(dir).withNanchi();
        db.importFixture("ledger_small.csv", false);
        lifecycle = new LifecycleService(db.store, LedgerTestDatabase.CLOCK, User.setup());
        Lead s2 = lead();
        AgentInput son = new AgentInput("张小", AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, "代为签署调解协议", null,
                "13812345678", "之子");
        PartyInput zhang = new PartyInput("张某", Gender.MALE, null, null, "南池村3组", PartyRole.APPLICANT, PartyKind.PERSON,
                "汉族", LocalDate.of(1950, 2, 1), null, "农民", null, null, null, null, List.of(son));
        PartyInput li = new PartyInput("李某", null, null, null, null, PartyRole.RESPONDENT);
        lifecycle.updateDetails(s2.id(), s2.version(), new NewLead(s2.committeeId(), s2.communityId(), s2.gridId(),
                s2.leadNo(), s2.foundOn(), s2.sourceCode(), s2.disputeTypeCode(), s2.summary(), s2.peopleCount(),
                s2.amount(), s2.risk(), s2.criminalRisk(), s2.groupRisk(), List.of(zhang, li)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Lead lead() {
        return db.store.read(tx -> tx.leads().findByLeadNo(tx.organization().committees().getFirst().id(), "S-2")
                .orElseThrow());
    }

    private Party zhang() {
        var leadId = lead().id();
        return db.store.read(tx -> tx.leads().parties(leadId)).stream().filter(p -> p.name().equals("张某"))
                .findFirst().orElseThrow();
    }

    private List<PartyAgent> agents() {
        var leadId = lead().id();
        return db.store.read(tx -> tx.caseFiles().agents(leadId));
    }

    @Test
    void theSameRowAgainLeavesThePartiesAndAgentsAsTheyAre() {
        Party before = zhang();
        List<PartyAgent> agentsBefore = agents();
        Map<String, Long> footprint = db.footprint();
        int version = lead().version();

        db.importFixture("ledger_small.csv", false);

        assertThat(zhang()).isEqualTo(before);
        assertThat(before.ethnicity()).isEqualTo("汉族");
        assertThat(agents()).isEqualTo(agentsBefore).hasSize(1);
        assertThat(db.footprint()).isEqualTo(footprint);
        assertThat(lead().version()).isEqualTo(version);
    }

    @Test
    void aChangedRowKeepsTheDetailsAndAgentsOfThePartiesItStillNames() {
        Party before = zhang();

        // 李某 is gone and 王某 has come in: the parties are written again, 张某 among them.
        db.importFixture("ledger_small_changed.csv", false);

        Party after = zhang();
        assertThat(after).isEqualTo(before);
        assertThat(after).extracting(Party::ethnicity, Party::birthDate, Party::occupation, Party::address)
                .containsExactly("汉族", LocalDate.of(1950, 2, 1), "农民", "南池村3组");
        assertThat(agents()).extracting(PartyAgent::partyId, PartyAgent::name, PartyAgent::authorityScope)
                .containsExactly(tuple(after.id(), "张小", "代为签署调解协议"));
    }
}
