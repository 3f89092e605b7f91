package cn.mediationdesk.logic.audit;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The audit trail as supervisors read it: administrators everything, a director their committee, others nothing. */
class AuditServiceTest {
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    @TempDir
    Path dir;
    private RoleFixture f;

    @BeforeEach
    void setUp() {
        f = new RoleFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AuditService as(cn.mediationdesk.model.User user) {
        return new AuditService(f.database, RoleFixture.CLOCK, user);
    }

    private static String refusal(Executable call) {
        return assertThrows(PermissionDeniedException.class, call).problem().key();
    }

    private Lead firstLeadOf(long committeeId) {
        var row = new LeadSearchService(f.database, f.admin)
                .search(LeadFilter.all(AS_OF).withCommittee(committeeId), LeadSort.DEFAULT, 0, 1).rows().getFirst();
        return new LifecycleService(f.database, RoleFixture.CLOCK, f.admin).file(row.id()).lead();
    }

    @Test
    void theDemoAndTheAccountsAreOnTheTrailAndTheChainIsIntact() {
        List<AuditEntry> newest = as(f.admin).entries(AuditFilter.newest(10)).entries();
        assertThat(newest).extracting(AuditEntry::action).startsWith(AuditAction.ACCOUNT_ADD.code());
        assertThat(as(f.admin).entries(new AuditFilter("setup", null, null, null, null, 1000)).entries())
                .as("the demo's leads, registered before any account existed").isNotEmpty()
                .allMatch(e -> e.actor().equals("setup"));
        AuditVerification verification = as(f.admin).verify();
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entries()).isGreaterThan(100);
    }

    @Test
    void aDirectorReadsTheEntriesOfTheirOwnCommitteeOnly() {
        List<AuditEntry> directors = as(f.directorA).entries(AuditFilter.newest(1000)).entries();
        assertThat(directors).isNotEmpty().allMatch(e -> e.committeeId() != null && e.committeeId() == f.committeeA.id());
        assertThat(refusal(() -> as(f.directorA).entries(
                new AuditFilter(null, null, f.committeeB.id(), null, null, 10)))).isEqualTo("permission.otherCommittee");
        Lead ofB = firstLeadOf(f.committeeB.id());
        assertThat(refusal(() -> as(f.directorA).history(ofB.id()))).isEqualTo("permission.otherCommittee");
        assertThat(as(f.directorA).verify().intact()).isTrue();
    }

    @Test
    void mediatorsAndViewersReadNoTrail() {
        assertThat(refusal(() -> as(f.mediatorB).entries(AuditFilter.newest(10))))
                .isEqualTo("permission.auditSupervisorsOnly");
        assertThat(refusal(() -> as(f.viewer).verify())).isEqualTo("permission.auditSupervisorsOnly");
    }

    @Test
    void aLeadsHistoryShowsEveryChangeAndEveryFullDataPrint() {
        Lead ofA = firstLeadOf(f.committeeA.id());
        new CaseDocumentService(f.database, RoleFixture.CLOCK, f.directorA).documents(ofA.id(), true);
        new CaseDocumentService(f.database, RoleFixture.CLOCK, f.directorA).documents(ofA.id(), false);

        AuditService.Listing history = as(f.directorA).history(ofA.id());
        assertThat(history.entries()).extracting(AuditEntry::action)
                .startsWith(AuditAction.LEAD_REGISTER.code()).endsWith(AuditAction.PRINT_FULL_DATA.code())
                .filteredOn(AuditAction.PRINT_FULL_DATA.code()::equals).hasSize(1);
        assertThat(history.entries().getLast().actor()).isEqualTo("director");
        assertThat(history.leadNumber(ofA.id())).isEqualTo(ofA.caseNumber() == null ? ofA.leadNo()
                : ofA.caseNumber().text());
        String number = history.leadNumber(ofA.id());
        assertThat(as(f.directorA).leadNumbered(number)).contains(ofA.id());
    }
}
