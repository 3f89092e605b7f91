package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A later start: the login page refuses a wrong password in words, then lets the right one in. */
class LoginFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessageAndTheRightOneOpensTheMainWindow() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));

        desktop.type("#login-username", "WangFang");
        desktop.type("#login-password", "jinbao2023");
        desktop.click("#login-button");
        DesktopFxSupport.waitUntil(() -> !desktop.robot().lookup("#login-message").queryAs(Label.class).getText().isEmpty());
        assertThat(desktop.robot().lookup("#login-message").queryAs(Label.class).getText())
                .isEqualTo("用户名或密码不正确。连续输错 5 次，账户将被锁定 15 分钟。");
        assertThat(desktop.robot().lookup("#login-password").queryAs(TextInputControl.class).getText())
                .as("emptied for the next try").isEmpty();
        assertThat(desktop.find("#status-user")).isEmpty();

        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
        assertThat(desktop.robot().lookup("#status-user").queryAs(Label.class).getText())
                .isEqualTo("用户：王芳（管理员）");
        assertThat(desktop.labelled("辖区：" + GuiTestData.JURISDICTION)).isPresent();
    }
}
