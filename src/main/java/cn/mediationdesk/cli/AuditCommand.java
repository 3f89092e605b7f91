package cn.mediationdesk.cli;

import cn.mediationdesk.logic.audit.AuditFinding;
import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditVerification;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code audit verify}: checks the tamper-evident audit trail (DESIGN §9). */
@Command(name = "audit", sortOptions = false, subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliUsageException(spec.commandLine(), root.context().l10n().text("cli.audit.noSubcommand"));
    }

    /**
     * Exit 0 with one line when the trail is intact; exit 3 with one line per problem (the first
     * names the first broken entry) when it is not. Notes (entries sealed on another PC, no head
     * recorded here) are printed either way and change nothing.
     */
    @Command(name = "verify", sortOptions = false)
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        private AuditCommand audit;

        @Override
        public Integer call() {
            MediationDeskCommand root = audit.root;
            CliContext context = root.context();
            Localization l10n = context.l10n();
            AuditVerification result;
            try (Database database = root.open(false)) {
                result = new AuditVerifier(AuditSeal.inSettingsFolder()).verify(database);
            }
            for (AuditFinding note : result.notes()) {
                context.out().println(note.describe(l10n));
            }
            if (result.intact()) {
                context.out().println(l10n.text("cli.audit.intact", result.entries()));
                context.out().flush();
                return ExitCodes.OK;
            }
            context.out().flush();
            for (AuditFinding problem : result.problems()) {
                context.err().println(problem.describe(l10n));
            }
            context.err().println(l10n.text("cli.audit.broken", result.problems().size(), result.entries()));
            context.err().flush();
            return ExitCodes.REJECTED;
        }
    }
}
