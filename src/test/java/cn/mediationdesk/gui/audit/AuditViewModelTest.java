package cn.mediationdesk.gui.audit;

import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The 审计日志 screen without a screen: filters, a lead's history field by field, the chain's check. */
class AuditViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

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

    private AuditViewModel screenOf(User user) {
        OrganizationService organization = new OrganizationService(f.database, user);
        return new AuditViewModel(new AuditService(f.database, RoleFixture.CLOCK, user),
                user.isAdmin() ? () -> organization.chart().committees() : null, CHINESE,
                RoleFixture.CLOCK.getZone(), new CurrentThreadTaskExecutor());
    }

    @Test
    void anAdministratorFiltersByPersonAndSeesALeadsHistoryFieldByField() {
        AuditViewModel screen = screenOf(f.admin);
        screen.load();
        assertThat(screen.committees()).hasSize(9).first().isNull();
        assertThat(screen.entries()).isNotEmpty();
        assertThat(screen.entries().getFirst().action()).isEqualTo("添加账户");

        screen.actorProperty().set("setup");
        screen.search();
        assertThat(screen.entries()).isNotEmpty().allMatch(row -> row.actor().equals("setup"));
        var registered = screen.entries().stream().filter(row -> row.action().equals("登记线索")).findFirst().orElseThrow();
        assertThat(registered.record()).startsWith("线索 ");
        assertThat(registered.changes()).contains("发现日期");

        screen.selectedProperty().set(registered);
        assertThat(screen.detailsTitleProperty().get()).startsWith("线索 ").contains("的完整历史");
        assertThat(screen.details()).extracting(AuditViewModel.ChangeRow::field)
                .contains("发现日期").anyMatch(field -> field.startsWith("当事人 1 · "));
    }

    @Test
    void aBadPeriodOrAnUnknownNumberIsSaidPlainly() {
        AuditViewModel screen = screenOf(f.admin);
        screen.fromProperty().set(LocalDate.of(2023, 1, 2));
        screen.toProperty().set(LocalDate.of(2023, 1, 1));
        screen.search();
        assertThat(screen.messageProperty().get()).isEqualTo("结束日期不能早于开始日期");

        screen.toProperty().set(null);
        screen.leadNumberProperty().set("没有这个号");
        screen.search();
        assertThat(screen.messageProperty().get()).contains("没有这个号");
    }

    @Test
    void aMediatorIsToldTheTrailIsForSupervisors() {
        AuditViewModel screen = screenOf(f.mediatorB);
        screen.load();
        assertThat(screen.entries()).isEmpty();
        assertThat(screen.messageProperty().get()).isEqualTo("只有管理员和调委会主任可以查看审计日志");
    }

    @Test
    void verifyingNamesALeadEditedBehindTheApplicationsBack() throws Exception {
        AuditViewModel screen = screenOf(f.directorA);
        screen.verify();
        assertThat(screen.intactProperty().get()).isTrue();
        assertThat(screen.verificationProperty().get()).startsWith("审计链完整");

        var row = new LeadSearchService(f.database, f.admin).search(LeadFilter.all(LocalDate.of(2022, 12, 31))
                .withCommittee(f.committeeA.id()), LeadSort.DEFAULT, 0, 1).rows().getFirst();
        Lead lead = new LifecycleService(f.database, RoleFixture.CLOCK, f.admin).file(row.id()).lead();
        f.behindTheApplicationsBack("UPDATE lead SET summary = '改过的' WHERE id = '" + lead.id() + "'");
        AuditViewModel again = screenOf(f.directorA);
        again.verify();
        assertThat(again.intactProperty().get()).isFalse();
        assertThat(again.verificationProperty().get()).contains("审计链发现");
    }
}
