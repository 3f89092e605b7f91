package cn.mediationdesk.cli;

import cn.mediationdesk.logic.agenda.AgendaItem;
import cn.mediationdesk.logic.agenda.AgendaService;
import cn.mediationdesk.logic.agenda.AgendaText;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code agenda [--days N]}: what falls due in the coming days or is late, for the acting user's committee. */
@Command(name = "agenda", sortOptions = false)
final class AgendaCommand implements Callable<Integer> {
    @ParentCommand
    private MediationDeskCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + AgendaService.DEFAULT_DAYS)
    private int days;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (days < 0 || days > AgendaService.MAX_DAYS) {
            throw new CliUsageException(spec.commandLine(), context.l10n().text("cli.agenda.daysRange", 0,
                    AgendaService.MAX_DAYS));
        }
        LocalDate today = LocalDate.now(context.clock());
        List<AgendaItem> items;
        try (Database database = root.open(false)) {
            items = new AgendaService(database, context.clock()).agenda(root.requireActor(database), today, days);
        }
        context.out().print(AgendaText.table(items, today, days, context.l10n()));
        return ExitCodes.OK;
    }
}
