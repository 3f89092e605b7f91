package cn.mediationdesk.gui.agenda;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.agenda.AgendaItem;
import cn.mediationdesk.logic.agenda.AgendaKind;
import cn.mediationdesk.logic.agenda.AgendaService;
import cn.mediationdesk.logic.agenda.AgendaText;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.User;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 议程: what falls due for the signed-in person's committee in the coming days and what is late,
 * soonest first, filtered by kind; an item about a lead opens it. Serves the agenda screen and the
 * dashboard's panel alike. The items are computed by {@link AgendaService}, off the FX thread.
 */
public final class AgendaViewModel {
    /** The windows offered in the days chooser. */
    public static final List<Integer> DAY_CHOICES = List.of(0, 3, 7, 14, 30, 60, 90);

    /** One item as the list shows it. */
    public record Row(AgendaKind kind, UUID leadId, String dueOn, boolean late, String kindText, String number,
                      String committee, String summary) {
        public boolean opensLead() {
            return leadId != null;
        }
    }

    private final AgendaService service;
    private final User actor;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final LeadOpener leads;
    private final IntegerProperty days = new SimpleIntegerProperty(AgendaService.DEFAULT_DAYS);
    /** The kind shown, or {@code null} for every kind. */
    private final ObjectProperty<AgendaKind> kind = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private List<Row> all = List.of();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper lateCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean loadAgain;

    public AgendaViewModel(AgendaService service, User actor, Localization l10n, Clock clock, TaskExecutor executor,
                           LeadOpener leads) {
        this.service = service;
        this.actor = actor;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.leads = leads;
        days.addListener((obs, old, now) -> load());
        kind.addListener((obs, old, now) -> filter());
    }

    /** Computes the agenda again for today and the days chosen. */
    public void load() {
        if (loading.get()) {
            loadAgain = true; // the days changed while a load ran: the newest choice wins
            return;
        }
        loading.set(true);
        status.set(l10n.text("gui.agenda.loading"));
        LocalDate today = LocalDate.now(clock);
        int window = days.get();
        executor.execute(() -> service.agenda(actor, today, window), items -> {
            loading.set(false);
            all = items.stream().map(this::row).toList();
            lateCount.set((int) items.stream().filter(AgendaItem::late).count());
            filter();
            if (loadAgain) {
                loadAgain = false;
                load();
            }
        }, failure -> {
            loading.set(false);
            loadAgain = false;
            all = List.of();
            rows.clear();
            lateCount.set(0);
            status.set(KnownFailures.statusLine(failure, l10n, "gui.agenda.failed"));
        });
    }

    private void filter() {
        AgendaKind shown = kind.get();
        rows.setAll(all.stream().filter(r -> shown == null || r.kind() == shown).toList());
        status.set(all.isEmpty() ? l10n.text("gui.agenda.none")
                : l10n.text("gui.agenda.count", rows.size(), rows.stream().filter(Row::late).count()));
    }

    private Row row(AgendaItem item) {
        return new Row(item.kind(), item.leadId(), item.dueOn().toString(), item.late(),
                l10n.text(item.kind().labelKey()), AgendaText.number(item), item.committeeName(),
                AgendaText.description(item, l10n));
    }

    /**
     * Whether the list names each item's committee: for whoever sees several committees (an
     * administrator, a viewer); a director's or mediator's items are all of their own.
     */
    public boolean showsCommittee() {
        return actor == null || actor.role() == cn.mediationdesk.model.Role.ADMIN
                || actor.role() == cn.mediationdesk.model.Role.VIEWER;
    }

    /** Opens the row's lead in the editor; a monthly report has none. */
    public void open(Row row) {
        if (row != null && row.opensLead()) {
            leads.open(row.leadId());
        }
    }

    /** The name of a kind in the filter, or "every kind" for {@code null}. */
    public String kindName(AgendaKind value) {
        return value == null ? l10n.text("gui.agenda.kind.all") : l10n.text(value.labelKey());
    }

    public String daysName(Integer value) {
        return value == null ? "" : value == 0 ? l10n.text("gui.agenda.days.today") : l10n.text("gui.agenda.days.next", value);
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ObjectProperty<AgendaKind> kindProperty() {
        return kind;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lateCountProperty() {
        return lateCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
