package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start on an empty folder, driven through the real window. */
class FirstRunWizardFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void theWizardTakesANewUserFromAnEmptyFolderIntoTheMainWindowLoggedIn() throws Exception {
        Path location = dir.resolve("data").resolve("mediationdesk");
        desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));

        desktop.type("#jurisdiction-name", "石桥镇");
        desktop.click("#wizard-next");

        desktop.type("#admin-username", DesktopFxSupport.ADMIN);
        desktop.type("#admin-display-name", DesktopFxSupport.ADMIN_NAME);
        desktop.type("#admin-password", DesktopFxSupport.PASSWORD);
        desktop.type("#admin-password-repeat", "not the same");
        desktop.click("#wizard-next");
        assertThat(desktop.labelled("两次输入的密码不一致")).as("the mismatch is shown at the field").isPresent();

        desktop.robot().interact(() -> desktop.robot().lookup("#admin-password-repeat")
                .queryAs(TextInputControl.class).clear());
        desktop.type("#admin-password-repeat", DesktopFxSupport.PASSWORD);
        desktop.click("#wizard-next");

        desktop.waitFor("#start-empty");
        assertThat(desktop.robot().lookup("#start-empty").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(Files.exists(dir.resolve("data"))).as("nothing written before the last step").isFalse();
        desktop.click("#wizard-next");

        // The new database's recovery code, once, before the window opens.
        desktop.waitFor("#recovery-code");
        assertThat(desktop.robot().lookup("#recovery-code").queryAs(Label.class).getText())
                .matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}");
        assertThat(desktop.robot().lookup("#recovery-continue").queryButton().isDisabled())
                .as("only once it is written down").isTrue();
        desktop.click("#recovery-copied");
        desktop.click("#recovery-continue");

        desktop.waitFor("#status-user");
        assertThat(desktop.robot().lookup("#status-user").queryAs(Label.class).getText())
                .isEqualTo("用户：王芳（管理员）");
        assertThat(desktop.labelled("辖区：石桥镇")).isPresent();
        assertThat(desktop.labelled("数据库：" + location + ".mv.db")).isPresent();
        assertThat(desktop.labelled("设置")).as("the navigation").isPresent();
    }
}
