package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgentInput;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One party (当事人) of the lead as a row of the form, checked by {@link PartyRules}. The row itself
 * holds what is typed most (name, gender, ID number or credit code, phone, address, role); the rest —
 * the kind of party, a person's 民族, birth date, age, 职业 and 工作单位, an organization's 法定代表人, and
 * the agents — is in an area the user opens, opened by itself when any of it is filled in or wrong.
 */
public final class PartyRowViewModel {
    /** The fields of the area that opens: a problem in one of them opens it, so that the message is seen. */
    private static final Set<Field> MORE_FIELDS = Set.of(Field.ETHNICITY, Field.BIRTH_DATE, Field.AGE,
            Field.OCCUPATION, Field.EMPLOYER, Field.LEGAL_REPRESENTATIVE, Field.REPRESENTATIVE_TITLE);

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<PartyRole> role = new SimpleObjectProperty<>(PartyRole.APPLICANT);
    private final ObjectProperty<PartyKind> kind = new SimpleObjectProperty<>(PartyKind.PERSON);
    private final StringProperty ethnicity = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty age = new SimpleStringProperty("");
    private final StringProperty occupation = new SimpleStringProperty("");
    private final StringProperty employer = new SimpleStringProperty("");
    private final StringProperty creditCode = new SimpleStringProperty("");
    private final StringProperty legalRepresentative = new SimpleStringProperty("");
    private final StringProperty representativeTitle = new SimpleStringProperty("");
    private final ObservableList<AgentRowViewModel> agents =
            FXCollections.observableArrayList(AgentRowViewModel::observables);
    private final BooleanProperty expanded = new SimpleBooleanProperty(false);
    private final BooleanBinding person = Bindings.createBooleanBinding(() -> kind.get() == PartyKind.PERSON, kind);
    private final Localization l10n;
    private final Supplier<LocalDate> today;
    private final FieldErrors errors;

    PartyRowViewModel(Localization l10n, Supplier<LocalDate> today, PartyRole role) {
        this.l10n = l10n;
        this.today = today;
        this.errors = new FieldErrors(l10n, Field.NAME, Field.GENDER, Field.ID_NUMBER, Field.PHONE, Field.ADDRESS,
                Field.ETHNICITY, Field.BIRTH_DATE, Field.AGE, Field.OCCUPATION, Field.EMPLOYER, Field.CREDIT_CODE,
                Field.LEGAL_REPRESENTATIVE, Field.REPRESENTATIVE_TITLE);
        this.role.set(role);
        kind.addListener((obs, old, now) -> {
            if (now != null && now != PartyKind.PERSON) {
                expanded.set(true); // the organization's fields are in the area
            }
        });
    }

    static PartyRowViewModel of(Party party, List<PartyAgent> partyAgents, Localization l10n, Supplier<LocalDate> today) {
        PartyRowViewModel row = new PartyRowViewModel(l10n, today, party.role());
        row.name.set(FormInput.orEmpty(party.name()));
        row.gender.set(party.gender());
        row.idNumber.set(FormInput.orEmpty(party.idNumber()));
        row.phone.set(FormInput.orEmpty(party.phone()));
        row.address.set(FormInput.orEmpty(party.address()));
        row.kind.set(party.kind());
        row.ethnicity.set(FormInput.orEmpty(party.ethnicity()));
        row.birthDate.set(FormInput.text(party.birthDate()));
        row.age.set(FormInput.text(party.age()));
        row.occupation.set(FormInput.orEmpty(party.occupation()));
        row.employer.set(FormInput.orEmpty(party.employer()));
        row.creditCode.set(FormInput.orEmpty(party.creditCode()));
        row.legalRepresentative.set(FormInput.orEmpty(party.legalRepresentative()));
        row.representativeTitle.set(FormInput.orEmpty(party.representativeTitle()));
        partyAgents.stream().filter(a -> a.partyId().equals(party.id()))
                .forEach(a -> row.agents.add(AgentRowViewModel.of(a, l10n)));
        row.expanded.set(row.hasMore());
        return row;
    }

    /** Whether anything beyond the row itself is filled in: then the area shows it from the start. */
    private boolean hasMore() {
        return kind.get() != PartyKind.PERSON || !agents.isEmpty()
                || !(FormInput.isBlank(ethnicity.get()) && FormInput.isBlank(birthDate.get())
                && FormInput.isBlank(age.get()) && FormInput.isBlank(occupation.get())
                && FormInput.isBlank(employer.get()));
    }

    /**
     * What is saved: the fields of the chosen kind only (a gender chosen before the party turned out to
     * be a company is not kept), and the agents not left blank. A date or number that cannot be read
     * is left out here; {@link #check} names it.
     */
    PartyInput input() {
        boolean isPerson = kind.get() == PartyKind.PERSON;
        List<AgentInput> agentInputs = agents.stream().filter(a -> !a.isBlank()).map(AgentRowViewModel::input).toList();
        return new PartyInput(FormInput.orEmpty(name.get()).strip(), isPerson ? gender.get() : null,
                isPerson ? FormInput.blankToNull(idNumber.get()) : null, FormInput.blankToNull(phone.get()),
                FormInput.blankToNull(address.get()), role.get(), kind.get(),
                isPerson ? FormInput.blankToNull(ethnicity.get()) : null,
                isPerson ? FormInput.dateOrNull(birthDate.get()) : null,
                isPerson ? ageOrNull() : null,
                isPerson ? FormInput.blankToNull(occupation.get()) : null,
                isPerson ? FormInput.blankToNull(employer.get()) : null,
                isPerson ? null : FormInput.blankToNull(creditCode.get()),
                isPerson ? null : FormInput.blankToNull(legalRepresentative.get()),
                isPerson ? null : FormInput.blankToNull(representativeTitle.get()), agentInputs);
    }

    private Integer ageOrNull() {
        try {
            return FormInput.isBlank(age.get()) ? null : Integer.valueOf(age.get().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A row left empty is no party: it is dropped on saving instead of asking for a name. */
    boolean isBlank() {
        return FormInput.isBlank(name.get()) && FormInput.isBlank(idNumber.get()) && FormInput.isBlank(phone.get())
                && FormInput.isBlank(address.get()) && FormInput.isBlank(creditCode.get())
                && agents.stream().allMatch(AgentRowViewModel::isBlank);
    }

    /**
     * Checks the row and its agents and shows what is wrong at their fields; returns whether all is
     * right. A valid ID number also tells the gender (GB 11643: the 17th digit is odd for men), filled
     * in when not chosen.
     */
    public boolean check() {
        List<Problem> problems = new ArrayList<>();
        if (kind.get() == PartyKind.PERSON) {
            FormInput.date(birthDate.get(), Field.BIRTH_DATE, problems);
            FormInput.integer(age.get(), Field.AGE, problems);
        }
        problems.addAll(PartyRules.checkParty(input(), today.get()));
        errors.show(problems);
        boolean agentsRight = true;
        for (AgentRowViewModel agent : agents) {
            if (agent.isBlank()) {
                agent.clearErrors();
            } else {
                agentsRight &= agent.check();
            }
        }
        if (!agentsRight || problems.stream().anyMatch(p -> MORE_FIELDS.contains(p.field()))) {
            expanded.set(true);
        }
        String id = FormInput.orEmpty(idNumber.get()).strip();
        if (kind.get() == PartyKind.PERSON && gender.get() == null
                && problems.stream().noneMatch(p -> p.field() == Field.ID_NUMBER) && id.length() == 18) {
            gender.set((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
        }
        return problems.isEmpty() && agentsRight;
    }

    void clearErrors() {
        errors.clear();
        agents.forEach(AgentRowViewModel::clearErrors);
    }

    /** Adds an empty agent, a 委托代理人 with 一般授权 until changed, and opens the area to show it. */
    public AgentRowViewModel addAgent() {
        AgentRowViewModel agent = new AgentRowViewModel(l10n);
        agents.add(agent);
        expanded.set(true);
        return agent;
    }

    public void removeAgent(AgentRowViewModel agent) {
        agents.remove(agent);
    }

    List<Object> snapshot() {
        PartyInput input = input();
        List<Object> values = new ArrayList<Object>(Arrays.<Object>asList(input.name(), input.gender(),
                FormInput.orEmpty(input.idNumber()), FormInput.orEmpty(input.phone()),
                FormInput.orEmpty(input.address()), input.role(), input.kind(), FormInput.orEmpty(input.ethnicity()),
                normalized(birthDate.get(), input.birthDate()), FormInput.orEmpty(age.get()).strip(),
                FormInput.orEmpty(input.occupation()), FormInput.orEmpty(input.employer()),
                FormInput.orEmpty(input.creditCode()), FormInput.orEmpty(input.legalRepresentative()),
                FormInput.orEmpty(input.representativeTitle())));
        agents.stream().filter(a -> !a.isBlank()).forEach(a -> values.add(a.snapshot()));
        return values;
    }

    /** 1970/5/3 and 1970-05-03 are the same day: retyping a date differently changes nothing. */
    private static String normalized(String text, LocalDate date) {
        return date != null ? date.toString() : FormInput.orEmpty(text).strip();
    }

    Observable[] observables() {
        return new Observable[] {name, gender, idNumber, phone, address, role, kind, ethnicity, birthDate, age,
                occupation, employer, creditCode, legalRepresentative, representativeTitle, agents};
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Gender> genderProperty() {
        return gender;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ObjectProperty<PartyRole> roleProperty() {
        return role;
    }

    public ObjectProperty<PartyKind> kindProperty() {
        return kind;
    }

    public StringProperty ethnicityProperty() {
        return ethnicity;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public StringProperty ageProperty() {
        return age;
    }

    public StringProperty occupationProperty() {
        return occupation;
    }

    public StringProperty employerProperty() {
        return employer;
    }

    public StringProperty creditCodeProperty() {
        return creditCode;
    }

    public StringProperty legalRepresentativeProperty() {
        return legalRepresentative;
    }

    public StringProperty representativeTitleProperty() {
        return representativeTitle;
    }

    public ObservableList<AgentRowViewModel> agents() {
        return agents;
    }

    /** Whether the area with the kind, the further fields and the agents is open. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    /** A natural person: the personal fields apply; otherwise the organization's. */
    public BooleanBinding personProperty() {
        return person;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty nameError() {
        return errors.message(Field.NAME);
    }

    public ReadOnlyStringProperty idNumberError() {
        return errors.message(Field.ID_NUMBER);
    }

    public ReadOnlyStringProperty phoneError() {
        return errors.message(Field.PHONE);
    }
}
