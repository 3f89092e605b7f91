package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;

/** One party (当事人) of the lead as a row of the form; its personal data are checked by {@link PartyRules}. */
public final class PartyRowViewModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<PartyRole> role = new SimpleObjectProperty<>(PartyRole.APPLICANT);
    private final FieldErrors errors;

    PartyRowViewModel(Localization l10n, PartyRole role) {
        this.errors = new FieldErrors(l10n, Problem.Field.NAME, Problem.Field.ID_NUMBER, Problem.Field.PHONE);
        this.role.set(role);
    }

    static PartyRowViewModel of(Party party, Localization l10n) {
        PartyRowViewModel row = new PartyRowViewModel(l10n, party.role());
        row.name.set(FormInput.orEmpty(party.name()));
        row.gender.set(party.gender());
        row.idNumber.set(FormInput.orEmpty(party.idNumber()));
        row.phone.set(FormInput.orEmpty(party.phone()));
        row.address.set(FormInput.orEmpty(party.address()));
        return row;
    }

    PartyInput input() {
        return new PartyInput(FormInput.orEmpty(name.get()).strip(), gender.get(), FormInput.blankToNull(idNumber.get()),
                FormInput.blankToNull(phone.get()), FormInput.blankToNull(address.get()), role.get());
    }

    /** A row left empty is no party: it is dropped on saving instead of asking for a name. */
    boolean isBlank() {
        return FormInput.isBlank(name.get()) && FormInput.isBlank(idNumber.get()) && FormInput.isBlank(phone.get())
                && FormInput.isBlank(address.get());
    }

    /**
     * Checks the row and shows what is wrong at its fields; returns whether it is right. A valid ID
     * number also tells the gender (GB 11643: the 17th digit is odd for men), filled in when not chosen.
     */
    public boolean check() {
        List<Problem> problems = PartyRules.check(input());
        errors.show(problems);
        String id = FormInput.orEmpty(idNumber.get()).strip();
        if (gender.get() == null && problems.stream().noneMatch(p -> p.field() == Problem.Field.ID_NUMBER)
                && id.length() == 18) {
            gender.set((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
        }
        return problems.isEmpty();
    }

    void clearErrors() {
        errors.clear();
    }

    List<Object> snapshot() {
        return Arrays.asList(FormInput.orEmpty(name.get()).strip(), gender.get(),
                FormInput.orEmpty(idNumber.get()).strip(), FormInput.orEmpty(phone.get()).strip(),
                FormInput.orEmpty(address.get()).strip(), role.get());
    }

    Observable[] observables() {
        return new Observable[] {name, gender, idNumber, phone, address, role};
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

    public ReadOnlyStringProperty nameError() {
        return errors.message(Problem.Field.NAME);
    }

    public ReadOnlyStringProperty idNumberError() {
        return errors.message(Problem.Field.ID_NUMBER);
    }

    public ReadOnlyStringProperty phoneError() {
        return errors.message(Problem.Field.PHONE);
    }
}
