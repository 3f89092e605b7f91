package cn.mediationdesk.gui.repeat;

import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.ledger.LeadTexts;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.PersonalDataMask;
import cn.mediationdesk.logic.repeat.RelatedLead;
import cn.mediationdesk.logic.repeat.Repeater;
import cn.mediationdesk.logic.repeat.Repeaters;
import cn.mediationdesk.logic.repeat.RepeatService;
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

/**
 * 矛盾反复: the people (by ID number, else by name at an address) and the addresses found in the most
 * leads of a period, and the leads of the one chosen, each opening in the editor. The service keeps a
 * director or mediator to their own committee's leads.
 */
public final class RepeatsViewModel {

    /** A person or an address as the lists show it. */
    public record Row(String who, String address, String leads, Repeater repeater) {
    }

    /** A lead of the person or address chosen. */
    public record LeadRow(UUID leadId, String foundOn, String number, String committee, String state, String summary) {
    }

    private final RepeatService service;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final LeadOpener leads;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<Row> people = FXCollections.observableArrayList();
    private final ObservableList<Row> addresses = FXCollections.observableArrayList();
    private final ObservableList<LeadRow> leadRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public RepeatsViewModel(RepeatService service, Localization l10n, Clock clock, TaskExecutor executor,
                            LeadOpener leads) {
        this.service = service;
        this.l10n = l10n;
        this.executor = executor;
        this.leads = leads;
        LocalDate today = LocalDate.now(clock);
        // A year back: a dispute that keeps coming back does so over months.
        from.set(today.minusYears(1).plusDays(1));
        to.set(today);
    }

    /** Shows another period, e.g. the one the database's data covers. */
    public void choosePeriod(LocalDate first, LocalDate last) {
        if (first != null && last != null) {
            from.set(first);
            to.set(last);
        }
    }

    /** Lists the people and addresses of the period chosen. */
    public void load() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null || last.isBefore(first)) {
            status.set(l10n.text("gui.repeats.periodMissing"));
            return;
        }
        if (loading.get()) {
            return;
        }
        loading.set(true);
        status.set(l10n.text("gui.repeats.loading"));
        executor.execute(() -> service.repeaters(first, last), found -> {
            loading.set(false);
            show(found);
        }, this::failed);
    }

    private void show(Repeaters found) {
        people.setAll(found.people().stream().map(this::row).toList());
        addresses.setAll(found.addresses().stream().map(this::row).toList());
        leadRows.clear();
        chosen.set("");
        status.set(found.people().isEmpty() && found.addresses().isEmpty() ? l10n.text("gui.repeats.none")
                : l10n.text("gui.repeats.count", found.people().size(), found.addresses().size()));
    }

    private Row row(Repeater r) {
        String who = r.kind() == Repeater.Kind.ADDRESS ? ""
                : r.idNumber() != null ? l10n.text("gui.repeats.personWithId", r.name(), PersonalDataMask.idNumber(r.idNumber()))
                : r.name();
        return new Row(who, r.address() == null ? "" : r.address(), String.valueOf(r.leads()), r);
    }

    /** Lists the leads of a person or an address. */
    public void choose(Row row) {
        if (row == null || loading.get()) {
            return;
        }
        LocalDate first = from.get();
        LocalDate last = to.get();
        loading.set(true);
        executor.execute(() -> service.leadsOf(row.repeater(), first, last), found -> {
            loading.set(false);
            leadRows.setAll(found.stream().map(this::leadRow).toList());
            chosen.set(l10n.text("gui.repeats.leadsOf", row.who().isEmpty() ? row.address() : row.who(), found.size()));
        }, this::failed);
    }

    private LeadRow leadRow(RelatedLead lead) {
        return new LeadRow(lead.leadId(), String.valueOf(lead.foundOn()), lead.number(), lead.committeeName(),
                LeadTexts.state(l10n, lead.state()), lead.summary());
    }

    private void failed(Throwable failure) {
        loading.set(false);
        status.set(KnownFailures.statusLine(failure, l10n, "gui.repeats.failed"));
    }

    /** Opens the lead in the editor. */
    public void open(LeadRow row) {
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

    public ObservableList<Row> people() {
        return people;
    }

    public ObservableList<Row> addresses() {
        return addresses;
    }

    public ObservableList<LeadRow> leads() {
        return leadRows;
    }

    /** Whose leads are listed, and how many. */
    public ReadOnlyStringProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

}
