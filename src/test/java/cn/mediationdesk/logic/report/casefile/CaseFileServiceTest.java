package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.report.casefile.CaseFileService.IncompleteFile;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Retention;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the 立卷人 writes on a file, who may write it, and the list of incomplete closed files. */
class CaseFileServiceTest {
    private static final LocalDate FROM = LocalDate.of(2022, 1, 1);
    private static final LocalDate TO = LocalDate.of(2022, 6, 30);

    @TempDir
    Path dir;
    RoleFixture f;

    @BeforeEach
    void open() {
        f = new RoleFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private CaseFileService as(User user) {
        return new CaseFileService(f.database, RoleFixture.CLOCK, user);
    }

    private Lead closedLeadOf(long committeeId) {
        var row = new LeadSearchService(f.database, f.admin).search(LeadFilter.all(TO).withCommittee(committeeId)
                .withColumn(TallyColumn.RESOLVED), LeadSort.DEFAULT, 0, 1).rows().getFirst();
        return new LifecycleService(f.database, RoleFixture.CLOCK, f.admin).file(row.id()).lead();
    }

    private static CaseFileInfo filled(UUID id, LocalDate filedOn) {
        return new CaseFileInfo(id, "  张三与李四邻里纠纷 ", "李立卷", filedOn, Retention.LONG, "经两次调解达成协议。", "原件存档",
                "  ", "周检查");
    }

    private static List<String> problemKeys(Executable call) {
        return assertThrows(ValidationException.class, call).problems().stream().map(Problem::key).toList();
    }

    private static String refusal(Executable call) {
        return assertThrows(PermissionDeniedException.class, call).problem().key();
    }

    @Test
    void theCommitteesDirectorFillsInTheFileAndTheChangeIsAudited() {
        Lead lead = closedLeadOf(f.committeeA.id());
        CaseFileInfo saved = as(f.directorA).save(lead.id(), filled(lead.id(), lead.closedOn().plusDays(3)));

        assertThat(saved.title()).isEqualTo("张三与李四邻里纠纷");
        assertThat(saved.remarks()).as("blank is not written").isNull();
        assertThat(as(f.directorA).info(lead.id())).isEqualTo(saved);
        assertThat(as(f.directorA).gaps(lead.id())).doesNotContain(CaseFileGap.COVER_NOT_FILLED,
                CaseFileGap.CLOSING_REPORT_MISSING);
        List<AuditEntry> history = new AuditService(f.database, RoleFixture.CLOCK, f.admin).history(lead.id()).entries();
        assertThat(history.getLast().action()).isEqualTo(AuditAction.LEAD_CASE_FILE.code());
        assertThat(history.getLast().actor()).isEqualTo("director");
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsWritten() {
        Lead lead = closedLeadOf(f.committeeA.id());
        CaseFileService service = as(f.directorA);
        CaseFileInfo tooLong = new CaseFileInfo(lead.id(), "卷".repeat(201), "名".repeat(51), LocalDate.of(2024, 7, 1),
                null, "报".repeat(4001), "说".repeat(2001), "备".repeat(2001), "查".repeat(51));

        assertThat(problemKeys(() -> service.save(lead.id(), tooLong))).containsExactly("casefile.title.tooLong",
                "casefile.filedBy.tooLong", "casefile.checkedBy.tooLong", "casefile.closingReport.tooLong",
                "casefile.fileNote.tooLong", "casefile.remarks.tooLong", "casefile.filedOn.future");
        assertThat(problemKeys(() -> service.save(lead.id(), filled(lead.id(), lead.closedOn().minusDays(1)))))
                .containsExactly("casefile.filedOn.beforeClose");
        assertThat(service.info(lead.id())).isEqualTo(CaseFileInfo.empty(lead.id()));
        assertThat(new AuditService(f.database, RoleFixture.CLOCK, f.admin).history(lead.id()).entries())
                .extracting(AuditEntry::action).doesNotContain(AuditAction.LEAD_CASE_FILE.code());
    }

    @Test
    void onlyThoseWhoMayReadTheCaseReadOrWriteItsFile() {
        Lead ofA = closedLeadOf(f.committeeA.id());
        CaseFileInfo info = filled(ofA.id(), ofA.closedOn());

        assertThat(refusal(() -> as(f.mediatorB).save(ofA.id(), info))).isEqualTo("permission.otherCommittee");
        assertThat(refusal(() -> as(f.mediatorB).gaps(ofA.id()))).isEqualTo("permission.otherCommittee");
        assertThat(refusal(() -> as(f.viewer).info(ofA.id()))).isEqualTo("permission.viewerNoCases");
        assertThat(refusal(() -> as(f.viewer).incomplete(FROM, TO, null))).isEqualTo("permission.viewerNoCases");
        assertThat(refusal(() -> as(f.mediatorB).incomplete(FROM, TO, f.committeeA.id())))
                .isEqualTo("permission.otherCommittee");
        assertThat(as(f.directorA).info(ofA.id())).isEqualTo(CaseFileInfo.empty(ofA.id()));
    }

    @Test
    void theIncompleteFilesOfAPeriodAreTheCasesClosedInItWhoseFilesLackSomething() throws SQLException {
        // No demo case has its cover filled in: every case closed in the period is incomplete.
        List<IncompleteFile> ofA = as(f.directorA).incomplete(FROM, TO, null);
        assertThat(ofA).hasSize(closedBetween(FROM, TO, f.committeeA.id())).isNotEmpty();
        assertThat(ofA).allSatisfy(file -> {
            assertThat(file.closedOn()).isBetween(FROM, TO);
            assertThat(file.gaps()).contains(CaseFileGap.COVER_NOT_FILLED);
        }).isSortedAccordingTo(Comparator.comparing(IncompleteFile::closedOn));
        assertThat(as(f.admin).incomplete(FROM, TO, null)).hasSize(closedBetween(FROM, TO, null));

        IncompleteFile first = ofA.getFirst();
        as(f.directorA).save(first.leadId(), filled(first.leadId(), first.closedOn()));
        IncompleteFile again = as(f.directorA).incomplete(FROM, TO, null).stream()
                .filter(file -> file.leadId().equals(first.leadId())).findFirst().orElse(null);
        if (again != null) {
            assertThat(again.gaps()).doesNotContain(CaseFileGap.COVER_NOT_FILLED, CaseFileGap.CLOSING_REPORT_MISSING);
        }
        assertThat(problemKeys(() -> as(f.directorA).incomplete(TO, FROM, null))).containsExactly("casefile.period.reversed");
    }

    /** Counted by the database itself, not by the code under test. */
    private int closedBetween(LocalDate from, LocalDate to, Long committeeId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM lead WHERE accepted_on IS NOT NULL AND closed_on BETWEEN ? AND ?"
                + (committeeId == null ? "" : " AND committee_id = ?");
        try (Connection connection = TestStores.connect(f.database);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            if (committeeId != null) {
                statement.setLong(3, committeeId);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
