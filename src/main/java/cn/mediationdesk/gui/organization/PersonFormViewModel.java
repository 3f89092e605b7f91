package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.organization.OrganizationChart;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
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
 * Adds or edits a person: name, role (专职/兼职调解员, 法律顾问, 法律明白人, 网格员), the committee
 * they belong to (required for mediators, who are assigned to its cases) and a phone number.
 */
public final class PersonFormViewModel extends OrganizationFormViewModel<Person> {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<PersonRole> role = new SimpleObjectProperty<>(PersonRole.FULL_TIME_MEDIATOR);
    private final ObjectProperty<Committee> committee = new SimpleObjectProperty<>();
    private final StringProperty phone = new SimpleStringProperty("");
    private final ObservableList<Committee> committeeOptions = FXCollections.observableArrayList();

    PersonFormViewModel(OrganizationViewModel owner) {
        super(owner, Field.NAME, Field.COMMITTEE, Field.PHONE);
        problems().recheckRequired(Field.NAME, name);
        problems().recheckOnChange(Field.COMMITTEE.name(), committee, () -> committee.get() == null
                && role.get() != null && role.get().mediates()
                ? Optional.of(Problem.of(Field.COMMITTEE, "org.person.committeeRequired")) : Optional.empty());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<PersonRole> roleProperty() {
        return role;
    }

    /** The committee, or {@code null} for none (allowed for all but mediators). */
    public ObjectProperty<Committee> committeeProperty() {
        return committee;
    }

    /** The whole number, shown only here, in the form of the person being edited. */
    public StringProperty phoneProperty() {
        return phone;
    }

    public List<PersonRole> roles() {
        return List.of(PersonRole.values());
    }

    /** {@code null} first (no committee), then the committees in use and the person's current one. */
    public ObservableList<Committee> committeeOptions() {
        return committeeOptions;
    }

    @Override
    protected String newTitle() {
        return l10n.text("gui.org.person.newTitle");
    }

    @Override
    protected void fillForNew() {
        refreshOptions(owner.chartProperty().get(), null);
        name.set("");
        phone.set("");
        // Role and committee stay as they were: people are often entered committee by committee.
        if (role.get() == null) {
            role.set(PersonRole.FULL_TIME_MEDIATOR);
        }
        if (committee.get() != null && !committee.get().active()) {
            committee.set(null);
        }
    }

    @Override
    protected void fill(Person item) {
        OrganizationChart chart = owner.chartProperty().get();
        refreshOptions(chart, item);
        name.set(item.name());
        role.set(item.role());
        committee.set(chart.committee(item.committeeId()).orElse(null));
        phone.set(text(item.phone()));
    }

    @Override
    protected void chartChanged(OrganizationChart chart) {
        refreshOptions(chart, editingItem().orElse(null));
    }

    private void refreshOptions(OrganizationChart chart, Person person) {
        Committee chosen = committee.get();
        List<Committee> options = new ArrayList<>();
        options.add(null);
        chart.committees().stream()
                .filter(c -> c.active() || (person != null && Objects.equals(person.committeeId(), c.id())))
                .forEach(options::add);
        committeeOptions.setAll(options);
        committee.set(chosen == null ? null : chart.committee(chosen.id()).orElse(null));
    }

    @Override
    protected OrganizationChange<Person> creating() {
        String n = name.get();
        PersonRole r = role.get();
        Long c = committeeId();
        String p = phone.get();
        return organization -> organization.createPerson(n, r, c, p);
    }

    @Override
    protected OrganizationChange<Person> updating(Person before) {
        String n = name.get();
        PersonRole r = role.get();
        Long c = committeeId();
        String p = phone.get();
        return organization -> organization.updatePerson(before.id(), n, r, c, p);
    }

    private Long committeeId() {
        return committee.get() == null ? null : committee.get().id();
    }

    @Override
    protected OrganizationService.Saved<Person> setActive(OrganizationService organization, Person item, boolean active) {
        return organization.setPersonActive(item.id(), active);
    }

    @Override
    protected List<Person> all(OrganizationChart chart) {
        return chart.people();
    }

    @Override
    protected long idOf(Person item) {
        return item.id();
    }

    @Override
    protected String nameOf(Person item) {
        return item.name();
    }

    @Override
    protected boolean isActive(Person item) {
        return item.active();
    }
}
