package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.CommunityPage;
import cn.mediationdesk.logic.report.DistrictSummary;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code report --by community|committee … (--pdf FILE | --xlsx FILE)}: the printable district summary
 * (both tables, the one {@code --by} names first), or with {@code --community} that community's page.
 */
@Command(name = "report", sortOptions = false)
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--by", required = true, paramLabel = "community|committee")
    private Grouping by;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    private LocalDate to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD")
    private LocalDate asOf;

    @Option(names = "--community", paramLabel = "NAME_OR_CODE")
    private String community;

    @Option(names = "--pdf", paramLabel = "FILE")
    private Path pdf;

    @Option(names = "--xlsx", paramLabel = "FILE")
    private Path xlsx;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        if (by != Grouping.COMMUNITY && by != Grouping.COMMITTEE) {
            throw new CliUsageException(spec.commandLine(), l10n.text("cli.report.badGrouping", by.cliName()));
        }
        ReportOptions.checkOneOutput(spec, context, pdf, xlsx);
        OutputFiles.checkTarget(pdf != null ? pdf : xlsx);
        ReportOptions.checkPeriod(spec, context, from, to);
        LocalDate day = ReportOptions.asOf(context, asOf);
        CommunityPage page = null;
        DistrictSummary summary = null;
        try (Database database = root.open(false)) {
            ReportService reports = new ReportService(database, context.clock(), root.actor(database));
            if (community != null) {
                page = reports.communityPage(ReportOptions.community(database, community).id(), from, to, day);
            } else {
                summary = reports.districtSummary(from, to, day);
            }
        }
        if (pdf != null) {
            ReportLayouts layouts = new ReportLayouts(l10n);
            var document = page != null ? layouts.communityPage(page) : layouts.districtSummary(summary, by);
            return ReportOptions.writePdf(context, pdf, () -> new PdfExporter(l10n).write(document, pdf));
        }
        SpreadsheetExporter sheets = new SpreadsheetExporter(l10n);
        if (page != null) {
            sheets.writeCommunityPage(page, xlsx);
        } else {
            sheets.writeDistrictSummary(summary, by, xlsx);
        }
        return ReportOptions.written(context, xlsx);
    }
}
