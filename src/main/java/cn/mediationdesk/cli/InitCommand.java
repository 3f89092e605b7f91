package cn.mediationdesk.cli;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.logic.organization.OrganizationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code init --jurisdiction NAME}: creates an empty database for a jurisdiction. */
@Command(name = "init", sortOptions = false)
final class InitCommand implements Callable<Integer> {
    /** The width of the jurisdiction's name column. */
    static final int NAME_MAX_LENGTH = 100;

    @ParentCommand
    private MediationDeskCommand root;

    @Option(names = "--jurisdiction", required = true, paramLabel = "NAME")
    private String jurisdiction;

    @Override
    public Integer call() {
        CliContext context = root.context();
        return root.creating(database -> {
            String name = new OrganizationService(database, root.actor(database)).createJurisdiction(jurisdiction,
                    context.clock().instant()).name();
            context.out().println(context.l10n().text("cli.init.done", name, database.location()));
            return ExitCodes.OK;
        });
    }
}
