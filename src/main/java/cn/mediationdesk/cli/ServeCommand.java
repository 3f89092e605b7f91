package cn.mediationdesk.cli;

import cn.mediationdesk.logic.share.LanAddresses;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.logic.share.SharingService.Sharing;
import cn.mediationdesk.persistence.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/**
 * {@code serve [--port N] [--new-password]}: hosts this PC's database for the LAN until stopped
 * (Ctrl+C or SIGTERM), printing the connection string and the one password the other PCs type.
 * Administrators only. On stopping, the server is stopped and the database closed properly.
 */
@Command(name = "serve", sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    /** The serves running in this process, each waiting for its stop. */
    private static final Set<CountDownLatch> RUNNING = ConcurrentHashMap.newKeySet();

    @ParentCommand
    private MediationDeskCommand root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + SharingService.DEFAULT_PORT)
    private int port;

    @Option(names = "--new-password")
    private boolean newPassword;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        Database database = root.open(false);
        CountDownLatch stopped = new CountDownLatch(1);
        Sharing sharing;
        try {
            SharingService service = SharingService.onThisPc(database, context.clock(), root.requireActor(database));
            if (newPassword) {
                service.newPassword();
                context.out().println(context.l10n().text("cli.serve.newPassword"));
            }
            sharing = service.start(port);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        printHowToConnect(context, sharing);
        Thread onExit = new Thread(() -> stop(sharing, database, stopped), "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(onExit);
        RUNNING.add(stopped);
        try {
            stopped.await();
        } finally {
            RUNNING.remove(stopped);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
            stop(sharing, database, stopped); // stopped without the process ending
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C or SIGTERM: the hook stops the server and closes the database
        }
        context.out().println(context.l10n().text("cli.serve.stopped"));
        return ExitCodes.OK;
    }

    private static void stop(Sharing sharing, Database database, CountDownLatch stopped) {
        sharing.server().close();
        database.close();
        stopped.countDown();
    }

    private static void printHowToConnect(CliContext context, Sharing sharing) {
        int port = sharing.server().port();
        context.out().println(context.l10n().text("cli.serve.started", port));
        if (sharing.connectionStrings().isEmpty()) {
            context.out().println(context.l10n().text("cli.serve.noAddress",
                    LanAddresses.connectionString("IP", port)));
        }
        for (String url : sharing.connectionStrings()) {
            context.out().println(context.l10n().text("cli.serve.address", url));
        }
        context.out().println(context.l10n().text("cli.serve.password", sharing.password().text()));
        context.out().println(context.l10n().text("cli.serve.connectHint", PasswordInput.DATABASE_PASSWORD_VARIABLE));
        context.out().println(context.l10n().text("cli.serve.stopHint"));
        context.out().flush();
    }

    /** Stops every serve of this process as Ctrl+C would, but without ending the process: for tests. */
    static void stopAll() {
        RUNNING.forEach(CountDownLatch::countDown);
    }
}
