package cn.mediationdesk.gui.agenda;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.agenda.AgendaViewModel.Row;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.logic.agenda.AgendaKind;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** 议程: the days chooser, the kind filter, and the items soonest first, late ones marked red. Controls only. */
public final class AgendaView extends BorderPane {

    public AgendaView(AgendaViewModel viewModel, Localization l10n) {
        setId("agenda");
        Label title = new Label(l10n.text("gui.agenda.title"), new FontIcon(MaterialDesignC.CALENDAR_CLOCK));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(l10n.text("gui.agenda.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        ComboBox<Integer> days = new ComboBox<>(FXCollections.observableArrayList(AgendaViewModel.DAY_CHOICES));
        days.setId("agenda-days");
        days.setConverter(converter(viewModel::daysName));
        days.setValue(viewModel.daysProperty().get());
        days.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.daysProperty().set(now);
            }
        });
        List<AgendaKind> kindChoices = new ArrayList<>();
        kindChoices.add(null);
        kindChoices.addAll(Arrays.asList(AgendaKind.values()));
        ComboBox<AgendaKind> kinds = new ComboBox<>(FXCollections.observableArrayList(kindChoices));
        kinds.setId("agenda-kind");
        kinds.setConverter(converter(viewModel::kindName));
        kinds.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(AgendaKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : viewModel.kindName(item));
            }
        });
        kinds.valueProperty().bindBidirectional(viewModel.kindProperty());
        Button refresh = new Button(l10n.text("gui.agenda.refresh"), new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("agenda-refresh");
        refresh.disableProperty().bind(viewModel.loadingProperty());
        refresh.setOnAction(e -> viewModel.load());
        Button open = new Button(l10n.text("gui.agenda.open"), new FontIcon(MaterialDesignO.OPEN_IN_NEW));
        open.setId("agenda-open");
        Label status = new Label();
        status.setId("agenda-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        FlowPane controls = new FlowPane(10, 8, new Label(l10n.text("gui.agenda.days")), days,
                new Label(l10n.text("gui.agenda.kind")), kinds, refresh, open, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> table = table(viewModel, l10n, "agenda-table", viewModel.showsCommittee());
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Row row = table.getSelectionModel().getSelectedItem();
            return row == null || !row.opensLead();
        }, table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> viewModel.open(table.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox content = new VBox(12, title, hint, controls, table);
        content.setPadding(new Insets(16, 20, 16, 20));
        setCenter(content);
    }

    /**
     * The agenda's table, for this screen and the dashboard's panel: the date and its late mark, the
     * kind, number, committee (when wanted) and summary; a double click opens the lead.
     */
    public static TableView<Row> table(AgendaViewModel viewModel, Localization l10n, String id, boolean withCommittee) {
        List<TableColumn<Row, String>> columns = new ArrayList<>();
        TableColumn<Row, String> due = TextTables.column(l10n.text("agenda.column.due"), Row::dueOn, 170);
        due.setCellFactory(lateMarked(l10n));
        columns.add(due);
        columns.add(TextTables.column(l10n.text("agenda.column.kind"), Row::kindText, 150));
        columns.add(TextTables.column(l10n.text("agenda.column.number"), Row::number, 230));
        if (withCommittee) {
            columns.add(TextTables.column(l10n.text("agenda.column.committee"), Row::committee, 150));
        }
        columns.add(TextTables.column(l10n.text("agenda.column.summary"), Row::summary, 260));
        TableView<Row> table = TextTables.dense(viewModel.rows(), id, l10n.text("gui.agenda.empty"), columns);
        // a date, kind, case number or committee cut short is no use: only the summary gives way on a narrow
        // screen, and a row's tooltip holds it whole
        columns.stream().limit(columns.size() - 1).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setRowFactory(t -> {
            TableRow<Row> row = new TableRow<>() {
                @Override
                protected void updateItem(Row item, boolean empty) {
                    super.updateItem(item, empty);
                    setTooltip(empty || item == null || item.summary().isEmpty() ? null
                            : new Tooltip(item.committee() + "\n" + item.summary()));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    /** The date, in red with a warning icon and the word 逾期 when the item is late. */
    private static Callback<TableColumn<Row, String>, TableCell<Row, String>> lateMarked(Localization l10n) {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove(Styles.DANGER);
                if (row == null) {
                    setText(null);
                    setGraphic(null);
                } else if (row.late()) {
                    setText(text + " " + l10n.text("agenda.lateMark"));
                    FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
                    icon.getStyleClass().add(Styles.DANGER);
                    setGraphic(icon);
                    getStyleClass().add(Styles.DANGER);
                } else {
                    setText(text);
                    setGraphic(null);
                }
            }
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list only");
            }
        };
    }
}
