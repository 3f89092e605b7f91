package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.startup.StartupViewModel.Phase;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's start on a PC whose settings chose a shared database: it opens that one, with the kept password. */
class SharedDatabaseStartupTest {
    @TempDir
    Path dir;
    private String settingsBefore;
    private final List<Store> opened = new ArrayList<>();
    private final List<DatabaseLocation> asked = new ArrayList<>();

    @BeforeEach
    void settingsOfTheirOwn() {
        settingsBefore = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
    }

    @AfterEach
    void restore() {
        opened.forEach(Store::close);
        if (settingsBefore == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, settingsBefore);
        }
    }

    private StartupViewModel viewModel() {
        DatabaseOpener recording = (location, create) -> {
            asked.add(location);
            Store store = Database.open(location, create);
            opened.add(store);
            return store;
        };
        return new StartupViewModel(null, recording, null, new PasswordHasher(4), new Localization(Localization.CHINESE),
                GuiTestData.clockOn(LocalDate.of(2023, 3, 1)), new CurrentThreadTaskExecutor(), new RecordingDialogService());
    }

    @Test
    void theChosenSharedDatabaseIsOpenedWithItsKeptPassword() throws Exception {
        int port = freePort();
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                dir.resolve("server").toString()).start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/office";
            // a server database whose account has that password, holding a MediationDesk schema
            java.sql.DriverManager.getConnection(url, "sa", "the-kept-password").close();
            Database.open(new DatabaseLocation.Url(url).withPassword("the-kept-password"), true).close();
            SavedConnection.inSettingsFolder().choose(url, "the-kept-password");

            StartupViewModel vm = viewModel();
            vm.start();

            assertThat(asked).hasSize(1);
            assertThat(asked.getFirst()).isInstanceOfSatisfying(DatabaseLocation.Url.class, u -> {
                assertThat(u.jdbcUrl()).isEqualTo(url);
                assertThat(u.login().password()).isEqualTo("the-kept-password");
            });
            assertThat(vm.phaseProperty().get()).as("opened: no jurisdiction yet").isEqualTo(Phase.SETUP);
            assertThat(vm.openedSavedConnection()).isTrue();
        } finally {
            server.stop();
        }
    }

    @Test
    void aSharedDatabaseThatCannotBeReachedOffersThisPcsOwn() {
        String url = "jdbc:h2:tcp://127.0.0.1:" + freePort() + "/mediationdesk";
        SavedConnection.inSettingsFolder().choose(url, "0000");
        StartupViewModel vm = viewModel();
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.openedSavedConnection()).isTrue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
