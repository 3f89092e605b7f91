package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.share.LanAddresses;
import cn.mediationdesk.logic.share.SharePassword;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.model.User;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The sharing part of the Data screen (共享, administrators, a database file on this PC): hosts the
 * database for the other PCs of the office until stopped (or the window closes), shows the
 * connection string and the one password they type, and makes a new password on request.
 */
public final class SharingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SharingViewModel.class);

    private final SharingService sharing;
    private final User actor;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final StringProperty port = new SimpleStringProperty(String.valueOf(SharingService.DEFAULT_PORT));
    private final ReadOnlyBooleanWrapper serving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper password = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private SharingService.Sharing running;

    public SharingViewModel(SharingService sharing, User actor, Localization l10n, TaskExecutor executor,
                            DialogService dialogs) {
        this.sharing = sharing;
        this.actor = actor;
        this.l10n = l10n;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Whether the screen shows sharing: to administrators, for a database file on this PC. */
    public boolean offered() {
        return actor != null && actor.isAdmin() && sharing.possible();
    }

    /** Starts serving on the port given; the connection string and password are shown once it runs. */
    public void start() {
        int chosen;
        try {
            chosen = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            message.set(l10n.text("share.badPort", port.get()));
            return;
        }
        run(() -> sharing.start(chosen), started -> {
            running = started;
            serving.set(true);
            int at = started.server().port();
            connection.set(started.connectionStrings().isEmpty() ? LanAddresses.connectionString("IP", at)
                    : String.join("\n", started.connectionStrings()));
            password.set(started.password().text());
            message.set(l10n.text("gui.share.running", at));
        });
    }

    /** Stops serving: the other PCs' connections end; this window goes on working. */
    public void stop() {
        if (running != null) {
            running.server().close();
            running = null;
        }
        serving.set(false);
        connection.set("");
        message.set(l10n.text("gui.share.stopped"));
    }

    /** A new password, effective at once: the other PCs must be given it. */
    public void newPassword() {
        run(sharing::newPassword, (SharePassword made) -> {
            password.set(made.text());
            message.set(l10n.text("gui.share.newPassword.done"));
        });
    }

    private <T> void run(Callable<T> work, Consumer<T> onSuccess) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        message.set("");
        executor.execute(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
        }, failure -> {
            busy.set(false);
            if (Refusals.noticeIfRefused(failure, dialogs, l10n)) {
                return;
            }
            if (failure instanceof ValidationException invalid) {
                message.set(invalid.problems().stream().map(l10n::message).collect(Collectors.joining("\n")));
            } else if (!KnownFailures.showIfKnown(failure, dialogs, l10n)) {
                LOG.warn("sharing the database failed", failure);
                message.set(l10n.text("gui.share.failed"));
            }
        });
    }

    public StringProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty servingProperty() {
        return serving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The connection string for each of this PC's LAN addresses, one a line. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordProperty() {
        return password.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
