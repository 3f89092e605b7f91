package cn.mediationdesk.gui.dashboard;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.dashboard.DashboardViewModel.AttentionList;
import cn.mediationdesk.gui.dashboard.DashboardViewModel.Figure;
import cn.mediationdesk.gui.dashboard.DashboardViewModel.MonthFigures;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.tally.TallyColumn;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard screen: the year's figures as buttons, the leads and resolutions by month as a bar
 * chart, and three lists of leads that need attention. Every figure, bar and list total opens the
 * ledger on the leads it counts; a lead in a list opens in the editor. Controls and bindings only.
 */
public final class DashboardView extends ScrollPane {
    private final DashboardViewModel viewModel;
    private final Localization l10n;

    /** The page's sections, top to bottom. */
    private final VBox content;

    public DashboardView(DashboardViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().addAll("dashboard-view", "edge-to-edge");
        setFitToWidth(true);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        GridPane panels = new GridPane(16, 16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        panels.getColumnConstraints().setAll(half, half);
        RowConstraints row = new RowConstraints(210, 250, Double.MAX_VALUE);
        row.setVgrow(Priority.ALWAYS);
        panels.getRowConstraints().setAll(row, row);
        panels.add(chart(), 0, 0);
        if (viewModel.listsLeads()) {
            panels.add(list(AttentionList.OVERDUE, MaterialDesignC.CLOCK_ALERT_OUTLINE), 1, 0);
            panels.add(list(AttentionList.HIGH_RISK, MaterialDesignA.ALERT_OUTLINE), 0, 1);
            panels.add(list(AttentionList.FLAGGED, MaterialDesignF.FLAG_OUTLINE), 1, 1);
        } else {
            // A viewer sees the counts only (DESIGN §9): a note where the lists of leads would be.
            Label note = new Label(viewModel.countsOnlyNote(), icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 18));
            note.setId("dashboard-counts-only");
            note.setWrapText(true);
            note.getStyleClass().add(Styles.TEXT_MUTED);
            panels.add(note, 1, 0);
        }
        VBox.setVgrow(panels, Priority.ALWAYS);

        content = new VBox(14, header(), figures(), panels);
        content.setPadding(new Insets(18, 24, 16, 24));
        setContent(content);
    }

    /** Puts the agenda's panel right under the figures: the first thing a mediator looks at on start. */
    public void addAgenda(Node panel) {
        content.getChildren().add(2, panel);
    }

    /** Adds the governance office's reporting panel under the figures; it hides itself until packages are in use. */
    public void addReporting(Node panel) {
        content.getChildren().add(2, panel);
    }

    private Node header() {
        Label title = new Label(l10n.text("gui.dashboard.title"), icon(MaterialDesignH.HOME_OUTLINE, 24));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label caption = new Label();
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.textProperty().bind(viewModel.captionProperty());
        // what the figures count, in full: on two lines where the window is narrow
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);

        ComboBox<Integer> year = new ComboBox<>(viewModel.years());
        year.setId("dashboard-year");
        year.valueProperty().bindBidirectional(viewModel.yearProperty());
        year.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return viewModel.yearLabel(value);
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        year.setTooltip(new Tooltip(l10n.text("gui.dashboard.year.tip")));
        year.setPrefWidth(110);
        year.setMinWidth(Region.USE_PREF_SIZE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.loadingProperty());
        Button refresh = new Button(null, icon(MaterialDesignR.REFRESH, 18));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setTooltip(new Tooltip(l10n.text("gui.dashboard.refresh")));
        refresh.setOnAction(e -> viewModel.reload());

        HBox header = new HBox(16, title, caption, progress, year, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    // ---- the figures ----

    private Node figures() {
        HBox row = new HBox(14);
        for (Figure figure : Figure.values()) {
            Node tile = figure(figure);
            HBox.setHgrow(tile, Priority.ALWAYS);
            row.getChildren().add(tile);
        }
        return row;
    }

    private Node figure(Figure figure) {
        Label label = new Label(viewModel.figureLabel(figure), icon(figureIcon(figure), 18));
        label.getStyleClass().add("figure-label");
        Label number = new Label();
        number.setId("dashboard-figure-" + figure.name());
        number.getStyleClass().addAll("figure-number", Styles.TITLE_1);
        number.textProperty().bind(viewModel.figureTextProperty(figure));
        Label detail = new Label();
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        if (figure == Figure.RESOLUTION_RATE) {
            detail.textProperty().bind(viewModel.rateDetailProperty());
        } else {
            detail.setText(l10n.text("gui.dashboard.figure.open"));
        }
        VBox box = new VBox(2, label, number, detail);
        box.setAlignment(Pos.CENTER_LEFT);

        Button tile = new Button(null, box);
        tile.setId("dashboard-tile-" + figure.name());
        tile.getStyleClass().addAll("figure-tile", "figure-" + figure.name().toLowerCase(Locale.ROOT));
        tile.setMaxWidth(Double.MAX_VALUE);
        tile.setAlignment(Pos.CENTER_LEFT);
        tile.setTooltip(new Tooltip(figureTip(figure)));
        tile.setOnAction(e -> viewModel.openLedger(figure));
        return tile;
    }

    private String figureTip(Figure figure) {
        return switch (figure) {
            case LEADS -> l10n.text("gui.dashboard.figure.leads.tip");
            case ACCEPTED -> l10n.text("gui.dashboard.figure.accepted.tip");
            case RESOLVED -> l10n.text("gui.dashboard.figure.resolved.tip");
            case RESOLUTION_RATE -> l10n.text("gui.dashboard.figure.rate.tip");
            case OVERDUE -> l10n.text("gui.dashboard.figure.overdue.tip");
        };
    }

    private static Ikon figureIcon(Figure figure) {
        return switch (figure) {
            case LEADS -> MaterialDesignF.FILE_DOCUMENT_OUTLINE;
            case ACCEPTED -> MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;
            case RESOLVED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case RESOLUTION_RATE -> MaterialDesignP.PERCENT_OUTLINE;
            case OVERDUE -> MaterialDesignC.CLOCK_ALERT_OUTLINE;
        };
    }

    // ---- the chart ----

    private Node chart() {
        CategoryAxis months = new CategoryAxis();
        NumberAxis count = new NumberAxis();
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // Whole leads only: the axis would otherwise label 0.5 steps on a quiet year.
                return value.doubleValue() == Math.rint(value.doubleValue()) ? String.valueOf(value.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        BarChart<String, Number> chart = new BarChart<>(months, count);
        chart.setId("dashboard-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCategoryGap(10);
        chart.setBarGap(2);
        chart.setMinHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        viewModel.months().addListener((ListChangeListener<MonthFigures>) c -> fill(chart));
        fill(chart);

        Tooltip.install(chart, new Tooltip(l10n.text("gui.dashboard.chart.hint")));
        return card(l10n.text("gui.dashboard.chart.title"), MaterialDesignC.CHART_BAR, new Region(), chart);
    }

    private void fill(BarChart<String, Number> chart) {
        XYChart.Series<String, Number> leads = new XYChart.Series<>();
        leads.setName(l10n.text("gui.dashboard.chart.leads"));
        XYChart.Series<String, Number> resolved = new XYChart.Series<>();
        resolved.setName(l10n.text("gui.dashboard.chart.resolved"));
        for (MonthFigures month : viewModel.months()) {
            leads.getData().add(bar(month, month.leads(), TallyColumn.LEADS, "gui.dashboard.chart.leads.tip"));
            resolved.getData().add(bar(month, month.resolved(), TallyColumn.RESOLVED,
                    "gui.dashboard.chart.resolved.tip"));
        }
        chart.getData().setAll(List.of(leads, resolved));
    }

    /** A bar that opens the ledger on its leads once the chart has drawn it. */
    private XYChart.Data<String, Number> bar(MonthFigures month, long value, TallyColumn column, String tipKey) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(month.label(), value);
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setCursor(Cursor.HAND);
                Tooltip.install(node, new Tooltip(l10n.text(tipKey, month.month().toString(), value)));
                node.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        viewModel.openLedger(month.month(), column);
                    }
                });
            }
        });
        return data;
    }

    // ---- the lists ----

    private Node list(AttentionList kind, Ikon ikon) {
        ListView<LeadListRow> list = new ListView<>(viewModel.list(kind));
        list.setId("dashboard-list-" + kind.name());
        list.getStyleClass().add("attention-list");
        list.setFixedCellSize(52);
        Label empty = new Label(viewModel.listEmpty(kind));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new LeadCell(kind));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Hyperlink all = new Hyperlink();
        all.setId("dashboard-all-" + kind.name());
        all.textProperty().bind(viewModel.listTotalProperty(kind));
        all.setTooltip(new Tooltip(l10n.text("gui.dashboard.list.all.tip")));
        all.setOnAction(e -> viewModel.openLedger(kind));
        return card(viewModel.listTitle(kind), ikon, all, list);
    }

    /** A lead in two lines: its case number and type, then its summary and what the list is about. */
    private final class LeadCell extends ListCell<LeadListRow> {
        private final AttentionList kind;
        private final Label title = new Label();
        private final Label tags = new Label();
        private final Label summary = new Label();
        private final Label detail = new Label();
        private final VBox box;

        LeadCell(AttentionList kind) {
            this.kind = kind;
            title.getStyleClass().add(Styles.TEXT_BOLD);
            tags.getStyleClass().addAll("flag-tags", Styles.TEXT_SMALL);
            summary.setTextOverrun(OverrunStyle.ELLIPSIS);
            summary.setMinWidth(0);
            HBox.setHgrow(summary, Priority.ALWAYS);
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setTextOverrun(OverrunStyle.ELLIPSIS);
            detail.setMinWidth(0);
            title.setMinWidth(Region.USE_PREF_SIZE);
            tags.setMinWidth(Region.USE_PREF_SIZE);
            // As wide as the list and no wider: long texts are cut, never scrolled sideways.
            setPrefWidth(0);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, title, tags, spacer, detail);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, summary);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    viewModel.open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(LeadListRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            title.setText(viewModel.itemTitle(row));
            tags.setText(String.join(" ", viewModel.itemTags(row)));
            summary.setText(row.summary());
            detail.setText(viewModel.itemDetail(kind, row));
            setTooltip(new Tooltip(row.summary()));
            setGraphic(box);
        }
    }

    private Node card(String titleText, Ikon ikon, Node corner, Node body) {
        Label title = new Label(titleText, icon(ikon, 18));
        title.getStyleClass().addAll(Styles.TITLE_4);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, spacer, corner);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, top, body);
        card.getStyleClass().add("dashboard-card");
        card.setPadding(new Insets(12, 14, 12, 14));
        card.setMinHeight(0);
        return card;
    }

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
