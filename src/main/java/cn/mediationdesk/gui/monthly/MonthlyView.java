package cn.mediationdesk.gui.monthly;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.CommitteeChoice;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.FigureRow;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.GridChoice;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.LeadRow;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.RoundRow;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;

/**
 * 月报与排查: the month and committee above, a tab for the screening register (the rounds and their form)
 * and one for the monthly report (figures, leads, signing, export). Controls and bindings only.
 */
public final class MonthlyView extends BorderPane {
    private final MonthlyViewModel viewModel;
    private final Localization l10n;

    public MonthlyView(MonthlyViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        setId("monthly");
        Label title = new Label(l10n.text("gui.monthly.title"), new FontIcon(MaterialDesignC.CALENDAR_CHECK_OUTLINE));
        title.getStyleClass().add(Styles.TITLE_3);

        Button previous = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_LEFT));
        previous.setId("monthly-previous");
        previous.setOnAction(e -> viewModel.previousMonth());
        Button next = new Button(null, new FontIcon(MaterialDesignC.CHEVRON_RIGHT));
        next.setId("monthly-next");
        next.setOnAction(e -> viewModel.nextMonth());
        Label month = new Label();
        month.setId("monthly-month");
        month.textProperty().bind(viewModel.monthTextProperty());
        month.getStyleClass().add(Styles.TITLE_4);
        month.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, previous, month, next);
        controls.setAlignment(Pos.CENTER_LEFT);
        if (viewModel.showsStatuses()) {
            ComboBox<CommitteeChoice> committee = new ComboBox<>(viewModel.committees());
            committee.setId("monthly-committee");
            committee.setPrefWidth(260);
            viewModel.committeeProperty().addListener((obs, old, now) -> committee.setValue(now));
            committee.setOnAction(e -> viewModel.chooseCommittee(committee.getValue()));
            controls.getChildren().addAll(new Label(l10n.text("gui.monthly.committee")), committee);
        } else {
            Label committee = new Label();
            committee.setId("monthly-committee-name");
            committee.textProperty().bind(Bindings.createStringBinding(() -> viewModel.committeeProperty().get() == null
                    ? "" : viewModel.committeeProperty().get().name(), viewModel.committeeProperty()));
            controls.getChildren().add(committee);
        }
        controls.disableProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("monthly-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        TabPane tabs = new TabPane(new Tab(l10n.text("gui.monthly.tab.register"), scrolled(register())),
                new Tab(l10n.text("gui.monthly.tab.report"), scrolled(report())));
        tabs.setId("monthly-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox content = new VBox(10, title, controls, message, tabs);
        content.setPadding(new Insets(16, 20, 12, 20));
        setCenter(content);
    }

    private static ScrollPane scrolled(Node node) {
        ScrollPane scroll = new ScrollPane(node);
        scroll.setFitToWidth(true);
        return scroll;
    }

    // ---- 排查登记 ----

    private Node register() {
        TableView<RoundRow> table = TextTables.dense(viewModel.rounds(), "monthly-rounds",
                l10n.text("gui.monthly.rounds.empty"), List.of(
                        TextTables.column(l10n.text("field.SCREENED_ON"), RoundRow::day, 120),
                        TextTables.column(l10n.text("field.SCREENING_PLACE"), RoundRow::place, 160),
                        TextTables.column(l10n.text("field.SCREENED_BY"), RoundRow::who, 150),
                        TextTables.column(l10n.text("field.LEADS_FOUND"), RoundRow::leadsFound, 90),
                        TextTables.column(l10n.text("field.SCREENING_NOTE"), RoundRow::note, 160)));
        table.getColumns().stream().limit(4).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setPrefHeight(190);
        table.setMinHeight(150);
        table.setRowFactory(t -> {
            TableRow<RoundRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.edit(row.getItem());
                }
            });
            return row;
        });
        Button edit = new Button(l10n.text("gui.monthly.edit"), new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        edit.setId("monthly-edit");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> viewModel.edit(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button(l10n.text("gui.monthly.remove"), new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("monthly-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.busyProperty()));
        remove.setOnAction(e -> viewModel.remove(table.getSelectionModel().getSelectedItem()));
        Button add = new Button(l10n.text("gui.monthly.new"), new FontIcon(MaterialDesignP.PLUS));
        add.setId("monthly-new");
        add.setOnAction(e -> viewModel.newRound());
        HBox tableActions = new HBox(8, add, edit, remove);

        Label formTitle = new Label();
        formTitle.textProperty().bind(viewModel.formTitleProperty());
        formTitle.getStyleClass().add(Styles.TITLE_4);
        DatePicker day = new DatePicker();
        day.setId("monthly-day");
        day.setConverter(new DateFieldConverter());
        day.setEditable(true);
        day.setPromptText(l10n.text("gui.lead.datePrompt"));
        day.valueProperty().bindBidirectional(viewModel.screenedOnProperty());
        TextField place = field("monthly-place", viewModel.placeProperty());
        ComboBox<GridChoice> grid = new ComboBox<>(viewModel.grids());
        grid.setId("monthly-grid");
        grid.valueProperty().bindBidirectional(viewModel.gridProperty());
        grid.setMaxWidth(Double.MAX_VALUE);
        TextField who = field("monthly-who", viewModel.screenedByProperty());
        TextField found = field("monthly-found", viewModel.leadsFoundProperty());
        found.setPrefColumnCount(5);
        TextField note = field("monthly-note", viewModel.noteProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, inputs, labels, inputs);
        formRow(form, 0, 0, Field.SCREENED_ON, day);
        formRow(form, 0, 2, Field.LEADS_FOUND, found);
        formRow(form, 2, 0, Field.SCREENING_PLACE, place);
        formRow(form, 2, 2, Field.GRID, grid);
        formRow(form, 4, 0, Field.SCREENED_BY, who);
        formRow(form, 4, 2, Field.SCREENING_NOTE, note);

        Label formMessage = errorLabel(viewModel.formMessageProperty());
        Button save = new Button(l10n.text("gui.monthly.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("monthly-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> viewModel.save());
        Button cancel = new Button(l10n.text("gui.monthly.cancel"));
        cancel.setId("monthly-cancel");
        cancel.visibleProperty().bind(viewModel.editingProperty().isNotNull());
        cancel.setOnAction(e -> viewModel.newRound());
        HBox formActions = new HBox(8, save, cancel);
        VBox box = new VBox(10, table, tableActions, formTitle, form, formMessage, formActions);
        box.setPadding(new Insets(10, 4, 10, 4));
        return box;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private void formRow(GridPane form, int row, int column, Field field, Region input) {
        Label label = new Label(l10n.fieldName(field));
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setLabelFor(input);
        input.setMaxWidth(Double.MAX_VALUE);
        form.add(label, column, row);
        form.add(input, column + 1, row);
        form.add(errorLabel(viewModel.error(field)), column + 1, row + 1);
    }

    private static Label errorLabel(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    // ---- 月报 ----

    private Node report() {
        Label heading = new Label();
        heading.setId("monthly-report-title");
        heading.textProperty().bind(viewModel.reportTitleProperty());
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setWrapText(true);
        Label status = new Label();
        status.setId("monthly-report-status");
        status.textProperty().bind(viewModel.reportStatusProperty());
        status.setWrapText(true);
        Label zero = new Label();
        zero.setId("monthly-report-zero");
        zero.textProperty().bind(viewModel.zeroTextProperty());
        zero.getStyleClass().add(Styles.SUCCESS);
        zero.setWrapText(true);
        zero.managedProperty().bind(zero.textProperty().isNotEmpty());
        zero.visibleProperty().bind(zero.managedProperty());
        Label changed = new Label();
        changed.setId("monthly-report-changed");
        changed.textProperty().bind(viewModel.changedTextProperty());
        changed.getStyleClass().add(Styles.WARNING);
        changed.setWrapText(true);
        changed.managedProperty().bind(changed.textProperty().isNotEmpty());
        changed.visibleProperty().bind(changed.managedProperty());

        TableView<FigureRow> figures = TextTables.dense(viewModel.figures(), "monthly-figures", "", List.of(
                TextTables.column(l10n.text("report.monthly.figure"), FigureRow::label, 200),
                TextTables.column(l10n.text("report.monthly.value"), FigureRow::value, 80)));
        // every figure in view without scrolling
        figures.setPrefHeight(480);
        figures.setMinHeight(480);
        figures.setPrefWidth(320);
        figures.setMinWidth(300);
        TableView<LeadRow> leads = TextTables.dense(viewModel.leads(), "monthly-leads",
                l10n.text("gui.monthly.leads.empty"), List.of(
                        TextTables.column(l10n.text("report.column.caseOrLeadNumber"), LeadRow::number, 220),
                        TextTables.column(l10n.text("report.column.foundOn"), LeadRow::foundOn, 110),
                        TextTables.column(l10n.text("gui.monthly.column.type"), LeadRow::type, 90),
                        TextTables.column(l10n.text("gui.monthly.column.state"), LeadRow::state, 80),
                        TextTables.column(l10n.text("report.monthly.summary"), LeadRow::summary, 240)));
        // a case number or a day cut short is no use: the table scrolls sideways instead
        leads.getColumns().stream().limit(4).forEach(column -> column.setMinWidth(column.getPrefWidth()));
        leads.setPrefHeight(480);
        leads.setMinHeight(480);
        HBox.setHgrow(leads, Priority.ALWAYS);
        HBox tables = new HBox(12, figures, leads);

        TextField note = new TextField();
        note.setId("monthly-sign-note");
        note.setPromptText(l10n.text("field.REPORT_NOTE"));
        note.textProperty().bindBidirectional(viewModel.signNoteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        Button sign = new Button(l10n.text("gui.monthly.sign"), new FontIcon(MaterialDesignF.FILE_SIGN));
        sign.setId("monthly-sign");
        sign.getStyleClass().add(Styles.ACCENT);
        sign.setMinWidth(Region.USE_PREF_SIZE);
        sign.disableProperty().bind(viewModel.busyProperty());
        sign.setOnAction(e -> viewModel.sign());
        HBox signing = new HBox(8, note, sign);
        signing.setAlignment(Pos.CENTER_LEFT);
        signing.managedProperty().bind(viewModel.canSignProperty());
        signing.visibleProperty().bind(viewModel.canSignProperty());
        Button pdf = new Button(l10n.text("gui.monthly.exportPdf"), new FontIcon(MaterialDesignF.FILE_PDF_BOX));
        pdf.setId("monthly-export-pdf");
        pdf.setOnAction(e -> viewModel.exportPdf());
        Button xlsx = new Button(l10n.text("gui.monthly.exportXlsx"), new FontIcon(MaterialDesignF.FILE_EXCEL_OUTLINE));
        xlsx.setId("monthly-export-xlsx");
        xlsx.setOnAction(e -> viewModel.exportXlsx());
        HBox exports = new HBox(8, pdf, xlsx);
        exports.disableProperty().bind(viewModel.busyProperty().or(viewModel.reportProperty().isNull()));

        VBox box = new VBox(10, heading, status, zero, changed, tables, signing, exports);
        if (viewModel.showsStatuses()) {
            TableView<CommitteeChoice> statuses = TextTables.dense(viewModel.committees(), "monthly-statuses", "",
                    List.of(TextTables.column(l10n.text("report.column.committee"), CommitteeChoice::name, 240),
                            TextTables.column(l10n.text("gui.monthly.status"), CommitteeChoice::status, 240)));
            statuses.setPrefHeight(230);
            statuses.setMinHeight(150);
            statuses.setRowFactory(t -> {
                TableRow<CommitteeChoice> row = new TableRow<>();
                row.setOnMouseClicked(e -> {
                    if (e.getClickCount() == 2 && !row.isEmpty()) {
                        viewModel.chooseCommittee(row.getItem());
                    }
                });
                return row;
            });
            Label statusTitle = new Label(l10n.text("gui.monthly.statuses"));
            statusTitle.getStyleClass().add(Styles.TITLE_4);
            box.getChildren().addAll(statusTitle, statuses);
        }
        box.setPadding(new Insets(10, 4, 10, 4));
        return box;
    }
}
