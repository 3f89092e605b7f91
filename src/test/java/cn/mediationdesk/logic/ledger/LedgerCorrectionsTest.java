package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A ledger re-imported over a database that has moved on must not roll finished cases back: such
 * rows are refused, each named, unless they are imported as corrections by a director or an
 * administrator, and then every one is on the audit trail as a correction.
 */
class LedgerCorrectionsTest {
    /**
     * ledger_small.csv a second time, but an older copy: S-3 (resolved, oral agreement, row 4) has no
     * outcome yet and only its applicant; S-4 (unfounded, row 5) is not verified yet.
     */
    private static final String BACKWARDS = String.join("\n",
            "线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,涉及人数,涉及金额,风险等级,核实日期,核实结果,受理日期,调解结果,办结日期,协议形式,重复线索编号,移交单位",
            "S-1,2023-01-05,主动排查,南池村,第1网格,南池村人民调解委员会,邻里,刘某与邻居因排水沟发生争执,,,,,,,,,,,,",
            "S-2,2023-01-05,当事人申请,南池村,第1网格,南池村人民调解委员会,邻里,张某与李某因宅基地边界争执,张某(申请人);李某(被申请人),2,3000,黄,2023-01-06,属实,,,,,,",
            "S-3,2023-01-08,网格员上报,南池村,第1网格,南池村人民调解委员会,邻里,赵某拖欠钱某货款,赵某(申请人),2,1500.5,蓝,2023-01-09,属实,2023-01-10,,,,,",
            "S-4,2023-01-09,群众来访,南池村,第1网格,南池村人民调解委员会,邻里,反映噪音扰民经查不实,,,,,,,,,,,,",
            "");

    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private Path backwards;

    @BeforeEach
    void importTheCurrentLedger() throws IOException {
        db = LedgerTestDatabase.create(dir).withNanchi();
        db.importFixture("ledger_small.csv", false);
        backwards = dir.resolve("backwards.csv");
        Files.writeString(backwards, BACKWARDS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportReport importBackwards(User actor, boolean allowCorrections) {
        return new LedgerImporter(db.store, LedgerTestDatabase.CLOCK, actor)
                .importLedger(backwards, new ImportOptions(false, false, null, allowCorrections));
    }

    private Lead lead(String leadNo) {
        return db.store.read(tx -> tx.leads().findByLeadNo(
                tx.organization().committees().getFirst().id(), leadNo).orElseThrow());
    }

    private List<Party> parties(String leadNo) {
        Lead lead = lead(leadNo);
        return db.store.read(tx -> tx.leads().parties(lead.id()));
    }

    private List<AuditEntry> history(String leadNo) {
        Lead lead = lead(leadNo);
        return db.store.read(tx -> AuditTrail.onThisPc(LedgerTestDatabase.CLOCK).history(tx, lead.id()));
    }

    @Test
    void rowsThatWouldRollFinishedLeadsBackAreRefusedEachNamedAndNothingIsWritten() {
        Map<String, Long> before = db.footprint();
        List<String> leads = db.leadLines();

        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> importBackwards(User.setup(), false));

        assertThat(e.problems()).containsExactly(
                new RowProblem(4, "调解结果", Problem.of(Field.OUTCOME, "ledger.correction.reopened",
                        LocalDate.of(2023, 2, 1), "调解成功")),
                new RowProblem(4, "协议形式", Problem.of(Field.AGREEMENT_FORM, "ledger.correction.agreementRemoved", "口头")),
                new RowProblem(4, "当事人", Problem.of(Field.PARTIES, "ledger.correction.partyRemoved", "钱某(被申请人)")),
                new RowProblem(5, "核实结果", Problem.of(Field.VERIFICATION, "ledger.correction.verificationRemoved",
                        "不属实")));
        assertThat(db.footprint()).isEqualTo(before);
        assertThat(db.leadLines()).isEqualTo(leads);
    }

    @Test
    void aDryRunNamesTheSameRows() {
        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> new LedgerImporter(db.store, LedgerTestDatabase.CLOCK, User.setup())
                        .importLedger(backwards, new ImportOptions(true, false, null)));

        assertThat(e.problems()).extracting(RowProblem::row).containsExactly(4, 4, 4, 5);
    }

    @Test
    void withCorrectionsAllowedTheRowsAreAppliedAndAuditedAsCorrections() {
        ImportReport report = importBackwards(User.setup(), true);

        assertThat(report.updated()).isEqualTo(4);
        assertThat(report.corrected()).isEqualTo(2);
        Lead s3 = lead("S-3");
        assertThat(s3.outcome()).isNull();
        assertThat(s3.closedOn()).isNull();
        assertThat(s3.caseNumber().text()).as("a case number stays").isEqualTo("(2023)南池村人调字第002号");
        Optional<Agreement> agreement = db.store.read(tx -> tx.leads().agreement(s3.id()));
        assertThat(agreement).isEmpty();
        assertThat(parties("S-3")).extracting(Party::name, Party::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("赵某", PartyRole.APPLICANT));
        assertThat(lead("S-4").verificationResult()).isNull();

        assertThat(history("S-3").getLast().action()).isEqualTo(AuditAction.LEAD_CORRECT.code());
        assertThat(history("S-4").getLast().action()).isEqualTo(AuditAction.LEAD_CORRECT.code());
        assertThat(history("S-1").getLast().action()).as("an unchanged row is no correction")
                .isEqualTo(AuditAction.IMPORT_ADD.code());
        List<Transition> transitions = db.store.read(tx -> tx.leads().transitions(s3.id()));
        assertThat(transitions).filteredOn(t -> t.kind() == TransitionKind.CORRECTED).extracting(Transition::detail)
                .contains("reason: ledger import backwards.csv, row 4");
    }

    @Test
    void aLedgerThatMovesLeadsForwardNeedsNoCorrections() {
        ImportReport report = db.importFixture("ledger_small_changed.csv", false);

        assertThat(report.corrected()).isZero();
        assertThat(lead("S-2").outcome()).isNotNull();
    }

    @Test
    void changingTheResultOfAFinishedLeadIsACorrectionToo() throws IOException {
        Files.writeString(backwards, BACKWARDS
                .replace("S-4,2023-01-09,群众来访,南池村,第1网格,南池村人民调解委员会,邻里,反映噪音扰民经查不实,,,,,,,,,,,,",
                        "S-4,2023-01-09,群众来访,南池村,第1网格,南池村人民调解委员会,邻里,反映噪音扰民经查不实,,,,,2023-01-12,属实,,,,,,")
                .replace("赵某(申请人),2,1500.5,蓝,2023-01-09,属实,2023-01-10,,,,,",
                        "赵某(申请人);钱某(被申请人),2,1500.5,蓝,2023-01-09,属实,2023-01-10,调解不成,2023-02-01,,,"));

        LedgerRejectedException e = catchThrowableOfType(LedgerRejectedException.class,
                () -> importBackwards(User.setup(), false));

        assertThat(e.problems()).extracting(RowProblem::row, p -> p.problem().key(), p -> p.problem().args())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "ledger.correction.outcomeChanged",
                                List.of(LocalDate.of(2023, 2, 1), "调解成功", "调解不成")),
                        org.assertj.core.groups.Tuple.tuple(4, "ledger.correction.agreementRemoved", List.of("口头")),
                        org.assertj.core.groups.Tuple.tuple(5, "ledger.correction.verificationChanged",
                                List.of("不属实", "属实")));
        importBackwards(User.setup(), true);
        assertThat(lead("S-4").verificationResult()).isEqualTo(VerificationResult.GENUINE);
    }

    @Test
    void onlyADirectorOrAnAdministratorMayImportCorrections() {
        Committee nanchi = db.committees().getFirst();
        UserService users = new UserService(db.store, LedgerTestDatabase.CLOCK, new PasswordHasher(4));
        User admin = users.createFirstAdmin("admin", "管理员", "admin-2024");
        User mediator = users.addUser(admin, "mediator", "调解员", "mediator-1", Role.MEDIATOR, nanchi.id());
        User director = users.addUser(admin, "director", "主任", "director-1", Role.DIRECTOR, nanchi.id());
        Map<String, Long> before = db.footprint();

        PermissionDeniedException refused = catchThrowableOfType(PermissionDeniedException.class,
                () -> importBackwards(mediator, true));
        assertThat(refused.problem()).isEqualTo(Problem.of(Field.USER, "permission.import.correction", 4));
        assertThat(db.footprint()).as("nothing written").isEqualTo(before);

        assertThat(importBackwards(director, true).corrected()).isEqualTo(2);
        assertThat(history("S-3").getLast().actor()).isEqualTo("director");
        assertThat(history("S-3").getLast().action()).isEqualTo(AuditAction.LEAD_CORRECT.code());
    }
}
