package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code import FILE}: imports a ledger (DESIGN §8) all or nothing. */
@Command(name = "import", sortOptions = false)
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private Path file;

    @Option(names = "--dry-run")
    private boolean dryRun;

    @Option(names = "--create-missing")
    private boolean createMissing;

    @Option(names = "--encoding", paramLabel = "UTF-8|GBK")
    private Charset encoding;

    @Option(names = "--allow-corrections")
    private boolean allowCorrections;

    @Override
    public Integer call() {
        CliContext context = root.context();
        try (Database database = root.open(false)) {
            ImportReport report = new LedgerImporter(database, context.clock(), root.requireActor(database))
                    .importLedger(file, new ImportOptions(dryRun, createMissing, encoding, allowCorrections));
            report.describe(context.l10n()).forEach(context.out()::println);
        }
        return ExitCodes.OK;
    }
}
