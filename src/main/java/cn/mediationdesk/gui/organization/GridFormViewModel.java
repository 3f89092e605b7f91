package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds or edits a grid (网格): the community it lies in (fixed once created: its leads were found
 * there), its name, and the grid worker who looks after it.
 */
public final class GridFormViewModel extends OrganizationFormViewModel<Grid> {
    private final ObjectProperty<Community> community = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Person> worker = new SimpleObjectProperty<>();
    private final ObservableList<Community> communityOptions = FXCollections.observableArrayList();
    private final ObservableList<Person> workerOptions = FXCollections.observableArrayList();
    private final BooleanBinding communityEditable;

    GridFormViewModel(OrganizationViewModel owner) {
        super(owner, Field.COMMUNITY, Field.NAME, Field.GRID);
        problems().recheckOnChange(Field.COMMUNITY.name(), community, () -> community.get() == null
                ? Optional.of(Problem.of(Field.COMMUNITY, "rule.community.unknown")) : Optional.empty());
        problems().recheckRequired(Field.NAME, name);
        communityEditable = editingProperty().isNull();
    }

    /** The community of a new grid; shown, not changeable, for an existing one. */
    public ObjectProperty<Community> communityProperty() {
        return community;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The grid worker, or {@code null} for none yet. */
    public ObjectProperty<Person> workerProperty() {
        return worker;
    }

    /** The communities in use (and the edited grid's own, even if it is no longer). */
    public ObservableList<Community> communityOptions() {
        return communityOptions;
    }

    /** {@code null} first (no grid worker), then the active grid workers and the grid's current one. */
    public ObservableList<Person> workerOptions() {
        return workerOptions;
    }

    public BooleanBinding communityEditableProperty() {
        return communityEditable;
    }

    @Override
    protected String newTitle() {
        return l10n.text("gui.org.grid.newTitle");
    }

    @Override
    protected void fillForNew() {
        refreshOptions(owner.chartProperty().get(), null);
        if (community.get() == null || !community.get().active()) {
            community.set(communityOptions.isEmpty() ? null : communityOptions.getFirst());
        }
        name.set("");
        worker.set(null);
    }

    @Override
    protected void fill(Grid item) {
        OrganizationChart chart = owner.chartProperty().get();
        refreshOptions(chart, item);
        community.set(chart.community(item.communityId()).orElse(null));
        name.set(item.name());
        worker.set(chart.person(item.gridWorkerId()).orElse(null));
    }

    @Override
    protected void chartChanged(OrganizationChart chart) {
        refreshOptions(chart, editingItem().orElse(null));
    }

    private void refreshOptions(OrganizationChart chart, Grid grid) {
        Community chosen = community.get();
        Person chosenWorker = worker.get();
        communityOptions.setAll(chart.communities().stream()
                .filter(c -> c.active() || (grid != null && c.id() == grid.communityId())).toList());
        List<Person> workers = new ArrayList<>();
        workers.add(null);
        chart.people().stream()
                .filter(p -> p.role() == PersonRole.GRID_WORKER)
                .filter(p -> p.active() || (grid != null && Objects.equals(grid.gridWorkerId(), p.id())))
                .forEach(workers::add);
        workerOptions.setAll(workers);
        // Keep what is chosen, as its fresh copy (the lists hold new records after every read).
        community.set(chosen == null ? null : chart.community(chosen.id()).orElse(null));
        worker.set(chosenWorker == null ? null : chart.person(chosenWorker.id()).orElse(null));
    }

    @Override
    protected OrganizationChange<Grid> creating() {
        Community in = community.get();
        String n = name.get();
        Long w = workerId();
        return organization -> {
            if (in == null) {
                throw new ValidationException(Problem.of(Field.COMMUNITY, "rule.required"));
            }
            return organization.createGrid(in.id(), n, w);
        };
    }

    @Override
    protected OrganizationChange<Grid> updating(Grid before) {
        String n = name.get();
        Long w = workerId();
        return organization -> organization.updateGrid(before.id(), n, w);
    }

    private Long workerId() {
        return worker.get() == null ? null : worker.get().id();
    }

    @Override
    protected OrganizationService.Saved<Grid> setActive(OrganizationService organization, Grid item, boolean active) {
        return organization.setGridActive(item.id(), active);
    }

    @Override
    protected List<Grid> all(OrganizationChart chart) {
        return chart.grids();
    }

    @Override
    protected long idOf(Grid item) {
        return item.id();
    }

    @Override
    protected String nameOf(Grid item) {
        return item.name();
    }

    @Override
    protected boolean isActive(Grid item) {
        return item.active();
    }
}
