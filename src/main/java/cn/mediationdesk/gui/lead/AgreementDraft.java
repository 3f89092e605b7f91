package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The agreement's fields as a form holds them (若干规定 Art. 35): its form, the facts, the matters in
 * dispute, each party's responsibility, the terms, and how, where and by when they are performed.
 * Shared by closing a case and correcting how it closed.
 */
public final class AgreementDraft {
    private final ObjectProperty<AgreementForm> form = new SimpleObjectProperty<>();
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty issues = new SimpleStringProperty("");
    private final StringProperty responsibility = new SimpleStringProperty("");
    private final StringProperty terms = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty performanceWay = new SimpleStringProperty("");
    private final StringProperty performancePlace = new SimpleStringProperty("");
    private final StringProperty deadline = new SimpleStringProperty("");

    /** What the fields hold, for a form's baseline. */
    List<Object> values() {
        return Arrays.asList(form.get(), text(facts), text(issues), text(responsibility), text(terms), text(amount),
                text(performanceWay), text(performancePlace), text(deadline));
    }

    Observable[] observables() {
        return new Observable[] {form, facts, issues, responsibility, terms, amount, performanceWay, performancePlace,
                deadline};
    }

    private static String text(StringProperty property) {
        return FormInput.orEmpty(property.get()).strip();
    }

    void fill(Agreement agreement) {
        if (agreement == null) {
            clear();
            return;
        }
        form.set(agreement.form());
        facts.set(FormInput.orEmpty(agreement.facts()));
        issues.set(FormInput.orEmpty(agreement.issues()));
        responsibility.set(FormInput.orEmpty(agreement.responsibility()));
        terms.set(FormInput.orEmpty(agreement.terms()));
        amount.set(FormInput.text(agreement.amount()));
        performanceWay.set(FormInput.orEmpty(agreement.performanceWay()));
        performancePlace.set(FormInput.orEmpty(agreement.performancePlace()));
        deadline.set(FormInput.text(agreement.performanceDeadline()));
    }

    void clear() {
        form.set(null);
        for (StringProperty field : List.of(facts, issues, responsibility, terms, amount, performanceWay,
                performancePlace, deadline)) {
            field.set("");
        }
    }

    /**
     * The agreement in the fields, or {@code null} without its form (the rule "a resolved case has an
     * agreement" then says so at the form); unreadable money or dates are added to {@code problems}.
     */
    AgreementInput input(List<Problem> problems) {
        BigDecimal money = FormInput.amount(amount.get(), Field.AGREEMENT, problems);
        LocalDate until = FormInput.date(deadline.get(), Field.AGREEMENT, problems);
        return form.get() == null ? null : new AgreementInput(form.get(), FormInput.blankToNull(facts.get()),
                FormInput.blankToNull(issues.get()), FormInput.blankToNull(responsibility.get()),
                FormInput.blankToNull(terms.get()), money, FormInput.blankToNull(performanceWay.get()),
                FormInput.blankToNull(performancePlace.get()), until);
    }

    public ObjectProperty<AgreementForm> formProperty() {
        return form;
    }

    /** 纠纷事实. */
    public StringProperty factsProperty() {
        return facts;
    }

    /** 争议事项. */
    public StringProperty issuesProperty() {
        return issues;
    }

    /** 各方责任. */
    public StringProperty responsibilityProperty() {
        return responsibility;
    }

    /** 协议内容. */
    public StringProperty termsProperty() {
        return terms;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    /** 履行方式. */
    public StringProperty performanceWayProperty() {
        return performanceWay;
    }

    /** 履行地点. */
    public StringProperty performancePlaceProperty() {
        return performancePlace;
    }

    /** 履行期限. */
    public StringProperty deadlineProperty() {
        return deadline;
    }
}
