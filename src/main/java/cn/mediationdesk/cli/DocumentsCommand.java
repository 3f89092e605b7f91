package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code documents CASE_OR_LEAD_NUMBER [--committee] [--full-data] --pdf FILE}: the whole 卷宗 of one
 * case as one PDF — cover, 卷内目录, the thirteen items and the scans bound into them — for someone who
 * may read the case; ID and phone numbers masked unless {@code --full-data} (which is recorded in the
 * audit trail).
 */
@Command(name = "documents", sortOptions = false)
final class DocumentsCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Parameters(index = "0", paramLabel = "CASE_OR_LEAD_NUMBER", descriptionKey = "number")
    private String number;

    @Option(names = "--committee", paramLabel = "NAME_OR_CODE")
    private String committee;

    @Option(names = "--full-data")
    private boolean fullData;

    @Option(names = "--pdf", required = true, paramLabel = "FILE")
    private Path pdf;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Localization l10n = context.l10n();
        OutputFiles.checkTarget(pdf);
        CaseDocuments documents;
        try (Database database = root.open(false)) {
            CaseDocumentService service = new CaseDocumentService(database, context.clock(),
                    root.requireActor(database));
            Long committeeId = committee == null ? null : ReportOptions.committee(database, committee).id();
            UUID leadId = service.locate(number, committeeId);
            documents = service.documents(leadId, fullData);
        }
        CaseDocumentLayouts layouts = new CaseDocumentLayouts(l10n);
        return ReportOptions.writePdf(context, pdf,
                () -> new PdfExporter(l10n).write(pages -> layouts.caseFile(documents, pages), pdf));
    }
}
