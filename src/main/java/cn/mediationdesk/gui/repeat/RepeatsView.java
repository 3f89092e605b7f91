package cn.mediationdesk.gui.repeat;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.gui.repeat.RepeatsViewModel.LeadRow;
import cn.mediationdesk.gui.repeat.RepeatsViewModel.Row;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;
import java.util.function.Consumer;

/**
 * 矛盾反复: the period, the people and the addresses with the most leads side by side, and below them the
 * leads of the one clicked; a double click on a lead opens it. Controls only.
 */
public final class RepeatsView extends BorderPane {

    public RepeatsView(RepeatsViewModel viewModel, Localization l10n) {
        setId("repeats");
        Label title = new Label(l10n.text("gui.repeats.title"), new FontIcon(MaterialDesignR.REPEAT));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(l10n.text("gui.repeats.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        DatePicker from = datePicker(l10n);
        from.setId("repeats-from");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker(l10n);
        to.setId("repeats-to");
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        Button run = new Button(l10n.text("gui.repeats.run"), new FontIcon(MaterialDesignM.MAGNIFY));
        run.setId("repeats-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.loadingProperty());
        run.setOnAction(e -> viewModel.load());
        Label status = new Label();
        status.setId("repeats-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox period = new HBox(10, new Label(l10n.text("gui.repeats.from")), from,
                new Label(l10n.text("gui.repeats.to")), to, run);
        period.setAlignment(Pos.CENTER_LEFT);
        FlowPane controls = new FlowPane(16, 6, period, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> people = TextTables.dense(viewModel.people(), "repeats-people", l10n.text("gui.repeats.people.empty"),
                List.of(TextTables.column(l10n.text("gui.repeats.column.person"), Row::who, 190),
                        TextTables.column(l10n.text("gui.repeats.column.address"), Row::address, 150),
                        TextTables.column(l10n.text("gui.repeats.column.leads"), Row::leads, 60)));
        TableView<Row> addresses = TextTables.dense(viewModel.addresses(), "repeats-addresses",
                l10n.text("gui.repeats.addresses.empty"),
                List.of(TextTables.column(l10n.text("gui.repeats.column.address"), Row::address, 250),
                        TextTables.column(l10n.text("gui.repeats.column.leads"), Row::leads, 60)));
        people.getColumns().getLast().setMinWidth(60);
        addresses.getColumns().getLast().setMinWidth(60);
        chooseOnClick(people, viewModel::choose);
        chooseOnClick(addresses, viewModel::choose);
        VBox peopleBox = titled(l10n.text("gui.repeats.people"), people);
        VBox addressBox = titled(l10n.text("gui.repeats.addresses"), addresses);
        HBox lists = new HBox(14, peopleBox, addressBox);
        HBox.setHgrow(peopleBox, Priority.ALWAYS);
        HBox.setHgrow(addressBox, Priority.ALWAYS);
        peopleBox.setPrefWidth(520);
        addressBox.setPrefWidth(360);
        lists.setMinHeight(150);
        VBox.setVgrow(lists, Priority.ALWAYS);

        Label chosen = new Label();
        chosen.setId("repeats-chosen");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.chosenProperty().get().isEmpty() ? l10n.text("gui.repeats.leads.hint")
                        : viewModel.chosenProperty().get(), viewModel.chosenProperty()));
        chosen.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<LeadRow> leads = TextTables.dense(viewModel.leads(), "repeats-leads", l10n.text("gui.repeats.leads.empty"),
                List.of(TextTables.column(l10n.text("gui.repeats.column.foundOn"), LeadRow::foundOn, 100),
                        TextTables.column(l10n.text("gui.repeats.column.number"), LeadRow::number, 210),
                        TextTables.column(l10n.text("gui.repeats.column.committee"), LeadRow::committee, 170),
                        TextTables.column(l10n.text("gui.repeats.column.state"), LeadRow::state, 90),
                        TextTables.column(l10n.text("gui.repeats.column.summary"), LeadRow::summary, 300)));
        leads.getColumns().stream().limit(1).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        leads.setRowFactory(t -> {
            TableRow<LeadRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        leads.setMinHeight(120);
        VBox.setVgrow(leads, Priority.ALWAYS);

        VBox content = new VBox(10, title, hint, controls, lists, chosen, leads);
        content.setPadding(new Insets(16, 20, 16, 20));
        setCenter(content);
    }

    private static VBox titled(String text, TableView<?> table) {
        Label heading = new Label(text);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table);
        box.setMinWidth(0);
        return box;
    }

    private static void chooseOnClick(TableView<Row> table, Consumer<Row> choose) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                choose.accept(now);
            }
        });
    }

    private static DatePicker datePicker(Localization l10n) {
        DatePicker picker = new DatePicker();
        picker.setConverter(new DateFieldConverter());
        picker.setEditable(true);
        picker.setPromptText(l10n.text("gui.lead.datePrompt"));
        picker.setPrefWidth(140);
        return picker;
    }
}
