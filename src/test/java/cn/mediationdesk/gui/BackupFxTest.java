package cn.mediationdesk.gui;

import cn.mediationdesk.gui.data.BackupViewModel.BackupRow;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backups in the real window: the administrator backs up on the Data screen and restores that
 * backup, after which the window asks everyone to log in again; the window backs up on its own
 * soon after login and when it closes.
 */
class BackupFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    private Path location() {
        return dir.resolve("mediationdesk");
    }

    private List<BackupKind> kinds() {
        return BackupFolder.of(location()).list().stream().map(BackupFolder.Entry::kind).toList();
    }

    private void logIn() throws Exception {
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
    }

    @SuppressWarnings("unchecked")
    private TableView<BackupRow> table() {
        return desktop.robot().lookup("#backupTable").queryAs(TableView.class);
    }

    @Test
    void anAdministratorBacksUpAndRestoresAndLogsInAgainOnTheRestoredDatabase() throws Exception {
        DesktopFxSupport.sampleWithAdministrator(location());
        desktop.start(location(), new MemoryLanguagePreference(Localization.CHINESE));
        logIn();
        // The first backup of the day follows by itself a few seconds after login.
        DesktopFxSupport.waitUntil(() -> kinds().contains(BackupKind.DAILY));
        desktop.robot().clickOn(desktop.labelled("数据").orElseThrow());
        desktop.robot().clickOn(desktop.labelled("备份与恢复").orElseThrow());
        DesktopFxSupport.waitUntil(() -> table().getItems().stream().anyMatch(row -> row.kind().equals("每日")));
        desktop.click("#backupNow");
        DesktopFxSupport.waitUntil(() -> table().getItems().stream().anyMatch(row -> row.kind().equals("手动")));
        assertThat(desktop.labelled("备份文件夹")).isPresent();

        TableView<BackupRow> table = table();
        BackupRow manual = table.getItems().stream().filter(row -> row.kind().equals("手动")).findFirst().orElseThrow();
        desktop.robot().interact(() -> table.getSelectionModel().select(manual));
        desktop.click("#backupRestore");
        DesktopFxSupport.waitUntil(() -> desktop.labelled("用这份备份恢复数据库吗？").isPresent());
        desktop.robot().clickOn(desktop.labelled("恢复").orElseThrow());

        desktop.waitFor("#login-username");
        DesktopFxSupport.waitUntil(() -> desktop.labelled("已从备份恢复").isPresent());
        desktop.robot().clickOn(desktop.labelled("确定").orElseThrow());
        assertThat(kinds()).contains(BackupKind.BEFORE_RESTORE, BackupKind.MANUAL);

        logIn();
        assertThat(desktop.labelled("辖区：" + GuiTestData.JURISDICTION)).isPresent();
    }

    @Test
    void closingTheWindowMakesABackupFirst() throws Exception {
        DesktopFxSupport.sampleWithAdministrator(location());
        desktop.start(location(), new MemoryLanguagePreference(Localization.CHINESE));
        logIn();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();

        desktop.robot().interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        DesktopFxSupport.waitUntil(() -> !stage.isShowing());
        assertThat(kinds()).contains(BackupKind.EXIT);
    }
}
