package cn.mediationdesk.gui.summary;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The Summaries screen (统计汇总): a grouping, a period on the day leads were found, and the
 * as-of day; the rows and the total come from {@link TallyService} as they are, never computed here.
 */
public final class SummaryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SummaryViewModel.class);

    private final TallyService tally;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.COMMUNITY);
    private final ObjectProperty<PeriodPreset> preset = new SimpleObjectProperty<>(PeriodPreset.THIS_YEAR);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringBinding validationMessage;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSummarize;

    private final ObservableList<TallyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TallyRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<TallyRow> total = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TallyQuery> shownQuery = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");

    /** Set while a preset writes the period, so that only the user's own edits switch to CUSTOM. */
    private boolean applyingPreset;
    /** Counts the queries started; a result that arrives after a newer query started is dropped. */
    private long generation;

    public SummaryViewModel(TallyService tally, Localization l10n, Clock clock, TaskExecutor executor,
                            DialogService dialogs) {
        this.tally = tally;
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
        executor.execute(() -> tally.summarize(query), result -> {
            if (mine == generation) {
                running.set(false);
                show(result);
            }
        }, failure -> {
            if (mine == generation) {
                running.set(false);
                LOG.warn("summary {} failed", query, failure);
                dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.summary.failed"),
                        l10n.text("gui.summary.failed.advice",
                                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
            }
        });
    }

    private void show(TallyResult result) {
        rows.setAll(result.rows());
        total.set(result.total());
        shownQuery.set(result.query());
        TallyQuery q = result.query();
        caption.set(l10n.text("gui.summary.caption", groupingLabel(q.by()), q.from(), q.to(), q.asOf()));
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
