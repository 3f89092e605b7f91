package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.report.pdf.FontNotFoundException;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;

/** What the counting commands share: the period, community and committee names, files and fonts. */
final class ReportOptions {
    private ReportOptions() {
    }

    /** A period that ends before it starts is a usage error, as in {@code summary}. */
    static void checkPeriod(CommandSpec spec, CliContext context, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.summary.periodReversed", from, to));
        }
    }

    /** The as-of day given, else today. */
    static LocalDate asOf(CliContext context, LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(context.clock());
    }

    /** Exactly one of {@code --pdf} and {@code --xlsx}. */
    static void checkOneOutput(CommandSpec spec, CliContext context, Path pdf, Path xlsx) {
        if ((pdf == null) == (xlsx == null)) {
            throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.report.oneOutput"));
        }
    }

    /** The community named (by code or name), or exit code 3 when there is none. */
    static Community community(Database database, String nameOrCode) {
        return new OrganizationService(database, null).community(nameOrCode)
                .orElseThrow(() -> new ValidationException(
                        Problem.of(Field.COMMUNITY, "cli.summary.unknownCommunity", nameOrCode.strip())));
    }

    /** The committee named (by code or name), or exit code 3 when there is none. */
    static Committee committee(Database database, String nameOrCode) {
        return new OrganizationService(database, null).committee(nameOrCode)
                .orElseThrow(() -> new ValidationException(
                        Problem.of(Field.COMMITTEE, "cli.summary.unknownCommittee", nameOrCode.strip())));
    }

    /** Writes a PDF; without a Chinese font to embed, says what to install and gives exit code 1. */
    static int writePdf(CliContext context, Path file, Runnable write) {
        try {
            write.run();
        } catch (FontNotFoundException e) {
            context.err().println(e.describe(context.l10n()));
            return ExitCodes.FAILURE;
        }
        return written(context, file);
    }

    static int written(CliContext context, Path file) {
        context.out().println(context.l10n().text("cli.report.written", file.toAbsolutePath().normalize()));
        return ExitCodes.OK;
    }
}
