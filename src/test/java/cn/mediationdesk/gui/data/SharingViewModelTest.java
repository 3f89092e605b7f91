package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.settings.SharedConnectionViewModel;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 共享 tab and the settings screen's "connect to a shared database", end to end without a screen:
 * an administrator shares, another PC (its own settings folder) tests the shown string and password,
 * keeps them for the next start, and goes back to its own database.
 */
class SharingViewModelTest {
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;
    private Database database;
    private User admin;
    private User mediator;
    private SharingViewModel sharing;

    @BeforeEach
    void sampleWithAccounts() {
        database = GuiTestData.createDatabase(dir.resolve("data").resolve("mediationdesk"));
        UserService users = new UserService(database, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = database.read(tx -> tx.organization().committees().getFirst().id());
        mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
    }

    @AfterEach
    void close() {
        if (sharing != null) {
            sharing.stop();
        }
        database.close();
    }

    private SharingViewModel sharingAs(User actor) {
        return new SharingViewModel(new SharingService(database, CLOCK, actor, dir.resolve("server-settings")), actor,
                CHINESE, new CurrentThreadTaskExecutor(), new RecordingDialogService());
    }

    @Test
    void onlyAnAdministratorIsOfferedSharing() {
        assertThat(sharingAs(admin).offered()).isTrue();
        assertThat(sharingAs(mediator).offered()).isFalse();
    }

    @Test
    void anotherPcTestsAndKeepsTheShownStringAndPassword() {
        sharing = sharingAs(admin);
        int port = freePort();
        sharing.portProperty().set(String.valueOf(port));
        sharing.start();
        assertThat(sharing.servingProperty().get()).as(sharing.messageProperty().get()).isTrue();
        String password = sharing.passwordProperty().get();
        assertThat(password).isNotBlank();

        SavedConnection otherPc = SavedConnection.in(dir.resolve("client-settings"));
        SharedConnectionViewModel connection = new SharedConnectionViewModel(otherPc, CHINESE,
                new CurrentThreadTaskExecutor());
        connection.addressProperty().set("127.0.0.1");
        connection.portProperty().set(String.valueOf(port));
        connection.passwordProperty().set("WRONG-" + password.substring(6));
        connection.save();
        assertThat(connection.succeededProperty().get()).isFalse();
        assertThat(connection.messageProperty().get()).contains("密码不对");
        assertThat(otherPc.url()).as("nothing kept that does not work").isEmpty();

        connection.passwordProperty().set(password);
        connection.save();
        assertThat(connection.succeededProperty().get()).as(connection.messageProperty().get()).isTrue();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mediationdesk";
        assertThat(otherPc.url()).contains(url);
        assertThat(otherPc.passwordFor(url)).contains(password);
        assertThat(connection.currentProperty().get()).contains(url);

        // a new password: the kept one no longer opens it
        sharing.newPassword();
        assertThat(sharing.passwordProperty().get()).isNotEqualTo(password);
        connection.test();
        assertThat(connection.succeededProperty().get()).isFalse();

        connection.useOwnDatabase();
        assertThat(otherPc.url()).isEmpty();
        assertThat(otherPc.passwordFor(url)).isEmpty();

        sharing.stop();
        assertThat(sharing.servingProperty().get()).isFalse();
        connection.passwordProperty().set(sharing.passwordProperty().get());
        connection.test();
        assertThat(connection.messageProperty().get()).contains("连不上");
    }

    @Test
    void aPortInUseIsSaidPlainly() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            sharing = sharingAs(admin);
            sharing.portProperty().set(String.valueOf(taken.getLocalPort()));
            sharing.start();
            assertThat(sharing.servingProperty().get()).isFalse();
            assertThat(sharing.messageProperty().get()).contains("已被其他程序占用");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
