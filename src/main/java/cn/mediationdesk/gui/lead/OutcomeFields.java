package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

import java.util.function.Function;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;

/**
 * The fields of an outcome and its agreement, laid into a form grid: for closing a case and for
 * correcting how it closed. The agreement's fields show only for a resolved case.
 */
final class OutcomeFields {
    private final OutcomeSectionViewModel labels;
    private final Localization l10n;

    OutcomeFields(OutcomeSectionViewModel labels, Localization l10n) {
        this.labels = labels;
        this.l10n = l10n;
    }

    /** Puts the fields into rows {@code row} to {@code row + 2} of {@code grid}. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    void addTo(GridPane grid, int row, ObjectProperty<Outcome> outcome, StringProperty closedOn,
               ObjectProperty<AgreementForm> form, StringProperty terms, StringProperty amount, StringProperty deadline,
               Function<Field, ObservableStringValue> error, ObservableStringValue deadlineError, String id,
               boolean clearable) {
        Node outcomes = LeadForms.radios(labels.outcomes(), outcome, labels::outcomeLabel, id + "-outcome");
        if (clearable) {
            Hyperlink clear = new Hyperlink(l10n.text("gui.lead.correction.clearOutcome"));
            clear.setId(id + "-outcome-clear");
            clear.setOnAction(e -> outcome.set(null));
            outcomes = new HBox(12, outcomes, clear);
        }
        add(grid, field(l10n.text("gui.lead.outcome.outcome"), outcomes, error.apply(Field.OUTCOME)), 0, row, 3);
        add(grid, field(l10n.text("gui.lead.outcome.closedOn"),
                LeadForms.date(closedOn, id + "-closed-on", l10n.text("gui.lead.datePrompt")),
                error.apply(Field.CLOSED_ON)), 3, row, 1);
        BooleanBinding resolved = Bindings.createBooleanBinding(() -> outcome.get() == Outcome.RESOLVED, outcome);
        add(grid, shown(field(l10n.text("gui.lead.agreement.form"),
                LeadForms.radios(labels.forms(), form, labels::formLabel, id + "-agreement-form"),
                error.apply(Field.AGREEMENT_FORM)), resolved), 0, row + 1, 2);
        add(grid, shown(field(l10n.text("gui.lead.agreement.amount"), LeadForms.text(amount, id + "-agreement-amount",
                l10n.text("gui.lead.details.amount.prompt")), error.apply(Field.AGREEMENT)), resolved), 2, row + 1, 1);
        add(grid, shown(field(l10n.text("gui.lead.agreement.deadline"), LeadForms.date(deadline,
                id + "-agreement-deadline", l10n.text("gui.lead.datePrompt")), deadlineError), resolved), 3, row + 1, 1);
        add(grid, shown(field(l10n.text("gui.lead.agreement.terms"), LeadForms.area(terms, id + "-agreement-terms",
                l10n.text("gui.lead.agreement.terms.prompt"), 3), null), resolved), 0, row + 2, 4);
    }

    private static Node shown(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
        return node;
    }
}
