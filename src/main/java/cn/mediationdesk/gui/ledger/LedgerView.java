package cn.mediationdesk.gui.ledger;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.CheckChoices;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.Scrolling;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The ledger screen: a search field and the filters above, the page of leads in the middle, the
 * count and the pager below. Controls and bindings only; the database sorts, filters and pages.
 */
public final class LedgerView extends VBox {
    /** How long typing pauses before the ledger is searched. */
    private static final Duration TYPING_PAUSE = Duration.millis(350);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");

    private final LedgerViewModel viewModel;
    private final Localization l10n;
    private final TextField searchField = new TextField();
    private final TableView<LeadListRow> table = new TableView<>();

    public LedgerView(LedgerViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("ledger-view");
        // the filters flow and the table gives way: the ledger fits 1024×768 by itself, paging bar included
        Scrolling.fitsItself(this);
        setSpacing(10);
        setPadding(new Insets(18, 24, 12, 24));

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.validationMessageProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header(), filters(), problem, table, footer());
        addEventFilter(KeyEvent.KEY_PRESSED, this::paging);
        // Ctrl+F, Ctrl+N and F5 work wherever the focus is while the ledger is shown (the navigation
        // list, say); each time it is shown, the drop-downs offer what was added to the organization meanwhile.
        Map<KeyCombination, Runnable> accelerators = Map.of(
                FIND, () -> {
                    searchField.requestFocus();
                    searchField.selectAll();
                },
                NEW, viewModel::newLead,
                REFRESH, viewModel::reload);
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                accelerators.forEach((key, action) -> old.getAccelerators().remove(key, action));
            }
            if (scene != null) {
                scene.getAccelerators().putAll(accelerators);
                viewModel.refreshChoices();
            }
        });
    }

    private void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    /** PageUp and PageDown turn the pages while the focus is in the ledger (not in a drop-down's list). */
    private void paging(KeyEvent e) {
        if (e.getCode() == KeyCode.PAGE_DOWN && !e.isShortcutDown()) {
            viewModel.nextPage();
        } else if (e.getCode() == KeyCode.PAGE_UP && !e.isShortcutDown()) {
            viewModel.previousPage();
        } else {
            return;
        }
        e.consume();
    }

    // ---- above the table ----

    private Node header() {
        Label title = new Label(l10n.text("gui.ledger.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);

        searchField.setId("ledger-search");
        searchField.setPromptText(l10n.text("gui.ledger.search.prompt"));
        searchField.setTooltip(new Tooltip(l10n.text("gui.ledger.search.tip")));
        searchField.textProperty().bindBidirectional(viewModel.textProperty());
        searchField.setPrefWidth(360);
        HBox.setHgrow(searchField, Priority.SOMETIMES);
        searchField.setMaxWidth(460);
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> viewModel.search());
        searchField.textProperty().addListener((obs, old, now) -> {
            if (searchField.isFocused()) {
                typing.playFromStart();
            }
        });
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                typing.stop();
                viewModel.search();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                typing.stop();
                searchField.clear();
                viewModel.search();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                focusTable();
                e.consume();
            }
        });
        Label magnifier = new Label(null, icon(MaterialDesignM.MAGNIFY, 18));
        HBox search = new HBox(6, magnifier, searchField);
        search.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);

        Button newLead = new Button(l10n.text("gui.ledger.new"), icon(MaterialDesignP.PLUS, 18));
        newLead.setId("ledger-new");
        newLead.getStyleClass().add(Styles.ACCENT);
        newLead.setTooltip(new Tooltip(l10n.text("gui.ledger.new.tip")));
        newLead.setOnAction(e -> viewModel.newLead());
        newLead.setMinWidth(Region.USE_PREF_SIZE);

        HBox header = new HBox(20, title, search, newLead);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node filters() {
        ComboBox<LedgerPeriod> period = new ComboBox<>();
        period.getItems().setAll(viewModel.periods());
        period.setConverter(labels(viewModel::periodLabel));
        period.valueProperty().bindBidirectional(viewModel.periodProperty());
        period.setPrefWidth(100);
        period.setMinWidth(Region.USE_PREF_SIZE);
        period.setId("ledger-period");
        DatePicker from = datePicker("ledger-from");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker("ledger-to");
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        DatePicker asOf = datePicker("ledger-asof");
        asOf.valueProperty().bindBidirectional(viewModel.asOfProperty());
        asOf.setTooltip(new Tooltip(l10n.text("gui.ledger.filter.asOf.tip")));
        asOf.setPromptText(l10n.text("gui.ledger.filter.asOfPrompt"));

        CheckBox overdue = new CheckBox(l10n.text("gui.ledger.filter.overdue"));
        overdue.setId("ledger-overdue");
        overdue.selectedProperty().bindBidirectional(viewModel.overdueOnlyProperty());
        overdue.setMinWidth(Region.USE_PREF_SIZE);

        Button clear = new Button(l10n.text("gui.ledger.filter.clear"), icon(MaterialDesignF.FILTER_REMOVE_OUTLINE, 16));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> viewModel.clearFilters());
        clear.setMinWidth(Region.USE_PREF_SIZE);
        // The fields flow: two rows at 1366 pixels (when and in what state; then where, what and how
        // risky), more in a narrower window, never wider than the window.
        FlowPane bar = new FlowPane(14, 8,
                field("gui.ledger.filter.period", period, from, fixed(new Label(l10n.text("gui.ledger.filter.periodTo"))), to),
                field("gui.ledger.filter.asOf", asOf),
                field("gui.ledger.filter.state", fixed(choice("ledger-state", viewModel.stateColumns(),
                        viewModel.stateColumnProperty(), 160))),
                overdue,
                field("gui.ledger.filter.community", checks("ledger-community", viewModel.communities(),
                        viewModel.chosenCommunities(), "gui.ledger.filter.community.all", 130)),
                field("gui.ledger.filter.committee", choice("ledger-committee", viewModel.committees(),
                        viewModel.committeeProperty(), 180)),
                field("gui.ledger.filter.type", checks("ledger-type", viewModel.types(), viewModel.chosenTypes(),
                        "gui.ledger.filter.type.all", 130)),
                field("gui.ledger.filter.source", choice("ledger-source", viewModel.sources(),
                        viewModel.sourceProperty(), 130)),
                field("gui.ledger.filter.risk", choice("ledger-risk", viewModel.risks(), viewModel.riskProperty(), 130)),
                field("gui.ledger.filter.flags", choice("ledger-flags", viewModel.flags(), viewModel.flagProperty(), 150)),
                clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("ledger-filters");
        return bar;
    }

    /** A control that keeps its width however narrow the row. */
    private static <T extends Region> T fixed(T region) {
        region.setMinWidth(Region.USE_PREF_SIZE);
        return region;
    }

    private static <T> ComboBox<FilterOption<T>> choice(String id, ObservableList<FilterOption<T>> options,
                                                        ObjectProperty<FilterOption<T>> chosen, double width) {
        ComboBox<FilterOption<T>> box = new ComboBox<>(options);
        box.setId(id);
        box.valueProperty().bindBidirectional(chosen);
        // at least {@code width}, wider where the words need it ("All (duplicates included)")
        box.setMinWidth(width);
        box.setVisibleRowCount(14);
        return box;
    }

    /** A filter of several values at once: nothing checked is any. */
    private <T> CheckComboBox<FilterOption<T>> checks(String id, ObservableList<FilterOption<T>> options,
                                                      ObservableList<FilterOption<T>> chosen, String anyKey,
                                                      double width) {
        CheckComboBox<FilterOption<T>> box = CheckChoices.of(id, options, chosen, FilterOption::label, l10n.text(anyKey));
        box.setPrefWidth(Math.max(width, CheckChoices.widthFor(l10n.text(anyKey))));
        return box;
    }

    private HBox field(String labelKey, Node... inputs) {
        Label caption = new Label(l10n.text(labelKey));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setLabelFor(inputs[0]);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, caption);
        box.getChildren().addAll(inputs);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(new DateFieldConverter());
        picker.setEditable(true);
        picker.setPromptText(l10n.text("gui.ledger.filter.open"));
        picker.setTooltip(new Tooltip(l10n.text("gui.ledger.filter.datePrompt")));
        picker.setPrefWidth(146);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        return picker;
    }

    // ---- the table ----

    private void buildTable() {
        table.setId("ledger-table");
        table.getStyleClass().addAll("ledger-table", Styles.STRIPED);
        table.setFixedCellSize(30);
        table.setItems(viewModel.rows());
        // The database sorts: clicking a header asks it for the first page in that order.
        table.setSortPolicy(t -> true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Map<LedgerTableColumn, TableColumn<LeadListRow, String>> byKind = new EnumMap<>(LedgerTableColumn.class);
        for (LedgerTableColumn kind : LedgerTableColumn.values()) {
            TableColumn<LeadListRow, String> column = column(kind);
            byKind.put(kind, column);
            table.getColumns().add(column);
        }
        TableColumn<LeadListRow, String> foundOn = byKind.get(LedgerTableColumn.FOUND_ON);
        foundOn.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(foundOn));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<LeadListRow, ?>>) c -> sortChanged(byKind));
        byKind.values().forEach(column -> column.sortTypeProperty().addListener((obs, old, now) -> sortChanged(byKind)));

        viewModel.hiddenColumns().addListener((SetChangeListener<LedgerTableColumn>) change -> {
            byKind.forEach((kind, column) -> column.setVisible(viewModel.isShown(kind)));
        });

        table.setRowFactory(t -> {
            TableRow<LeadListRow> row = new TableRow<>() {
                @Override
                protected void updateItem(LeadListRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(OVERDUE,
                            !empty && item != null && item.overdue());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        // Paging by keyboard keeps the keyboard in the table, on the new page's first row.
        viewModel.rows().addListener((ListChangeListener<LeadListRow>) c -> {
            if (table.isFocused() && !viewModel.rows().isEmpty()) {
                table.getSelectionModel().select(0);
                table.scrollTo(0);
            }
        });

        Label placeholder = new Label();
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(480);
        placeholder.textProperty().bind(Bindings.when(viewModel.loadingProperty())
                .then(l10n.text("gui.ledger.loading")).otherwise(l10n.text("gui.ledger.empty")));
        table.setPlaceholder(placeholder);
    }

    private void sortChanged(Map<LedgerTableColumn, TableColumn<LeadListRow, String>> byKind) {
        if (table.getSortOrder().isEmpty()) {
            viewModel.sortBy(null, false);
            return;
        }
        TableColumn<LeadListRow, ?> first = table.getSortOrder().getFirst();
        byKind.forEach((kind, column) -> {
            if (column == first) {
                viewModel.sortBy(kind, column.getSortType() == TableColumn.SortType.ASCENDING);
            }
        });
    }

    private TableColumn<LeadListRow, String> column(LedgerTableColumn kind) {
        TableColumn<LeadListRow, String> column = new TableColumn<>(viewModel.columnHeader(kind));
        column.setId("ledger-column-" + kind.name());
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.cellText(kind, c.getValue())));
        column.setSortable(kind.sortColumn().isPresent());
        column.setVisible(viewModel.isShown(kind));
        // Wide enough at 1366 pixels for a case number, a date and a state such as 调解中（超期）;
        // the summary takes what is left.
        double width = switch (kind) {
            case CASE_NUMBER -> 220;
            case LEAD_NO -> 100;
            case FOUND_ON, DUE_ON -> 100;
            case COMMITTEE -> 160;
            case COMMUNITY, SOURCE -> 100;
            case TYPE -> 88;
            case RISK -> 80;
            case STATE -> 118;
            case PARTIES -> 110;
            case SUMMARY -> 120;
        };
        double least = switch (kind) {
            case FOUND_ON, DUE_ON, STATE -> width;
            case CASE_NUMBER -> 150;
            default -> 72;
        };
        column.setPrefWidth(width);
        column.setMinWidth(least);
        column.setCellFactory(c -> new LedgerCell(kind));
        return column;
    }

    /** A cell: one line, cut with an ellipsis, the whole text in a tooltip where text is long. */
    private final class LedgerCell extends TableCell<LeadListRow, String> {
        private final LedgerTableColumn kind;

        LedgerCell(LedgerTableColumn kind) {
            this.kind = kind;
            setTextOverrun(OverrunStyle.ELLIPSIS);
            if (kind == LedgerTableColumn.STATE) {
                getStyleClass().add("state-cell");
            }
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            LeadListRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (empty || text == null || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(text);
            setGraphic(kind == LedgerTableColumn.RISK ? riskDot(row.risk()) : null);
            setContentDisplay(ContentDisplay.LEFT);
            boolean wide = kind == LedgerTableColumn.SUMMARY || kind == LedgerTableColumn.PARTIES
                    || kind == LedgerTableColumn.COMMITTEE || kind == LedgerTableColumn.TYPE
                    || kind == LedgerTableColumn.CASE_NUMBER;
            setTooltip(wide && !text.isEmpty() ? new Tooltip(text) : null);
            getStyleClass().removeAll("state-closed", "state-open", "state-overdue");
            if (kind == LedgerTableColumn.STATE) {
                getStyleClass().add(row.overdue() ? "state-overdue" : stillOpen(row.state()) ? "state-open" : "state-closed");
            }
        }
    }

    /** Waiting for someone to act: to be verified or accepted, or in mediation. */
    private static boolean stillOpen(LeadState state) {
        return state == LeadState.PENDING || state == LeadState.MEDIATING;
    }

    private static Node riskDot(RiskLevel level) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("risk-dot", "risk-" + level.name().toLowerCase(Locale.ROOT));
        return dot;
    }

    // ---- below the table ----

    private Node footer() {
        Label count = new Label();
        count.setId("ledger-count");
        count.getStyleClass().add(Styles.TEXT_BOLD);
        count.textProperty().bind(viewModel.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.loadingProperty().or(viewModel.countingProperty()));

        Label hint = new Label(l10n.text("gui.ledger.open.tip"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        // the hint gives way first, on two lines; the buttons keep their words
        hint.setWrapText(true);
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        MenuButton chooser = new MenuButton(l10n.text("gui.ledger.columns"), icon(MaterialDesignT.TABLE_COLUMN, 16));
        chooser.setId("ledger-columns");
        chooser.setMinWidth(Region.USE_PREF_SIZE);
        for (LedgerTableColumn kind : LedgerTableColumn.values()) {
            CheckBox box = new CheckBox(viewModel.columnHeader(kind));
            box.setSelected(viewModel.isShown(kind));
            box.selectedProperty().addListener((obs, old, now) -> viewModel.setShown(kind, now));
            CustomMenuItem item = new CustomMenuItem(box);
            item.setHideOnClick(false);
            chooser.getItems().add(item);
        }

        Button refresh = pagerButton(MaterialDesignR.REFRESH, "gui.ledger.refresh", viewModel::reload);
        Button first = pagerButton(MaterialDesignP.PAGE_FIRST, "gui.ledger.page.first", viewModel::firstPage);
        Button previous = pagerButton(MaterialDesignC.CHEVRON_LEFT, "gui.ledger.page.previous", viewModel::previousPage);
        Button next = pagerButton(MaterialDesignC.CHEVRON_RIGHT, "gui.ledger.page.next", viewModel::nextPage);
        Button last = pagerButton(MaterialDesignP.PAGE_LAST, "gui.ledger.page.last", viewModel::lastPage);
        next.setId("ledger-next");
        previous.setId("ledger-previous");
        first.disableProperty().bind(viewModel.hasPreviousPageProperty().not());
        previous.disableProperty().bind(viewModel.hasPreviousPageProperty().not());
        next.disableProperty().bind(viewModel.hasNextPageProperty().not());
        last.disableProperty().bind(viewModel.hasLastPageProperty().not());
        Label page = new Label();
        page.setId("ledger-page");
        page.textProperty().bind(viewModel.pageTextProperty());
        page.setMinWidth(Region.USE_PREF_SIZE);

        MenuButton export = new MenuButton(l10n.text("gui.ledger.export"), icon(MaterialDesignF.FILE_EXPORT_OUTLINE, 16));
        export.setId("ledger-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem toExcel = new MenuItem(l10n.text("gui.ledger.export.xlsx"), icon(MaterialDesignF.FILE_EXCEL_OUTLINE, 16));
        toExcel.setOnAction(e -> viewModel.export("xlsx"));
        MenuItem toCsv = new MenuItem(l10n.text("gui.ledger.export.csv"), icon(MaterialDesignF.FILE_DELIMITED_OUTLINE, 16));
        toCsv.setOnAction(e -> viewModel.export("csv"));
        export.getItems().addAll(toExcel, toCsv);

        HBox footer = new HBox(10, count, progress, hint, spacer, export, chooser, refresh, first, previous, page, next,
                last);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private Button pagerButton(Ikon ikon, String tipKey, Runnable action) {
        Button button = new Button(null, icon(ikon, 18));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(l10n.text(tipKey)));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
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

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
