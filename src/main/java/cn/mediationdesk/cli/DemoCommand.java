package cn.mediationdesk.cli;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code demo}: fills an empty database with the demo jurisdiction 金宝新区 (DESIGN §5). */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Override
    public Integer call() {
        CliContext context = root.context();
        return root.creating(database -> {
            DemoJurisdiction.Created created = new DemoJurisdiction(database, context.clock()).create();
            context.out().println(context.l10n().text("cli.demo.done", created.jurisdiction(), created.communities(),
                    created.committees(), created.leads(), database.location()));
            return ExitCodes.OK;
        });
    }
}
