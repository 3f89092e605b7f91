package cn.mediationdesk.gui.summary;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.logic.tally.TallyRow;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Summaries screen: the query controls, the group rows, and the total in a footer row that
 * stays put under the table however the rows are scrolled or sorted. Controls and bindings only.
 */
public final class SummaryView extends VBox {
    private static final double ROW_HEIGHT = 32;
    /** Room around a header's text: the theme's padding (0.5em a side), the borders, and some air. */
    private static final double HEADER_PADDING = 24;
    /** Column property holding the header's tooltip text. */
    private static final String TIP = "summary.column.tip";
    /** Marks a scroll bar whose position the total row already follows. */
    private static final String FOLLOWED = "summary.total.follows";

    /** The count columns of DESIGN §5 in contract order, each with its bundle key. */
    private record CountColumn(String key, TallyColumn column) {
    }

    private static final List<CountColumn> COUNT_COLUMNS = List.of(
            new CountColumn("leads", TallyColumn.LEADS),
            new CountColumn("pending", TallyColumn.PENDING),
            new CountColumn("unfounded", TallyColumn.UNFOUNDED),
            new CountColumn("duplicate", TallyColumn.DUPLICATE),
            new CountColumn("transferred", TallyColumn.TRANSFERRED),
            new CountColumn("declined", TallyColumn.DECLINED),
            new CountColumn("accepted", TallyColumn.ACCEPTED),
            new CountColumn("mediating", TallyColumn.MEDIATING),
            new CountColumn("resolved", TallyColumn.RESOLVED),
            new CountColumn("failed", TallyColumn.FAILED),
            new CountColumn("terminated", TallyColumn.TERMINATED),
            new CountColumn("overdue", TallyColumn.OVERDUE));

    /** The columns the bar chart shows side by side for each group. */
    private static final List<CountColumn> CHART_COLUMNS = List.of(COUNT_COLUMNS.get(0), COUNT_COLUMNS.get(6),
            COUNT_COLUMNS.get(8));

    private final SummaryViewModel viewModel;
    private final Localization l10n;

    /** Room for the vertical scroll bar beside the columns. */
    private static final double SCROLL_BAR_ROOM = 16;
    /** The width of the table and charts below which the charts give way to the counts. */
    private static final double WIDTH_FOR_CHARTS = 960;
    private final BooleanProperty chartsShown = new SimpleBooleanProperty(true);

    public SummaryView(SummaryViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("summary-view");
        setSpacing(12);
        setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label(l10n.text("gui.summary.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(l10n.text("gui.summary.intro"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        VBox heading = new VBox(4, title, intro);

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.validationMessageProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label caption = new Label();
        caption.getStyleClass().addAll("summary-caption", Styles.TEXT_BOLD);
        caption.textProperty().bind(viewModel.captionProperty());
        caption.visibleProperty().bind(caption.textProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());

        TableView<TallyRow> table = groupTable();
        TableView<TallyRow> footer = totalTable(table);
        VBox tables = new VBox(table, footer);
        tables.getStyleClass().add("summary-tables");
        VBox.setVgrow(table, Priority.ALWAYS);
        Node charts = charts();
        SplitPane body = new SplitPane(tables, charts);
        body.getStyleClass().add("summary-body");
        body.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(charts, false);
        VBox.setVgrow(body, Priority.ALWAYS);
        giveWayToTheCounts(body, charts);

        getChildren().addAll(heading, controls(), problem, caption, body);
    }

    /**
     * The counts come first: in a window too narrow for every column beside the charts (1024
     * pixels, a 125 % laptop), the charts step aside until the button brings them back.
     */
    private void giveWayToTheCounts(SplitPane body, Node charts) {
        chartsShown.addListener((obs, old, shown) -> {
            if (shown && !body.getItems().contains(charts)) {
                body.getItems().add(charts);
                body.setDividerPositions(0.7);
            } else if (!shown) {
                body.getItems().remove(charts);
            }
        });
        body.widthProperty().addListener((obs, old, now) -> {
            boolean wasWide = old.doubleValue() >= WIDTH_FOR_CHARTS;
            boolean isWide = now.doubleValue() >= WIDTH_FOR_CHARTS;
            if (old.doubleValue() == 0 || wasWide != isWide) {
                chartsShown.set(isWide);
            }
        });
    }

    private Node controls() {
        ComboBox<Grouping> grouping = new ComboBox<>(FXCollections.observableArrayList(viewModel.groupings()));
        grouping.setConverter(labels(viewModel::groupingLabel));
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        grouping.setPrefWidth(130); // fixed, so the row does not shift with the chosen label

        ComboBox<PeriodPreset> preset = new ComboBox<>(FXCollections.observableArrayList(viewModel.presets()));
        preset.setConverter(labels(viewModel::presetLabel));
        preset.valueProperty().bindBidirectional(viewModel.presetProperty());
        preset.setPrefWidth(120);

        DatePicker from = datePicker();
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker();
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        DatePicker asOf = datePicker();
        asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());
        asOf.setTooltip(new Tooltip(l10n.text("gui.summary.asOf.tip")));

        Button run = new Button(l10n.text("gui.summary.run"), new FontIcon(MaterialDesignC.CHART_BAR));
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(Bindings.not(viewModel.canSummarizeProperty()));
        run.setOnAction(e -> viewModel.summarize());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.setTooltip(new Tooltip(l10n.text("gui.summary.running")));
        MenuButton export = new MenuButton(l10n.text("gui.summary.export"), new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setTooltip(new Tooltip(l10n.text("gui.summary.export.tip")));
        export.getItems().addAll(
                exportItem("gui.summary.export.summaryPdf", SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.PDF),
                exportItem("gui.summary.export.summaryXlsx", SummaryViewModel.Report.SUMMARY, SummaryViewModel.FileFormat.XLSX),
                new SeparatorMenuItem(),
                exportItem("gui.summary.export.districtPdf", SummaryViewModel.Report.DISTRICT, SummaryViewModel.FileFormat.PDF),
                exportItem("gui.summary.export.districtXlsx", SummaryViewModel.Report.DISTRICT, SummaryViewModel.FileFormat.XLSX),
                new SeparatorMenuItem(),
                exportItem("gui.summary.export.statisticsPdf", SummaryViewModel.Report.STATISTICS, SummaryViewModel.FileFormat.PDF),
                exportItem("gui.summary.export.statisticsXlsx", SummaryViewModel.Report.STATISTICS, SummaryViewModel.FileFormat.XLSX));
        Menu communityExports = new Menu(l10n.text("gui.summary.export.communityMenu"));
        export.getItems().addAll(new SeparatorMenuItem(), communityExports);
        ListChangeListener<Community> exports = change -> communityExports.getItems().setAll(viewModel.communities()
                .stream().flatMap(community -> java.util.stream.Stream.of(SummaryViewModel.FileFormat.values()).map(format -> {
                    MenuItem item = new MenuItem(l10n.text(format == SummaryViewModel.FileFormat.PDF
                            ? "gui.summary.export.communityPdf" : "gui.summary.export.communityXlsx", community.name()));
                    item.setOnAction(e -> viewModel.exportCommunityPage(community, format));
                    return item;
                })).toList());
        viewModel.communities().addListener(exports);
        communityExports.disableProperty().bind(Bindings.isEmpty(viewModel.communities()));
        export.disableProperty().bind(Bindings.not(viewModel.canExportProperty()));

        MenuButton print = new MenuButton(l10n.text("gui.summary.print"), new FontIcon(MaterialDesignP.PRINTER));
        print.setTooltip(new Tooltip(l10n.text("gui.summary.print.tip")));
        Menu communityPages = new Menu(l10n.text("gui.summary.print.communityMenu"));
        print.getItems().addAll(
                printItem("gui.summary.print.district", SummaryViewModel.Printable.DISTRICT),
                printItem("gui.summary.print.statistics", SummaryViewModel.Printable.STATISTICS),
                communityPages);
        MenuItem current = new MenuItem();
        // the grouping on the screen: that is what prints, counted again if it was changed since
        current.textProperty().bind(Bindings.createStringBinding(() -> viewModel.groupingProperty().get() == null
                ? "" : l10n.text("gui.summary.print.summary", viewModel.groupingLabel(viewModel.groupingProperty().get())),
                viewModel.groupingProperty()));
        current.setOnAction(e -> viewModel.print(SummaryViewModel.Printable.SUMMARY));
        print.getItems().addFirst(current);
        ListChangeListener<Community> pages = change -> communityPages.getItems().setAll(viewModel.communities().stream()
                .map(community -> {
                    MenuItem item = new MenuItem(community.name());
                    item.setOnAction(e -> viewModel.printCommunityPage(community));
                    return item;
                }).toList());
        viewModel.communities().addListener(pages);
        communityPages.disableProperty().bind(Bindings.isEmpty(viewModel.communities()));
        print.disableProperty().bind(Bindings.not(viewModel.canExportProperty()));

        // The statistics table alone may count by acceptance; the summaries always count by the found day.
        ComboBox<PeriodBasis> basis = new ComboBox<>(FXCollections.observableArrayList(viewModel.statisticsBases()));
        basis.setConverter(labels(viewModel::basisLabel));
        basis.valueProperty().bindBidirectional(viewModel.statisticsBasisProperty());
        basis.setId("summary-statistics-basis");
        basis.setTooltip(new Tooltip(l10n.text("gui.summary.basis.tip")));

        ToggleButton chart = new ToggleButton(l10n.text("gui.window.summary.chart"),
                new FontIcon(MaterialDesignC.CHART_BOX_OUTLINE));
        chart.setId("summary-charts-shown");
        chart.setTooltip(new Tooltip(l10n.text("gui.window.summary.chart.tip")));
        chart.selectedProperty().bindBidirectional(chartsShown);
        chart.setMinWidth(Region.USE_PREF_SIZE);

        HBox action = new HBox(10, run, print, export, chart, progress);
        action.setAlignment(Pos.CENTER_LEFT);

        FlowPane controls = new FlowPane(24, 10,
                field(l10n.text("gui.summary.grouping"), grouping),
                field(l10n.text("gui.summary.period"), preset, from, new Label(l10n.text("gui.summary.periodTo")), to),
                field(l10n.text("gui.summary.asOf"), asOf),
                field(l10n.text("gui.summary.basis"), basis),
                action);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("summary-controls");
        return controls;
    }

    private MenuItem printItem(String key, SummaryViewModel.Printable printable) {
        MenuItem item = new MenuItem(l10n.text(key));
        item.setOnAction(e -> viewModel.print(printable));
        return item;
    }

    private MenuItem exportItem(String key, SummaryViewModel.Report report, SummaryViewModel.FileFormat format) {
        MenuItem item = new MenuItem(l10n.text(key), new FontIcon(format == SummaryViewModel.FileFormat.PDF
                ? MaterialDesignF.FILE_PDF_BOX : MaterialDesignF.FILE_EXCEL_OUTLINE));
        item.setOnAction(e -> viewModel.export(report, format));
        return item;
    }

    // ---- charts ----

    /**
     * Beside the table: bars of leads, accepted and resolved for each group, and for the grouping by
     * type the share of each type in the leads. A bar opens its leads in the ledger, as a cell does.
     */
    private Node charts() {
        CategoryAxis groups = new CategoryAxis();
        NumberAxis counts = new NumberAxis();
        counts.setMinorTickVisible(false);
        counts.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                // Leads come whole: no 2.5 on the axis.
                return value.doubleValue() == Math.rint(value.doubleValue()) ? Long.toString(value.longValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Long.parseLong(text);
            }
        });
        BarChart<String, Number> bars = new BarChart<>(groups, counts);
        bars.getStyleClass().add("summary-bars");
        bars.setTitle(l10n.text("gui.summary.chart.title"));
        bars.setAnimated(false);
        bars.setCategoryGap(8);
        bars.setBarGap(1);
        bars.setLegendSide(Side.TOP);
        groups.setTickLabelRotation(-45);
        VBox.setVgrow(bars, Priority.ALWAYS);

        PieChart share = new PieChart();
        share.getStyleClass().add("summary-share");
        share.setTitle(l10n.text("gui.summary.chart.share"));
        share.setAnimated(false);
        share.setLegendVisible(false);
        share.setLabelLineLength(8);
        share.setMinHeight(0);
        share.setPrefHeight(300);
        VBox.setVgrow(share, Priority.ALWAYS);
        BooleanBinding byType = Bindings.createBooleanBinding(() -> viewModel.shownQueryProperty().get() != null
                && viewModel.shownQueryProperty().get().by() == Grouping.TYPE, viewModel.shownQueryProperty());
        share.visibleProperty().bind(byType);
        share.managedProperty().bind(byType);

        Label hint = new Label(l10n.text("gui.summary.chart.tip"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);

        Runnable fill = () -> {
            List<XYChart.Series<String, Number>> series = new ArrayList<>();
            for (CountColumn spec : CHART_COLUMNS) {
                XYChart.Series<String, Number> one = new XYChart.Series<>();
                one.setName(l10n.text("gui.summary.column." + spec.key()));
                for (TallyRow row : viewModel.rows()) {
                    one.getData().add(new XYChart.Data<>(viewModel.nameOf(row), spec.column().of(row.counts()), row));
                }
                series.add(one);
            }
            bars.getData().setAll(series);
            for (int i = 0; i < series.size(); i++) {
                TallyColumn column = CHART_COLUMNS.get(i).column();
                for (XYChart.Data<String, Number> bar : series.get(i).getData()) {
                    drillOnClick(bar.getNode(), (TallyRow) bar.getExtraValue(), column);
                }
            }
            List<PieChart.Data> slices = new ArrayList<>();
            for (TallyRow row : viewModel.rows()) {
                if (row.counts().leads() > 0) {
                    slices.add(new PieChart.Data(viewModel.nameOf(row) + " " + row.counts().leads(), row.counts().leads()));
                }
            }
            share.getData().setAll(slices);
            int i = 0;
            for (TallyRow row : viewModel.rows()) {
                if (row.counts().leads() > 0) {
                    drillOnClick(slices.get(i++).getNode(), row, TallyColumn.LEADS);
                }
            }
        };
        viewModel.rows().addListener((ListChangeListener<TallyRow>) change -> fill.run());
        fill.run();

        VBox box = new VBox(4, bars, share, hint);
        box.getStyleClass().add("summary-charts");
        box.setPadding(new Insets(0, 0, 0, 8));
        box.setMinWidth(260);
        return box;
    }

    private void drillOnClick(Node node, TallyRow row, TallyColumn column) {
        if (node == null) {
            return;
        }
        node.getStyleClass().add("drill");
        Tooltip.install(node, new Tooltip(l10n.text("gui.summary.cell.tip", column.of(row.counts()))));
        node.setOnMouseClicked(e -> viewModel.openLedger(row, column));
    }

    private static HBox field(String label, Node... inputs) {
        Label caption = new Label(label);
        caption.getStyleClass().add(Styles.TEXT_BOLD);
        if (inputs.length > 0 && !(inputs[0] instanceof Label)) {
            caption.setLabelFor(inputs[0]);
        }
        HBox box = new HBox(8, caption);
        box.getChildren().addAll(inputs);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private DatePicker datePicker() {
        DatePicker picker = new DatePicker();
        picker.setConverter(new DateFieldConverter());
        picker.setEditable(true);
        picker.setPromptText(l10n.text("gui.summary.datePrompt"));
        picker.setPrefWidth(150);
        return picker;
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    // ---- tables ----

    private TableView<TallyRow> groupTable() {
        TableView<TallyRow> table = new TableView<>();
        table.getStyleClass().addAll("summary-table", Styles.STRIPED);
        table.setFixedCellSize(ROW_HEIGHT);
        table.getColumns().setAll(columns(true));
        SortedList<TallyRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(() -> fitHeaders(table)));
        table.widthProperty().addListener((obs, old, now) -> fitPolicy(table));

        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.runningProperty().get()) {
                return l10n.text("gui.summary.running");
            }
            return viewModel.shownQueryProperty().get() == null ? l10n.text("gui.summary.placeholder.notYet")
                    : l10n.text("gui.summary.placeholder.empty");
        }, viewModel.runningProperty(), viewModel.shownQueryProperty()));
        table.setPlaceholder(placeholder);
        return table;
    }

    /**
     * The 合计 row: a one-row table under the group table, without a header, whose columns follow
     * the widths of the group table's columns.
     */
    private TableView<TallyRow> totalTable(TableView<TallyRow> groups) {
        TableView<TallyRow> footer = new TableView<>();
        footer.getStyleClass().add("total-table");
        footer.setFixedCellSize(ROW_HEIGHT);
        footer.setFocusTraversable(false);
        footer.setSelectionModel(null);
        footer.setPlaceholder(new Label());
        footer.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<TableColumn<TallyRow, ?>> columns = columns(false);
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<TallyRow, ?> column = columns.get(i);
            TableColumn<TallyRow, ?> above = groups.getColumns().get(i);
            column.prefWidthProperty().bind(above.widthProperty());
            column.minWidthProperty().bind(above.widthProperty());
            column.maxWidthProperty().bind(above.widthProperty());
            column.setSortable(false);
            column.setResizable(false);
        }
        footer.getColumns().setAll(columns);
        ObservableList<TallyRow> items = FXCollections.observableArrayList();
        viewModel.totalProperty().addListener((obs, old, total) -> {
            if (total == null) {
                items.clear();
            } else {
                items.setAll(total);
            }
        });
        footer.setItems(items);
        followHorizontalScrolling(groups, footer);
        double height = ROW_HEIGHT + 2;
        footer.setMinHeight(height);
        footer.setPrefHeight(height);
        footer.setMaxHeight(height);
        return footer;
    }

    /** In a window too narrow for every column, the total scrolls sideways with the groups. */
    private static void followHorizontalScrolling(TableView<TallyRow> groups, TableView<TallyRow> footer) {
        ChangeListener<Skin<?>> link = (obs, old, skin) -> Platform.runLater(() -> {
            ScrollBar lead = horizontalBar(groups);
            ScrollBar follower = horizontalBar(footer);
            if (lead != null && follower != null && lead.getProperties().putIfAbsent(FOLLOWED, true) == null) {
                lead.valueProperty().addListener((o, before, value) -> follower.setValue(value.doubleValue()));
            }
        });
        groups.skinProperty().addListener(link);
        footer.skinProperty().addListener(link);
    }

    private static ScrollBar horizontalBar(TableView<?> table) {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                return bar;
            }
        }
        return null;
    }

    private List<TableColumn<TallyRow, ?>> columns(boolean withHeaders) {
        List<TableColumn<TallyRow, ?>> columns = new ArrayList<>();

        TableColumn<TallyRow, String> name = new TableColumn<>();
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.nameOf(c.getValue())));
        Collator collator = Collator.getInstance(l10n.locale());
        name.setComparator(collator::compare);
        name.setPrefWidth(190);
        name.setMinWidth(140);
        header(name, "name", withHeaders);
        columns.add(name);

        for (CountColumn spec : COUNT_COLUMNS) {
            TableColumn<TallyRow, Long> column = new TableColumn<>();
            column.getStyleClass().add("numeric");
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(spec.column().of(c.getValue().counts())));
            column.setCellFactory(c -> new CountCell(spec.column()));
            column.setPrefWidth(80);
            column.setMinWidth(56);
            header(column, spec.key(), withHeaders);
            columns.add(column);
        }

        TableColumn<TallyRow, BigDecimal> rate = new TableColumn<>();
        rate.getStyleClass().add("numeric");
        rate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().counts().resolutionRate()));
        rate.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? l10n.text("gui.summary.noRate") : value.toPlainString());
            }
        });
        rate.setPrefWidth(100);
        rate.setMinWidth(56);
        header(rate, "resolutionRate", withHeaders);
        columns.add(rate);

        for (TableColumn<TallyRow, ?> column : columns) {
            column.setReorderable(false);
        }
        return columns;
    }

    /** A count that opens the leads it counts in the ledger when clicked (Enter does the same on the focused cell). */
    private final class CountCell extends TableCell<TallyRow, Long> {
        private final TallyColumn column;
        private final Tooltip tip = new Tooltip();

        CountCell(TallyColumn column) {
            this.column = column;
            setOnMouseClicked(e -> open());
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    open();
                }
            });
        }

        private void open() {
            if (!isEmpty() && getTableRow() != null && getTableRow().getItem() != null) {
                viewModel.openLedger(getTableRow().getItem(), column);
            }
        }

        @Override
        protected void updateItem(Long value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove("drill");
            if (empty || value == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(Long.toString(value));
            getStyleClass().add("drill");
            tip.setText(l10n.text("gui.summary.cell.tip", value));
            setTooltip(tip);
        }
    }

    /** The header text, and the column's meaning (DESIGN §5) kept for the header's tooltip. */
    private void header(TableColumn<TallyRow, ?> column, String key, boolean withHeaders) {
        if (withHeaders) {
            column.setText(l10n.text("gui.summary.column." + key));
            column.getProperties().put(TIP, l10n.text("gui.summary.column." + key + ".tip"));
        }
    }

    /**
     * Once the headers exist: each gets its tooltip, and each column is made at least as wide as
     * its header text in the header's own font, so that no heading is ever cut to "调…".
     */
    private static void fitHeaders(TableView<TallyRow> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header) || header.getTableColumn() == null) {
                continue;
            }
            TableColumnBase<?, ?> column = header.getTableColumn();
            if (column.getProperties().get(TIP) instanceof String tip) {
                Tooltip.install(header, new Tooltip(tip));
            }
            if (header.lookup(".label") instanceof Label label) {
                Text text = new Text(column.getText());
                text.setFont(label.getFont());
                double needed = Math.ceil(text.getLayoutBounds().getWidth()) + HEADER_PADDING;
                column.setMinWidth(Math.max(column.getMinWidth(), needed));
            }
        }
        // Let the constrained policy share out the width again under the new minimums.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        fitPolicy(table);
    }

    /**
     * Every count stays reachable: the columns share the table's width while their minimums fit in
     * it; in a narrower window (1024 pixels) they keep their minimums and the table scrolls sideways,
     * which a constrained policy would not (it hides the horizontal scroll bar and cuts the last columns).
     */
    private static void fitPolicy(TableView<TallyRow> table) {
        double needed = table.getVisibleLeafColumns().stream().mapToDouble(TableColumnBase::getMinWidth).sum()
                + SCROLL_BAR_ROOM;
        var wanted = table.getWidth() >= needed ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != wanted) {
            if (wanted == TableView.UNCONSTRAINED_RESIZE_POLICY) {
                table.getVisibleLeafColumns().forEach(column -> column.setPrefWidth(column.getMinWidth()));
            }
            table.setColumnResizePolicy(wanted);
        }
    }
}
