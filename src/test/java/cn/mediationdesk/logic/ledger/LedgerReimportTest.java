package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
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

/** A row whose committee and lead number are known updates that lead; importing again changes nothing. */
class LedgerReimportTest {
    @TempDir
    Path dir;
    private LedgerTestDatabase db;

    @BeforeEach
    void open() {
        db = LedgerTestDatabase.create(dir).withNanchi();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void importingTheSameLedgerAgainUpdatesEveryLeadAndChangesNothing() {
        assertThat(db.importFixture("ledger_small.csv", false).added()).isEqualTo(4);
        Map<String, Long> footprint = db.footprint();
        List<String> leads = db.leadLines();

        ImportReport again = db.importFixture("ledger_small.csv", false);

        assertThat(again.added()).isZero();
        assertThat(again.updated()).isEqualTo(4);
        assertThat(db.footprint()).isEqualTo(footprint); // not even a version raised
        assertThat(db.leadLines()).isEqualTo(leads);
    }

    @Test
    void anUpdateKeepsTheLeadItsCaseNumberAndTheDetailsOfKnownParties() {
        db.importFixture("ledger_small.csv", false);
        Lead s2 = lead("S-2");
        Party zhang = parties(s2).getFirst();
        assertThat(s2.caseNumber().text()).isEqualTo("(2023)南池村人调字第001号");
        assertThat(lead("S-3").caseNumber().text()).isEqualTo("(2023)南池村人调字第002号");

        ImportReport report = db.importFixture("ledger_small_changed.csv", false);

        assertThat(report.added()).isZero();
        assertThat(report.updated()).isEqualTo(4);
        Lead updated = lead("S-2");
        assertThat(updated.id()).isEqualTo(s2.id());
        assertThat(updated.caseNumber()).isEqualTo(s2.caseNumber());
        assertThat(updated.dueOn()).isEqualTo(s2.dueOn());
        assertThat(updated.outcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(updated.closedOn()).isEqualTo(LocalDate.of(2023, 2, 10));
        assertThat(updated.peopleCount()).isEqualTo(3);
        assertThat(updated.risk()).isEqualTo(RiskLevel.ORANGE);
        assertThat(updated.version()).isEqualTo(s2.version() + 1);
        assertThat(db.store.read(tx -> tx.leads().agreement(s2.id())).orElseThrow().form()).isEqualTo(AgreementForm.WRITTEN);
        // 张某 is the same party as before; 李某 is gone and 王某 has come in.
        assertThat(parties(updated)).extracting(Party::id, Party::name, Party::role, Party::position).containsExactly(
                tuple(zhang.id(), "张某", PartyRole.APPLICANT, 0),
                tuple(parties(updated).get(1).id(), "王某", PartyRole.OTHER, 1));
        assertThat(transitions(updated)).contains(TransitionKind.CLOSED);
    }

    @Test
    void aLeadAcceptedByTheUpdateGetsTheNextNumberAndItsHistory() {
        db.importFixture("ledger_small.csv", false);

        db.importFixture("ledger_small_changed.csv", false);

        Lead s1 = lead("S-1");
        assertThat(s1.acceptedOn()).isEqualTo(LocalDate.of(2023, 2, 1));
        assertThat(s1.caseNumber().text()).isEqualTo("(2023)南池村人调字第003号");
        assertThat(s1.dueOn()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(transitions(s1)).containsExactlyInAnyOrder(TransitionKind.FOUND, TransitionKind.VERIFIED,
                TransitionKind.ACCEPTED);
        assertThat(lead("S-3").summary()).isEqualTo("赵某拖欠钱某货款，已约定分期归还");
        assertThat(lead("S-4").version()).as("a row that says nothing new leaves its lead alone").isZero();
    }

    @Test
    void reimportingTheChangedLedgerIsIdempotentToo() {
        db.importFixture("ledger_small.csv", false);
        db.importFixture("ledger_small_changed.csv", false);
        Map<String, Long> footprint = db.footprint();
        List<String> leads = db.leadLines();

        assertThat(db.importFixture("ledger_small_changed.csv", false).updated()).isEqualTo(4);

        assertThat(db.footprint()).isEqualTo(footprint);
        assertThat(db.leadLines()).isEqualTo(leads);
    }

    @Test
    void theSameLedgerSavedAsAnXlsWorkbookUpdatesTheSameLeads() {
        db.importFixture("ledger_small.csv", false);
        List<String> leads = db.leadLines();

        ImportReport report = db.importFixture("ledger_small.xls", false);

        assertThat(report.added()).isZero();
        assertThat(report.updated()).isEqualTo(4);
        assertThat(db.leadLines()).isEqualTo(leads);
    }

    @Test
    void rowsWithoutALeadNumberAreAddedEveryTime() {
        assertThat(db.importFixture("no_lead_no.csv", false).added()).isEqualTo(2);
        assertThat(db.importFixture("no_lead_no.csv", false).added()).isEqualTo(2);

        assertThat(db.leadCount()).isEqualTo(4);
    }

    @Test
    void aDuplicatePointsAtALaterRowOfTheFileOrAtALeadAlreadyKept() {
        db.importFixture("ledger_small.csv", false);

        assertThat(db.importFixture("duplicates.csv", false).added()).isEqualTo(3);

        assertThat(lead("D-2").duplicateOfId()).isEqualTo(lead("D-1").id());
        assertThat(lead("D-3").duplicateOfId()).isEqualTo(lead("S-2").id());
    }

    private Lead lead(String leadNo) {
        return db.store.read(tx -> tx.leads().findByLeadNo(
                tx.organization().committees().getFirst().id(), leadNo).orElseThrow());
    }

    private List<Party> parties(Lead lead) {
        return db.store.read(tx -> tx.leads().parties(lead.id()));
    }

    private List<TransitionKind> transitions(Lead lead) {
        return db.store.read(tx -> tx.leads().transitions(lead.id())).stream().map(Transition::kind).toList();
    }
}
