package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {
    private static final Store STORE = new Store() {
        @Override
        public <R> R read(Work<R> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> R write(Work<R> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String location() {
            return "/home/mediator/.local/share/mediationdesk/mediationdesk.mv.db";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void theStatusBarNamesTheJurisdictionAndWhereTheDataLives() {
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE));
        assertThat(vm.jurisdictionText()).isEqualTo("辖区：金宝新区");
        assertThat(vm.locationText()).isEqualTo("数据库：/home/mediator/.local/share/mediationdesk/mediationdesk.mv.db");
    }

    @Test
    void theStatusBarNamesWhoIsLoggedInAndAsWhat() {
        User user = new User(1, "wangfang", "王芳", Role.ADMIN, null, true, 0, null, Instant.EPOCH, false);
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区").withUser(user),
                new Localization(Localization.CHINESE));
        assertThat(vm.userText()).isEqualTo("用户：王芳（管理员）");
        assertThat(new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"), new Localization(Localization.ENGLISH))
                .userText()).as("nobody logged in").isEmpty();
    }

    @Test
    void theNavigationOffersOnlyScreensThatExist() {
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE));
        assertThat(vm.entries()).contains(NavigationEntry.SUMMARIES, NavigationEntry.SETTINGS);
        assertThat(vm.label(NavigationEntry.SUMMARIES)).isEqualTo("统计汇总");
        assertThat(vm.label(NavigationEntry.SETTINGS)).isEqualTo("设置");
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.DASHBOARD);
        vm.select(null);
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.DASHBOARD);
    }

    @Test
    void theHomePageTheAgendaAndTheLedgerComeFirstAndTheHomePageIsShownFirst() {
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE));
        assertThat(vm.entries()).startsWith(NavigationEntry.DASHBOARD, NavigationEntry.AGENDA, NavigationEntry.LEDGER,
                NavigationEntry.SUMMARIES);
        assertThat(vm.label(NavigationEntry.DASHBOARD)).isEqualTo("首页");
        assertThat(vm.label(NavigationEntry.LEDGER)).isEqualTo("线索台账");
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.DASHBOARD);
    }

    @Test
    void askingForLeadsShowsTheLedgerWithThemEvenWhenTheSameLeadsAreAskedForTwice() {
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE));
        List<LeadFilter> heard = new ArrayList<>();
        vm.ledgerRequestProperty().addListener((obs, old, now) -> {
            if (now != null) {
                heard.add(now);
            }
        });
        LeadFilter resolved = LeadFilter.all(LocalDate.of(2022, 12, 31)).withColumn(TallyColumn.RESOLVED);
        vm.openLedger(resolved);
        vm.select(NavigationEntry.DASHBOARD);
        vm.openLedger(resolved);
        assertThat(heard).containsExactly(resolved, resolved);
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.LEDGER);
        assertThat(vm.ledgerRequestProperty().get()).isEqualTo(resolved);
    }

    private static User userAs(Role role) {
        return new User(2, "someone", "某人", role, role.belongsToACommittee() ? 1L : null, true, 0, null,
                Instant.EPOCH, false);
    }

    private static MainWindowViewModel windowOf(Role role, Runnable logOut) {
        return new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区").withUser(userAs(role)),
                new Localization(Localization.CHINESE), logOut);
    }

    @Test
    void eachRoleIsOfferedItsOwnScreens() {
        assertThat(windowOf(Role.ADMIN, null).entries()).containsExactly(NavigationEntry.DASHBOARD,
                NavigationEntry.AGENDA, NavigationEntry.LEDGER, NavigationEntry.SUMMARIES, NavigationEntry.MONTHLY,
                NavigationEntry.CASE_FILES, NavigationEntry.REPEATS, NavigationEntry.ORGANIZATION,
                NavigationEntry.DATA,
                NavigationEntry.USERS, NavigationEntry.AUDIT, NavigationEntry.SETTINGS);
        assertThat(windowOf(Role.DIRECTOR, null).entries()).doesNotContain(NavigationEntry.USERS)
                .contains(NavigationEntry.LEDGER, NavigationEntry.AUDIT);
        assertThat(windowOf(Role.MEDIATOR, null).entries()).doesNotContain(NavigationEntry.USERS, NavigationEntry.AUDIT)
                .contains(NavigationEntry.CASE_FILES, NavigationEntry.REPEATS, NavigationEntry.MONTHLY);
        // a viewer's agenda holds the committees' monthly reports only
        assertThat(windowOf(Role.VIEWER, null).entries()).containsExactly(NavigationEntry.DASHBOARD,
                NavigationEntry.AGENDA, NavigationEntry.SUMMARIES, NavigationEntry.SETTINGS);
        assertThat(windowOf(Role.ADMIN, null).label(NavigationEntry.USERS)).isEqualTo("用户");
    }

    @Test
    void aViewerIsNeverTakenToTheLedger() {
        MainWindowViewModel vm = windowOf(Role.VIEWER, null);
        vm.select(NavigationEntry.LEDGER);
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.DASHBOARD);
        vm.openLedger(LeadFilter.of(cn.mediationdesk.logic.tally.TallyQuery.of(
                cn.mediationdesk.logic.tally.Grouping.MONTH, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 12, 31)), TallyColumn.LEADS));
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.DASHBOARD);
        assertThat(vm.ledgerRequestProperty().get()).isNull();
    }

    @Test
    void logOutIsOfferedToSomeoneLoggedIn() {
        List<String> calls = new ArrayList<>();
        MainWindowViewModel vm = windowOf(Role.MEDIATOR, () -> calls.add("out"));
        assertThat(vm.canLogOut()).isTrue();
        assertThat(vm.logOutText()).isEqualTo("退出登录");
        vm.logOut();
        assertThat(calls).containsExactly("out");
        MainWindowViewModel nobody = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE), () -> calls.add("nobody"));
        assertThat(nobody.canLogOut()).isFalse();
        nobody.logOut();
        assertThat(calls).containsExactly("out");
    }
}
