package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 月报与排查 in the real window: the administrator records a screening round of the month just ended,
 * then finds that month's report a zero report, late while unsigned.
 */
class MonthlyFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void aRoundIsRecordedAndTheMonthWithoutLeadsIsALateZeroReport() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");

        DesktopFxSupport.waitUntil(() -> desktop.labelled("月报与排查").isPresent());
        desktop.robot().clickOn(desktop.labelled("月报与排查").orElseThrow());
        desktop.waitFor("#monthly-rounds");
        DesktopFxSupport.waitUntil(() -> !text("#monthly-report-title").isEmpty());
        desktop.type("#monthly-place", "金宝花园");
        desktop.type("#monthly-who", "张丽、王强");
        desktop.click("#monthly-save");
        DesktopFxSupport.waitUntil(() -> rounds().getItems().size() == 1);
        assertThat(text("#monthly-message")).startsWith("已保存");

        desktop.robot().clickOn(desktop.labelled("月报").orElseThrow());
        DesktopFxSupport.waitUntil(() -> desktop.find("#monthly-report-zero").map(n -> n.isVisible()).orElse(false));
        assertThat(text("#monthly-report-zero")).isEqualTo("本月未发现矛盾纠纷，特此零报告。");
        assertThat(text("#monthly-report-status")).startsWith("已逾期");
        assertThat(desktop.find("#monthly-statuses")).isPresent();
        assertThat(desktop.find("#monthly-sign").map(n -> n.isVisible())).contains(true);
    }

    private String text(String query) {
        return desktop.robot().lookup(query).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<?> rounds() {
        return desktop.robot().lookup("#monthly-rounds").queryAs(TableView.class);
    }
}
