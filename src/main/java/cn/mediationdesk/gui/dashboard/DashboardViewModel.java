package cn.mediationdesk.gui.dashboard;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.OpenedDatabase.SummaryStart;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.ledger.LeadTexts;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadPage;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.search.RiskFlag;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.RiskLevel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dashboard (首页): a year's figures as of today (or, for a year gone by, as of its last day),
 * the cases that need attention, and the year by month. Every figure comes from {@link TallyService}
 * and every list from {@link LeadSearchService}; each of them opens the ledger on exactly the leads
 * it counts.
 */
public final class DashboardViewModel {
    /** How many leads a list shows; the rest are a click away in the ledger. */
    public static final int LIST_SIZE = 8;

    /** The figures across the top. */
    public enum Figure {
        LEADS(TallyColumn.LEADS), ACCEPTED(TallyColumn.ACCEPTED), RESOLVED(TallyColumn.RESOLVED),
        /** resolved ÷ accepted: opens the accepted cases it is the rate of. */
        RESOLUTION_RATE(TallyColumn.ACCEPTED),
        OVERDUE(TallyColumn.OVERDUE);

        private final TallyColumn column;

        Figure(TallyColumn column) {
            this.column = column;
        }

        /** The tally column of the leads behind the figure. */
        public TallyColumn column() {
            return column;
        }
    }

    /** The lists of leads that need attention. */
    public enum AttentionList {
        /** In mediation past the due date: the most overdue first. */
        OVERDUE,
        /** Red or orange risk: red first. */
        HIGH_RISK,
        /** May turn criminal, or may cause a group incident: the newest first. */
        FLAGGED
    }

    /** One month of the chart: the leads found in it, and how many of them were resolved by the as-of day. */
    public record MonthFigures(YearMonth month, String label, long leads, long resolved) {
    }

    private final TallyService tally;
    private final LeadSearchService search;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final LeadOpener opener;
    private final Consumer<LeadFilter> ledger;
    private final SummaryStart firstYear;

    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TallyCounts> counts = new ReadOnlyObjectWrapper<>(TallyCounts.ZERO);
    private final Map<Figure, ReadOnlyStringWrapper> figureTexts = new EnumMap<>(Figure.class);
    private final ReadOnlyStringWrapper rateDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ObservableList<MonthFigures> months = FXCollections.observableArrayList();
    private final Map<AttentionList, ObservableList<LeadListRow>> lists = new EnumMap<>(AttentionList.class);
    private final Map<AttentionList, ReadOnlyStringWrapper> listTotals = new EnumMap<>(AttentionList.class);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<TallyQuery> shownQuery = new ReadOnlyObjectWrapper<>();

    private boolean started;
    private long generation;

    /**
     * @param ledger     shows the ledger filtered to the leads handed over
     * @param firstYear  the period a freshly made database should be shown for (the demo's 2022), or {@code null}
     */
    public DashboardViewModel(TallyService tally, LeadSearchService search, Localization l10n, Clock clock,
                              TaskExecutor executor, DialogService dialogs, LeadOpener opener,
                              Consumer<LeadFilter> ledger, SummaryStart firstYear) {
        this.tally = tally;
        this.search = search;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        this.opener = opener;
        this.ledger = ledger;
        this.firstYear = firstYear;
        for (Figure f : Figure.values()) {
            figureTexts.put(f, new ReadOnlyStringWrapper("–"));
        }
        for (AttentionList l : AttentionList.values()) {
            lists.put(l, FXCollections.observableArrayList());
            listTotals.put(l, new ReadOnlyStringWrapper(""));
        }
        year.addListener((obs, old, now) -> {
            if (started && now != null) {
                reload();
            }
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Finds the years that have leads and shows this one. When this year has none yet but an
     * earlier one has (a new year just began, or the demo of 2022), it shows the latest of those.
     */
    public void start() {
        executor.execute(search::foundOnRange, range -> {
            int thisYear = today().getYear();
            int first = range.map(r -> r.first().getYear()).orElse(thisYear);
            int last = range.map(r -> r.last().getYear()).orElse(thisYear);
            List<Integer> offered = new ArrayList<>();
            for (int y = Math.max(thisYear, last); y >= Math.min(first, thisYear); y--) {
                offered.add(y);
            }
            years.setAll(offered);
            int shown = firstYear != null ? firstYear.period().first().getYear()
                    : last < thisYear && range.isPresent() ? last : thisYear;
            started = true;
            if (Integer.valueOf(shown).equals(year.get())) {
                reload();
            } else {
                year.set(shown);
            }
        }, this::failed);
    }

    /** The period and as-of day the dashboard counts: the year so far, or a whole past year as it ended. */
    public TallyQuery query() {
        int chosen = year.get() == null ? today().getYear() : year.get();
        LocalDate first = LocalDate.of(chosen, 1, 1);
        LocalDate last = first.withDayOfYear(first.lengthOfYear());
        LocalDate asOf = today().isBefore(last) ? today() : last;
        return TallyQuery.of(Grouping.MONTH, first, asOf.isBefore(first) ? first : asOf, asOf);
    }

    /** Counts the year again, e.g. after a lead was saved. */
    public void reload() {
        if (!started) {
            return;
        }
        TallyQuery query = query();
        long mine = ++generation;
        loading.set(true);
        executor.execute(() -> {
            TallyResult result = tally.summarize(query);
            Map<AttentionList, LeadPage> found = new EnumMap<>(AttentionList.class);
            if (listsLeads()) { // a viewer sees the counts only; the search would refuse
                for (AttentionList list : AttentionList.values()) {
                    found.put(list, search.search(filter(query, list), sort(list), 0, LIST_SIZE));
                }
            }
            return new Loaded(result, found);
        }, loaded -> {
            if (mine == generation) {
                show(loaded);
            }
        }, failure -> {
            if (mine == generation) {
                failed(failure);
            }
        });
    }

    private record Loaded(TallyResult result, Map<AttentionList, LeadPage> lists) {
    }

    private void show(Loaded loaded) {
        loading.set(false);
        TallyQuery query = loaded.result().query();
        TallyCounts total = loaded.result().total().counts();
        counts.set(total);
        figureTexts.get(Figure.LEADS).set(String.valueOf(total.leads()));
        figureTexts.get(Figure.ACCEPTED).set(String.valueOf(total.accepted()));
        figureTexts.get(Figure.RESOLVED).set(String.valueOf(total.resolved()));
        figureTexts.get(Figure.OVERDUE).set(String.valueOf(total.overdue()));
        BigDecimal rate = total.resolutionRate();
        figureTexts.get(Figure.RESOLUTION_RATE).set(rate == null ? l10n.text("gui.dashboard.noRate")
                : l10n.text("gui.dashboard.rate", rate.toPlainString()));
        rateDetail.set(l10n.text("gui.dashboard.rate.detail", total.resolved(), total.accepted()));
        months.setAll(loaded.result().rows().stream().map(row -> {
            YearMonth month = YearMonth.parse(row.code());
            return new MonthFigures(month, month.getMonth().getDisplayName(TextStyle.SHORT, l10n.locale()),
                    row.counts().leads(), row.counts().resolved());
        }).toList());
        loaded.lists().forEach((list, page) -> {
            lists.get(list).setAll(page.rows());
            listTotals.get(list).set(l10n.text("gui.ledger.count", page.total()));
        });
        shownQuery.set(query);
        caption.set(l10n.text("gui.dashboard.caption", query.from(), query.to(), query.asOf()));
    }

    /** Whether the lists of leads are shown; a viewer sees a note instead (counts only, DESIGN §9). */
    public boolean listsLeads() {
        return search.listsLeads();
    }

    /** What a viewer sees where the lists of leads would be. */
    public String countsOnlyNote() {
        return l10n.text("gui.dashboard.countsOnly");
    }

    private void failed(Throwable failure) {
        loading.set(false);
        // a refusal is not a fault: the rule, in words, as a notice
        KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.dashboard.failed",
                "gui.dashboard.failed.advice");
    }

    // ---- what each figure and list counts ----

    /** Exactly the leads {@code figure} counts. */
    public LeadFilter filter(Figure figure) {
        return LeadFilter.of(shownOrCurrent(), figure.column());
    }

    /** Exactly the leads {@code list} lists (all of them, not only the first few shown). */
    public LeadFilter filter(AttentionList list) {
        return filter(shownOrCurrent(), list);
    }

    /** Exactly the leads of one month's bar: found in {@code month}, in {@code column}. */
    public LeadFilter filter(YearMonth month, TallyColumn column) {
        return LeadFilter.of(shownOrCurrent(), column).withMonth(month);
    }

    private static LeadFilter filter(TallyQuery query, AttentionList list) {
        return switch (list) {
            case OVERDUE -> LeadFilter.of(query, TallyColumn.OVERDUE);
            case HIGH_RISK -> LeadFilter.of(query, TallyColumn.LEADS).withRisks(EnumSet.of(RiskLevel.RED, RiskLevel.ORANGE));
            case FLAGGED -> LeadFilter.of(query, TallyColumn.LEADS).withFlags(EnumSet.allOf(RiskFlag.class));
        };
    }

    private static LeadSort sort(AttentionList list) {
        return switch (list) {
            case OVERDUE -> new LeadSort(LeadSort.Column.DUE_ON, true);
            case HIGH_RISK -> new LeadSort(LeadSort.Column.RISK, false);
            case FLAGGED -> LeadSort.DEFAULT;
        };
    }

    private TallyQuery shownOrCurrent() {
        return shownQuery.get() != null ? shownQuery.get() : query();
    }

    public void openLedger(Figure figure) {
        if (!listsLeads()) {
            return;
        }
        ledger.accept(filter(figure));
    }

    public void openLedger(AttentionList list) {
        if (!listsLeads()) {
            return;
        }
        ledger.accept(filter(list));
    }

    public void openLedger(YearMonth month, TallyColumn column) {
        if (!listsLeads()) {
            return;
        }
        ledger.accept(filter(month, column));
    }

    public void open(LeadListRow row) {
        if (row != null) {
            opener.open(row.id());
        }
    }

    // ---- texts ----

    public String figureLabel(Figure figure) {
        return switch (figure) {
            case LEADS -> l10n.text("gui.dashboard.figure.leads");
            case ACCEPTED -> l10n.text("gui.dashboard.figure.accepted");
            case RESOLVED -> l10n.text("gui.dashboard.figure.resolved");
            case RESOLUTION_RATE -> l10n.text("gui.dashboard.figure.rate");
            case OVERDUE -> l10n.text("gui.dashboard.figure.overdue");
        };
    }

    public String listTitle(AttentionList list) {
        return switch (list) {
            case OVERDUE -> l10n.text("gui.dashboard.list.overdue");
            case HIGH_RISK -> l10n.text("gui.dashboard.list.highRisk");
            case FLAGGED -> l10n.text("gui.dashboard.list.flagged");
        };
    }

    public String listEmpty(AttentionList list) {
        return switch (list) {
            case OVERDUE -> l10n.text("gui.dashboard.list.overdue.empty");
            case HIGH_RISK -> l10n.text("gui.dashboard.list.highRisk.empty");
            case FLAGGED -> l10n.text("gui.dashboard.list.flagged.empty");
        };
    }

    /** One lead in a list: its case number (or the day it was found), and what it is about. */
    public String itemTitle(LeadListRow row) {
        String name = row.caseNumber() != null ? row.caseNumber()
                : l10n.text("gui.dashboard.item.found", row.foundOn());
        return l10n.text("gui.dashboard.item.title", name, row.typeLabel(l10n.isChinese()));
    }

    /** What a list says about a lead beside its summary: when it was due, its risk, or its warnings. */
    public String itemDetail(AttentionList list, LeadListRow row) {
        return switch (list) {
            case OVERDUE -> l10n.text("gui.dashboard.item.due", row.dueOn(), row.committeeName());
            case HIGH_RISK, FLAGGED -> l10n.text("gui.dashboard.item.state", LeadTexts.state(l10n, row.state()),
                    row.committeeName());
        };
    }

    /** The warnings a lead carries, as short tags. */
    public List<String> itemTags(LeadListRow row) {
        List<String> tags = new ArrayList<>();
        if (row.criminalRisk()) {
            tags.add(l10n.text("gui.ledger.flag.criminal"));
        }
        if (row.groupRisk()) {
            tags.add(l10n.text("gui.ledger.flag.group"));
        }
        return tags;
    }

    public String yearLabel(Integer value) {
        return value == null ? "" : l10n.text("gui.dashboard.year", String.valueOf(value));
    }

    // ---- properties ----

    /** The years that can be shown, the latest first. */
    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ReadOnlyObjectProperty<TallyCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty figureTextProperty(Figure figure) {
        return figureTexts.get(figure).getReadOnlyProperty();
    }

    /** "调解成功 64 / 受理 70": what the rate is made of. */
    public ReadOnlyStringProperty rateDetailProperty() {
        return rateDetail.getReadOnlyProperty();
    }

    /** The period and as-of day of the figures shown, in a sentence. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ObservableList<MonthFigures> months() {
        return months;
    }

    public ObservableList<LeadListRow> list(AttentionList list) {
        return lists.get(list);
    }

    /** "共 N 条": how many leads a list has in all. */
    public ReadOnlyStringProperty listTotalProperty(AttentionList list) {
        return listTotals.get(list).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The query of the figures shown; {@code null} before the first count. */
    public ReadOnlyObjectProperty<TallyQuery> shownQueryProperty() {
        return shownQuery.getReadOnlyProperty();
    }
}
