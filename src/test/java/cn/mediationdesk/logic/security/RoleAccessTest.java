package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.lifecycle.Correction;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * DESIGN §9 role by role, at the services every screen and command goes through: an
 * administrator, the director of one committee, a mediator of another and a viewer, on the demo.
 */
class RoleAccessTest {
    private static final Clock CLOCK = RoleFixture.CLOCK;
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    @TempDir
    Path dir;
    private RoleFixture fixture;
    private Database database;
    private Committee committeeA;
    private Committee committeeB;
    private User admin;
    private User directorA;
    private User mediatorB;
    private User viewer;

    @BeforeEach
    void setUp() {
        fixture = new RoleFixture(dir);
        database = fixture.database;
        committeeA = fixture.committeeA;
        committeeB = fixture.committeeB;
        admin = fixture.admin;
        directorA = fixture.directorA;
        mediatorB = fixture.mediatorB;
        viewer = fixture.viewer;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String refusal(Executable call) {
        return assertThrows(PermissionDeniedException.class, call).problem().key();
    }

    private List<Lead> leadsOf(User actor, Long committeeId) {
        LeadFilter filter = LeadFilter.all(AS_OF).withCommittee(committeeId);
        List<Lead> leads = new ArrayList<>();
        LifecycleService lifecycle = new LifecycleService(database, CLOCK, actor);
        new LeadSearchService(database, actor).search(filter, LeadSort.DEFAULT, 0, 1000).rows()
                .forEach(row -> leads.add(lifecycle.file(row.id()).lead()));
        return leads;
    }

    @Test
    void theLedgerSearchListsOnlyTheCommitteesAnActorMayRead() {
        long all = new LeadSearchService(database, admin).count(LeadFilter.all(AS_OF));
        long ofA = new LeadSearchService(database, admin).count(LeadFilter.all(AS_OF).withCommittee(committeeA.id()));
        assertThat(ofA).isPositive().isLessThan(all);

        assertThat(new LeadSearchService(database, directorA).count(LeadFilter.all(AS_OF)))
                .as("a director without a committee filter sees their own committee's leads").isEqualTo(ofA);
        assertThat(refusal(() -> new LeadSearchService(database, mediatorB)
                .count(LeadFilter.all(AS_OF).withCommittee(committeeA.id())))).isEqualTo("permission.otherCommittee");
        assertThat(refusal(() -> new LeadSearchService(database, viewer).count(LeadFilter.all(AS_OF))))
                .isEqualTo("permission.viewerNoCases");
    }

    @Test
    void pagingByKeyIsHeldToTheSameCommitteesAsPagingByPlace() {
        LeadSearchService ofAdmin = new LeadSearchService(database, admin);
        var rows = ofAdmin.page(LeadFilter.all(AS_OF), LeadSort.DEFAULT, 0, 1000);
        var middle = rows.get(rows.size() / 2).key();
        var afterOfA = new LeadSearchService(database, directorA).pageAfter(LeadFilter.all(AS_OF), LeadSort.DEFAULT,
                middle, 1000);
        var beforeOfA = new LeadSearchService(database, directorA).pageBefore(LeadFilter.all(AS_OF), LeadSort.DEFAULT,
                middle, 1000);

        assertThat(afterOfA).as("a director goes on through their own committee's leads only").isNotEmpty()
                .allSatisfy(row -> assertThat(row.committeeName()).isEqualTo(committeeA.name()));
        assertThat(beforeOfA).allSatisfy(row -> assertThat(row.committeeName()).isEqualTo(committeeA.name()));
        assertThat(refusal(() -> new LeadSearchService(database, mediatorB)
                .pageAfter(LeadFilter.all(AS_OF).withCommittee(committeeA.id()), LeadSort.DEFAULT, middle, 10)))
                .isEqualTo("permission.otherCommittee");
        assertThat(refusal(() -> new LeadSearchService(database, viewer)
                .pageBefore(LeadFilter.all(AS_OF), LeadSort.DEFAULT, middle, 10))).isEqualTo("permission.viewerNoCases");
    }

    @Test
    void aCaseIsReadAndChangedOnlyWithinTheActorsOwnCommittee() {
        Lead leadOfA = leadsOf(admin, committeeA.id()).getFirst();

        assertThat(new LifecycleService(database, CLOCK, directorA).file(leadOfA.id()).lead().id())
                .isEqualTo(leadOfA.id());
        assertThat(refusal(() -> new LifecycleService(database, CLOCK, mediatorB).file(leadOfA.id())))
                .isEqualTo("permission.otherCommittee");
        assertThat(refusal(() -> new LifecycleService(database, CLOCK, viewer).file(leadOfA.id())))
                .isEqualTo("permission.viewerNoCases");
        assertThat(refusal(() -> new CaseDocumentService(database, CLOCK, viewer).documents(leadOfA.id(), false)))
                .isEqualTo("permission.viewerNoCases");
        assertThat(refusal(() -> new CaseDocumentService(database, CLOCK, mediatorB).documents(leadOfA.id(), true)))
                .isEqualTo("permission.otherCommittee");
        assertThat(new CaseDocumentService(database, CLOCK, directorA).documents(leadOfA.id(), true)).isNotNull();
    }

    @Test
    void onlyADirectorOrAnAdministratorCorrects() {
        Lead leadOfB = leadsOf(admin, committeeB.id()).stream().filter(l -> l.verificationResult() != null)
                .findFirst().orElseThrow();
        Correction sameAgain = new Correction(leadOfB.verifiedOn(), leadOfB.verificationResult(),
                leadOfB.duplicateOfId(), leadOfB.transferredTo(), leadOfB.acceptedOn(), leadOfB.declinedOn(),
                leadOfB.declinedBy(), leadOfB.outcome(),
                leadOfB.closedOn(), null, "核对");
        int before = database.read(tx -> tx.leads().transitions(leadOfB.id()).size());

        assertThat(refusal(() -> new LifecycleService(database, CLOCK, mediatorB)
                .correct(leadOfB.id(), leadOfB.version(), sameAgain))).isEqualTo("permission.directorOnly");
        assertThat(refusal(() -> new LifecycleService(database, CLOCK, directorA)
                .correct(leadOfB.id(), leadOfB.version(), sameAgain))).isEqualTo("permission.otherCommittee");
        int after = database.read(tx -> tx.leads().transitions(leadOfB.id()).size());
        assertThat(after).as("a refusal writes nothing").isEqualTo(before);
    }

    @Test
    void aggregatesAreEveryonesButLedgerRowsFollowTheRole() {
        TallyQuery year = new TallyQuery(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1), AS_OF, AS_OF, null, null);
        assertThat(new TallyService(database).summarize(year).total().counts().leads()).isEqualTo(87);
        assertThat(new ReportService(database, CLOCK, viewer).districtSummary(year.from(), year.to(), AS_OF)).isNotNull();

        List<String> committeesSeen = new ArrayList<>();
        new ReportService(database, CLOCK, mediatorB).ledgerRows(year, row -> committeesSeen.add(row.committeeName()));
        assertThat(committeesSeen).isNotEmpty().containsOnly(committeeB.name());
        assertThat(refusal(() -> new ReportService(database, CLOCK, viewer).ledgerRows(year, row -> { })))
                .isEqualTo("permission.viewerNoCases");
        assertThat(refusal(() -> new ReportService(database, CLOCK, null).ledgerRows(year, row -> { })))
                .isEqualTo("permission.signInNeeded");
    }

    @Test
    void theOrganizationIsChangedByAnAdministratorOnly() {
        assertThat(refusal(() -> new OrganizationService(database, directorA).createCommunity("SQ900", "新社区")))
                .isEqualTo("user.permission.adminOnly");
        assertThat(new OrganizationService(database, admin).createCommunity("SQ900", "新社区").item().name())
                .isEqualTo("新社区");
    }

    @Test
    void aMediatorImportsOnlyTheirOwnCommitteesRowsAndAViewerNothing() throws IOException {
        Path ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, String.join("\n",
                "发现日期,线索来源,社区,调委会,纠纷类型,简要情况",
                "2023-05-01,主动排查," + communityOf(committeeB) + "," + committeeB.name() + ",邻里,楼上漏水",
                "2023-05-02,主动排查," + communityOf(committeeB) + "," + committeeA.name() + ",邻里,噪音扰民",
                ""), StandardCharsets.UTF_8);
        long leads = database.read(tx -> tx.leads().count());

        assertThat(refusal(() -> new LedgerImporter(database, CLOCK, mediatorB)
                .importLedger(ledger, new ImportOptions(false, false, null)))).isEqualTo("permission.import.otherCommittee");
        assertThat(refusal(() -> new LedgerImporter(database, CLOCK, viewer)
                .importLedger(ledger, new ImportOptions(true, false, null)))).isEqualTo("permission.viewerNoCases");
        long after = database.read(tx -> tx.leads().count());
        assertThat(after).as("nothing written").isEqualTo(leads);

        assertThat(new LedgerImporter(database, CLOCK, admin).importLedger(ledger, new ImportOptions(false, false, null))
                .added()).isEqualTo(2);
    }

    private String communityOf(Committee committee) {
        return new OrganizationService(database, admin).chart().communities().stream()
                .filter(c -> committee.communityId() != null && c.id() == committee.communityId())
                .findFirst().orElseThrow().name();
    }
}
