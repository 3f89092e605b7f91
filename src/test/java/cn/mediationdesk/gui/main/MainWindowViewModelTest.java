package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.Store;
import org.junit.jupiter.api.Test;

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
    void theNavigationOffersOnlyScreensThatExist() {
        MainWindowViewModel vm = new MainWindowViewModel(new OpenedDatabase(STORE, "金宝新区"),
                new Localization(Localization.CHINESE));
        assertThat(vm.entries()).containsExactly(NavigationEntry.SUMMARIES);
        assertThat(vm.label(NavigationEntry.SUMMARIES)).isEqualTo("统计汇总");
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.SUMMARIES);
        vm.select(null);
        assertThat(vm.selectedProperty().get()).isEqualTo(NavigationEntry.SUMMARIES);
    }
}
