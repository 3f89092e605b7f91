package cn.mediationdesk.gui.agenda;

import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.logic.agenda.AgendaFixture;
import cn.mediationdesk.logic.agenda.AgendaKind;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.agenda.AgendaFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The agenda's view model without a screen: rows, late marks, the kind filter, the days chosen, opening a lead. */
class AgendaViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;
    AgendaFixture f;
    final List<UUID> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        f = new AgendaFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AgendaViewModel viewModel(User user) {
        return new AgendaViewModel(f.agenda(), user, CHINESE, f.clock, new CurrentThreadTaskExecutor(),
                new LeadOpener() {
                    @Override
                    public void open(UUID leadId) {
                        opened.add(leadId);
                    }

                    @Override
                    public void openNew() {
                        throw new AssertionError("the agenda opens existing leads only");
                    }
                });
    }

    @Test
    void listsTheItemsSoonestFirstWithLateOnesMarkedAndOpensALead() {
        Lead late = f.mediating(f.committeeA, TODAY.minusDays(31));
        Lead followUp = f.resolved(f.committeeA, TODAY.minusDays(3), AgreementForm.ORAL, null);
        AgendaViewModel vm = viewModel(f.mediatorA);
        vm.load();

        // January's and February's monthly reports are late too
        assertThat(vm.rows()).extracting(AgendaViewModel.Row::dueOn)
                .containsExactly("2026-02-05", "2026-03-05", "2026-03-09");
        AgendaViewModel.Row lateRow = vm.rows().getLast();
        assertThat(lateRow.late()).isTrue();
        assertThat(lateRow.kindText()).isEqualTo("调解期限");
        assertThat(lateRow.number()).isEqualTo(late.caseNumber().text());
        assertThat(vm.rows().getFirst().summary()).isEqualTo("2026-01 月报尚未签报");
        assertThat(vm.lateCountProperty().get()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).isEqualTo("共 3 项，其中逾期 3 项");

        vm.open(vm.rows().getFirst());
        assertThat(opened).as("a monthly report opens no lead").isEmpty();
        vm.open(lateRow);
        assertThat(opened).containsExactly(late.id());

        vm.daysProperty().set(14);
        assertThat(vm.rows()).extracting(AgendaViewModel.Row::leadId).contains(followUp.id());
    }

    @Test
    void theKindFilterShowsOneKindAndEveryKindAgain() {
        f.mediating(f.committeeA, TODAY.minusDays(31));
        AgendaViewModel vm = viewModel(f.mediatorA);
        vm.load();
        vm.kindProperty().set(AgendaKind.MONTHLY_REPORT);
        assertThat(vm.rows()).hasSize(2).allMatch(r -> r.kind() == AgendaKind.MONTHLY_REPORT);
        assertThat(vm.statusProperty().get()).isEqualTo("共 2 项，其中逾期 2 项");
        vm.kindProperty().set(null);
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.kindName(null)).isEqualTo("全部事项");
        assertThat(vm.daysName(0)).isEqualTo("只看今天");
        assertThat(vm.daysName(7)).isEqualTo("今后 7 天");
    }

    @Test
    void aViewerSeesTheReportsOnlyAndNobodySignedInIsToldWhy() {
        f.mediating(f.committeeA, TODAY.minusDays(31));
        AgendaViewModel viewer = viewModel(f.viewer);
        viewer.load();
        assertThat(viewer.rows()).isNotEmpty().allMatch(r -> r.kind() == AgendaKind.MONTHLY_REPORT);

        AgendaViewModel nobody = viewModel(null);
        nobody.load();
        assertThat(nobody.rows()).isEmpty();
        assertThat(nobody.statusProperty().get()).isNotEmpty().isNotEqualTo("没有到期或逾期的事项");
    }

    @Test
    void theSettingsCardSavesForAnAdministratorAndShowsARangeProblemAtItsField() {
        AgendaSettingsViewModel admin = new AgendaSettingsViewModel(f.agenda(), f.admin, CHINESE,
                new CurrentThreadTaskExecutor());
        admin.load();
        assertThat(admin.warnDaysProperty().get()).isEqualTo("5");
        assertThat(admin.followUpDaysProperty().get()).isEqualTo("15");
        admin.warnDaysProperty().set("61");
        admin.save();
        assertThat(admin.warnDaysProblemProperty().get()).isEqualTo("应在 0 到 60 天之间");
        assertThat(f.agenda().settings().warnDays()).isEqualTo(5);
        admin.warnDaysProperty().set("10");
        admin.followUpDaysProperty().set("20");
        admin.save();
        assertThat(admin.savedProperty().get()).isTrue();
        assertThat(f.agenda().settings().warnDays()).isEqualTo(10);
        assertThat(f.agenda().settings().followUpDays()).isEqualTo(20);

        AgendaSettingsViewModel mediator = new AgendaSettingsViewModel(f.agenda(), f.mediatorA, CHINESE,
                new CurrentThreadTaskExecutor());
        assertThat(mediator.canChange()).isFalse();
        mediator.load();
        mediator.save();
        assertThat(mediator.savedProperty().get()).isFalse();
        assertThat(f.agenda().settings().warnDays()).as("the service refused").isEqualTo(10);
    }
}
