package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
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
    /** How many grid rows the fields take. */
    static final int ROWS = 6;

    private final OutcomeSectionViewModel labels;
    private final Localization l10n;

    OutcomeFields(OutcomeSectionViewModel labels, Localization l10n) {
        this.labels = labels;
        this.l10n = l10n;
    }

    /** Puts the fields into rows {@code row} to {@code row + ROWS - 1} of {@code grid}. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    void addTo(GridPane grid, int row, ObjectProperty<Outcome> outcome, StringProperty closedOn, AgreementDraft agreement,
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
                LeadForms.radios(labels.forms(), agreement.formProperty(), labels::formLabel, id + "-agreement-form"),
                error.apply(Field.AGREEMENT_FORM)), resolved), 0, row + 1, 2);
        add(grid, shown(field(l10n.text("gui.lead.agreement.amount"), LeadForms.text(agreement.amountProperty(),
                id + "-agreement-amount", l10n.text("gui.lead.details.amount.prompt")), error.apply(Field.AGREEMENT)),
                resolved), 2, row + 1, 1);
        add(grid, shown(field(l10n.text("gui.lead.agreement.deadline"), LeadForms.date(agreement.deadlineProperty(),
                id + "-agreement-deadline", l10n.text("gui.lead.datePrompt")), deadlineError), resolved), 3, row + 1, 1);
        add(grid, shown(field(l10n.text("gui.lead.agreement.facts"), LeadForms.area(agreement.factsProperty(),
                id + "-agreement-facts", l10n.text("gui.lead.agreement.facts.prompt"), 3),
                error.apply(Field.AGREEMENT_FACTS)), resolved), 0, row + 2, 4);
        add(grid, shown(field(l10n.text("gui.lead.agreement.issues"), LeadForms.area(agreement.issuesProperty(),
                id + "-agreement-issues", l10n.text("gui.lead.agreement.issues.prompt"), 2),
                error.apply(Field.AGREEMENT_ISSUES)), resolved), 0, row + 3, 2);
        add(grid, shown(field(l10n.text("gui.lead.agreement.responsibility"),
                LeadForms.area(agreement.responsibilityProperty(), id + "-agreement-responsibility",
                        l10n.text("gui.lead.agreement.responsibility.prompt"), 2),
                error.apply(Field.AGREEMENT_RESPONSIBILITY)), resolved), 2, row + 3, 2);
        add(grid, shown(field(l10n.text("gui.lead.agreement.terms"), LeadForms.area(agreement.termsProperty(),
                id + "-agreement-terms", l10n.text("gui.lead.agreement.terms.prompt"), 3),
                error.apply(Field.AGREEMENT_TERMS)), resolved), 0, row + 4, 4);
        add(grid, shown(field(l10n.text("gui.lead.agreement.performanceWay"),
                LeadForms.text(agreement.performanceWayProperty(), id + "-agreement-performance-way",
                        l10n.text("gui.lead.agreement.performanceWay.prompt")),
                error.apply(Field.AGREEMENT_PERFORMANCE)), resolved), 0, row + 5, 2);
        add(grid, shown(field(l10n.text("gui.lead.agreement.performancePlace"),
                LeadForms.text(agreement.performancePlaceProperty(), id + "-agreement-performance-place",
                        l10n.text("gui.lead.agreement.performancePlace.prompt")), null), resolved), 2, row + 5, 2);
    }

    private static Node shown(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
        return node;
    }
}
