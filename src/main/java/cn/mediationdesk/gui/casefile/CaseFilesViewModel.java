package cn.mediationdesk.gui.casefile;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.CaseFileGap;
import cn.mediationdesk.logic.report.casefile.CaseFileService;
import cn.mediationdesk.logic.report.casefile.CaseFileService.IncompleteFile;
import cn.mediationdesk.model.Outcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 卷宗检查: the cases closed in a period whose files still lack something, each with what it lacks;
 * a row opens its lead in the editor. Lists only what the user may read (the service decides).
 */
public final class CaseFilesViewModel {

    /** One incomplete file as the list shows it. */
    public record Row(UUID leadId, String caseNumber, String parties, String closedOn, String outcome, String lacks) {
    }

    private final CaseFileService service;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final LeadOpener leads;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public CaseFilesViewModel(CaseFileService service, Localization l10n, Clock clock, TaskExecutor executor,
                              LeadOpener leads) {
        this.service = service;
        this.l10n = l10n;
        this.executor = executor;
        this.leads = leads;
        LocalDate today = LocalDate.now(clock);
        // The year so far: what an inspection (评查) of this year's files looks at.
        from.set(today.withDayOfYear(1));
        to.set(today);
    }

    /** Lists the incomplete files of the period chosen. */
    public void load() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null) {
            status.set(l10n.text("gui.caseFiles.periodMissing"));
            return;
        }
        if (loading.get()) {
            return;
        }
        loading.set(true);
        status.set(l10n.text("gui.caseFiles.loading"));
        executor.execute(() -> service.incomplete(first, last, null), found -> {
            loading.set(false);
            rows.setAll(found.stream().map(this::row).toList());
            status.set(found.isEmpty() ? l10n.text("gui.caseFiles.none")
                    : l10n.text("gui.caseFiles.count", found.size()));
        }, failure -> {
            loading.set(false);
            rows.clear();
            status.set(KnownFailures.statusLine(failure, l10n, "gui.caseFiles.failed"));
        });
    }

    private Row row(IncompleteFile file) {
        String lacks = file.gaps().stream().map(CaseFileGap::messageKey).map(l10n::text)
                .collect(Collectors.joining(l10n.text("gui.caseFiles.separator")));
        return new Row(file.leadId(), file.caseNumber() == null ? "" : file.caseNumber(), file.partyNames(),
                String.valueOf(file.closedOn()), outcome(file.outcome()), lacks);
    }

    private String outcome(Outcome outcome) {
        return outcome == null ? "" : switch (outcome) {
            case RESOLVED -> l10n.text("gui.caseFiles.outcome.resolved");
            case FAILED -> l10n.text("gui.caseFiles.outcome.failed");
            case TERMINATED -> l10n.text("gui.caseFiles.outcome.terminated");
        };
    }

    /** Opens the row's lead in the editor, where its 卷宗 section shows what to fill in. */
    public void open(Row row) {
        if (row != null) {
            leads.open(row.leadId());
        }
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
