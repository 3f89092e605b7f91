package cn.mediationdesk.gui.organization;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.CaseNumberFormat;
import cn.mediationdesk.logic.lifecycle.CaseSettingsService;
import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Organization screen (组织机构): the jurisdiction's communities, grids, committees and people,
 * each with a form to add or edit one and to deactivate or reactivate it. Nothing is deleted:
 * leads refer to all of it. The rules are {@link OrganizationService}'s; this class only carries
 * the forms' values there and its problems back to the fields.
 */
public final class OrganizationViewModel {

    private final OrganizationService organization;
    private final CaseSettingsService settings;
    private final Localization l10n;
    private final Clock clock;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<OrganizationChart> chart = new ReadOnlyObjectWrapper<>(
            new OrganizationChart(List.of(), List.of(), List.of(), List.of(), Set.of()));
    private final ReadOnlyObjectWrapper<CaseNumberFormat> numberFormat = new ReadOnlyObjectWrapper<>(
            new CaseNumberFormat(CaseNumberFormat.DEFAULT_PATTERN));
    private final ObservableList<Community> communities = FXCollections.observableArrayList();
    private final ObservableList<Community> communitiesView = FXCollections.unmodifiableObservableList(communities);
    private final ObservableList<Grid> grids = FXCollections.observableArrayList();
    private final ObservableList<Grid> gridsView = FXCollections.unmodifiableObservableList(grids);
    private final ObservableList<Committee> committees = FXCollections.observableArrayList();
    private final ObservableList<Committee> committeesView = FXCollections.unmodifiableObservableList(committees);
    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final ObservableList<Person> peopleView = FXCollections.unmodifiableObservableList(people);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);

    private final CommunityFormViewModel communityForm;
    private final GridFormViewModel gridForm;
    private final CommitteeFormViewModel committeeForm;
    private final PersonFormViewModel personForm;

    public OrganizationViewModel(OrganizationService organization, CaseSettingsService settings, Localization l10n,
                                 Clock clock, TaskExecutor executor, DialogService dialogs) {
        this.organization = organization;
        this.settings = settings;
        this.l10n = l10n;
        this.clock = clock;
        this.executor = executor;
        this.dialogs = dialogs;
        communityForm = new CommunityFormViewModel(this);
        gridForm = new GridFormViewModel(this);
        committeeForm = new CommitteeFormViewModel(this);
        personForm = new PersonFormViewModel(this);
    }

    /** Reads the organization afresh (and the case-number format the committee form previews with). */
    public void load() {
        record Loaded(OrganizationChart chart, CaseNumberFormat format) {
        }
        busy.set(true);
        executor.execute(() -> new Loaded(organization.chart(), settings.current().numberFormat()), result -> {
            busy.set(false);
            numberFormat.set(result.format());
            apply(result.chart());
            if (!loaded.get()) {
                // The forms open ready for a new entry, with its suggested code.
                List.of(communityForm, gridForm, committeeForm, personForm).forEach(OrganizationFormViewModel::startNew);
            }
            loaded.set(true);
        }, failure -> {
            busy.set(false);
            KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.org.loadFailed",
                    "gui.org.failed.advice");
        });
    }

    /**
     * Runs one change in a write transaction and reads the organization again in the same one. A
     * broken rule goes to the form's fields; anything else to an error dialog.
     */
    <T> void save(OrganizationChange<T> change, FormProblems problems, Consumer<T> onSaved) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        executor.execute(() -> change.applyTo(organization), saved -> {
            busy.set(false);
            problems.clear();
            apply(saved.chart());
            onSaved.accept(saved.item());
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid) {
                problems.show(invalid.problems());
            } else {
                KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.org.saveFailed",
                        "gui.org.failed.advice");
            }
        });
    }

    private void apply(OrganizationChart fresh) {
        communities.setAll(fresh.communities());
        // Grids by community, then as they were created (第一, 第二, 第三 — not in character order).
        grids.setAll(fresh.grids().stream().sorted(Comparator
                .comparing((Grid g) -> fresh.community(g.communityId()).map(Community::code).orElse(""))
                .thenComparingLong(Grid::id)).toList());
        committees.setAll(fresh.committees());
        // People committee by committee (those of none last), mediators first.
        people.setAll(fresh.people().stream().sorted(Comparator
                .comparing((Person p) -> fresh.committee(p.committeeId()).map(Committee::code).orElse(null),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Person::role)
                .thenComparingLong(Person::id)).toList());
        chart.set(fresh);
    }


    // ---- labels ----

    public String roleLabel(PersonRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case FULL_TIME_MEDIATOR -> l10n.text("gui.org.role.fullTimeMediator");
            case PART_TIME_MEDIATOR -> l10n.text("gui.org.role.partTimeMediator");
            case LEGAL_ADVISER -> l10n.text("gui.org.role.legalAdviser");
            case LEGAL_LAYPERSON -> l10n.text("gui.org.role.legalLayperson");
            case GRID_WORKER -> l10n.text("gui.org.role.gridWorker");
        };
    }

    public String kindLabel(CommitteeKind kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case COMMUNITY -> l10n.text("gui.org.kind.community");
            case JURISDICTION -> l10n.text("gui.org.kind.jurisdiction");
            case TRADE -> l10n.text("gui.org.kind.trade");
        };
    }

    public String statusLabel(boolean active) {
        return active ? l10n.text("gui.org.status.active") : l10n.text("gui.org.status.inactive");
    }

    public String communityName(Long id) {
        return chart.get().community(id).map(Community::name).orElse("");
    }

    public String committeeName(Long id) {
        return chart.get().committee(id).map(Committee::name).orElse("");
    }

    public String personName(Long id) {
        return chart.get().person(id).map(Person::name).orElse("");
    }

    /** A phone number in a list, e.g. 138****8000: whole only in the form of the one being edited. */
    public static String maskedPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        int keepEnd = 4;
        int keepStart = phone.length() >= 11 ? 3 : 2;
        return phone.substring(0, keepStart) + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    // ---- state ----

    public ObservableList<Community> communities() {
        return communitiesView;
    }

    public ObservableList<Grid> grids() {
        return gridsView;
    }

    public ObservableList<Committee> committees() {
        return committeesView;
    }

    public ObservableList<Person> people() {
        return peopleView;
    }

    public ReadOnlyObjectProperty<OrganizationChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CaseNumberFormat> numberFormatProperty() {
        return numberFormat.getReadOnlyProperty();
    }

    /** Reading or saving: the forms' buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The organization has been read at least once. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public CommunityFormViewModel communityForm() {
        return communityForm;
    }

    public GridFormViewModel gridForm() {
        return gridForm;
    }

    public CommitteeFormViewModel committeeForm() {
        return committeeForm;
    }

    public PersonFormViewModel personForm() {
        return personForm;
    }

    Localization l10n() {
        return l10n;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
