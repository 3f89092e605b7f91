package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.files.IoFailures;
import cn.mediationdesk.logic.files.OutputFileException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.LedgerRejectedException;
import cn.mediationdesk.logic.ledger.RowProblem;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.StorageException;
import cn.mediationdesk.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Turns every failure into the exit codes of DESIGN §6 and one localized line per problem on
 * standard error. A stack trace is printed only when {@code --debug} was given.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private final Localization l10n;
    private final PrintWriter err;
    private final BooleanSupplier debug;

    CliErrors(Localization l10n, PrintWriter err, BooleanSupplier debug) {
        this.l10n = l10n;
        this.err = err;
        this.debug = debug;
    }

    // ---- usage errors: exit 2 ----

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        err.println(l10n.text("cli.error.prefix", usageMessage(ex, args)));
        err.println(l10n.text("cli.error.seeHelp", ex.getCommandLine().getCommandSpec().qualifiedName()));
        if (debug.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    String usageMessage(ParameterException ex, String[] args) {
        if (ex instanceof CliUsageException) {
            return ex.getMessage();
        }
        // picocli checks required options before complaining about unknown ones: --byx is a typo, not a missing --by.
        List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
        if (ex instanceof MissingParameterException && !unmatched.isEmpty()) {
            return unmatchedMessage(unmatched);
        }
        if (ex.getCause() instanceof TypeConversionException conversion) {
            return l10n.text("cli.error.badValue", name(ex.getArgSpec()), conversion.getMessage());
        }
        return switch (ex) {
            case UnmatchedArgumentException u -> unmatchedMessage(u.getUnmatched());
            case MissingParameterException missing -> missing(missing, args);
            case OverwrittenOptionException overwritten ->
                    l10n.text("cli.error.repeatedOption", name(overwritten.getOverwritten()));
            default -> l10n.text("cli.error.usage", ex.getMessage());
        };
    }

    private String unmatchedMessage(List<String> rest) {
        String first = rest.isEmpty() ? "" : rest.getFirst();
        return first.startsWith("-") ? l10n.text("cli.error.unknownOption", first)
                : l10n.text("cli.error.unexpectedArgument", String.join(" ", rest));
    }

    /** A required option left out, or an option given without its value. */
    private String missing(MissingParameterException ex, String[] args) {
        List<ArgSpec> missing = ex.getMissing() == null ? List.of() : ex.getMissing();
        if (missing.size() == 1 && missing.getFirst() instanceof OptionSpec option
                && Arrays.stream(args).anyMatch(a -> Arrays.asList(option.names()).contains(a.split("=", 2)[0]))) {
            return l10n.text("cli.error.missingValue", option.longestName());
        }
        if (missing.stream().allMatch(a -> a instanceof PositionalParamSpec)) {
            return l10n.text("cli.error.missingParameter",
                    missing.stream().map(CliErrors::name).collect(Collectors.joining(", ")));
        }
        return l10n.text("cli.error.missingOption", missing.stream().map(CliErrors::name).collect(Collectors.joining(", ")));
    }

    private static String name(ArgSpec spec) {
        return switch (spec) {
            case null -> "";
            case OptionSpec option -> option.longestName();
            case PositionalParamSpec positional -> positional.paramLabel();
            default -> spec.toString();
        };
    }

    // ---- failures while running: exit 3, 4 or 1 ----

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Integer code = report(ex);
        if (code == null) {
            return unexpected(ex);
        }
        if (debug.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The lines and exit code of an expected failure, or {@code null} for anything else. */
    private Integer report(Exception ex) {
        switch (ex) {
            case ValidationException invalid -> {
                for (Problem problem : invalid.problems()) {
                    err.println(l10n.describe(problem));
                }
                return ExitCodes.REJECTED;
            }
            case PermissionDeniedException denied -> {
                err.println(l10n.describe(denied.problem()));
                return ExitCodes.NOT_PERMITTED;
            }
            case LedgerRejectedException rejected -> {
                for (RowProblem problem : rejected.problems()) {
                    err.println(problem.describe(l10n));
                }
                err.println(l10n.text("cli.import.rejected", rejected.problems().size()));
                return ExitCodes.REJECTED;
            }
            case DatabaseOpenException closed -> {
                err.println(databaseMessage(closed));
                return ExitCodes.DATABASE;
            }
            case StorageException storage -> {
                // The database was opened but cannot be written (or read) any more: as good as not opened.
                err.println(storage.describe(l10n));
                return ExitCodes.DATABASE;
            }
            case OutputFileException output -> {
                err.println(output.describe(l10n));
                return ExitCodes.FAILURE;
            }
            case StandardOutput.WriteFailed lost -> {
                return ExitCodes.FAILURE; // the line is written by Cli, as for output lost by a PrintWriter
            }
            case ConcurrentChangeException changed -> {
                err.println(l10n.text("cli.error.concurrentChange"));
                return ExitCodes.FAILURE;
            }
            case UncheckedIOException io -> {
                err.println(ioMessage(io));
                return ExitCodes.FAILURE;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Standard output lost some of what the command wrote: one line, and exit code 1 unless the
     * command had failed already.
     *
     * @param failure what the system said, when it said anything
     */
    int standardOutputFailed(int code, IOException failure) {
        if (failure == null) {
            err.println(l10n.text("cli.stdout.failed"));
        } else if (IoFailures.diskFull(failure)) {
            err.println(l10n.text("cli.stdout.diskFull"));
        } else {
            err.println(l10n.text("cli.stdout.failedBecause", firstLine(failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage())));
        }
        if (debug.getAsBoolean() && failure != null) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code == ExitCodes.OK ? ExitCodes.FAILURE : code;
    }

    /** Anything thrown past the handlers: one line (a stack trace with --debug), exit code 1. */
    int unexpected(Throwable e) {
        // A driver's message may quote a whole SQL statement over many lines: its first line says what happened.
        err.println(l10n.text("cli.error.unexpected", e.getClass().getSimpleName(),
                e.getMessage() == null ? "" : firstLine(e.getMessage())));
        if (debug.getAsBoolean()) {
            e.printStackTrace(err);
        } else {
            err.println(l10n.text("cli.error.debugHint"));
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /** What went wrong with the database, and what to do about it. */
    String databaseMessage(DatabaseOpenException ex) {
        String key = switch (ex.reason()) {
            case MISSING -> "cli.db.missing";
            case EXISTS -> "cli.db.exists";
            case LOCKED -> "cli.db.locked";
            case WRONG_PASSWORD -> "cli.db.wrongPassword";
            case NEWER_SCHEMA -> "cli.db.newerSchema";
            case UNREADABLE -> "cli.db.unreadable";
            case UNREACHABLE -> "cli.db.unreachable";
            case SERVER_RIGHTS -> "cli.db.serverRights";
            case EMPTY -> "cli.db.empty";
            case DAMAGED -> "cli.db.damaged";
            case NOT_OURS -> "cli.db.notOurs";
            case KEY_MISSING -> "cli.db.keyMissing";
        };
        if (ex.reason() == DatabaseOpenException.Reason.NOT_OURS && ex.location().startsWith("jdbc:")) {
            return l10n.text("cli.db.notOursServer", ex.location()); // a server: no file, no backups beside it
        }
        String message = l10n.text(key, ex.location());
        return switch (ex.reason()) {
            case EMPTY, DAMAGED, NOT_OURS, UNREADABLE -> message + " " + ex.newestBackup()
                    .map(backup -> l10n.text("cli.db.newestBackup", backup))
                    .orElseGet(() -> l10n.text("cli.db.noBackup"));
            default -> message;
        };
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    private String ioMessage(UncheckedIOException ex) {
        var cause = ex.getCause();
        return switch (cause) {
            case NoSuchFileException missing -> l10n.text("cli.error.noSuchFile", missing.getFile());
            case AccessDeniedException denied -> l10n.text("cli.error.accessDenied", denied.getFile());
            default -> l10n.text("cli.error.io", cause.getMessage());
        };
    }
}
