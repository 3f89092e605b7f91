package cn.mediationdesk.gui.ledger;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.FilterChoices;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadKey;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.sheet.SpreadsheetExporter;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.search.RiskFlag;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

/**
 * The ledger (线索台账): every lead, a page at a time, filtered, sorted and counted by the database
 * through {@link LeadSearchService}. A change of any filter (but the typed text, which the view
 * hands over after a short pause or on Enter) lists the first page again.
 */
public final class LedgerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerViewModel.class);
    public static final int PAGE_SIZE = 100;
    /** Where the column chooser's choice is kept, under the node the application hands in. */
    static final String HIDDEN_COLUMNS = "hiddenColumns";

    private final LeadSearchService search;
    private final ReportService reports;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LeadOpener opener;
    private final Preferences preferences;

    private final ObjectProperty<LedgerPeriod> period = new SimpleObjectProperty<>(LedgerPeriod.ALL);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObservableList<FilterOption<Long>> communities = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<Long>> committees = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<String>> types = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<SourceChoice>> sources = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<Set<RiskLevel>>> risks = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<Set<RiskFlag>>> flags = FXCollections.observableArrayList();
    private final ObservableList<FilterOption<TallyColumn>> stateColumns = FXCollections.observableArrayList();
    /** The communities checked; none checked lists every community's leads. */
    private final ObservableList<FilterOption<Long>> chosenCommunities = FXCollections.observableArrayList();
    private final ObjectProperty<FilterOption<Long>> committee = new SimpleObjectProperty<>();
    /** The dispute types checked; none checked lists leads of every type. */
    private final ObservableList<FilterOption<String>> chosenTypes = FXCollections.observableArrayList();
    private final ObjectProperty<FilterOption<SourceChoice>> source = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterOption<Set<RiskLevel>>> risk = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterOption<Set<RiskFlag>>> flag = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterOption<TallyColumn>> stateColumn = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<LeadSort> sort = new SimpleObjectProperty<>(LeadSort.DEFAULT);

    private final ObservableList<LeadListRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LeadListRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private static final int EXPORT_PAGE = 1000;
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validationMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasLast = new ReadOnlyBooleanWrapper(false);
    /** The free-text search selects more leads than were counted: the last page is not known. */
    private final ReadOnlyBooleanWrapper countCapped = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LeadFilter> shownFilter = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<LedgerTableColumn> hiddenColumns = FXCollections.observableSet(
            EnumSet.noneOf(LedgerTableColumn.class));

    private FilterChoices choices;
    /** A filter handed in before the choices were loaded; applied as soon as they are. */
    private LeadFilter pending;
    /** Set while several filters change together, so that they list once, not once each. */
    private boolean changingTogether;
    /** Counts the queries started; a result that arrives after a newer query started is dropped. */
    private long generation;
    /** The last query whose failure was shown. */
    private long reported;
    /**
     * How the page shown was read when it was reached a page at a time: the leads after the last row of the
     * page before it, or before the first row of the page after it. Reading it again the same way finds it
     * as quickly as the first page, however deep it lies; {@code null} for a page read by its place (the
     * first, the last, or after the filters changed).
     */
    private Continuation continuation;

    /** The page after ({@code after}) or before a row's key, for the filter and order it was shown in. */
    private record Continuation(LeadKey key, boolean after, LeadFilter filter, LeadSort sort) {
        List<LeadListRow> read(LeadSearchService search) {
            return after ? search.pageAfter(filter, sort, key, PAGE_SIZE) : search.pageBefore(filter, sort, key, PAGE_SIZE);
        }
    }

    public LedgerViewModel(LeadSearchService search, ReportService reports, Localization l10n, Clock clock,
                           TaskExecutor executor, DialogService dialogs, LeadOpener opener, Preferences preferences) {
        this.search = search;
        this.reports = reports;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        this.opener = opener;
        this.preferences = preferences;

        asOf.set(today());
        stateColumns.add(new FilterOption<>(null, l10n.text("gui.ledger.filter.column.all")));
        for (TallyColumn c : TallyColumn.values()) {
            stateColumns.add(new FilterOption<>(c, columnLabel(c)));
        }
        stateColumn.set(stateColumns.getFirst());
        risks.setAll(riskOptions(List.of()));
        risk.set(risks.getFirst());
        flags.setAll(List.of(new FilterOption<>(Set.of(), l10n.text("gui.ledger.filter.flags.any")),
                new FilterOption<>(EnumSet.allOf(RiskFlag.class), l10n.text("gui.ledger.filter.flags.either")),
                new FilterOption<>(Set.of(RiskFlag.CRIMINAL_RISK), l10n.text("gui.ledger.filter.flags.criminal")),
                new FilterOption<>(Set.of(RiskFlag.GROUP_RISK), l10n.text("gui.ledger.filter.flags.group"))));
        flag.set(flags.getFirst());
        loadHiddenColumns();

        period.addListener((obs, old, now) -> applyPeriod(now));
        from.addListener((obs, old, now) -> switchToCustomIfEdited());
        to.addListener((obs, old, now) -> switchToCustomIfEdited());
        // Ticking "overdue only" chooses the overdue column; choosing another column unticks it.
        overdueOnly.addListener((obs, old, now) -> {
            if (now && !isOverdueColumn()) {
                stateColumn.set(optionOf(stateColumns, TallyColumn.OVERDUE));
            } else if (!now && isOverdueColumn()) {
                stateColumn.set(stateColumns.getFirst());
            }
        });
        stateColumn.addListener((obs, old, now) -> overdueOnly.set(isOverdueColumn()));
        for (ObservableValue<?> filter : List.of(period, from, to, asOf, committee, source, risk, flag,
                stateColumn)) {
            filter.addListener((obs, old, now) -> filtersChanged());
        }
        chosenCommunities.addListener((ListChangeListener<FilterOption<Long>>) c -> filtersChanged());
        chosenTypes.addListener((ListChangeListener<FilterOption<String>>) c -> filtersChanged());
        sort.addListener((obs, old, now) -> filtersChanged());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Loads what the filters can choose from, then lists the first page. */
    public void start() {
        executor.execute(search::choices, loaded -> {
            showChoices(loaded);
            LeadFilter handedIn = pending;
            pending = null;
            if (handedIn != null) {
                apply(handedIn);
            } else {
                reload();
            }
        }, this::failed);
    }

    /**
     * Loads the choices again (a community or committee may have been added meanwhile), keeping
     * what is chosen; lists again only if something chosen is gone.
     */
    public void refreshChoices() {
        if (choices == null) {
            return;
        }
        executor.execute(search::choices, loaded -> {
            Optional<LeadFilter> before = filter();
            showChoices(loaded);
            if (!before.equals(filter())) {
                filtersChanged();
            }
        }, failure -> LOG.warn("reloading the ledger's choices failed", failure));
    }

    private void showChoices(FilterChoices loaded) {
        choices = loaded;
        Set<Long> checkedCommunities = valuesOf(chosenCommunities);
        Long chosenCommittee = valueOf(committee);
        Set<String> checkedTypes = valuesOf(chosenTypes);
        SourceChoice chosenSource = valueOf(source);
        Set<RiskLevel> chosenRisks = valueOf(risk);
        changeTogether(() -> {
            communities.setAll(loaded.communities().stream()
                    .map(c -> new FilterOption<>(c.id(), inactive(c.name(), c.active()))).toList());
            committees.setAll(withAny("gui.ledger.filter.committee.all", loaded.committees().stream()
                    .map(c -> new FilterOption<>(c.id(), inactive(c.name(), c.active()))).toList()));
            types.setAll(loaded.types().stream()
                    .map(e -> new FilterOption<>(e.code(), e.name(l10n.isChinese()))).toList());
            List<FilterOption<SourceChoice>> sourceOptions = new ArrayList<>();
            sourceOptions.add(new FilterOption<>(null, l10n.text("gui.ledger.filter.source.all")));
            for (DictionaryEntry group : loaded.sourceGroups()) {
                sourceOptions.add(new FilterOption<>(SourceChoice.group(group.code()),
                        l10n.text("gui.ledger.filter.source.group", group.name(l10n.isChinese()))));
            }
            for (DictionaryEntry s : loaded.sources()) {
                sourceOptions.add(new FilterOption<>(SourceChoice.source(s.code()), s.name(l10n.isChinese())));
            }
            sources.setAll(sourceOptions);
            risks.setAll(riskOptions(loaded.risks()));
            chosenCommunities.setAll(stillOffered(communities, checkedCommunities));
            committee.set(optionOrAny(committees, chosenCommittee));
            chosenTypes.setAll(stillOffered(types, checkedTypes));
            source.set(optionOrAny(sources, chosenSource));
            risk.set(optionOrAny(risks, chosenRisks));
        });
    }

    /** The options of {@code values} that are still offered. */
    private static <T> List<FilterOption<T>> stillOffered(List<FilterOption<T>> options, Set<T> values) {
        return options.stream().filter(o -> values.contains(o.value())).toList();
    }

    private static <T> Set<T> valuesOf(List<FilterOption<T>> chosen) {
        return chosen.stream().map(FilterOption::value).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The option standing for {@code value}, or the first ("any") when it is no longer offered. */
    private static <T> FilterOption<T> optionOrAny(List<FilterOption<T>> options, T value) {
        return options.stream().filter(o -> Objects.equals(o.value(), value)).findFirst().orElse(options.getFirst());
    }

    private String inactive(String name, boolean active) {
        return active ? name : l10n.text("gui.ledger.filter.inactive", name);
    }

    private <T> List<FilterOption<T>> withAny(String anyKey, List<FilterOption<T>> options) {
        List<FilterOption<T>> all = new ArrayList<>();
        all.add(new FilterOption<>(null, l10n.text(anyKey)));
        all.addAll(options);
        return all;
    }

    /** Any level; red and orange together (those that may escalate); then each level from red down. */
    private List<FilterOption<Set<RiskLevel>>> riskOptions(List<DictionaryEntry> levels) {
        List<FilterOption<Set<RiskLevel>>> options = new ArrayList<>();
        options.add(new FilterOption<>(Set.of(), l10n.text("gui.ledger.filter.risk.all")));
        options.add(new FilterOption<>(EnumSet.of(RiskLevel.RED, RiskLevel.ORANGE),
                l10n.text("gui.ledger.filter.risk.redOrange")));
        for (RiskLevel level : List.of(RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE)) {
            options.add(new FilterOption<>(EnumSet.of(level), riskLabel(level, levels)));
        }
        return options;
    }

    private String riskLabel(RiskLevel level, List<DictionaryEntry> levels) {
        return levels.stream().filter(e -> e.code().equals(level.name())).findFirst()
                .map(e -> e.name(l10n.isChinese())).orElse(level.name());
    }

    // ---- the period ----

    private void applyPeriod(LedgerPeriod chosen) {
        if (chosen == null) {
            return;
        }
        chosen.range(today()).ifPresent(range -> changeTogether(() -> {
            from.set(range.first());
            to.set(range.last());
        }));
    }

    private void switchToCustomIfEdited() {
        if (changingTogether || period.get() == null || period.get() == LedgerPeriod.CUSTOM) {
            return;
        }
        DateRange range = period.get().range(today()).orElseThrow();
        if (!Objects.equals(from.get(), range.first()) || !Objects.equals(to.get(), range.last())) {
            changeTogether(() -> period.set(LedgerPeriod.CUSTOM));
        }
    }

    // ---- listing ----

    private void filtersChanged() {
        if (!changingTogether) {
            startAt(0);
            reload();
        }
    }

    private void changeTogether(Runnable changes) {
        boolean outer = !changingTogether;
        changingTogether = true;
        try {
            changes.run();
        } finally {
            if (outer) {
                changingTogether = false;
            }
        }
    }

    /** The filter the controls describe, or empty (with a message) while they describe none. */
    public Optional<LeadFilter> filter() {
        if (asOf.get() == null) {
            validationMessage.set(l10n.text("gui.ledger.invalid.asOfMissing"));
            return Optional.empty();
        }
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            validationMessage.set(l10n.text("gui.ledger.invalid.toBeforeFrom", to.get(), from.get()));
            return Optional.empty();
        }
        validationMessage.set("");
        SourceChoice chosenSource = valueOf(source);
        return Optional.of(LeadFilter.all(asOf.get()).withPeriod(from.get(), to.get())
                .withCommunities(valuesOf(chosenCommunities)).withCommittee(valueOf(committee))
                .withDisputeTypes(valuesOf(chosenTypes))
                .withSource(chosenSource == null ? null : chosenSource.sourceCode())
                .withSourceGroup(chosenSource == null ? null : chosenSource.groupCode())
                .withRisks(valueOf(risk)).withFlags(valueOf(flag)).withColumn(valueOf(stateColumn))
                .withText(text.get()));
    }

    private static <T> T valueOf(ObjectProperty<FilterOption<T>> option) {
        return option.get() == null ? null : option.get().value();
    }

    /**
     * Lists the current page again, e.g. after the text was typed or a lead was saved elsewhere. The
     * page and the count are asked for apart: the page comes quickly, the count of a million leads in
     * a state takes longer, and the rows should not wait for it.
     */
    public void reload() {
        if (choices == null) {
            return; // not started yet: start() lists once the choices are there
        }
        Optional<LeadFilter> filter = filter();
        if (filter.isEmpty()) {
            return;
        }
        long mine = ++generation;
        LeadFilter query = filter.get();
        LeadSort order = sort.get();
        int wanted = page.get();
        Continuation from = continuation != null && continuation.filter().equals(query)
                && continuation.sort().equals(order) ? continuation : null;
        loading.set(true);
        counting.set(true);
        countCapped.set(false);
        countText.set(l10n.text("gui.ledger.counting"));
        updatePager();
        executor.execute(() -> from == null ? search.page(query, order, wanted * PAGE_SIZE, PAGE_SIZE)
                : from.read(search), found -> {
            if (mine == generation) {
                if (from != null && !from.after() && found.size() < PAGE_SIZE) {
                    // Fewer leads before the row than a page: leads before it went away, so this is the first page.
                    startAt(0);
                    reload();
                    return;
                }
                loading.set(false);
                rows.setAll(found);
                shownFilter.set(query);
                pageFullyShown(mine, wanted);
                updatePager();
            }
        }, failure -> {
            if (mine == generation && reported != mine) {
                reported = mine; // the page and the count fail together: one dialog
                failed(failure);
            }
        });
        executor.execute(() -> search.boundedCount(query), count -> {
            if (mine == generation) {
                counting.set(false);
                countCapped.set(count.capped());
                total.set(count.count());
                pageCount.set(lastPage(count.count()) + 1);
                countText.set(count.capped() ? l10n.text("gui.ledger.countMoreThan", count.count())
                        : l10n.text("gui.ledger.count", count.count()));
                pageFullyShown(mine, wanted);
                updatePager();
            }
        }, failure -> {
            if (mine == generation && reported != mine) {
                reported = mine;
                failed(failure);
            }
        });
    }

    /**
     * Once page and count are both in: a page past the end (leads went away meanwhile) gives way to the
     * last one; past the end of a capped count, whose last page is not known, to the page before.
     */
    private void pageFullyShown(long mine, int wanted) {
        if (!loading.get() && !counting.get() && mine == generation && rows.isEmpty() && wanted > 0
                && total.get() > 0) {
            startAt(countCapped.get() ? wanted - 1 : lastPage(total.get()));
            reload();
        }
    }

    private static int lastPage(long count) {
        return count == 0 ? 0 : (int) ((count - 1) / PAGE_SIZE);
    }

    private void updatePager() {
        hasPrevious.set(page.get() > 0);
        // Before the count is in, or past a capped count, a full page promises another; the last page is unknown.
        boolean lastKnown = !counting.get() && !countCapped.get();
        hasNext.set(lastKnown ? page.get() < pageCount.get() - 1 : rows.size() == PAGE_SIZE);
        hasLast.set(lastKnown && hasNext.get());
        pageText.set(lastKnown ? l10n.text("gui.ledger.page", page.get() + 1, pageCount.get())
                : l10n.text("gui.ledger.pageOnly", page.get() + 1));
    }

    private void failed(Throwable failure) {
        loading.set(false);
        counting.set(false);
        KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.ledger.failed",
                "gui.ledger.failed.advice");
    }

    public void firstPage() {
        goToPage(0);
    }

    /**
     * The typed text, handed over by the view once typing pauses (or on Enter): like any other filter,
     * it lists the first page of what it finds, wherever the ledger was paged to before.
     */
    public void search() {
        startAt(0);
        reload();
    }

    /** The page before: the leads before the first row shown, read from its key (the first page by its place). */
    public void previousPage() {
        if (hasPrevious.get()) {
            stepFrom(page.get() - 1, rows.isEmpty() || page.get() == 1 ? null : rows.getFirst().key(), false);
        }
    }

    /** The page after: the leads after the last row shown, read from its key. */
    public void nextPage() {
        if (hasNext.get()) {
            stepFrom(page.get() + 1, rows.isEmpty() ? null : rows.getLast().key(), true);
        }
    }

    /**
     * Goes a page at a time: from the row's key when the rows shown are those of the filter and order now
     * asked for (not while a newer page is being read), else by the page's place.
     */
    private void stepFrom(int wanted, LeadKey key, boolean after) {
        Optional<LeadFilter> current = filter();
        if (key == null || loading.get() || current.isEmpty() || !current.get().equals(shownFilter.get())) {
            goToPage(wanted);
            return;
        }
        page.set(wanted);
        continuation = new Continuation(key, after, current.get(), sort.get());
        reload();
    }

    /** The page at {@code wanted}'s place, read by that place (offset), no longer from a row shown. */
    private void startAt(int wanted) {
        continuation = null;
        page.set(wanted);
    }

    /** The last page; only once the count is in and exact. */
    public void lastPage() {
        if (hasLast.get()) {
            goToPage(pageCount.get() - 1);
        }
    }

    private void goToPage(int wanted) {
        int bounded = Math.max(0, wanted);
        if (bounded != page.get()) {
            startAt(bounded);
            reload();
        }
    }

    /** Sorts by {@code by}'s column, if the database can; {@code null} goes back to newest first. */
    public void sortBy(LedgerTableColumn by, boolean ascending) {
        sort.set(by == null ? LeadSort.DEFAULT
                : by.sortColumn().map(c -> new LeadSort(c, ascending)).orElse(LeadSort.DEFAULT));
    }

    /** Empties every filter: the whole ledger, as of today, newest first. */
    public void clearFilters() {
        apply(LeadFilter.all(today()));
    }

    /**
     * Shows exactly the leads {@code wanted} selects, e.g. those behind a figure of the dashboard;
     * a month is shown as the part of the period it covers.
     */
    public void apply(LeadFilter wanted) {
        if (choices == null) {
            pending = wanted;
            return;
        }
        LocalDate first = wanted.from();
        LocalDate last = wanted.to();
        if (wanted.month() != null) {
            LocalDate monthFirst = wanted.month().atDay(1);
            LocalDate monthLast = wanted.month().atEndOfMonth();
            first = first == null || first.isBefore(monthFirst) ? monthFirst : first;
            last = last == null || last.isAfter(monthLast) ? monthLast : last;
        }
        LocalDate periodFirst = first;
        LocalDate periodLast = last;
        changeTogether(() -> {
            period.set(LedgerPeriod.matching(periodFirst, periodLast, today()));
            from.set(periodFirst);
            to.set(periodLast);
            asOf.set(wanted.asOf());
            chosenCommunities.setAll(optionsOf(communities, wanted.communityId(), wanted.communityIds()));
            committee.set(optionOf(committees, wanted.committeeId()));
            chosenTypes.setAll(optionsOf(types, wanted.disputeTypeCode(), wanted.disputeTypeCodes()));
            source.set(optionOf(sources, wanted.sourceGroupCode() != null ? SourceChoice.group(wanted.sourceGroupCode())
                    : wanted.sourceCode() != null ? SourceChoice.source(wanted.sourceCode()) : null));
            risk.set(optionOf(risks, wanted.risks()));
            flag.set(optionOf(flags, wanted.flags()));
            stateColumn.set(optionOf(stateColumns, wanted.column()));
            text.set(wanted.text() == null ? "" : wanted.text());
            startAt(0);
        });
        reload();
    }

    /**
     * The options to check for a filter's single value and its set: the single value where it
     * narrows the set (or there is no set), else the set's options; none for any.
     */
    private <T> List<FilterOption<T>> optionsOf(ObservableList<FilterOption<T>> options, T single, Set<T> several) {
        if (single != null && (several.isEmpty() || several.contains(single))) {
            return List.of(optionOf(options, single));
        }
        return several.stream().map(value -> optionOf(options, value)).toList();
    }

    /** The option standing for {@code value}; one is added if the list has none (a value no longer offered). */
    private <T> FilterOption<T> optionOf(ObservableList<FilterOption<T>> options, T value) {
        for (FilterOption<T> option : options) {
            if (Objects.equals(option.value(), value)) {
                return option;
            }
        }
        FilterOption<T> added = new FilterOption<>(value, String.valueOf(value));
        options.add(added);
        return added;
    }

    private boolean isOverdueColumn() {
        return stateColumn.get() != null && stateColumn.get().value() == TallyColumn.OVERDUE;
    }

    // ---- opening leads ----

    public void open(LeadListRow row) {
        if (row != null) {
            opener.open(row.id());
        }
    }

    public void newLead() {
        opener.openNew();
    }

    // ---- the column chooser ----

    public boolean isShown(LedgerTableColumn c) {
        return !hiddenColumns.contains(c);
    }

    /** Shows or hides a column and remembers the choice for the next start. */
    public void setShown(LedgerTableColumn c, boolean shown) {
        if (shown) {
            hiddenColumns.remove(c);
        } else {
            hiddenColumns.add(c);
        }
        preferences.put(HIDDEN_COLUMNS, hiddenColumns.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.warn("could not remember the ledger's columns", e);
        }
    }

    private void loadHiddenColumns() {
        String saved = preferences.get(HIDDEN_COLUMNS, null);
        if (saved == null) {
            Arrays.stream(LedgerTableColumn.values()).filter(c -> !c.shownAtFirst()).forEach(hiddenColumns::add);
            return;
        }
        for (String name : saved.split(",")) {
            Arrays.stream(LedgerTableColumn.values()).filter(c -> c.name().equals(name.strip()))
                    .forEach(hiddenColumns::add);
        }
    }

    public ObservableSet<LedgerTableColumn> hiddenColumns() {
        return FXCollections.unmodifiableObservableSet(hiddenColumns);
    }

    // ---- texts ----

    public String columnHeader(LedgerTableColumn c) {
        return switch (c) {
            case CASE_NUMBER -> l10n.text("gui.ledger.column.caseNumber");
            case LEAD_NO -> l10n.text("gui.ledger.column.leadNo");
            case FOUND_ON -> l10n.text("gui.ledger.column.foundOn");
            case COMMITTEE -> l10n.text("gui.ledger.column.committee");
            case COMMUNITY -> l10n.text("gui.ledger.column.community");
            case TYPE -> l10n.text("gui.ledger.column.type");
            case SOURCE -> l10n.text("gui.ledger.column.source");
            case RISK -> l10n.text("gui.ledger.column.risk");
            case STATE -> l10n.text("gui.ledger.column.state");
            case DUE_ON -> l10n.text("gui.ledger.column.dueOn");
            case PARTIES -> l10n.text("gui.ledger.column.parties");
            case SUMMARY -> l10n.text("gui.ledger.column.summary");
        };
    }

    /** What a cell of column {@code c} shows for {@code row}. */
    public String cellText(LedgerTableColumn c, LeadListRow row) {
        return switch (c) {
            case CASE_NUMBER -> row.caseNumber() == null ? "" : row.caseNumber();
            case LEAD_NO -> row.leadNo() == null ? "" : row.leadNo();
            case FOUND_ON -> String.valueOf(row.foundOn());
            case COMMITTEE -> row.committeeName();
            case COMMUNITY -> row.communityName();
            case TYPE -> row.typeLabel(l10n.isChinese());
            case SOURCE -> row.sourceLabel(l10n.isChinese());
            case RISK -> riskText(row);
            case STATE -> stateText(row);
            case DUE_ON -> row.dueOn() == null ? "" : row.dueOn().toString();
            case PARTIES -> row.partyNames();
            case SUMMARY -> row.summary();
        };
    }

    /** The risk level, with the flags the lead carries. */
    public String riskText(LeadListRow row) {
        String level = choices == null ? row.risk().name() : riskLabel(row.risk(), choices.risks());
        List<String> parts = new ArrayList<>();
        parts.add(level);
        if (row.criminalRisk()) {
            parts.add(l10n.text("gui.ledger.flag.criminal"));
        }
        if (row.groupRisk()) {
            parts.add(l10n.text("gui.ledger.flag.group"));
        }
        return String.join(" ", parts);
    }

    public String stateText(LeadListRow row) {
        String state = stateLabel(row.state());
        return row.overdue() ? l10n.text("gui.ledger.state.overdue", state) : state;
    }

    public String stateLabel(LeadState state) {
        return LeadTexts.state(l10n, state);
    }

    public String columnLabel(TallyColumn c) {
        return switch (c) {
            case LEADS -> l10n.text("gui.ledger.filter.column.LEADS");
            case PENDING -> l10n.text("gui.ledger.filter.column.PENDING");
            case UNFOUNDED -> l10n.text("gui.ledger.filter.column.UNFOUNDED");
            case DUPLICATE -> l10n.text("gui.ledger.filter.column.DUPLICATE");
            case TRANSFERRED -> l10n.text("gui.ledger.filter.column.TRANSFERRED");
            case DECLINED -> l10n.text("gui.ledger.filter.column.DECLINED");
            case ACCEPTED -> l10n.text("gui.ledger.filter.column.ACCEPTED");
            case MEDIATING -> l10n.text("gui.ledger.filter.column.MEDIATING");
            case RESOLVED -> l10n.text("gui.ledger.filter.column.RESOLVED");
            case FAILED -> l10n.text("gui.ledger.filter.column.FAILED");
            case TERMINATED -> l10n.text("gui.ledger.filter.column.TERMINATED");
            case OVERDUE -> l10n.text("gui.ledger.filter.column.OVERDUE");
        };
    }

    public String periodLabel(LedgerPeriod p) {
        return switch (p) {
            case ALL -> l10n.text("gui.ledger.period.ALL");
            case THIS_YEAR -> l10n.text("gui.period.THIS_YEAR");
            case LAST_YEAR -> l10n.text("gui.period.LAST_YEAR");
            case THIS_QUARTER -> l10n.text("gui.period.THIS_QUARTER");
            case THIS_MONTH -> l10n.text("gui.period.THIS_MONTH");
            case CUSTOM -> l10n.text("gui.period.CUSTOM");
        };
    }

    public List<LedgerPeriod> periods() {
        return List.of(LedgerPeriod.values());
    }

    // ---- properties ----

    public ObjectProperty<LedgerPeriod> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Each lead is shown (and selected by state) as it stood at the end of this day. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObservableList<FilterOption<Long>> communities() {
        return communities;
    }

    /** The communities checked (any of them); empty for every community. */
    public ObservableList<FilterOption<Long>> chosenCommunities() {
        return chosenCommunities;
    }

    public ObservableList<FilterOption<Long>> committees() {
        return committees;
    }

    public ObjectProperty<FilterOption<Long>> committeeProperty() {
        return committee;
    }

    public ObservableList<FilterOption<String>> types() {
        return types;
    }

    /** The dispute types checked (any of them); empty for every type. */
    public ObservableList<FilterOption<String>> chosenTypes() {
        return chosenTypes;
    }

    public ObservableList<FilterOption<SourceChoice>> sources() {
        return sources;
    }

    public ObjectProperty<FilterOption<SourceChoice>> sourceProperty() {
        return source;
    }

    public ObservableList<FilterOption<Set<RiskLevel>>> risks() {
        return risks;
    }

    public ObjectProperty<FilterOption<Set<RiskLevel>>> riskProperty() {
        return risk;
    }

    public ObservableList<FilterOption<Set<RiskFlag>>> flags() {
        return flags;
    }

    public ObjectProperty<FilterOption<Set<RiskFlag>>> flagProperty() {
        return flag;
    }

    /** The tally column whose leads are listed ("state"); the first option lists every lead. */
    public ObservableList<FilterOption<TallyColumn>> stateColumns() {
        return stateColumns;
    }

    public ObjectProperty<FilterOption<TallyColumn>> stateColumnProperty() {
        return stateColumn;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    /** Words searched for in case numbers, lead numbers, summaries and party names; listed on {@link #reload()}. */
    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<LeadSort> sortProperty() {
        return sort;
    }

    public ObservableList<LeadListRow> rows() {
        return rowsView;
    }

    /**
     * Asks where to save the leads the filters find — all of them, not just this page — as an Excel
     * workbook ({@code xlsx}) or CSV ({@code csv}), then writes them in the background.
     */
    public void export(String extension) {
        Optional<LeadFilter> current = filter();
        if (current.isEmpty()) {
            return;
        }
        LeadFilter shown = current.get();
        var chosen = dialogs.chooseSaveFile(l10n.text("gui.ledger.export.chooseTitle"),
                l10n.text("gui.ledger.export.fileName", shown.asOf()) + "." + extension,
                l10n.text("xlsx".equals(extension) ? "gui.ledger.export.filter.xlsx" : "gui.ledger.export.filter.csv"),
                extension);
        if (chosen.isEmpty()) {
            return;
        }
        java.nio.file.Path file = chosen.get();
        LeadSort order = sort.get();
        executor.execute(() -> {
            // The screen's filters pick the leads; the export writes each with all its dates.
            // Each page after the last row of the one before: every page as quick as the first.
            java.util.Set<java.util.UUID> picked = new java.util.HashSet<>();
            List<LeadListRow> found = search.page(shown, order, 0, EXPORT_PAGE);
            while (true) {
                found.forEach(row -> picked.add(row.id()));
                if (found.size() < EXPORT_PAGE) {
                    break;
                }
                found = search.pageAfter(shown, order, found.getLast().key(), EXPORT_PAGE);
            }
            TallyQuery scope = new TallyQuery(Grouping.COMMITTEE, shown.from(), shown.to(), shown.asOf(),
                    shown.communityId(), shown.committeeId());
            return new SpreadsheetExporter(l10n).writeLedger(reports, scope, row -> picked.contains(row.id()), file);
        }, written -> dialogs.notifyDone(l10n.text("gui.window.title"),
                        l10n.text("gui.ledger.export.saved", written), file.toAbsolutePath().toString()),
                failure -> KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"),
                        "gui.ledger.export.failed", "gui.window.failure.reason"));
    }

    /** How many leads the filters select; while {@link #countCappedProperty} holds, the cap they exceed. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The page shown, counted from 0. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** "共 N 条": how many leads the filters select ("5,000 条以上" past the cap of a free-text search). */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** Why the filters select nothing yet (a period that ends before it starts); empty otherwise. */
    public ReadOnlyStringProperty validationMessageProperty() {
        return validationMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** While the leads the filters select are being counted (the page may be shown already). */
    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousPageProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** Whether there is a last page to go to: once counted exactly, when the page shown is not the last. */
    public ReadOnlyBooleanProperty hasLastPageProperty() {
        return hasLast.getReadOnlyProperty();
    }

    /** Whether the count stopped at the cap: the free-text search selects more leads than it says. */
    public ReadOnlyBooleanProperty countCappedProperty() {
        return countCapped.getReadOnlyProperty();
    }

    /** The filter of the rows shown; {@code null} before the first list. */
    public ReadOnlyObjectProperty<LeadFilter> shownFilterProperty() {
        return shownFilter.getReadOnlyProperty();
    }
}
