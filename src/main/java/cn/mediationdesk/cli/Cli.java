package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;
import picocli.CommandLine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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
    private final StandardOutput stdout;

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
        this.stdout = new StandardOutput(stdout);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(this.stdout, consoleCharset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, consoleCharset), true);
        this.context = new CliContext(clock, l10n, this.stdout, out, err, passwords);
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

    /**
     * The command line of this process: the real clock, the system's language, the console's charset.
     * It writes to the file descriptors themselves rather than {@code System.out} and {@code System.err}:
     * their {@code PrintStream}s would hide why a write failed (a full disk, a closed pipe), and
     * {@link CliLogging} leaves them to the libraries that print on their own.
     */
    public static Cli forConsole() {
        Charset console = consoleCharset();
        return new Cli(Clock.systemDefaultZone(), Localization.forDefaultLocale(),
                new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), console,
                PasswordInput.ofProcess());
    }

    /** What {@code System.out} was made with (JDK 19+), whatever it has been replaced by since. */
    private static Charset consoleCharset() {
        try {
            return Charset.forName(System.getProperty("stdout.encoding", Charset.defaultCharset().name()));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * Runs {@code args} and returns the exit code. Whatever the command, output that did not reach
     * standard output makes it fail: one line on standard error, exit code 1.
     */
    public int execute(String... args) {
        int code;
        try {
            code = commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // What picocli's handlers do not catch (an Error while running): still one line, still an exit code.
            code = errors.unexpected(e);
        } finally {
            context.out().flush();
        }
        // The PrintWriter never throws: checkError() is the only way to learn that its output was lost.
        if (context.out().checkError() || stdout.failed()) {
            code = errors.standardOutputFailed(code, stdout.failure().orElse(null));
        }
        context.err().flush();
        return code;
    }

    public CommandLine commandLine() {
        return commandLine;
    }
}
