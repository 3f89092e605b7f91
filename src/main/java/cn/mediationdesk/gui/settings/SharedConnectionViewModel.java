package cn.mediationdesk.gui.settings;

import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.share.LanAddresses;
import cn.mediationdesk.logic.share.SavedConnection;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Connect to a shared database" on the settings screen: the server's address (or the whole
 * connection string another PC's sharing showed) and its password, tested before they are kept, and
 * used from the next start; or back to this PC's own database. The password is kept beside the file
 * keys, readable by this user alone ({@link SavedConnection}), never in a preference.
 */
public final class SharedConnectionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SharedConnectionViewModel.class);

    private final SavedConnection saved;
    private final Localization l10n;
    private final TaskExecutor executor;

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(SharingService.DEFAULT_PORT));
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");

    public SharedConnectionViewModel(SavedConnection saved, Localization l10n, TaskExecutor executor) {
        this.saved = saved;
        this.l10n = l10n;
        this.executor = executor;
        showCurrent();
    }

    /** The connection string: as typed when it is one, else made from the address and port. */
    public String connectionString() {
        String typed = address.get().strip();
        if (typed.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return typed;
        }
        int at;
        try {
            at = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            at = SharingService.DEFAULT_PORT;
        }
        return LanAddresses.connectionString(typed, at);
    }

    /** Connects once and closes again: says whether the address and password work. */
    public void test() {
        connect(false);
    }

    /** Tests, and when the connection works keeps it for the next start. */
    public void save() {
        connect(true);
    }

    /** From the next start on, this PC's own database again. */
    public void useOwnDatabase() {
        saved.forget();
        succeeded.set(true);
        message.set(l10n.text("gui.connection.ownChosen"));
        showCurrent();
    }

    private void connect(boolean keep) {
        if (busy.get()) {
            return;
        }
        if (address.get().isBlank()) {
            succeeded.set(false);
            message.set(l10n.text("gui.connection.addressMissing"));
            return;
        }
        String url = connectionString();
        String typed = password.get();
        busy.set(true);
        message.set(l10n.text("gui.connection.testing", url));
        executor.execute(() -> {
            DatabaseLocation.Url location = new DatabaseLocation.Url(url).withPassword(typed);
            try (Database opened = Database.open(location, false)) {
                if (keep) {
                    saved.choose(url, typed);
                }
                return opened.location();
            }
        }, where -> {
            busy.set(false);
            succeeded.set(true);
            message.set(l10n.text(keep ? "gui.connection.saved" : "gui.connection.works", where));
            showCurrent();
        }, failure -> {
            busy.set(false);
            succeeded.set(false);
            message.set(describe(failure, url));
        });
    }

    private String describe(Throwable failure, String url) {
        if (failure instanceof DatabaseOpenException open) {
            return switch (open.reason()) {
                case WRONG_PASSWORD -> l10n.text("gui.connection.wrongPassword");
                case UNREACHABLE -> l10n.text("gui.connection.unreachable", url);
                case MISSING, NOT_OURS -> l10n.text("gui.connection.notOurs", url);
                case NEWER_SCHEMA -> l10n.text("gui.connection.newer", url);
                default -> l10n.text("gui.connection.failed", url);
            };
        }
        LOG.warn("connecting to {} failed", url, failure);
        return l10n.text("gui.connection.failed", url);
    }

    private void showCurrent() {
        current.set(saved.url().map(url -> l10n.text("gui.connection.current.shared", url))
                .orElseGet(() -> l10n.text("gui.connection.current.own")));
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Which database the next start opens. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }
}
