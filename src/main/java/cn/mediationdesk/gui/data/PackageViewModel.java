package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.exchange.PackageRejectedException;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.exchange.PackageService.ConflictRow;
import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.exchange.PackageService.ReceivedRow;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The 数据包 tab of the Data screen: export a committee's package (from a day on, encrypted for an
 * office when its key file is given), import one (a changed sender key is trusted only after a
 * person confirms its new fingerprint), hand out this office's key, and read the packages received
 * and the conflicts left for review. Work runs off the FX thread through the {@link TaskExecutor}.
 */
public final class PackageViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PackageViewModel.class);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A received package as the list shows it. */
    public record ReceivedLine(String committee, String receivedAt, String coversTo, String counts, String fingerprint) {
    }

    /** A conflict as the list shows it. */
    public record ConflictLine(ConflictRow conflict, String committee, String label, String detectedAt, String versions,
                               String differences, String status) {
    }

    private final PackageService packages;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<Committee> committees = FXCollections.observableArrayList();
    private final ObjectProperty<Committee> committee = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> officeKey = new SimpleObjectProperty<>();
    private final ObservableList<ReceivedLine> received = FXCollections.observableArrayList();
    private final ObservableList<ConflictLine> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictLine> selectedConflict = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PackageViewModel(PackageService packages, Localization l10n, Clock clock, TaskExecutor executor,
                            DialogService dialogs) {
        this.packages = packages;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** Whether this user imports packages and hands out the office key (an administrator). */
    public boolean mayImport() {
        return packages.mayImport();
    }

    /** Reads the committees this user may export, the packages received and the conflicts. */
    public void load() {
        run("gui.package.busy.loading", () -> new Listing(packages.exportableCommittees(), packages.received(),
                packages.conflicts(false)), this::show, "gui.package.loadFailed");
    }

    private record Listing(List<Committee> committees, List<ReceivedRow> received, List<ConflictRow> conflicts) {
    }

    private void show(Listing listing) {
        Committee chosen = committee.get();
        committees.setAll(listing.committees());
        committee.set(committees.stream().filter(c -> chosen != null && c.id() == chosen.id()).findFirst()
                .orElse(committees.isEmpty() ? null : committees.getFirst()));
        received.setAll(listing.received().stream().map(r -> new ReceivedLine(r.committeeName() + "（" + r.committeeCode()
                + "）", moment(r.receivedAt()), r.coversTo() == null ? "" : r.coversTo().toString(),
                l10n.text("gui.package.counts", r.added(), r.updated(), r.unchanged(), r.skipped(), r.conflicts()),
                r.senderFingerprint())).toList());
        ConflictLine selected = selectedConflict.get();
        conflicts.setAll(listing.conflicts().stream().map(this::line).toList());
        selectedConflict.set(conflicts.stream().filter(c -> selected != null
                && c.conflict().id().equals(selected.conflict().id())).findFirst().orElse(null));
    }

    private ConflictLine line(ConflictRow c) {
        return new ConflictLine(c, c.committeeName(), c.label(), moment(c.detectedAt()),
                l10n.text("gui.package.conflict.versions", c.keptVersion(), c.replacedVersion()), c.differingFields(),
                c.open() ? l10n.text("gui.package.conflict.open") : l10n.text("gui.package.conflict.reviewed"));
    }

    private String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(clock.getZone()));
    }

    // ---- export ----

    /** 选择… beside 接收办公室公钥: the office the package is encrypted for. */
    public void chooseOfficeKey() {
        dialogs.chooseOpenFile(l10n.text("gui.package.officeKey.choose"), l10n.text("gui.package.keyFilter"), "key")
                .ifPresent(officeKey::set);
    }

    public void clearOfficeKey() {
        officeKey.set(null);
    }

    /** 导出数据包…: asks where, then writes the chosen committee's package. */
    public void export() {
        Committee chosen = committee.get();
        if (chosen == null || busy.get()) {
            return;
        }
        LocalDate from = since.get();
        String name = chosen.code() + "-" + LocalDate.now(clock) + (from == null ? "" : "-since-" + from) + ".mdpkg";
        dialogs.chooseSaveFile(l10n.text("gui.package.export.title"), name, l10n.text("gui.package.fileFilter"), "mdpkg")
                .ifPresent(file -> {
                    message.set("");
                    Path key = officeKey.get();
                    run("gui.package.busy.exporting", () -> packages.export(chosen.code(), from, key, file), made -> {
                        message.set(l10n.text("gui.package.exported", made.file().getFileName(), made.leads(),
                                made.committeeName()) + made.recipientFingerprint()
                                .map(f -> " " + l10n.text("gui.package.exportedFor", f)).orElse(""));
                        dialogs.notifyDone(l10n.text("gui.package.title"), message.get(), "");
                    }, "gui.package.exportFailed");
                });
    }

    // ---- import ----

    /** 导入数据包…: asks which file, then merges it. */
    public void importPackage() {
        if (busy.get()) {
            return;
        }
        dialogs.chooseOpenFile(l10n.text("gui.package.import.title"), l10n.text("gui.package.fileFilter"), "mdpkg")
                .ifPresent(file -> importFile(file, false));
    }

    /** Merges {@code file}; a new sender key is offered for trust with its fingerprint, never trusted silently. */
    public void importFile(Path file, boolean trustNewKey) {
        message.set("");
        startBusy("gui.package.busy.importing");
        executor.execute(() -> packages.importPackage(file, trustNewKey), report -> {
            endBusy();
            reportImport(report);
            load();
        }, failure -> {
            endBusy();
            if (failure instanceof PackageRejectedException rejected
                    && rejected.reason() == PackageRejectedException.Reason.KEY_CHANGED && !trustNewKey) {
                askTrust(file, rejected);
            } else {
                report("gui.package.importFailed", failure);
            }
        });
    }

    private void askTrust(Path file, PackageRejectedException rejected) {
        int answer = dialogs.ask(l10n.text("gui.package.title"), l10n.text("gui.package.trust.header"),
                l10n.text("gui.package.trust.text", file.getFileName(), rejected.detail()),
                List.of(l10n.text("gui.package.trust.yes"), l10n.text("gui.package.cancel")));
        if (answer == 0) {
            importFile(file, true);
        } else {
            message.set(l10n.text("gui.package.trust.declined"));
        }
    }

    private void reportImport(ImportReport report) {
        if (report.alreadyImported()) {
            message.set(l10n.text("gui.package.alreadyImported", report.committeeName()));
            return;
        }
        StringBuilder text = new StringBuilder(l10n.text("gui.package.imported", report.committeeName(), report.added(),
                report.updated(), report.unchanged(), report.skipped(), report.conflicts().size()));
        if (report.committeeCreated()) {
            text.append(' ').append(l10n.text("gui.package.committeeCreated", report.committeeName()));
        }
        if (report.firstContact()) {
            text.append(' ').append(l10n.text("gui.package.firstContact", report.senderFingerprint()));
        }
        if (report.keyTrusted()) {
            text.append(' ').append(l10n.text("gui.package.keyTrusted", report.senderFingerprint()));
        }
        message.set(text.toString());
        if (!report.conflicts().isEmpty()) {
            dialogs.showInformation(l10n.text("gui.package.title"), l10n.text("gui.package.conflicts.header",
                    report.conflicts().size()), report.conflicts().stream().map(c -> l10n.text(
                            "gui.package.conflicts.line", c.label(), c.differingFields()))
                    .collect(Collectors.joining("\n")));
        }
    }

    // ---- this office's key, conflicts ----

    /** 导出本办公室公钥…: for committees to encrypt their packages for this office. */
    public void exportOfficeKey() {
        dialogs.chooseSaveFile(l10n.text("gui.package.officeKey.title"), "office.key", l10n.text("gui.package.keyFilter"),
                        "key")
                .ifPresent(file -> {
                    message.set("");
                    run("gui.package.busy.exporting", () -> packages.exportOfficeKey(file),
                            fingerprint -> message.set(l10n.text("gui.package.officeKey.done", file.getFileName(),
                                    fingerprint)), "gui.package.exportFailed");
                });
    }

    /** 标记为已复核: the selected conflict was looked at by a person. */
    public void markReviewed() {
        ConflictLine line = selectedConflict.get();
        if (line == null || !line.conflict().open()) {
            return;
        }
        run("gui.package.busy.saving", () -> {
            packages.markReviewed(line.conflict().id());
            return null;
        }, done -> load(), "gui.package.reviewFailed");
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
            report(failedKey, failure);
        });
    }

    /** A failure in words: a refused package by why, a broken rule by its message, a refusal of the role as a notice. */
    private void report(String headerKey, Throwable failure) {
        if (Refusals.noticeIfRefused(failure, dialogs, l10n)) {
            return;
        }
        String text;
        if (failure instanceof PackageRejectedException rejected) {
            text = l10n.text(rejected.reason().messageKey(), rejected.file());
        } else if (failure instanceof ValidationException invalid) {
            text = invalid.problems().stream().map(l10n::message).collect(Collectors.joining("\n"));
        } else {
            LOG.warn("package work failed", failure);
            text = l10n.text("gui.package.unexpected",
                    KnownFailures.reason(failure));
        }
        dialogs.showError(l10n.text("gui.package.title"), l10n.text(headerKey), text);
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

    public ObservableList<Committee> committees() {
        return committees;
    }

    public ObjectProperty<Committee> committeeProperty() {
        return committee;
    }

    /** 起始日期: only leads found, verified or changed from this day on; empty for all. */
    public ObjectProperty<LocalDate> sinceProperty() {
        return since;
    }

    /** The office key file the package is encrypted for; empty for none. */
    public ObjectProperty<Path> officeKeyProperty() {
        return officeKey;
    }

    public ObservableList<ReceivedLine> received() {
        return received;
    }

    public ObservableList<ConflictLine> conflicts() {
        return conflicts;
    }

    public ObjectProperty<ConflictLine> selectedConflictProperty() {
        return selectedConflict;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
