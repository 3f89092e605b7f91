package cn.mediationdesk.gui.monthly;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.monthly.MonthLead;
import cn.mediationdesk.logic.monthly.MonthlyReport;
import cn.mediationdesk.logic.monthly.MonthlyReportService;
import cn.mediationdesk.logic.monthly.MonthlyStatusRow;
import cn.mediationdesk.logic.monthly.ReportDeadline;
import cn.mediationdesk.logic.monthly.ReportStatus;
import cn.mediationdesk.logic.monthly.ScreeningInput;
import cn.mediationdesk.logic.monthly.ScreeningService;
import cn.mediationdesk.logic.report.pdf.FontNotFoundException;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.MonthlyReportLayout;
import cn.mediationdesk.logic.report.sheet.MonthlyReportWorkbook;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.User;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 月报与排查: a committee's screening rounds of a month (排查登记: listed, added, changed, removed) and the
 * month's report (月报: its figures and leads, a zero report when none was found, signed off by the
 * director; exported as PDF or XLSX). An administrator chooses among every committee and sees the
 * status of each; a director or mediator works on their own. Every read and write runs off the FX thread.
 */
public final class MonthlyViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyViewModel.class);
    private static final List<Field> FORM_FIELDS = List.of(Field.SCREENED_ON, Field.SCREENING_PLACE, Field.GRID,
            Field.SCREENED_BY, Field.LEADS_FOUND, Field.SCREENING_NOTE);

    /** A committee to choose, with its report's status in the month shown. */
    public record CommitteeChoice(long id, String name, String status) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A round as the register's table shows it. */
    public record RoundRow(Screening screening, String day, String place, String who, String leadsFound,
                           String note) {
    }

    /** A figure of the report. */
    public record FigureRow(String label, String value) {
    }

    /** A lead of the report's list. */
    public record LeadRow(String number, String foundOn, String type, String summary, String state) {
    }

    /** A grid to choose in the form; {@code id} null for none. */
    public record GridChoice(Long id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What one load brings back from the services. */
    private record Loaded(List<MonthlyStatusRow> statuses, long committeeId, List<Screening> rounds, List<Grid> grids,
                          MonthlyReport report) {
    }

    private final ScreeningService screenings;
    private final MonthlyReportService reports;
    private final User actor;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final MonthlyReportLayout layout;

    private final ObjectProperty<YearMonth> month = new SimpleObjectProperty<>();
    private final ObservableList<CommitteeChoice> committees = FXCollections.observableArrayList();
    private final ObjectProperty<CommitteeChoice> committee = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper monthText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    // the register
    private final ObservableList<RoundRow> rounds = FXCollections.observableArrayList();
    private final ObservableList<GridChoice> grids = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Screening> editing = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LocalDate> screenedOn = new SimpleObjectProperty<>();
    private final StringProperty place = new SimpleStringProperty("");
    private final ObjectProperty<GridChoice> grid = new SimpleObjectProperty<>();
    private final StringProperty screenedBy = new SimpleStringProperty("");
    private final StringProperty leadsFound = new SimpleStringProperty("0");
    private final StringProperty note = new SimpleStringProperty("");
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper("");

    // the report
    private final ReadOnlyObjectWrapper<MonthlyReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper reportTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reportStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper zeroText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper("");
    private final ObservableList<FigureRow> figures = FXCollections.observableArrayList();
    private final ObservableList<LeadRow> leads = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canSign = new ReadOnlyBooleanWrapper(false);
    private final StringProperty signNote = new SimpleStringProperty("");
    private final BooleanProperty showsStatuses = new SimpleBooleanProperty(false);

    public MonthlyViewModel(ScreeningService screenings, MonthlyReportService reports, User actor, Localization l10n,
                            Clock clock, TaskExecutor executor, DialogService dialogs) {
        this.screenings = screenings;
        this.reports = reports;
        this.actor = actor;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        this.layout = new MonthlyReportLayout(l10n);
        for (Field field : FORM_FIELDS) {
            errors.put(field, new ReadOnlyStringWrapper(""));
        }
        // the month a report is due for first: the one just ended
        month.set(YearMonth.now(clock).minusMonths(1));
        monthText.set(layout.month(month.get()));
        month.addListener((obs, old, now) -> monthText.set(layout.month(now)));
        showsStatuses.set(actor != null && actor.role() == Role.ADMIN);
        newRound();
    }

    // ---- loading ----

    /** Reads the month of the committee chosen (the first one when none is): statuses, rounds, grids and report. */
    public void load() {
        YearMonth shown = month.get();
        Long chosen = committee.get() == null ? null : committee.get().id();
        busy.set(true);
        executor.execute(() -> {
            List<MonthlyStatusRow> statuses = reports.overview(actor, shown);
            long id = chosen != null && statuses.stream().anyMatch(s -> s.committeeId() == chosen) ? chosen
                    : statuses.stream().findFirst().map(MonthlyStatusRow::committeeId)
                    .orElseThrow(() -> new ValidationException(Problem.of(Field.COMMITTEE, "gui.monthly.noCommittee")));
            return new Loaded(statuses, id, screenings.list(actor, id, shown.atDay(1), shown.atEndOfMonth()),
                    screenings.grids(actor, id), reports.report(actor, id, shown));
        }, this::show, failure -> {
            busy.set(false);
            failed(failure, "gui.monthly.loadFailed");
        });
    }

    private void show(Loaded loaded) {
        busy.set(false);
        List<CommitteeChoice> choices = loaded.statuses().stream()
                .map(s -> new CommitteeChoice(s.committeeId(), s.committeeName(), statusText(s.status(), s.dueOn())))
                .toList();
        committees.setAll(choices);
        committee.set(choices.stream().filter(c -> c.id() == loaded.committeeId()).findFirst().orElse(null));
        rounds.setAll(loaded.rounds().stream().map(this::row).toList());
        grids.setAll(loaded.grids().stream().map(g -> new GridChoice(g.id(), g.name())).toList());
        grids.addFirst(new GridChoice(null, l10n.text("gui.monthly.noGrid")));
        if (editing.get() == null) {
            newRound();
        }
        showReport(loaded.report());
    }

    private void showReport(MonthlyReport shown) {
        report.set(shown);
        reportTitle.set(layout.title(shown));
        reportStatus.set(shown.isSigned() ? layout.signedText(shown) : statusText(shown.status(), shown.dueOn()));
        zeroText.set(shown.zeroReport() ? layout.zeroReportText() : "");
        changedText.set(shown.changedSince() ? layout.changedText(shown) : "");
        List<FigureRow> rows = new java.util.ArrayList<>(layout.figures(shown.figures()).stream()
                .map(f -> new FigureRow(f.label(), Long.toString(f.value()))).toList());
        rows.add(new FigureRow(l10n.text("report.column.rate"),
                cn.mediationdesk.logic.report.print.ReportTexts.rate(shown.figures().counts().resolutionRate())));
        figures.setAll(rows);
        leads.setAll(shown.leads().stream().map(this::leadRow).toList());
        canSign.set(!shown.isSigned() && actor != null
                && (actor.role() == Role.ADMIN || actor.role() == Role.DIRECTOR)
                && ReportDeadline.reportable(shown.month(), LocalDate.now(clock)));
    }

    private String statusText(ReportStatus status, LocalDate dueOn) {
        return switch (status) {
            case OPEN -> l10n.text("gui.monthly.status.open");
            case DUE -> l10n.text("gui.monthly.status.due", layout.date(dueOn));
            case LATE -> l10n.text("gui.monthly.status.late", layout.date(dueOn));
            case SIGNED -> l10n.text("gui.monthly.status.signed");
        };
    }

    private RoundRow row(Screening s) {
        return new RoundRow(s, layout.date(s.screenedOn()), s.place(), s.screenedBy(), Integer.toString(s.leadsFound()),
                s.note() == null ? "" : s.note());
    }

    private LeadRow leadRow(MonthLead lead) {
        return new LeadRow(lead.number(), layout.date(lead.foundOn()), lead.type(l10n.isChinese()), lead.summary(),
                layout.state(lead));
    }

    public void previousMonth() {
        message.set("");
        month.set(month.get().minusMonths(1));
        load();
    }

    public void nextMonth() {
        message.set("");
        month.set(month.get().plusMonths(1));
        load();
    }

    /** Shows another committee's month (an administrator's choice). */
    public void chooseCommittee(CommitteeChoice choice) {
        if (choice != null && (committee.get() == null || committee.get().id() != choice.id())) {
            committee.set(choice);
            message.set("");
            newRound();
            load();
        }
    }

    // ---- the register ----

    /** Empties the form for a new round, dated today (or the month's last day, for a month past). */
    public void newRound() {
        editing.set(null);
        LocalDate today = LocalDate.now(clock);
        YearMonth shown = month.get();
        screenedOn.set(shown == null || !shown.atEndOfMonth().isBefore(today) ? today : shown.atEndOfMonth());
        place.set("");
        grid.set(null);
        screenedBy.set("");
        leadsFound.set("0");
        note.set("");
        clearErrors();
        formTitle.set(l10n.text("gui.monthly.form.new"));
    }

    /** Puts a round into the form to change it. */
    public void edit(RoundRow row) {
        if (row == null) {
            return;
        }
        Screening s = row.screening();
        editing.set(s);
        screenedOn.set(s.screenedOn());
        place.set(s.place());
        grid.set(grids.stream().filter(g -> g.id() != null && g.id().equals(s.gridId())).findFirst().orElse(null));
        screenedBy.set(s.screenedBy());
        leadsFound.set(Integer.toString(s.leadsFound()));
        note.set(s.note() == null ? "" : s.note());
        clearErrors();
        formTitle.set(l10n.text("gui.monthly.form.edit", layout.date(s.screenedOn())));
    }

    /** Saves the form as a new round, or as the change of the round being edited. */
    public void save() {
        if (committee.get() == null || busy.get()) {
            return;
        }
        clearErrors();
        int found;
        try {
            found = Integer.parseInt(leadsFound.get().strip());
        } catch (NumberFormatException e) {
            errors.get(Field.LEADS_FOUND).set(l10n.text("monthly.screening.leadsFoundRange",
                    ScreeningService.LEADS_FOUND_MAX));
            return;
        }
        ScreeningInput input = new ScreeningInput(screenedOn.get(), place.get(),
                grid.get() == null ? null : grid.get().id(), screenedBy.get(), found, note.get());
        Screening changing = editing.get();
        long committeeId = committee.get().id();
        busy.set(true);
        executor.execute(() -> changing == null ? screenings.record(actor, committeeId, input)
                : screenings.change(actor, changing.id(), changing.version(), input), saved -> {
            busy.set(false);
            editing.set(null);
            message.set(l10n.text("gui.monthly.saved", layout.date(saved.screenedOn())));
            newRound();
            load();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                showProblems(invalid.problems());
            } else {
                failed(failure, "gui.monthly.saveFailed");
            }
        });
    }

    /** Removes a round after asking. */
    public void remove(RoundRow row) {
        if (row == null || busy.get()) {
            return;
        }
        Screening s = row.screening();
        int answer = dialogs.ask(l10n.text("gui.window.title"), l10n.text("gui.monthly.remove.question"),
                l10n.text("gui.monthly.remove.detail", layout.date(s.screenedOn()), s.place()),
                List.of(l10n.text("gui.monthly.remove.yes"), l10n.text("gui.monthly.remove.no")));
        if (answer != 0) {
            return;
        }
        busy.set(true);
        executor.execute(() -> {
            screenings.remove(actor, s.id(), s.version());
            return s;
        }, removed -> {
            busy.set(false);
            if (editing.get() != null && editing.get().id().equals(removed.id())) {
                newRound();
            }
            message.set(l10n.text("gui.monthly.removed"));
            load();
        }, failure -> {
            busy.set(false);
            failed(failure, "gui.monthly.saveFailed");
        });
    }

    private void showProblems(List<Problem> problems) {
        StringBuilder general = new StringBuilder();
        for (Problem problem : problems) {
            ReadOnlyStringWrapper slot = errors.get(problem.field());
            if (slot != null && slot.get().isEmpty()) {
                slot.set(l10n.text(problem.key(), problem.args().toArray()));
            } else if (slot == null) {
                general.append(l10n.message(problem)).append('\n');
            }
        }
        formMessage.set(general.toString().strip());
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        formMessage.set("");
    }

    // ---- the report ----

    /** Signs the month's report as it stands, after asking. */
    public void sign() {
        MonthlyReport shown = report.get();
        if (shown == null || !canSign.get() || busy.get()) {
            return;
        }
        int answer = dialogs.ask(l10n.text("gui.window.title"), l10n.text("gui.monthly.sign.question",
                        reportTitle.get()),
                l10n.text(shown.zeroReport() ? "gui.monthly.sign.detailZero" : "gui.monthly.sign.detail"),
                List.of(l10n.text("gui.monthly.sign.yes"), l10n.text("gui.monthly.sign.no")));
        if (answer != 0) {
            return;
        }
        String text = signNote.get();
        busy.set(true);
        executor.execute(() -> reports.sign(actor, shown.committee().id(), shown.month(), text), signed -> {
            busy.set(false);
            signNote.set("");
            message.set(l10n.text("gui.monthly.signedNow"));
            showReport(signed);
            load();
        }, failure -> {
            busy.set(false);
            failed(failure, "gui.monthly.signFailed");
        });
    }

    public void exportPdf() {
        export("pdf", "gui.monthly.export.filter.pdf", (shown, file) ->
                new PdfExporter(l10n).write(new MonthlyReportLayout(l10n).document(shown), file));
    }

    public void exportXlsx() {
        export("xlsx", "gui.monthly.export.filter.xlsx", (shown, file) ->
                new MonthlyReportWorkbook(l10n).write(shown, file));
    }

    private void export(String extension, String filterKey,
                        java.util.function.BiConsumer<MonthlyReport, Path> writer) {
        MonthlyReport shown = report.get();
        if (shown == null || busy.get()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseSaveFile(l10n.text("gui.monthly.export.title"),
                l10n.text("gui.monthly.export.fileName", shown.committee().name(), shown.month().toString())
                        + "." + extension, l10n.text(filterKey), extension);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        busy.set(true);
        executor.execute(() -> {
            writer.accept(shown, file);
            return file;
        }, saved -> {
            busy.set(false);
            dialogs.showInformation(l10n.text("gui.window.title"), l10n.text("gui.monthly.export.saved"),
                    file.toAbsolutePath().toString());
        }, failure -> {
            busy.set(false);
            if (failure instanceof FontNotFoundException missingFont) {
                dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.monthly.export.failed"),
                        missingFont.describe(l10n));
                return;
            }
            failed(failure, "gui.monthly.export.failed");
        });
    }

    private void failed(Throwable failure, String key) {
        switch (failure) {
            case ValidationException invalid -> message.set(l10n.message(invalid.problems().getFirst()));
            case PermissionDeniedException refused -> message.set(l10n.message(refused.problem()));
            default -> {
                if (!KnownFailures.showIfKnown(failure, dialogs, l10n)) {
                    LOG.warn("monthly screen: {}", key, failure);
                    message.set(l10n.text(key));
                }
            }
        }
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<YearMonth> monthProperty() {
        return month;
    }

    public ReadOnlyStringProperty monthTextProperty() {
        return monthText.getReadOnlyProperty();
    }

    public ObservableList<CommitteeChoice> committees() {
        return committees;
    }

    public ReadOnlyObjectProperty<CommitteeChoice> committeeProperty() {
        return committee;
    }

    /** Whether the committee can be chosen and the statuses of all are shown (an administrator). */
    public boolean showsStatuses() {
        return showsStatuses.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<RoundRow> rounds() {
        return rounds;
    }

    public ObservableList<GridChoice> grids() {
        return grids;
    }

    public ReadOnlyObjectProperty<Screening> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> screenedOnProperty() {
        return screenedOn;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public ObjectProperty<GridChoice> gridProperty() {
        return grid;
    }

    public StringProperty screenedByProperty() {
        return screenedBy;
    }

    public StringProperty leadsFoundProperty() {
        return leadsFound;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MonthlyReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTitleProperty() {
        return reportTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportStatusProperty() {
        return reportStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty zeroTextProperty() {
        return zeroText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty changedTextProperty() {
        return changedText.getReadOnlyProperty();
    }

    public ObservableList<FigureRow> figures() {
        return figures;
    }

    public ObservableList<LeadRow> leads() {
        return leads;
    }

    public ReadOnlyBooleanProperty canSignProperty() {
        return canSign.getReadOnlyProperty();
    }

    public StringProperty signNoteProperty() {
        return signNote;
    }
}
