package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;

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
        User user = new User(1, "wangfang", "王芳", Role.ADMIN, null, true, 0, null, Instant.EPOCH);
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
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.SUMMARIES);
        vm.select(null);
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.SUMMARIES);
    }
}
