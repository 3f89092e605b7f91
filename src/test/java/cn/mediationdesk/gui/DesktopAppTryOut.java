package cn.mediationdesk.gui;

import cn.mediationdesk.persistence.DatabaseLocation;

import java.nio.file.Path;

/**
 * Opens the window by hand (for looking at it, e.g. under Xvfb), without the launcher:
 * <pre>
 *   java -cp target/mediationdesk.jar:target/test-classes cn.mediationdesk.gui.DesktopAppTryOut [--sample] [LOCATION]
 * </pre>
 * {@code --sample} first fills a new database at LOCATION with {@link GuiTestData}'s leads.
 */
public final class DesktopAppTryOut {
    private DesktopAppTryOut() {
    }

    public static void main(String[] args) {
        boolean sample = args.length > 0 && args[0].equals("--sample");
        String location = args.length > (sample ? 1 : 0) ? args[sample ? 1 : 0] : null;
        if (sample) {
            if (location == null) {
                throw new IllegalArgumentException("--sample needs a LOCATION");
            }
            if (!DatabaseLocation.parse(location).exists()) {
                GuiTestData.createDatabase(Path.of(location)).close();
            }
        }
        DesktopApp.launch(location, new String[0]);
    }
}
