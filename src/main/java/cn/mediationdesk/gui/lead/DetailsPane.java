package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
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

    /** A field the lead cannot be saved without: marked before the first save. */
    private VBox required(String labelKey, Node control, ObservableStringValue error) {
        return LeadForms.requiredField(l10n.text(labelKey), l10n.text("gui.window.required"), control, error);
    }

    VBox basics() {
        GridPane grid = LeadForms.grid();
        ComboBox<?> committee = LeadForms.combo(viewModel.committees(), viewModel.committeeProperty(),
                viewModel::label, "lead-committee");
        committee.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.committeeFixedProperty().get(), viewModel.committeeFixedProperty()));
        committee.setTooltip(new Tooltip(l10n.text("gui.lead.details.committee.tip")));
        add(grid, required("gui.lead.details.committee", committee, viewModel.error(Field.COMMITTEE)), 0, 0, 2);
        add(grid, required("gui.lead.details.foundOn",
                LeadForms.date(viewModel.foundOnProperty(), "lead-found-on", l10n.text("gui.lead.datePrompt")),
                viewModel.error(Field.FOUND_ON)), 2, 0, 1);
        add(grid, field(l10n.text("gui.lead.details.leadNo"),
                LeadForms.text(viewModel.leadNoProperty(), "lead-lead-no", l10n.text("gui.lead.details.leadNo.prompt")),
                viewModel.error(Field.LEAD_NO)), 3, 0, 1);

        add(grid, required("gui.lead.details.community", LeadForms.combo(viewModel.communities(),
                viewModel.communityProperty(), viewModel::label, "lead-community"), viewModel.error(Field.COMMUNITY)),
                0, 1, 1);
        ComboBox<?> gridChoice = LeadForms.combo(viewModel.grids(), viewModel.gridProperty(), viewModel::label,
                "lead-grid");
        gridChoice.setPromptText(l10n.text("gui.lead.details.grid.prompt"));
        add(grid, field(l10n.text("gui.lead.details.grid"), gridChoice, viewModel.error(Field.GRID)), 1, 1, 1);
        add(grid, required("gui.lead.details.source", LeadForms.combo(viewModel.sources(),
                viewModel.sourceProperty(), viewModel::label, "lead-source"), viewModel.error(Field.SOURCE)), 2, 1, 1);
        add(grid, required("gui.lead.details.type", LeadForms.combo(viewModel.disputeTypes(),
                viewModel.disputeTypeProperty(), viewModel::label, "lead-type"), viewModel.error(Field.DISPUTE_TYPE)),
                3, 1, 1);

        add(grid, required("gui.lead.details.summary", LeadForms.area(viewModel.summaryProperty(),
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
        double[] widths = {14, 8, 20, 15, 21, 13, 9};
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
            // An organization has no gender; its column shows nothing to choose.
            gender.disableProperty().bind(LeadForms.not(party.personProperty()));
            TextField idNumber = masked(party.idNumberProperty(), PersonalData::maskIdNumber, id + "-id-number");
            TextField creditCode = LeadForms.text(party.creditCodeProperty(), id + "-credit-code",
                    l10n.text("gui.lead.parties.creditCode.prompt"));
            // The same cell holds a person's ID number or an organization's credit code, one shown at a time.
            LeadForms.shownWhen(idNumber, party.personProperty());
            LeadForms.shownWhen(creditCode, LeadForms.not(party.personProperty()));
            TextField phone = masked(party.phoneProperty(), PersonalData::maskPhone, id + "-phone");
            TextField address = LeadForms.text(party.addressProperty(), id + "-address", null);
            ComboBox<?> role = LeadForms.combo(FXCollections.observableArrayList(viewModel.roles()),
                    party.roleProperty(), viewModel::label, id + "-role");
            ToggleButton more = new ToggleButton(null, new FontIcon(MaterialDesignC.CHEVRON_DOWN));
            more.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            more.setTooltip(new Tooltip(l10n.text("gui.lead.parties.more")));
            more.setId(id + "-more");
            more.selectedProperty().bindBidirectional(party.expandedProperty());
            Button remove = new Button(null, new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setTooltip(new Tooltip(l10n.text("gui.lead.parties.remove")));
            remove.setId(id + "-remove");
            remove.setOnAction(e -> viewModel.removeParty(party));
            Node[] controls = {name, gender, idNumber, phone, address, role};
            for (int column = 0; column < controls.length; column++) {
                ((Control) controls[column]).setMaxWidth(Double.MAX_VALUE);
                table.add(controls[column], column, row);
                checkedOnLeaving(controls[column], party);
            }
            creditCode.setMaxWidth(Double.MAX_VALUE);
            table.add(creditCode, 2, row);
            checkedOnLeaving(creditCode, party);
            table.add(new HBox(2, more, remove), 6, row);
            table.add(errorFor(party.nameError(), name), 0, row + 1);
            table.add(errorFor(party.idNumberError(), idNumber), 2, row + 1);
            table.add(errorFor(party.error(Field.CREDIT_CODE), creditCode), 2, row + 1);
            table.add(errorFor(party.phoneError(), phone), 3, row + 1);
            table.add(errorFor(party.error(Field.ADDRESS), address), 4, row + 1);
            table.add(LeadForms.shownWhen(moreOf(party, id), party.expandedProperty()), 0, row + 2, 7, 1);
            row += 3;
            index++;
        }
    }

    /** The area of a party that opens: its kind, the fields of that kind beyond the row, and its agents. */
    private VBox moreOf(PartyRowViewModel party, String id) {
        FlowPane kinds = LeadForms.radios(viewModel.partyKinds(), party.kindProperty(), viewModel::label, id + "-kind");

        GridPane personal = LeadForms.grid();
        TextField ethnicity = LeadForms.text(party.ethnicityProperty(), id + "-ethnicity",
                l10n.text("gui.lead.parties.ethnicity.prompt"));
        HBox birthDate = LeadForms.date(party.birthDateProperty(), id + "-birth-date", l10n.text("gui.lead.datePrompt"));
        TextField age = LeadForms.text(party.ageProperty(), id + "-age", l10n.text("gui.lead.parties.age.prompt"));
        TextField occupation = LeadForms.text(party.occupationProperty(), id + "-occupation", null);
        TextField employer = LeadForms.text(party.employerProperty(), id + "-employer", null);
        add(personal, field(l10n.text("gui.lead.parties.ethnicity"), ethnicity, party.error(Field.ETHNICITY)), 0, 0, 1);
        add(personal, field(l10n.text("gui.lead.parties.birthDate"), birthDate, party.error(Field.BIRTH_DATE)), 1, 0, 1);
        add(personal, field(l10n.text("gui.lead.parties.age"), age, party.error(Field.AGE)), 2, 0, 1);
        add(personal, field(l10n.text("gui.lead.parties.occupation"), occupation, party.error(Field.OCCUPATION)), 3, 0, 1);
        add(personal, field(l10n.text("gui.lead.parties.employer"), employer, party.error(Field.EMPLOYER)), 0, 1, 4);
        LeadForms.shownWhen(personal, party.personProperty());

        GridPane organization = LeadForms.grid();
        TextField representative = LeadForms.text(party.legalRepresentativeProperty(), id + "-representative", null);
        TextField title = LeadForms.text(party.representativeTitleProperty(), id + "-representative-title", null);
        VBox representativeField = field("", representative, party.error(Field.LEGAL_REPRESENTATIVE));
        // 法人 name their 法定代表人, other organizations their 主要负责人.
        ((Label) representativeField.getChildren().getFirst()).textProperty().bind(Bindings.createStringBinding(
                () -> l10n.text(party.kindProperty().get() == PartyKind.ORGANIZATION
                        ? "gui.lead.parties.responsiblePerson" : "gui.lead.parties.legalRepresentative"),
                party.kindProperty()));
        add(organization, representativeField, 0, 0, 2);
        add(organization, field(l10n.text("gui.lead.parties.representativeTitle"), title,
                party.error(Field.REPRESENTATIVE_TITLE)), 2, 0, 1);
        LeadForms.shownWhen(organization, LeadForms.not(party.personProperty()));
        for (Node input : new Node[] {ethnicity, birthDate.getChildren().getFirst(), age, occupation, employer,
                representative, title}) {
            checkedOnLeaving(input, party);
        }

        VBox agents = new VBox(8);
        Runnable fillAgents = () -> fillAgents(agents, party, id);
        fillAgents.run();
        ListChangeListener<AgentRowViewModel> agentsChanged = change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            }
            if (structural) {
                fillAgents.run();
            }
        };
        // The row's model outlives this area when the table is rebuilt: it keeps no hold on the old area.
        party.agents().addListener(new WeakListChangeListener<>(agentsChanged));
        agents.getProperties().put(ListChangeListener.class, agentsChanged);
        Button addAgent = new Button(l10n.text("gui.lead.agents.add"), new FontIcon(MaterialDesignA.ACCOUNT_TIE_OUTLINE));
        addAgent.setId(id + "-agent-add");
        addAgent.setOnAction(e -> {
            party.addAgent();
            agents.lookupAll(".agent-name").stream().reduce((first, second) -> second).ifPresent(Node::requestFocus);
        });

        VBox box = new VBox(10, field(l10n.text("gui.lead.parties.kind"), kinds, null), personal, organization, agents,
                LeadForms.actions(addAgent));
        box.setId(id + "-details");
        box.getStyleClass().add("party-more");
        box.setPadding(new Insets(4, 0, 10, 16));
        return box;
    }

    private void fillAgents(VBox box, PartyRowViewModel party, String partyId) {
        box.getChildren().clear();
        int index = 0;
        for (AgentRowViewModel agent : party.agents()) {
            String id = partyId + "-agent-" + index;
            GridPane grid = LeadForms.grid();
            TextField name = LeadForms.text(agent.nameProperty(), id + "-name", null);
            name.getStyleClass().add("agent-name");
            ComboBox<?> kind = LeadForms.combo(FXCollections.observableArrayList(viewModel.agentKinds()),
                    agent.kindProperty(), viewModel::label, id + "-kind");
            ComboBox<?> authority = LeadForms.combo(FXCollections.observableArrayList(viewModel.authorities()),
                    agent.authorityProperty(), viewModel::label, id + "-authority");
            TextField relation = LeadForms.text(agent.relationProperty(), id + "-relation",
                    l10n.text("gui.lead.agents.relation.prompt"));
            TextField idNumber = masked(agent.idNumberProperty(), PersonalData::maskIdNumber, id + "-id-number");
            TextField phone = masked(agent.phoneProperty(), PersonalData::maskPhone, id + "-phone");
            TextField scope = LeadForms.text(agent.authorityScopeProperty(), id + "-scope",
                    l10n.text("gui.lead.agents.scope.prompt"));
            add(grid, field(l10n.text("gui.lead.agents.name"), name, agent.error(Field.NAME)), 0, 0, 1);
            add(grid, field(l10n.text("gui.lead.agents.kind"), kind, agent.error(Field.AGENT)), 1, 0, 1);
            add(grid, LeadForms.shownWhen(field(l10n.text("gui.lead.agents.authority"), authority, null),
                    agent.entrustedProperty()), 2, 0, 1);
            add(grid, field(l10n.text("gui.lead.agents.relation"), relation, agent.error(Field.RELATION)), 3, 0, 1);
            add(grid, field(l10n.text("gui.lead.agents.idNumber"), idNumber, agent.error(Field.ID_NUMBER)), 0, 1, 1);
            add(grid, field(l10n.text("gui.lead.agents.phone"), phone, agent.error(Field.PHONE)), 1, 1, 1);
            // The scope is asked for with 特别授权; a missing scope or any other authority problem shows here.
            VBox scopeField = field(l10n.text("gui.lead.agents.scope"), scope, agent.error(Field.AUTHORITY));
            add(grid, scopeField, 2, 1, 2);
            scope.visibleProperty().bind(agent.specialProperty());
            scope.managedProperty().bind(scope.visibleProperty());
            scopeField.getChildren().getFirst().visibleProperty().bind(agent.specialProperty());
            for (Node input : new Node[] {name, kind, authority, relation, idNumber, phone, scope}) {
                input.focusedProperty().addListener((obs, was, is) -> {
                    if (!is) {
                        if (agent.isBlank()) {
                            agent.clearErrors();
                        } else {
                            agent.check();
                        }
                    }
                });
            }
            Button remove = new Button(l10n.text("gui.lead.agents.remove"), new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
            remove.getStyleClass().add(Styles.FLAT);
            remove.setId(id + "-remove");
            remove.setOnAction(e -> party.removeAgent(agent));
            Label heading = new Label(l10n.text("gui.lead.agents.heading", index + 1));
            heading.getStyleClass().add("field-label");
            HBox top = new HBox(10, heading, remove);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(4, top, grid);
            card.getStyleClass().add("party-agent");
            box.getChildren().add(card);
            index++;
        }
    }

    /** Checked when the user leaves a field of the row, not at every key. */
    private static void checkedOnLeaving(Node input, PartyRowViewModel party) {
        input.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                if (party.isBlank()) {
                    party.clearErrors();
                } else {
                    party.check();
                }
            }
        });
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
