package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.function.Function;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;

/** 基本情况 and 当事人: the facts of the report and the table of parties. Controls and bindings only. */
final class DetailsPane {
    private final DetailsSectionViewModel viewModel;
    private final Localization l10n;

    DetailsPane(DetailsSectionViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
    }

    VBox basics() {
        GridPane grid = LeadForms.grid();
        ComboBox<?> committee = LeadForms.combo(viewModel.committees(), viewModel.committeeProperty(),
                viewModel::label, "lead-committee");
        committee.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.committeeFixedProperty().get(), viewModel.committeeFixedProperty()));
        committee.setTooltip(new Tooltip(l10n.text("gui.lead.details.committee.tip")));
        add(grid, field(l10n.text("gui.lead.details.committee"), committee, viewModel.error(Field.COMMITTEE)), 0, 0, 2);
        add(grid, field(l10n.text("gui.lead.details.foundOn"),
                LeadForms.date(viewModel.foundOnProperty(), "lead-found-on", l10n.text("gui.lead.datePrompt")),
                viewModel.error(Field.FOUND_ON)), 2, 0, 1);
        add(grid, field(l10n.text("gui.lead.details.leadNo"),
                LeadForms.text(viewModel.leadNoProperty(), "lead-lead-no", l10n.text("gui.lead.details.leadNo.prompt")),
                viewModel.error(Field.LEAD_NO)), 3, 0, 1);

        add(grid, field(l10n.text("gui.lead.details.community"), LeadForms.combo(viewModel.communities(),
                viewModel.communityProperty(), viewModel::label, "lead-community"), viewModel.error(Field.COMMUNITY)),
                0, 1, 1);
        ComboBox<?> gridChoice = LeadForms.combo(viewModel.grids(), viewModel.gridProperty(), viewModel::label,
                "lead-grid");
        gridChoice.setPromptText(l10n.text("gui.lead.details.grid.prompt"));
        add(grid, field(l10n.text("gui.lead.details.grid"), gridChoice, viewModel.error(Field.GRID)), 1, 1, 1);
        add(grid, field(l10n.text("gui.lead.details.source"), LeadForms.combo(viewModel.sources(),
                viewModel.sourceProperty(), viewModel::label, "lead-source"), viewModel.error(Field.SOURCE)), 2, 1, 1);
        add(grid, field(l10n.text("gui.lead.details.type"), LeadForms.combo(viewModel.disputeTypes(),
                viewModel.disputeTypeProperty(), viewModel::label, "lead-type"), viewModel.error(Field.DISPUTE_TYPE)),
                3, 1, 1);

        add(grid, field(l10n.text("gui.lead.details.summary"), LeadForms.area(viewModel.summaryProperty(),
                "lead-summary", l10n.text("gui.lead.details.summary.prompt"), 3), viewModel.error(Field.SUMMARY)),
                0, 2, 4);

        add(grid, field(l10n.text("gui.lead.details.people"), LeadForms.text(viewModel.peopleProperty(),
                "lead-people", l10n.text("gui.lead.details.people.prompt")), viewModel.error(Field.PEOPLE)), 0, 3, 1);
        add(grid, field(l10n.text("gui.lead.details.amount"), LeadForms.text(viewModel.amountProperty(),
                "lead-amount", l10n.text("gui.lead.details.amount.prompt")), viewModel.error(Field.AMOUNT)), 1, 3, 1);
        add(grid, field(l10n.text("gui.lead.details.risk"), LeadForms.radios(viewModel.riskLevels(),
                viewModel.riskProperty(), viewModel::label, "lead-risk"), viewModel.error(Field.RISK)), 2, 3, 2);

        CheckBox criminal = new CheckBox(l10n.text("gui.lead.details.criminalRisk"));
        criminal.setId("lead-criminal-risk");
        criminal.selectedProperty().bindBidirectional(viewModel.criminalRiskProperty());
        CheckBox group = new CheckBox(l10n.text("gui.lead.details.groupRisk"));
        group.setId("lead-group-risk");
        group.selectedProperty().bindBidirectional(viewModel.groupRiskProperty());
        FlowPane flags = new FlowPane(24, 6, criminal, group);
        add(grid, field(l10n.text("gui.lead.details.flags"), flags, null), 0, 4, 4);

        return LeadForms.section("lead-section-details", l10n.text("gui.lead.section.details"),
                MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE, null, grid,
                LeadForms.error(viewModel.generalError()));
    }

    VBox parties() {
        GridPane table = new GridPane();
        table.setHgap(10);
        table.setVgap(4);
        table.getStyleClass().add("party-table");
        double[] widths = {14, 9, 20, 15, 26, 11, 5};
        for (double width : widths) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(width);
            column.setHgrow(Priority.ALWAYS);
            table.getColumnConstraints().add(column);
        }
        Runnable fill = () -> fillParties(table);
        fill.run();
        // Rows come and go; edits inside a row do not rebuild the table (the focus stays where it is).
        viewModel.parties().addListener((ListChangeListener<PartyRowViewModel>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                fill.run();
            }
        });

        Button add = new Button(l10n.text("gui.lead.parties.add"), new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        add.setId("lead-party-add");
        add.setOnAction(e -> {
            viewModel.addParty();
            table.lookupAll(".party-name").stream().reduce((first, second) -> second).ifPresent(Node::requestFocus);
        });
        Label privacy = LeadForms.muted(l10n.text("gui.lead.parties.privacy"));
        return LeadForms.section("lead-section-parties", l10n.text("gui.lead.section.parties"),
                MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE, null, table, LeadForms.error(viewModel.error(Field.PARTIES)),
                LeadForms.actions(add, privacy));
    }

    private void fillParties(GridPane table) {
        table.getChildren().clear();
        String[] headers = {l10n.text("gui.lead.parties.name"), l10n.text("gui.lead.parties.gender"),
                l10n.text("gui.lead.parties.idNumber"), l10n.text("gui.lead.parties.phone"),
                l10n.text("gui.lead.parties.address"), l10n.text("gui.lead.parties.role")};
        if (viewModel.parties().isEmpty()) {
            table.add(LeadForms.muted(l10n.text("gui.lead.parties.none")), 0, 0, 7, 1);
            return;
        }
        for (int i = 0; i < headers.length; i++) {
            Label header = new Label(headers[i]);
            header.getStyleClass().add("field-label");
            table.add(header, i, 0);
        }
        int row = 1;
        int index = 0;
        for (PartyRowViewModel party : viewModel.parties()) {
            String id = "lead-party-" + index;
            TextField name = LeadForms.text(party.nameProperty(), id + "-name", null);
            name.getStyleClass().add("party-name");
            ComboBox<?> gender = LeadForms.combo(FXCollections.observableArrayList(viewModel.genders()),
                    party.genderProperty(), viewModel::label, id + "-gender");
            TextField idNumber = masked(party.idNumberProperty(), PersonalData::maskIdNumber, id + "-id-number");
            TextField phone = masked(party.phoneProperty(), PersonalData::maskPhone, id + "-phone");
            TextField address = LeadForms.text(party.addressProperty(), id + "-address", null);
            ComboBox<?> role = LeadForms.combo(FXCollections.observableArrayList(viewModel.roles()),
                    party.roleProperty(), viewModel::label, id + "-role");
            Button remove = new Button(null, new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setTooltip(new Tooltip(l10n.text("gui.lead.parties.remove")));
            remove.setId(id + "-remove");
            remove.setOnAction(e -> viewModel.removeParty(party));
            Node[] controls = {name, gender, idNumber, phone, address, role};
            for (int column = 0; column < controls.length; column++) {
                ((Control) controls[column]).setMaxWidth(Double.MAX_VALUE);
                table.add(controls[column], column, row);
                // Checked when the user leaves a field of the row, not at every key.
                controls[column].focusedProperty().addListener((obs, was, is) -> {
                    if (!is) {
                        if (party.isBlank()) {
                            party.clearErrors();
                        } else {
                            party.check();
                        }
                    }
                });
            }
            table.add(remove, 6, row);
            table.add(errorFor(party.nameError(), name), 0, row + 1);
            table.add(errorFor(party.idNumberError(), idNumber), 2, row + 1);
            table.add(errorFor(party.phoneError(), phone), 3, row + 1, 2, 1);
            row += 2;
            index++;
        }
    }

    private static Label errorFor(ObservableStringValue error, Node control) {
        Label message = LeadForms.error(error);
        message.textProperty().addListener((obs, old, now) -> control.pseudoClassStateChanged(Styles.STATE_DANGER,
                now != null && !now.isEmpty()));
        return message;
    }

    /** Shows the number masked while nobody is in the field, in full while it is being edited. */
    private static TextField masked(StringProperty value, Function<String, String> mask, String id) {
        TextField field = new TextField();
        field.setId(id);
        Runnable showMasked = () -> field.setText(mask.apply(value.get()));
        field.focusedProperty().addListener((obs, was, is) -> {
            if (is) {
                field.setText(value.get());
                field.end();
            } else {
                value.set(field.getText());
                showMasked.run();
            }
        });
        field.textProperty().addListener((obs, old, now) -> {
            if (field.isFocused()) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> {
            if (!field.isFocused()) {
                showMasked.run();
            }
        });
        showMasked.run();
        field.setAlignment(Pos.CENTER_LEFT);
        return field;
    }
}
