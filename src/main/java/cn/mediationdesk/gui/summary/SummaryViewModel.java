package cn.mediationdesk.gui.summary;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.print.PrintPreviews;
import cn.mediationdesk.gui.print.Printout;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.DistrictSummary;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.pdf.FontNotFoundException;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.ReportLayouts;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.search.FilterChoices;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.RiskLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Summaries screen (统计汇总): a grouping, a period on the day leads were found, and the
 * as-of day; the rows and the total come from {@link TallyService} as they are, never computed here.
 */
public final class SummaryViewModel {

    private final TallyService tally;
    private final LeadSearchService search;
    private final ReportService reports;
    private final Consumer<LeadFilter> ledger;
    private final PrintPreviews previews;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.COMMUNITY);
    private final ObjectProperty<PeriodPreset> preset = new SimpleObjectProperty<>(PeriodPreset.THIS_YEAR);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    /** How the statistics table places cases in the period: by acceptance, as the official table counts. */
    private final ObjectProperty<PeriodBasis> statisticsBasis = new SimpleObjectProperty<>(PeriodBasis.ACCEPTED);
    private final StringBinding validationMessage;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSummarize;

    private final ObservableList<TallyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TallyRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<TallyRow> total = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TallyQuery> shownQuery = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canExport;
    /** The ids behind the community and committee codes of the rows shown, for the ledger's filter. */
    private final Map<String, Long> communityIds = new HashMap<>();
    private final Map<String, Long> committeeIds = new HashMap<>();
    /** The communities a page can be printed for, in code order. */
    private final ObservableList<Community> communities = FXCollections.observableArrayList();

    /** Set while a preset writes the period, so that only the user's own edits switch to CUSTOM. */
    private boolean applyingPreset;
    /** Counts the queries started; a result that arrives after a newer query started is dropped. */
    private long generation;

    /**
     * @param ledger shows the ledger on the leads of a filter (the main window's
     *               {@code openLedger}); a click on a count opens the leads it counts
     * @param previews opens the print preview of a report
     */
    public SummaryViewModel(TallyService tally, LeadSearchService search, ReportService reports, Localization l10n,
                            Clock clock, TaskExecutor executor, DialogService dialogs, Consumer<LeadFilter> ledger,
                            PrintPreviews previews) {
        this.tally = tally;
        this.search = search;
        this.reports = reports;
        this.ledger = ledger;
        this.previews = previews;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;

        asOf.set(today());
        applyPreset(preset.get());
        preset.addListener((obs, old, now) -> applyPreset(now));
        from.addListener((obs, old, now) -> switchToCustomIfEdited());
        to.addListener((obs, old, now) -> switchToCustomIfEdited());

        validationMessage = Bindings.createStringBinding(this::validate, from, to, asOf);
        canSummarize = Bindings.createBooleanBinding(() -> !running.get() && validate().isEmpty(),
                running, from, to, asOf);
        canExport = Bindings.createBooleanBinding(() -> !running.get() && !exporting.get() && shownQuery.get() != null
                        && validate().isEmpty(), running, exporting, shownQuery, from, to, asOf);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void applyPreset(PeriodPreset chosen) {
        if (chosen == null) {
            return;
        }
        chosen.range(today()).ifPresent(range -> {
            applyingPreset = true;
            try {
                from.set(range.first());
                to.set(range.last());
            } finally {
                applyingPreset = false;
            }
        });
    }

    private void switchToCustomIfEdited() {
        if (applyingPreset || preset.get() == null || preset.get() == PeriodPreset.CUSTOM) {
            return;
        }
        DateRange presetRange = preset.get().range(today()).orElseThrow();
        if (!Objects.equals(from.get(), presetRange.first()) || !Objects.equals(to.get(), presetRange.last())) {
            preset.set(PeriodPreset.CUSTOM);
        }
    }

    /** Chooses a custom period and as-of day, e.g. the year a demo was made for. */
    public void choosePeriod(DateRange period, LocalDate asOfDay) {
        preset.set(PeriodPreset.CUSTOM);
        from.set(period.first());
        to.set(period.last());
        asOf.set(asOfDay);
    }

    /** What is wrong with the chosen days, localized; empty when they can be summarized. */
    private String validate() {
        if (from.get() == null) {
            return l10n.text("gui.summary.invalid.fromMissing");
        }
        if (to.get() == null) {
            return l10n.text("gui.summary.invalid.toMissing");
        }
        if (to.get().isBefore(from.get())) {
            return l10n.text("gui.summary.invalid.toBeforeFrom", to.get(), from.get());
        }
        if (asOf.get() == null) {
            return l10n.text("gui.summary.invalid.asOfMissing");
        }
        return "";
    }

    /**
     * Runs the summary in the background and shows its rows. Does nothing while the chosen days
     * are invalid ({@link #validationMessageProperty()} says why) or another summary is running.
     */
    public void summarize() {
        if (running.get()) {
            return;
        }
        // A preset means "this year as of now": if the day changed since it was chosen, follow it.
        applyPreset(preset.get());
        if (!validate().isEmpty()) {
            return;
        }
        TallyQuery query = TallyQuery.of(grouping.get(), from.get(), to.get(), asOf.get());
        long mine = ++generation;
        running.set(true);
        executor.execute(() -> new Shown(tally.summarize(query), search.choices()), result -> {
            if (mine == generation) {
                running.set(false);
                show(result.result(), result.choices());
            }
        }, failure -> {
            if (mine == generation) {
                running.set(false);
                KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.summary.failed",
                        "gui.summary.failed.advice");
            }
        });
    }

    /** A summary with what its community and committee codes stand for. */
    private record Shown(TallyResult result, FilterChoices choices) {
    }

    private void show(TallyResult result, FilterChoices choices) {
        communityIds.clear();
        for (Community community : choices.communities()) {
            communityIds.put(community.code(), community.id());
        }
        committeeIds.clear();
        for (Committee committee : choices.committees()) {
            committeeIds.put(committee.code(), committee.id());
        }
        communities.setAll(choices.communities().stream().filter(Community::active)
                .sorted(java.util.Comparator.comparing(Community::code)).toList());
        rows.setAll(result.rows());
        total.set(result.total());
        shownQuery.set(result.query());
        TallyQuery q = result.query();
        caption.set(l10n.text("gui.summary.caption", groupingLabel(q.by()), q.from(), q.to(), q.asOf()));
    }

    // ---- drill-down ----

    /**
     * Exactly the leads behind one cell of the summary shown: its period and as-of day, the row's
     * group (none for the total row) and the cell's column.
     *
     * @throws IllegalStateException before a summary is shown
     */
    public LeadFilter filterFor(TallyRow row, TallyColumn column) {
        TallyQuery query = shownQuery.get();
        if (query == null) {
            throw new IllegalStateException("no summary shown");
        }
        LeadFilter filter = LeadFilter.of(query, column);
        if (row == null || isTotal(row)) {
            return filter;
        }
        return switch (query.by()) {
            case COMMUNITY -> filter.withCommunity(idOf(communityIds, row));
            case COMMITTEE -> filter.withCommittee(idOf(committeeIds, row));
            case TYPE -> filter.withDisputeType(row.code());
            case SOURCE -> filter.withSource(row.code());
            case SOURCE_GROUP -> filter.withSourceGroup(row.code());
            case MONTH -> filter.withMonth(YearMonth.parse(row.code()));
            case RISK -> filter.withRisks(Set.of(RiskLevel.valueOf(row.code())));
        };
    }

    private static Long idOf(Map<String, Long> ids, TallyRow row) {
        Long id = ids.get(row.code());
        if (id == null) {
            // Without the id the filter would silently list every group's leads.
            throw new IllegalStateException("unknown group " + row.code());
        }
        return id;
    }

    /** Whether {@code row} is the total of the summary shown rather than one of its groups. */
    public boolean isTotal(TallyRow row) {
        return row == total.get() || TallyRow.TOTAL_CODE.equals(row.code());
    }

    /** Shows the ledger on the leads behind one cell; nothing before a summary is shown. */
    public void openLedger(TallyRow row, TallyColumn column) {
        if (shownQuery.get() != null && row != null) {
            ledger.accept(filterFor(row, column));
        }
    }

    /**
     * The summary that a print or an export covers: the grouping, period and as-of day on the screen,
     * never merely the last ones counted. When the user changed them since, the table is counted
     * again as well, so that it shows what is printed. {@code null} before a summary is shown or
     * while the days on the screen are invalid.
     */
    private TallyQuery queryOnScreen() {
        if (shownQuery.get() == null) {
            return null;
        }
        applyPreset(preset.get());
        if (!validate().isEmpty()) {
            return null;
        }
        TallyQuery onScreen = TallyQuery.of(grouping.get(), from.get(), to.get(), asOf.get());
        if (!onScreen.equals(shownQuery.get())) {
            summarize();
        }
        return onScreen;
    }

    // ---- export ----

    /** What can be exported from this screen, over the period shown: the summary, the district summary, the statistics table. */
    public enum Report {
        SUMMARY, DISTRICT, STATISTICS
    }

    public enum FileFormat {
        PDF("pdf"), XLSX("xlsx");

        private final String extension;

        FileFormat(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * Asks where to save {@code report} in {@code format}, then writes it in the background over the
     * period and as-of day of the summary shown; says when it is saved, or what went wrong (a missing
     * Chinese font by what to install).
     */
    public void export(Report report, FileFormat format) {
        TallyQuery query = queryOnScreen();
        if (query == null || exporting.get()) {
            return;
        }
        String name = l10n.text(switch (report) {
            case SUMMARY -> "gui.summary.export.fileName.summary";
            case DISTRICT -> "gui.summary.export.fileName.district";
            case STATISTICS -> "gui.summary.export.fileName.statistics";
        }, groupingLabel(query.by()), query.from(), query.to());
        exportTo(name, format, file -> write(report, format, query, file));
    }

    /** Asks where to save a community's page in {@code format}, over the period shown, then writes it. */
    public void exportCommunityPage(Community community, FileFormat format) {
        TallyQuery query = queryOnScreen();
        if (query == null || exporting.get()) {
            return;
        }
        String name = l10n.text("gui.summary.export.fileName.community", community.name(), query.from(), query.to());
        exportTo(name, format, file -> {
            var page = reports.communityPage(community.id(), query.from(), query.to(), query.asOf());
            if (format == FileFormat.PDF) {
                new PdfExporter(l10n).write(new ReportLayouts(l10n).communityPage(page), file);
            } else {
                new SpreadsheetExporter(l10n).writeCommunityPage(page, file);
            }
        });
    }

    private void exportTo(String name, FileFormat format, java.util.function.Consumer<Path> writer) {
        var chosen = dialogs.chooseSaveFile(l10n.text("gui.summary.export.chooseTitle"),
                name + "." + format.extension(), l10n.text(format == FileFormat.PDF
                        ? "gui.summary.export.filter.pdf" : "gui.summary.export.filter.xlsx"),
                format.extension());
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        exporting.set(true);
        executor.execute(() -> {
            writer.accept(file);
            return file;
        }, saved -> {
            exporting.set(false);
            dialogs.notifyDone(l10n.text("gui.window.title"), l10n.text("gui.summary.export.saved"),
                    file.toAbsolutePath().toString());
        }, failure -> {
            exporting.set(false);
            if (failure instanceof FontNotFoundException missingFont) {
                dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.summary.export.noFont"),
                        missingFont.describe(l10n));
                return;
            }
            KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.summary.export.failed",
                    "gui.summary.export.failed.advice", file.toAbsolutePath());
        });
    }

    private void write(Report report, FileFormat format, TallyQuery query, Path file) {
        switch (report) {
            case SUMMARY -> {
                var summary = reports.summary(query);
                if (format == FileFormat.PDF) {
                    new PdfExporter(l10n).write(new ReportLayouts(l10n).summary(summary), file);
                } else {
                    new SpreadsheetExporter(l10n).writeSummary(summary, file);
                }
            }
            case DISTRICT -> {
                DistrictSummary district = reports.districtSummary(query.from(), query.to(), query.asOf());
                // The table the screen was showing comes first.
                Grouping first = query.by() == Grouping.COMMUNITY ? Grouping.COMMUNITY : Grouping.COMMITTEE;
                if (format == FileFormat.PDF) {
                    new PdfExporter(l10n).write(new ReportLayouts(l10n).districtSummary(district, first), file);
                } else {
                    new SpreadsheetExporter(l10n).writeDistrictSummary(district, first, file);
                }
            }
            case STATISTICS -> {
                var table = reports.statisticsTable(query.from(), query.to(), query.asOf(), statisticsBasis());
                if (format == FileFormat.PDF) {
                    new PdfExporter(l10n).write(new ReportLayouts(l10n).statisticsTable(table), file);
                } else {
                    new SpreadsheetExporter(l10n).writeStatisticsTable(table, file);
                }
            }
        }
    }

    // ---- printing ----

    /** The reports that print over the period and as-of day of the summary shown. */
    public enum Printable {
        SUMMARY, DISTRICT, STATISTICS
    }

    /** Opens the print preview of {@code printable} over the period and as-of day of the summary shown. */
    public void print(Printable printable) {
        TallyQuery query = queryOnScreen();
        if (query == null) {
            return;
        }
        ReportLayouts layouts = new ReportLayouts(l10n);
        switch (printable) {
            case SUMMARY -> {
                String title = l10n.text("gui.summary.print.summary", groupingLabel(query.by()));
                previews.open(title, () -> Printout.of(fileName(title, query),
                        List.of(layouts.summary(reports.summary(query)))));
            }
            case DISTRICT -> {
                String title = l10n.text("gui.summary.print.district");
                Grouping first = query.by() == Grouping.COMMUNITY ? Grouping.COMMUNITY : Grouping.COMMITTEE;
                previews.open(title, () -> Printout.of(fileName(title, query), List.of(layouts.districtSummary(
                        reports.districtSummary(query.from(), query.to(), query.asOf()), first))));
            }
            case STATISTICS -> {
                String title = l10n.text("gui.summary.print.statistics");
                previews.open(title, () -> Printout.of(fileName(title, query), List.of(layouts.statisticsTable(
                        reports.statisticsTable(query.from(), query.to(), query.asOf(), statisticsBasis())))));
            }
        }
    }

    /** Opens the print preview of one community's page over the period and as-of day of the summary shown. */
    public void printCommunityPage(Community community) {
        TallyQuery query = queryOnScreen();
        if (query == null || community == null) {
            return;
        }
        String title = l10n.text("gui.summary.print.community", community.name());
        previews.open(title, () -> Printout.of(fileName(title, query), List.of(new ReportLayouts(l10n).communityPage(
                reports.communityPage(community.id(), query.from(), query.to(), query.asOf())))));
    }

    private static String fileName(String title, TallyQuery query) {
        return title + "_" + query.from() + "_" + query.to();
    }

    /** The communities whose page can be printed, as of the summary shown. */
    public ObservableList<Community> communities() {
        return FXCollections.unmodifiableObservableList(communities);
    }

    /** Whether an export can start: a summary is shown and nothing is being counted or written. */
    public ObservableBooleanValue canExportProperty() {
        return canExport;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public String groupingLabel(Grouping value) {
        return l10n.text("gui.grouping." + value.name());
    }

    public String presetLabel(PeriodPreset value) {
        return l10n.text("gui.period." + value.name());
    }

    /** A group's name in the reader's language. */
    public String nameOf(TallyRow row) {
        return row.name(l10n.isChinese());
    }

    public List<Grouping> groupings() {
        return List.of(Grouping.values());
    }

    /** The statistics table's basis; the official one when none is chosen. */
    private PeriodBasis statisticsBasis() {
        return statisticsBasis.get() == null ? PeriodBasis.ACCEPTED : statisticsBasis.get();
    }

    public ObjectProperty<PeriodBasis> statisticsBasisProperty() {
        return statisticsBasis;
    }

    public List<PeriodBasis> statisticsBases() {
        return List.of(PeriodBasis.ACCEPTED, PeriodBasis.FOUND);
    }

    public String basisLabel(PeriodBasis basis) {
        return basis == null ? "" : l10n.text(basis == PeriodBasis.ACCEPTED ? "gui.summary.basis.accepted"
                : "gui.summary.basis.found");
    }

    public List<PeriodPreset> presets() {
        return List.of(PeriodPreset.values());
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ObjectProperty<PeriodPreset> presetProperty() {
        return preset;
    }

    /** First day of the period (inclusive, on the day a lead was found). */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day of the period (inclusive). */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Each lead is counted in the state it had at the end of this day. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObservableStringValue validationMessageProperty() {
        return validationMessage;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSummarizeProperty() {
        return canSummarize;
    }

    /** The group rows of the summary shown, in the engine's order; the total is separate. */
    public ObservableList<TallyRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<TallyRow> totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The query whose result is shown; {@code null} before the first summary. */
    public ReadOnlyObjectProperty<TallyQuery> shownQueryProperty() {
        return shownQuery.getReadOnlyProperty();
    }

    /** What the table shows, in a sentence: grouping, period and as-of day of the shown result. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
