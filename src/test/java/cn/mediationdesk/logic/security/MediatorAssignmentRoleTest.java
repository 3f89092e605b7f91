package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.model.Lead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §9: changing a case's mediators after acceptance is a director's or an administrator's right. */
class MediatorAssignmentRoleTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RoleFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void aMediatorMayNotReassignButADirectorMay() {
        LifecycleService asAdmin = new LifecycleService(fixture.database, RoleFixture.CLOCK, fixture.admin);
        Lead ofB = acceptedLeadOf(asAdmin, fixture.committeeB.id());
        LeadFile before = asAdmin.file(ofB.id());
        LifecycleService asMediator = new LifecycleService(fixture.database, RoleFixture.CLOCK, fixture.mediatorB);
        assertThatThrownBy(() -> asMediator.assignMediators(ofB.id(), ofB.version(), before.mediatorIds(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(asAdmin.file(ofB.id()).lead().version()).isEqualTo(ofB.version());

        Lead ofA = acceptedLeadOf(asAdmin, fixture.committeeA.id());
        LifecycleService asDirector = new LifecycleService(fixture.database, RoleFixture.CLOCK, fixture.directorA);
        var mediators = asAdmin.file(ofA.id()).mediatorIds();
        asDirector.assignMediators(ofA.id(), ofA.version(), mediators.reversed(), null);
        assertThat(asAdmin.file(ofA.id()).mediatorIds()).containsExactlyElementsOf(mediators.reversed());
    }

    private Lead acceptedLeadOf(LifecycleService asAdmin, long committeeId) {
        return new LeadSearchService(fixture.database, fixture.admin).search(LeadFilter.all(java.time.LocalDate.of(2024, 6, 30)).withCommittee(committeeId),
                LeadSort.DEFAULT, 0, 200)
                .rows().stream().map(row -> asAdmin.file(row.id()).lead()).filter(Lead::isAccepted).findFirst()
                .orElseThrow();
    }
}
