package cn.mediationdesk.cli;

import cn.mediationdesk.logic.exchange.PackageRejectedException;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.exchange.PackageService.CommitteeReporting;
import cn.mediationdesk.logic.exchange.PackageService.ConflictRow;
import cn.mediationdesk.logic.exchange.PackageService.ExportResult;
import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.exchange.PackageService.ReportingStatus;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code package export|import|key|status} (DESIGN §6): exchange packages between offices. A
 * refused package is one line naming why, and exit 3.
 */
@Command(name = "package", sortOptions = false,
        subcommands = {PackageCommand.Export.class, PackageCommand.Import.class, PackageCommand.Key.class,
                PackageCommand.Status.class})
final class PackageCommand implements Callable<Integer> {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), root.context().l10n().text("cli.package.noSubcommand"));
    }

    /** Opens the database, makes the service for the acting user and runs {@code work}; a refused package is exit 3. */
    private int run(boolean needsUser, Function<PackageService, Integer> work) {
        CliContext context = root.context();
        try (Database database = root.open(false)) {
            PackageService packages = new PackageService(database, context.clock(),
                    needsUser ? root.requireActor(database) : root.actor(database));
            return work.apply(packages);
        } catch (PackageRejectedException refused) {
            PrintWriter err = context.err();
            Localization l10n = context.l10n();
            err.println(l10n.text(refused.reason().messageKey(), refused.file()));
            if (refused.reason() == PackageRejectedException.Reason.KEY_CHANGED) {
                err.println(l10n.text("cli.package.keyChangedDetail", refused.detail()));
            } else if (refused.reason() == PackageRejectedException.Reason.FOREIGN_JURISDICTION
                    || refused.reason() == PackageRejectedException.Reason.NEWER_SCHEMA) {
                err.println(l10n.text("cli.package.refusedDetail", refused.detail()));
            }
            if (root.debug()) {
                refused.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.REJECTED;
        }
    }

    private static String moment(Clock clock, Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(clock.getZone()));
    }

    /** {@code package export --committee NAME_OR_CODE [--since DAY] [--for OFFICE_KEY_FILE] --out FILE}. */
    @Command(name = "export", sortOptions = false)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        private PackageCommand parent;

        @Option(names = "--committee", paramLabel = "NAME_OR_CODE", required = true)
        private String committee;

        @Option(names = "--since", paramLabel = "YYYY-MM-DD")
        private LocalDate since;

        @Option(names = "--for", paramLabel = "OFFICE_KEY_FILE")
        private Path officeKey;

        @Option(names = "--out", paramLabel = "FILE", required = true)
        private Path out;

        @Override
        public Integer call() {
            return parent.run(true, packages -> {
                ExportResult made = packages.export(committee, since, officeKey, out);
                CliContext context = parent.root.context();
                Localization l10n = context.l10n();
                context.out().println(l10n.text("cli.package.exported", made.file(), made.committeeName(),
                        made.committeeCode(), made.leads()));
                context.out().println(l10n.text("cli.package.signedBy", made.senderFingerprint()));
                made.recipientFingerprint().ifPresent(fingerprint ->
                        context.out().println(l10n.text("cli.package.encryptedFor", fingerprint)));
                return ExitCodes.OK;
            });
        }
    }

    /** {@code package import FILE [--trust-new-key]}. */
    @Command(name = "import", sortOptions = false)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        private PackageCommand parent;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
        private Path file;

        @Option(names = "--trust-new-key")
        private boolean trustNewKey;

        @Override
        public Integer call() {
            return parent.run(true, packages -> {
                ImportReport report = packages.importPackage(file, trustNewKey);
                CliContext context = parent.root.context();
                Localization l10n = context.l10n();
                PrintWriter out = context.out();
                if (report.alreadyImported()) {
                    out.println(l10n.text("cli.package.alreadyImported", file, report.committeeName()));
                    return ExitCodes.OK;
                }
                if (report.committeeCreated()) {
                    out.println(l10n.text("cli.package.committeeCreated", report.committeeName(), report.committeeCode()));
                }
                if (report.firstContact()) {
                    out.println(l10n.text("cli.package.firstContact", report.committeeName(), report.senderFingerprint()));
                }
                if (report.keyTrusted()) {
                    out.println(l10n.text("cli.package.keyTrusted", report.committeeName(), report.senderFingerprint()));
                }
                out.println(l10n.text("cli.package.imported", report.committeeName(), report.added(), report.updated(),
                        report.unchanged(), report.skipped(), report.conflicts().size()));
                for (ConflictRow conflict : report.conflicts()) {
                    out.println(l10n.text("cli.package.conflict", conflict.label(), conflict.keptVersion(),
                            conflict.replacedVersion(), conflict.differingFields()));
                }
                return ExitCodes.OK;
            });
        }
    }

    /** {@code package key --out FILE}: this office's public key, for committees to encrypt for it. */
    @Command(name = "key", sortOptions = false)
    static final class Key implements Callable<Integer> {
        @ParentCommand
        private PackageCommand parent;

        @Option(names = "--out", paramLabel = "FILE", required = true)
        private Path out;

        @Override
        public Integer call() {
            return parent.run(true, packages -> {
                String fingerprint = packages.exportOfficeKey(out);
                CliContext context = parent.root.context();
                context.out().println(context.l10n().text("cli.package.keyWritten", out.toAbsolutePath().normalize(),
                        fingerprint));
                return ExitCodes.OK;
            });
        }
    }

    /** {@code package status}: per committee the last package and the day it covers, then who sent nothing this month. */
    @Command(name = "status", sortOptions = false)
    static final class Status implements Callable<Integer> {
        @ParentCommand
        private PackageCommand parent;

        @Override
        public Integer call() {
            return parent.run(false, packages -> {
                ReportingStatus status = packages.status();
                CliContext context = parent.root.context();
                Localization l10n = context.l10n();
                PrintWriter out = context.out();
                Clock clock = context.clock();
                for (CommitteeReporting row : status.committees()) {
                    if (row.lastReceivedAt() == null) {
                        out.println(l10n.text("cli.package.status.never", row.code(), row.name()));
                    } else {
                        out.println(l10n.text("cli.package.status.row", row.code(), row.name(),
                                moment(clock, row.lastReceivedAt()),
                                row.coversTo() == null ? "" : row.coversTo().toString(), row.fingerprint(),
                                row.openConflicts()));
                    }
                }
                String month = status.month().toString();
                if (status.silent().isEmpty()) {
                    out.println(l10n.text("cli.package.status.allReported", month));
                } else {
                    out.println(l10n.text("cli.package.status.silent", month, status.silent().size()));
                    for (CommitteeReporting row : status.silent()) {
                        out.println(l10n.text("cli.package.status.silentRow", row.code(), row.name()));
                    }
                }
                return ExitCodes.OK;
            });
        }
    }
}
