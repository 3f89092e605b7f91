package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgentInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;
import java.util.List;

/**
 * One agent (代理人) of a party as a row of the form: a 委托代理人 by default, with 一般授权; a 特别授权
 * needs its scope, and a 法定代理人 has no authority to enter (the fields are hidden and not saved).
 */
public final class AgentRowViewModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<AgentKind> kind = new SimpleObjectProperty<>(AgentKind.ENTRUSTED);
    private final ObjectProperty<AgentAuthority> authority = new SimpleObjectProperty<>(AgentAuthority.GENERAL);
    private final StringProperty authorityScope = new SimpleStringProperty("");
    private final StringProperty idNumber = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty relation = new SimpleStringProperty("");
    private final BooleanBinding entrusted = Bindings.createBooleanBinding(() -> kind.get() == AgentKind.ENTRUSTED, kind);
    private final BooleanBinding special = Bindings.createBooleanBinding(
            () -> kind.get() == AgentKind.ENTRUSTED && authority.get() == AgentAuthority.SPECIAL, kind, authority);
    private final FieldErrors errors;

    AgentRowViewModel(Localization l10n) {
        errors = new FieldErrors(l10n, Field.NAME, Field.AGENT, Field.AUTHORITY, Field.ID_NUMBER, Field.PHONE,
                Field.RELATION);
    }

    static AgentRowViewModel of(PartyAgent agent, Localization l10n) {
        AgentRowViewModel row = new AgentRowViewModel(l10n);
        row.name.set(FormInput.orEmpty(agent.name()));
        row.kind.set(agent.kind());
        row.authority.set(agent.kind() == AgentKind.ENTRUSTED ? agent.authority() : AgentAuthority.GENERAL);
        row.authorityScope.set(FormInput.orEmpty(agent.authorityScope()));
        row.idNumber.set(FormInput.orEmpty(agent.idNumber()));
        row.phone.set(FormInput.orEmpty(agent.phone()));
        row.relation.set(FormInput.orEmpty(agent.relation()));
        return row;
    }

    /** What is saved: a legal agent's authority fields, hidden on the form, are left out. */
    AgentInput input() {
        boolean isEntrusted = kind.get() == AgentKind.ENTRUSTED;
        AgentAuthority chosen = isEntrusted ? authority.get() : null;
        return new AgentInput(FormInput.orEmpty(name.get()).strip(), kind.get(), chosen,
                chosen == AgentAuthority.SPECIAL ? FormInput.blankToNull(authorityScope.get()) : null,
                FormInput.blankToNull(idNumber.get()), FormInput.blankToNull(phone.get()),
                FormInput.blankToNull(relation.get()));
    }

    /** A row left empty is no agent: it is dropped on saving. */
    boolean isBlank() {
        return FormInput.isBlank(name.get()) && FormInput.isBlank(idNumber.get()) && FormInput.isBlank(phone.get())
                && FormInput.isBlank(relation.get()) && FormInput.isBlank(authorityScope.get());
    }

    /** Checks the row and shows what is wrong at its fields; returns whether it is right. */
    public boolean check() {
        List<Problem> problems = PartyRules.checkAgent(input());
        errors.show(problems);
        return problems.isEmpty();
    }

    void clearErrors() {
        errors.clear();
    }

    List<Object> snapshot() {
        AgentInput input = input();
        return Arrays.asList(input.name(), input.kind(), input.authority(), input.authorityScope(),
                FormInput.orEmpty(input.idNumber()), FormInput.orEmpty(input.phone()), FormInput.orEmpty(input.relation()));
    }

    Observable[] observables() {
        return new Observable[] {name, kind, authority, authorityScope, idNumber, phone, relation};
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<AgentKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<AgentAuthority> authorityProperty() {
        return authority;
    }

    public StringProperty authorityScopeProperty() {
        return authorityScope;
    }

    public StringProperty idNumberProperty() {
        return idNumber;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty relationProperty() {
        return relation;
    }

    /** Whether the authority fields apply: only a 委托代理人 has them. */
    public BooleanBinding entrustedProperty() {
        return entrusted;
    }

    /** Whether the scope of a 特别授权 is asked for. */
    public BooleanBinding specialProperty() {
        return special;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }
}
