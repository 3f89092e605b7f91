package cn.mediationdesk.gui;

import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings → English → 中文: the main window changes language and stays on the Settings screen. */
class LanguageSwitchFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void theMainWindowSwitchesToEnglishAndBackOnTheScreenThatWasShowing() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        MemoryLanguagePreference languages = new MemoryLanguagePreference(Localization.CHINESE);
        desktop.start(location, languages);
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");

        DesktopFxSupport.waitUntil(() -> desktop.labelled("设置").isPresent());
        desktop.robot().clickOn(desktop.labelled("设置").orElseThrow());
        desktop.waitFor("#language-en");
        assertThat(desktop.labelled("统计汇总")).isPresent();

        desktop.click("#language-en");
        DesktopFxSupport.waitUntil(() -> desktop.labelled("Summaries").isPresent());
        assertThat(desktop.labelled("统计汇总")).isEmpty();
        assertThat(desktop.labelled("User: 王芳 (Administrator)")).isPresent();
        // Still on the settings screen, now in English.
        desktop.waitFor("#language-en");
        assertThat(desktop.labelled("Case settings")).isPresent();
        assertThat(desktop.robot().lookup("#language-en").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(languages.choiceOf(DesktopFxSupport.ADMIN)).contains(Localization.ENGLISH);

        desktop.click("#language-zh");
        DesktopFxSupport.waitUntil(() -> desktop.labelled("统计汇总").isPresent());
        assertThat(desktop.labelled("Summaries")).isEmpty();
        assertThat(desktop.labelled("案件设置")).as("still the settings screen").isPresent();
        assertThat(languages.choiceOf(DesktopFxSupport.ADMIN)).contains(Localization.CHINESE);
    }
}
