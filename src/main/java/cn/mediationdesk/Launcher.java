package cn.mediationdesk;

import cn.mediationdesk.cli.Cli;
import cn.mediationdesk.cli.CliLogging;

import java.util.List;

/**
 * The one entry point of the jar (DESIGN §6): with a command it runs the command line and exits
 * with its code, without ever loading JavaFX; with no command it opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        LauncherArguments arguments = LauncherArguments.of(args);
        if (arguments.hasCommand()) {
            CliLogging.configure(arguments.debug());
            System.exit(Cli.forConsole().execute(args));
        }
        startDesktop(arguments.db(), args);
    }

    /** Kept apart so that the command-line path never resolves a JavaFX class. */
    private static void startDesktop(String db, String[] args) {
        cn.mediationdesk.gui.DesktopApp.launch(db, args);
    }

    /**
     * What the launcher needs to know before choosing a path: whether anything besides the global
     * {@code --db LOCATION} and {@code --debug} options was given.
     */
    record LauncherArguments(String db, boolean debug, boolean hasCommand) {
        static LauncherArguments of(String[] args) {
            String db = null;
            boolean debug = false;
            List<String> list = List.of(args);
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                if (arg.equals("--debug")) {
                    debug = true;
                } else if (arg.startsWith("--db=")) {
                    db = arg.substring("--db=".length());
                } else if (arg.equals("--db") && i + 1 < list.size()) {
                    db = list.get(++i);
                } else {
                    // A command, --help, --version, or something for picocli to reject.
                    return new LauncherArguments(db, debug || list.contains("--debug"), true);
                }
            }
            return new LauncherArguments(db, debug, false);
        }
    }
}
