package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;

/**
 * The command line of DESIGN §6, ready to run: picocli configured with localized help, converters
 * and the error handling that yields the contract's exit codes.
 */
public final class Cli {
    private final CommandLine commandLine;
    private final CliContext context;
    private final CliErrors errors;

    /**
     * @param stdout standard output; people's text is written to it in {@code consoleCharset},
     *               CSV and JSON always in UTF-8
     */
    public Cli(Clock clock, Localization l10n, OutputStream stdout, OutputStream stderr, Charset consoleCharset) {
        this(clock, l10n, stdout, stderr, consoleCharset, new PasswordInput(null, InputStream.nullInputStream(), name -> null));
    }

    /** @param passwords where passwords come from: the environment, the console or standard input */
    public Cli(Clock clock, Localization l10n, OutputStream stdout, OutputStream stderr, Charset consoleCharset,
               PasswordInput passwords) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, consoleCharset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, consoleCharset), true);
        this.context = new CliContext(clock, l10n, stdout, out, err, passwords);
        MediationDeskCommand root = new MediationDeskCommand(context);
        this.commandLine = new CommandLine(root);
        // Converters, bundle and handlers reach the subcommands that exist when they are set: all of them, here.
        CliConverters.register(commandLine, l10n);
        commandLine.setResourceBundle(new CliHelpBundle(l10n.bundle()));
        VersionProvider version = new VersionProvider(l10n);
        commandLine.getCommandSpec().versionProvider(version);
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        commandLine.setOut(out);
        commandLine.setErr(err);
        this.errors = new CliErrors(l10n, err, root::debug);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setUsageHelpAutoWidth(true);
    }

    /** The command line of this process: the real clock, the system's language, the console's charset. */
    public static Cli forConsole() {
        Charset console = System.out.charset();
        return new Cli(Clock.systemDefaultZone(), Localization.forDefaultLocale(), System.out, System.err, console,
                PasswordInput.ofProcess());
    }

    /** Runs {@code args} and returns the exit code. */
    public int execute(String... args) {
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // What picocli's handlers do not catch (an Error while running): still one line, still an exit code.
            return errors.unexpected(e);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    public CommandLine commandLine() {
        return commandLine;
    }
}
