package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Role;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator adds a viewer on the Users screen and logs out; the viewer logs in, replaces the
 * password the administrator chose, and sees the counts only.
 */
class UsersFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void anAddedViewerChangesThePasswordAtTheFirstLoginAndSeesCountsOnly() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");

        DesktopFxSupport.waitUntil(() -> desktop.labelled("用户").isPresent());
        desktop.robot().clickOn(desktop.labelled("用户").orElseThrow());
        desktop.waitFor("#users-table");
        desktop.type("#user-username", "lingdao");
        desktop.type("#user-name", "刘局");
        @SuppressWarnings("unchecked")
        ComboBox<Role> role = desktop.robot().lookup("#user-role").queryAs(ComboBox.class);
        desktop.robot().interact(() -> role.setValue(Role.VIEWER));
        desktop.type("#user-password", "chushi2023");
        desktop.type("#user-password-repeat", "chushi2023");
        desktop.click("#user-save");
        DesktopFxSupport.waitUntil(() -> !desktop.robot().lookup("#users-message").queryAs(Label.class).getText()
                .isEmpty());
        assertThat(desktop.robot().lookup("#users-message").queryAs(Label.class).getText())
                .isEqualTo("已添加用户“lingdao”。首次登录时须修改密码。");
        assertThat(desktop.labelled("需修改密码")).isPresent();

        desktop.click("#log-out");
        desktop.waitFor("#login-username");
        assertThat(desktop.find("#status-user")).isEmpty();
        desktop.type("#login-username", "lingdao");
        desktop.type("#login-password", "chushi2023");
        desktop.click("#login-button");
        DesktopFxSupport.waitUntil(() -> desktop.find("#login-new-password").map(n -> n.isVisible()).orElse(false));
        desktop.type("#login-new-password", "wodemima2023");
        desktop.type("#login-new-password-repeat", "wodemima2023");
        desktop.click("#login-change-button");
        desktop.waitFor("#status-user");

        assertThat(desktop.robot().lookup("#status-user").queryAs(Label.class).getText())
                .isEqualTo("用户：刘局（领导（只看汇总））");
        desktop.waitFor("#dashboard-counts-only");
        assertThat(desktop.labelled("线索台账")).as("a viewer is not offered the ledger").isEmpty();
        assertThat(desktop.labelled("用户")).isEmpty();
        assertThat(desktop.labelled("统计汇总")).isPresent();
    }
}
