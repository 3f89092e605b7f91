package cn.mediationdesk;

import cn.mediationdesk.Launcher.LauncherArguments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's choice between the command line and the window. */
class CliLauncherTest {
    @Test
    void noArgumentsOpenTheWindow() {
        assertThat(LauncherArguments.of(new String[0])).isEqualTo(new LauncherArguments(null, false, false));
    }

    @Test
    void onlyGlobalOptionsOpenTheWindowOnThatDatabase() {
        assertThat(LauncherArguments.of(new String[] {"--db", "/data/md", "--debug"}))
                .isEqualTo(new LauncherArguments("/data/md", true, false));
        assertThat(LauncherArguments.of(new String[] {"--db=jdbc:h2:tcp://host/md"}))
                .isEqualTo(new LauncherArguments("jdbc:h2:tcp://host/md", false, false));
    }

    @Test
    void aCommandOrAHelpOptionRunsTheCommandLine() {
        assertThat(LauncherArguments.of(new String[] {"--db", "x", "summary", "--by", "type"}).hasCommand()).isTrue();
        assertThat(LauncherArguments.of(new String[] {"--version"}).hasCommand()).isTrue();
        assertThat(LauncherArguments.of(new String[] {"--help"}).hasCommand()).isTrue();
        assertThat(LauncherArguments.of(new String[] {"--frobnicate"}).hasCommand()).isTrue();
        assertThat(LauncherArguments.of(new String[] {"summary", "--debug"}).debug()).isTrue();
    }

    @Test
    void aDbOptionWithoutItsValueIsLeftToTheCommandLineToReject() {
        assertThat(LauncherArguments.of(new String[] {"--db"}).hasCommand()).isTrue();
    }
}
