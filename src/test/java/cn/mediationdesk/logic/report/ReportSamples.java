package cn.mediationdesk.logic.report;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.logic.tally.PeriodBasis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static cn.mediationdesk.logic.report.ReportTestData.FROM;
import static cn.mediationdesk.logic.report.ReportTestData.NEW_YEARS_EVE;

/**
 * Writes one PDF of each report and case document over the demo jurisdiction (2022, as of
 * 2022-12-31) and a sample case, for looking at them; {@code scripts/report-samples.sh} runs it and
 * renders the pages shown in the README:
 * <pre>
 *   java -cp target/mediationdesk.jar:target/test-classes cn.mediationdesk.logic.report.ReportSamples DIR
 * </pre>
 */
public final class ReportSamples {
    private ReportSamples() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "report-samples");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("report-samples");
        Localization l10n = new Localization(Localization.CHINESE);
        PdfExporter pdf = new PdfExporter(l10n);
        ReportLayouts reports = new ReportLayouts(l10n);
        CaseDocumentLayouts documents = new CaseDocumentLayouts(l10n);
        try (Database db = ReportTestData.demo(work)) {
            UUID sample = ReportTestData.sampleCase(db);
            ReportService service = new ReportService(db, ReportTestData.CLOCK, User.setup());
            pdf.write(reports.districtSummary(service.districtSummary(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE)),
                    out.resolve("district-summary.pdf"));
            Community community = db.read(tx -> tx.organization().communities()).getFirst();
            pdf.write(reports.communityPage(service.communityPage(community.id(), FROM, NEW_YEARS_EVE, NEW_YEARS_EVE)),
                    out.resolve("community-page.pdf"));
            pdf.write(reports.statisticsTable(service.statisticsTable(FROM, NEW_YEARS_EVE, NEW_YEARS_EVE, PeriodBasis.ACCEPTED)),
                    out.resolve("stats-table.pdf"));
            CaseFileTestData.complete(db, sample);
            var scans = CaseFileTestData.attachments(sample);
            CaseDocuments file = new CaseDocumentService(db, ReportTestData.CLOCK, User.setup(), leadId -> scans)
                    .documents(sample, false);
            pdf.write(documents.agreement(file.agreement().orElseThrow()), out.resolve("agreement.pdf"));
            pdf.write(documents.acceptance(file.acceptance()), out.resolve("acceptance.pdf"));
            pdf.write(documents.session(file.sessions().getFirst()), out.resolve("session.pdf"));
            pdf.write(documents.followUp(file.followUps().getFirst()), out.resolve("follow-up.pdf"));
            pdf.write(counter -> documents.caseFile(file, counter), out.resolve("case-file.pdf"));
        }
        System.out.println("written to " + out.toAbsolutePath());
    }
}
