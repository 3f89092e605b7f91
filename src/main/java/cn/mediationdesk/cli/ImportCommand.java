package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ledger.ColumnMapping;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportProfileService;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.ledger.LedgerTemplate;
import cn.mediationdesk.logic.ledger.LedgerTemplateService;
import cn.mediationdesk.logic.ledger.MappingSyntaxException;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import FILE}: imports a ledger (DESIGN §8) all or nothing, in our layout or an office's
 * own through {@code --map} or a saved {@code --profile}; {@code import --template FILE} writes an
 * empty ledger to fill in.
 */
@Command(name = "import", sortOptions = false)
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "file")
    private Path file;

    @Option(names = "--dry-run")
    private boolean dryRun;

    @Option(names = "--create-missing")
    private boolean createMissing;

    @Option(names = "--encoding", paramLabel = "UTF-8|GBK")
    private Charset encoding;

    @Option(names = "--allow-corrections")
    private boolean allowCorrections;

    @Option(names = "--profile", paramLabel = "NAME")
    private String profile;

    @Option(names = "--map", paramLabel = "\"THEIR_HEADER=our_column,…\"")
    private String map;

    @Option(names = "--save-profile", paramLabel = "NAME")
    private String saveProfile;

    @Option(names = "--template", paramLabel = "FILE.csv|FILE.xlsx")
    private Path template;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (template != null) {
            return writeTemplate(context);
        }
        if (file == null) {
            // As picocli says it for a missing FILE: import --template needs none, so picocli cannot require it.
            throw usage(context.l10n().text("cli.error.missingParameter", "FILE"));
        }
        if (profile != null && map != null) {
            throw usage(context.l10n().text("cli.import.profileOrMap"));
        }
        if (saveProfile != null && map == null) {
            throw usage(context.l10n().text("cli.import.saveNeedsMap"));
        }
        ColumnMapping mapping = ColumnMapping.NONE;
        if (map != null) {
            try {
                mapping = ColumnMapping.parse(map);
            } catch (MappingSyntaxException e) {
                throw usage(context.l10n().text("cli.import.badMap", context.l10n().message(e.problem())));
            }
        }
        try (Database database = root.open(false)) {
            User actor = root.requireActor(database);
            ImportProfileService profiles = new ImportProfileService(database, context.clock());
            if (profile != null) {
                mapping = profiles.find(actor, profile).orElseThrow(() -> usage(unknownProfile(context,
                        profiles.names(actor))));
            }
            if (saveProfile != null) {
                // Refused before importing, not after the leads are written.
                ImportProfileService.checkName(saveProfile);
                profiles.names(actor);
            }
            ImportReport report = new LedgerImporter(database, context.clock(), actor)
                    .importLedger(file, new ImportOptions(dryRun, createMissing, encoding, allowCorrections), mapping);
            report.describe(context.l10n()).forEach(context.out()::println);
            if (saveProfile != null) {
                String saved = profiles.save(actor, saveProfile, mapping);
                context.out().println(context.l10n().text(dryRun ? "cli.import.profileSavedAfterCheck"
                        : "cli.import.profileSaved", saved));
            }
        }
        return ExitCodes.OK;
    }

    private int writeTemplate(CliContext context) {
        if (file != null || dryRun || createMissing || encoding != null || allowCorrections || profile != null
                || map != null || saveProfile != null) {
            throw usage(context.l10n().text("cli.import.templateAlone"));
        }
        if (!LedgerTemplate.isTemplateName(template)) {
            throw usage(context.l10n().text("cli.import.templateExtension", template));
        }
        // The drop-down lists come from the database's dictionaries and organization.
        try (Database database = root.open(false)) {
            new LedgerTemplateService(database).write(root.actor(database), template, context.l10n());
        }
        context.out().println(context.l10n().text("cli.import.templateWritten", template));
        return ExitCodes.OK;
    }

    private String unknownProfile(CliContext context, List<String> names) {
        return names.isEmpty() ? context.l10n().text("cli.import.noProfiles", profile)
                : context.l10n().text("cli.import.unknownProfile", profile, String.join(", ", names));
    }

    private CliUsageException usage(String message) {
        return new CliUsageException(spec.commandLine(), message);
    }
}
