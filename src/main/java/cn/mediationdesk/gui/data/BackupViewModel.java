package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.backup.RestoreService;
import cn.mediationdesk.logic.backup.RestoreService.CheckedBackup;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The backup part of the Data screen (administrators): the backups folder and its backups, a backup
 * now or to a file, how many are kept, and a restore, which is checked first and confirmed with what
 * the backup holds. A restore replaces the database the whole window works on, so the window
 * ({@link RestoreHost}) takes over around it.
 */
public final class BackupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BackupViewModel.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MADE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final List<BackupKind> ROUTINE = List.of(BackupKind.MANUAL, BackupKind.EXIT, BackupKind.DAILY);

    /** What the window does around a restore. */
    public interface RestoreHost {
        /** Closes the lead editors; false when one with unsaved changes stays open (then nothing is restored). */
        boolean closeEditors();

        /** The restore has begun (true) or ended (false): meanwhile the window takes no other work. */
        void restoring(boolean running);

        /** The database was replaced by {@code restored}: the window shows the login page on it. */
        void restored(Store restored);

        /** A restore failed once the database in use may have been closed: the window opens it again. */
        void reopen();
    }

    /** A backup as the list shows it. */
    public record BackupRow(Path file, String madeAt, String kind, String size, BackupKind backupKind) {
        public String fileName() {
            return file.getFileName().toString();
        }
    }

    private final BackupService backups;
    private final RestoreService restorer;
    private final Store current;
    private final User actor;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final RestoreHost host;
    private final Path keyFolder;

    private final ObservableList<BackupRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<BackupRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> keep = new SimpleObjectProperty<>(BackupService.DEFAULT_KEEP);
    private final ReadOnlyIntegerWrapper kept = new ReadOnlyIntegerWrapper(BackupService.DEFAULT_KEEP);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding keepChanged;

    /**
     * @param restorer   restores into the database in use; {@code null} for a server database
     * @param actor      who is signed in; the services refuse everyone but an administrator
     * @param keyFolder  where this PC keeps the database's key, or {@code null} when the file is not encrypted
     */
    public BackupViewModel(BackupService backups, RestoreService restorer, Store current, User actor,
                           Localization l10n, Clock clock, TaskExecutor executor, DialogService dialogs,
                           RestoreHost host, Path keyFolder) {
        this.backups = backups;
        this.restorer = restorer;
        this.current = current;
        this.actor = actor;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        this.host = host;
        this.keyFolder = keyFolder;
        this.keepChanged = Bindings.createBooleanBinding(
                () -> keep.get() != null && keep.get() != kept.get(), keep, kept);
    }

    /** What restores into {@code store}'s file; {@code null} for a server database, which its server restores. */
    public static RestoreService restorerFor(Store store, Clock clock) {
        return store.embeddedFile().map(base -> new RestoreService(base, (path, recovery) -> Database.open(
                DatabaseLocation.parse(path.toString()), false, KeyRing.inSettingsFolder(), recovery), clock)).orElse(null);
    }

    /** Where this PC keeps the key of {@code store}'s file; {@code null} when the file is not encrypted. */
    public static Path keyFolderOf(Store store) {
        return store instanceof Database database && database.encrypted() ? KeyRing.inSettingsFolder().folder() : null;
    }

    /** Whether the screen shows the backups at all: to administrators only. */
    public boolean offered() {
        return actor != null && actor.isAdmin();
    }

    /** Whether the application backs this database up (an embedded file), else its server does. */
    public boolean available() {
        return backups.available() && restorer != null;
    }

    public String folderText() {
        return available() ? backups.folder().folder().toString() : "";
    }

    public String serverText() {
        return l10n.text("gui.backup.server");
    }

    /** Where the key is: the file is encrypted, its key is in the settings folder, never beside the data. */
    public String keyText() {
        return keyFolder == null ? "" : l10n.text("gui.backup.key", keyFolder);
    }

    /** Reads the list of backups and how many are kept. */
    public void load() {
        if (!offered() || !available()) {
            return;
        }
        run("gui.backup.busy.loading", () -> new Listing(backups.list(), backups.kept()), this::show,
                "gui.backup.loadFailed");
    }

    private record Listing(List<BackupFolder.Entry> entries, int kept) {
    }

    private void show(Listing listing) {
        Path chosen = selected.get() == null ? null : selected.get().file();
        rows.setAll(listing.entries().stream().map(this::row).toList());
        selected.set(rows.stream().filter(r -> r.file().equals(chosen)).findFirst().orElse(null));
        kept.set(listing.kept());
        keep.set(listing.kept());
    }

    private BackupRow row(BackupFolder.Entry entry) {
        return new BackupRow(entry.file(), SHOWN.format(entry.madeAt()), kindText(entry.kind()), sizeText(entry.size()),
                entry.kind());
    }

    /** Why a backup was made, in words. */
    public String kindText(BackupKind kind) {
        return switch (kind) {
            case MANUAL -> l10n.text("gui.backup.kind.manual");
            case EXIT -> l10n.text("gui.backup.kind.exit");
            case DAILY -> l10n.text("gui.backup.kind.daily");
            case BEFORE_RESTORE -> l10n.text("gui.backup.kind.beforeRestore");
            case ENCRYPTED -> l10n.text("gui.backup.kind.encrypted");
        };
    }

    /** A file's size as people read it: 845 KB, 12.3 MB. */
    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    // ---- backing up ----

    /** 立即备份: a backup into the backups folder. */
    public void backUpNow() {
        message.set("");
        run("gui.backup.busy.backingUp", backups::backUp, made -> {
            message.set(l10n.text("gui.backup.done", made.file().getFileName(), sizeText(made.size())));
            dialogs.notifyDone(l10n.text("gui.backup.title"), message.get(), "");
            load();
        }, "gui.backup.failed");
    }

    /** 备份到…: a backup into a file the administrator names (a USB stick, say). */
    public void backUpTo() {
        String name = current.embeddedFile().map(f -> f.getFileName().toString()).orElse("mediationdesk");
        Optional<Path> target = dialogs.chooseSaveFile(l10n.text("gui.backup.toFile.title"),
                name + "-" + FILE_STAMP.format(LocalDateTime.now(clock)) + ".zip", l10n.text("gui.backup.fileFilter"),
                "zip");
        target.ifPresent(file -> {
            message.set("");
            run("gui.backup.busy.backingUp", () -> backups.backUpTo(file),
                    made -> {
                        message.set(l10n.text("gui.backup.doneTo", made));
                        dialogs.notifyDone(l10n.text("gui.backup.title"), message.get(), "");
                    }, "gui.backup.failed");
        });
    }

    /**
     * 保存 beside 保留份数: keeps the newest {@link #keepProperty()} routine backups; when that deletes
     * some now, asks first.
     */
    public void applyKeep() {
        Integer wanted = keep.get();
        if (wanted == null || !keepChanged.get()) {
            return;
        }
        message.set("");
        long routine = rows.stream().filter(r -> ROUTINE.contains(r.backupKind())).count();
        long deleted = Math.max(0, routine - wanted);
        if (deleted > 0) {
            int answer = dialogs.ask(l10n.text("gui.backup.title"), l10n.text("gui.backup.keep.confirm.header"),
                    l10n.text("gui.backup.keep.confirm", wanted, deleted),
                    List.of(l10n.text("gui.backup.keep.confirm.yes"), l10n.text("gui.backup.cancel")));
            if (answer != 0) {
                keep.set(kept.get());
                return;
            }
        }
        run("gui.backup.busy.saving", () -> backups.changeKept(wanted), saved -> {
            kept.set(saved);
            message.set(l10n.text("gui.backup.keep.saved", saved));
            load();
        }, "gui.backup.keep.failed");
    }

    // ---- restoring ----

    /** 从选中的备份恢复…: the backup chosen in the list. */
    public void restoreSelected() {
        BackupRow row = selected.get();
        if (row != null) {
            restore(row.file());
        }
    }

    /** 从其他文件恢复…: a backup on a USB stick, or from another PC. */
    public void restoreFromFile() {
        dialogs.chooseOpenFile(l10n.text("gui.backup.fromFile.title"), l10n.text("gui.backup.fileFilter"), "zip")
                .ifPresent(this::restore);
    }

    /** Checks {@code file} first; only what passes is offered for a restore. */
    public void restore(Path file) {
        if (busy.get() || !available()) {
            return;
        }
        check(file, Optional.empty());
    }

    private void check(Path file, Optional<DatabaseKey> recovery) {
        message.set("");
        startBusy("gui.backup.busy.checking");
        executor.execute(() -> restorer.check(file, recovery), checked -> {
            endBusy();
            confirm(checked);
        }, failure -> {
            endBusy();
            if (failure instanceof DatabaseOpenException open && open.reason() == Reason.KEY_MISSING && recovery.isEmpty()) {
                askRecoveryCode(file, "", "");
            } else if (failure instanceof DatabaseOpenException open && open.reason() == Reason.WRONG_PASSWORD
                    && recovery.isPresent()) {
                askRecoveryCode(file, "", l10n.text("gui.backup.recovery.wrong"));
            } else {
                report("gui.backup.checkFailed", failure, file);
            }
        });
    }

    /** A backup from another PC: its key is not on this one, the recovery code on paper is. */
    private void askRecoveryCode(Path file, String typed, String problem) {
        String text = l10n.text("gui.backup.recovery.text", file.getFileName());
        Optional<String> answer = dialogs.askText(l10n.text("gui.backup.title"), l10n.text("gui.backup.recovery.header"),
                problem.isEmpty() ? text : problem + "\n\n" + text, typed);
        if (answer.isEmpty() || answer.get().isBlank()) {
            message.set(l10n.text("gui.backup.restore.cancelled"));
            return;
        }
        Optional<DatabaseKey> key = DatabaseKey.fromRecoveryCode(answer.get());
        if (key.isEmpty()) {
            askRecoveryCode(file, answer.get(), l10n.text("gui.backup.recovery.notACode"));
            return;
        }
        check(file, key);
    }

    private void confirm(CheckedBackup checked) {
        String madeAt = checked.manifest().map(m -> MADE_AT.format(m.madeAt().atZone(clock.getZone())))
                .orElse(l10n.text("gui.backup.restore.unknownTime"));
        String jurisdiction = checked.jurisdiction().isBlank() ? l10n.text("gui.backup.restore.noJurisdiction")
                : checked.jurisdiction();
        String details = l10n.text("gui.backup.restore.details", checked.source(), jurisdiction, madeAt, checked.leads(),
                checked.audit().entries()) + "\n\n" + l10n.text("gui.backup.restore.warning");
        int answer = dialogs.ask(l10n.text("gui.backup.title"), l10n.text("gui.backup.restore.header"), details,
                List.of(l10n.text("gui.backup.restore.yes"), l10n.text("gui.backup.cancel")));
        if (answer != 0 || !host.closeEditors()) {
            message.set(l10n.text("gui.backup.restore.cancelled"));
            discard(checked);
            return;
        }
        host.restoring(true);
        startBusy("gui.backup.busy.restoring");
        executor.execute(() -> restorer.restore(checked, actor, current), restored -> {
            endBusy();
            host.restoring(false);
            host.restored(restored.store());
            String where = restored.safetyCopy().map(copy -> l10n.text("gui.backup.restored.safetyCopy", copy))
                    .orElse(l10n.text("gui.backup.restored.noSafetyCopy"));
            dialogs.showInformation(l10n.text("gui.backup.title"), l10n.text("gui.backup.restored.header"),
                    where + "\n\n" + l10n.text("gui.backup.restored.login"));
        }, failure -> {
            endBusy();
            host.restoring(false);
            discard(checked);
            // A refusal or a broken rule is found before anything is touched; anything else may come after
            // the database in use was closed, so the window opens what is in place now.
            boolean untouched = Refusals.refusalOf(failure).isPresent() || failure instanceof ValidationException;
            report("gui.backup.restoreFailed", failure, checked.source());
            if (!untouched) {
                host.reopen();
            }
        });
    }

    /** Drops a checked backup that will not be restored: its copy closes and its scratch folder goes. */
    private void discard(CheckedBackup checked) {
        executor.execute(() -> {
            checked.close();
            return null;
        }, done -> { }, failure -> LOG.warn("dropping the checked copy of {} failed", checked.source(), failure));
    }

    // ---- running work ----

    private <T> void run(String busyKey, Callable<T> work, Consumer<T> onSuccess, String failedKey) {
        if (busy.get()) {
            return;
        }
        startBusy(busyKey);
        executor.execute(work, result -> {
            endBusy();
            onSuccess.accept(result);
        }, failure -> {
            endBusy();
            report(failedKey, failure, null);
        });
    }

    /** A failure in words: a refusal as a notice, a broken rule by its message, a full disk as such. */
    private void report(String headerKey, Throwable failure, Path file) {
        if (Refusals.noticeIfRefused(failure, dialogs, l10n)) {
            return;
        }
        String text;
        if (failure instanceof ValidationException invalid) {
            text = invalid.problems().stream().map(l10n::message).collect(Collectors.joining("\n"));
        } else if (failure instanceof DatabaseOpenException open) {
            text = openProblem(open, file);
        } else if (failure instanceof UncheckedIOException io) {
            LOG.warn("a backup or restore failed reading or writing a file", failure);
            text = l10n.text("gui.backup.ioFailed", ioReason(io));
        } else {
            LOG.warn("a backup or restore failed", failure);
            text = l10n.text("gui.backup.unexpected",
                    KnownFailures.reason(failure));
        }
        dialogs.showError(l10n.text("gui.backup.title"), l10n.text(headerKey), text);
    }

    /** Why a backup's database does not open; the exception names the scratch copy, the user knows the file. */
    private String openProblem(DatabaseOpenException open, Path file) {
        Object name = file == null ? "" : file.getFileName();
        return switch (open.reason()) {
            case NEWER_SCHEMA -> l10n.text("gui.backup.check.newer", name);
            case EMPTY, DAMAGED -> l10n.text("gui.backup.check.damaged", name);
            case NOT_OURS -> l10n.text("gui.backup.check.notOurs", name);
            case KEY_MISSING, WRONG_PASSWORD -> l10n.text("gui.backup.check.key", name);
            default -> l10n.text("gui.backup.check.unreadable", name);
        };
    }

    /** What the system said, e.g. "/media/usb/x.zip: No space left on device". */
    private static String ioReason(UncheckedIOException io) {
        return io.getCause() == null || io.getCause().getMessage() == null ? io.getMessage() : io.getCause().getMessage();
    }

    private void startBusy(String key) {
        busyText.set(l10n.text(key));
        busy.set(true);
    }

    private void endBusy() {
        busy.set(false);
        busyText.set("");
    }

    // ---- properties ----

    /** The backups in the folder, newest first. */
    public ObservableList<BackupRow> rows() {
        return rows;
    }

    public ObjectProperty<BackupRow> selectedProperty() {
        return selected;
    }

    /** 保留份数 as the spinner shows it; {@link #applyKeep()} saves it. */
    public ObjectProperty<Integer> keepProperty() {
        return keep;
    }

    /** How many routine backups are kept, as saved. */
    public ReadOnlyIntegerProperty keptProperty() {
        return kept.getReadOnlyProperty();
    }

    /** Whether the spinner shows another number than the one saved. */
    public BooleanBinding keepChangedProperty() {
        return keepChanged;
    }

    public int minKeep() {
        return BackupService.MIN_KEEP;
    }

    public int maxKeep() {
        return BackupService.MAX_KEEP;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** What the last action did ("已备份：…"); empty while nothing is to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
