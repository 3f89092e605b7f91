package cn.mediationdesk.gui.organization;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.FieldMarks;
import atlantafx.base.theme.Tweaks;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import java.text.Collator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The Organization screen: a tab each for communities, grids, committees and people, each a table
 * beside the form of the entry chosen in it. Controls and bindings only.
 */
public final class OrganizationView extends VBox {
    private static final PseudoClass INACTIVE = PseudoClass.getPseudoClass("inactive");
    private static final double FORM_WIDTH = 380;

    private final OrganizationViewModel viewModel;
    private final Localization l10n;
    private final Collator collator;

    public OrganizationView(OrganizationViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        this.collator = Collator.getInstance(l10n.locale());
        getStyleClass().add("organization-view");
        setSpacing(12);
        setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label(l10n.text("gui.org.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(l10n.text("gui.org.intro"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(12, new VBox(4, title, intro), spacer, progress);
        heading.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(heading.getChildren().getFirst(), Priority.SOMETIMES);

        TabPane tabs = new TabPane(
                tab("gui.org.tab.communities", MaterialDesignH.HOME_CITY_OUTLINE, communities()),
                tab("gui.org.tab.grids", MaterialDesignV.VIEW_GRID_OUTLINE, grids()),
                tab("gui.org.tab.committees", MaterialDesignA.ACCOUNT_GROUP_OUTLINE, committees()),
                tab("gui.org.tab.people", MaterialDesignA.ACCOUNT_OUTLINE, people()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(heading, tabs);

        // Read afresh each time the screen is shown: an import may have added communities meanwhile.
        parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                viewModel.load();
            }
        });
    }

    private Tab tab(String key, Ikon ikon, Node content) {
        Tab tab = new Tab(l10n.text(key), content);
        tab.setGraphic(new FontIcon(ikon));
        return tab;
    }

    // ---- communities ----

    private Node communities() {
        CommunityFormViewModel form = viewModel.communityForm();
        TableView<Community> table = table(viewModel.communities(), Community::active,
                "gui.org.community.empty");
        table.getColumns().add(column("gui.org.column.code", 90, Community::code));
        table.getColumns().add(column("gui.org.column.name", 200, Community::name));
        table.getColumns().add(column("gui.org.column.grids", 90, c -> Long.toString(
                viewModel.chartProperty().get().grids().stream().filter(g -> g.communityId() == c.id()).count())));
        table.getColumns().add(column("gui.org.column.status", 80, c -> viewModel.statusLabel(c.active())));
        link(table, form, Community::id);

        TextField code = textField(form.codeProperty(), "gui.org.community.codePrompt");
        TextField name = textField(form.nameProperty(), "gui.org.community.namePrompt");
        VBox fields = new VBox(10,
                field("gui.org.field.code", code, form.problems().messageProperty(Field.CODE),
                        l10n.text("gui.org.community.codeHint")),
                required(field("gui.org.field.communityName", name, form.problems().messageProperty(Field.NAME), null)));
        return page(table, "gui.org.community.add", form, fields);
    }

    // ---- grids ----

    private Node grids() {
        GridFormViewModel form = viewModel.gridForm();
        TableView<Grid> table = table(viewModel.grids(), Grid::active, "gui.org.grid.empty");
        table.getColumns().add(column("gui.org.column.community", 160, g -> viewModel.communityName(g.communityId())));
        table.getColumns().add(column("gui.org.column.grid", 160, Grid::name));
        table.getColumns().add(column("gui.org.column.gridWorker", 120, g -> viewModel.personName(g.gridWorkerId())));
        table.getColumns().add(column("gui.org.column.phone", 130, g -> OrganizationViewModel.maskedPhone(
                viewModel.chartProperty().get().person(g.gridWorkerId()).map(Person::phone).orElse(null))));
        table.getColumns().add(column("gui.org.column.status", 80, g -> viewModel.statusLabel(g.active())));
        link(table, form, Grid::id);

        ComboBox<Community> community = combo(form.communityOptions(), this::communityLabel, "");
        community.valueProperty().bindBidirectional(form.communityProperty());
        community.disableProperty().bind(form.communityEditableProperty().not());
        TextField name = textField(form.nameProperty(), "gui.org.grid.namePrompt");
        ComboBox<Person> worker = combo(form.workerOptions(), p -> p == null ? l10n.text("gui.org.none") : personLabel(p),
                l10n.text("gui.org.none"));
        worker.valueProperty().bindBidirectional(form.workerProperty());
        VBox fields = new VBox(10,
                field("gui.org.field.community", community, form.problems().messageProperty(Field.COMMUNITY),
                        l10n.text("gui.org.grid.communityHint")),
                required(field("gui.org.field.gridName", name, form.problems().messageProperty(Field.NAME), null)),
                field("gui.org.field.gridWorker", worker, form.problems().messageProperty(Field.GRID),
                        l10n.text("gui.org.grid.workerHint")));
        return page(table, "gui.org.grid.add", form, fields);
    }

    // ---- committees ----

    private Node committees() {
        CommitteeFormViewModel form = viewModel.committeeForm();
        TableView<Committee> table = table(viewModel.committees(), Committee::active, "gui.org.committee.empty");
        table.getColumns().add(column("gui.org.column.code", 80, Committee::code));
        table.getColumns().add(column("gui.org.column.name", 190, Committee::name));
        table.getColumns().add(column("gui.org.column.shortName", 110, Committee::shortName));
        table.getColumns().add(column("gui.org.column.kind", 115, c -> viewModel.kindLabel(c.kind())));
        table.getColumns().add(column("gui.org.column.community", 110, c -> viewModel.communityName(c.communityId())));
        table.getColumns().add(column("gui.org.column.status", 80, c -> viewModel.statusLabel(c.active())));
        link(table, form, Committee::id);

        TextField code = textField(form.codeProperty(), "gui.org.committee.codePrompt");
        TextField name = textField(form.nameProperty(), "gui.org.committee.namePrompt");
        TextField shortName = textField(form.shortNameProperty(), "gui.org.committee.shortNamePrompt");
        Label preview = new Label();
        preview.getStyleClass().addAll("case-number-preview", Styles.TEXT_BOLD);
        preview.textProperty().bind(form.caseNumberPreviewProperty());
        preview.setWrapText(true);
        Label note = muted(form.shortNameNoteProperty());
        ComboBox<CommitteeKind> kind = combo(javafx.collections.FXCollections.observableArrayList(form.kinds()),
                viewModel::kindLabel, "");
        kind.valueProperty().bindBidirectional(form.kindProperty());
        ComboBox<Community> community = combo(form.communityOptions(), this::communityLabel, "");
        community.valueProperty().bindBidirectional(form.communityProperty());
        community.disableProperty().bind(form.servesCommunityProperty().not());

        VBox shortNameField = field("gui.org.field.shortName", shortName,
                form.problems().messageProperty(Field.SHORT_NAME), null);
        shortNameField.getChildren().addAll(preview, note);
        VBox fields = new VBox(10,
                field("gui.org.field.code", code, form.problems().messageProperty(Field.CODE),
                        l10n.text("gui.org.committee.codeHint")),
                required(field("gui.org.field.committeeName", name, form.problems().messageProperty(Field.NAME), null)),
                shortNameField,
                field("gui.org.field.kind", kind, null, null),
                field("gui.org.field.servedCommunity", community, form.problems().messageProperty(Field.COMMUNITY),
                        l10n.text("gui.org.committee.communityHint")));
        return page(table, "gui.org.committee.add", form, fields);
    }

    // ---- people ----

    private Node people() {
        PersonFormViewModel form = viewModel.personForm();
        TableView<Person> table = table(viewModel.people(), Person::active, "gui.org.person.empty");
        table.getColumns().add(column("gui.org.column.personName", 110, Person::name));
        table.getColumns().add(column("gui.org.column.role", 110, p -> viewModel.roleLabel(p.role())));
        table.getColumns().add(column("gui.org.column.committee", 220, p -> viewModel.committeeName(p.committeeId())));
        table.getColumns().add(column("gui.org.column.phone", 130, p -> OrganizationViewModel.maskedPhone(p.phone())));
        table.getColumns().add(column("gui.org.column.status", 80, p -> viewModel.statusLabel(p.active())));
        link(table, form, Person::id);

        TextField name = textField(form.nameProperty(), "gui.org.person.namePrompt");
        ComboBox<PersonRole> role = combo(javafx.collections.FXCollections.observableArrayList(form.roles()),
                viewModel::roleLabel, "");
        role.valueProperty().bindBidirectional(form.roleProperty());
        ComboBox<Committee> committee = combo(form.committeeOptions(),
                c -> c == null ? l10n.text("gui.org.none") : committeeLabel(c), l10n.text("gui.org.none"));
        committee.valueProperty().bindBidirectional(form.committeeProperty());
        TextField phone = textField(form.phoneProperty(), "gui.org.person.phonePrompt");
        VBox fields = new VBox(10,
                required(field("gui.org.field.personName", name, form.problems().messageProperty(Field.NAME), null)),
                field("gui.org.field.role", role, null, null),
                field("gui.org.field.committee", committee, form.problems().messageProperty(Field.COMMITTEE),
                        l10n.text("gui.org.person.committeeHint")),
                field("gui.org.field.phone", phone, form.problems().messageProperty(Field.PHONE),
                        l10n.text("gui.org.person.phoneHint")));
        return page(table, "gui.org.person.add", form, fields);
    }

    // ---- building blocks ----

    /** The table on the left, the form on the right; "add" above the table empties the form. */
    private <T> Node page(TableView<T> table, String addKey, OrganizationFormViewModel<T> form, VBox fields) {
        Button add = new Button(l10n.text(addKey), new FontIcon(MaterialDesignP.PLUS));
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> form.startNew());
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> l10n.text("gui.org.count",
                table.getItems().size(), table.getItems().stream().filter(this::isInactiveRow).count()),
                table.getItems()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, add, spacer, count);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(10, toolbar, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        BorderPane page = new BorderPane(left);
        page.setRight(formCard(form, fields));
        BorderPane.setMargin(page.getRight(), new Insets(0, 0, 0, 16));
        page.setPadding(new Insets(12, 0, 0, 0));
        return page;
    }

    private boolean isInactiveRow(Object item) {
        return switch (item) {
            case Community c -> !c.active();
            case Grid g -> !g.active();
            case Committee c -> !c.active();
            case Person p -> !p.active();
            default -> false;
        };
    }

    private <T> Node formCard(OrganizationFormViewModel<T> form, VBox fields) {
        Label title = new Label();
        title.textProperty().bind(form.titleProperty());
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);

        Label inactive = new Label(l10n.text("gui.org.form.inactiveNote"), new FontIcon(MaterialDesignC.CANCEL));
        inactive.getStyleClass().addAll(Styles.WARNING);
        inactive.setWrapText(true);
        inactive.visibleProperty().bind(Bindings.createBooleanBinding(() -> form.editingProperty().get() != null
                && isInactiveRow(form.editingProperty().get()), form.editingProperty()));
        inactive.managedProperty().bind(inactive.visibleProperty());

        Label other = problemLabel(form.problems().otherProperty());
        Label feedback = new Label();
        feedback.getStyleClass().add(Styles.SUCCESS);
        feedback.setWrapText(true);
        feedback.textProperty().bind(form.feedbackProperty());
        feedback.visibleProperty().bind(feedback.textProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());

        Button save = new Button(l10n.text("gui.org.form.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.busyProperty());
        save.setOnAction(e -> form.save());
        Button toggle = new Button();
        toggle.textProperty().bind(form.toggleTextProperty());
        toggle.disableProperty().bind(form.canToggleProperty().not());
        toggle.visibleProperty().bind(form.editingProperty().isNotNull());
        toggle.managedProperty().bind(toggle.visibleProperty());
        toggle.setOnAction(e -> form.toggleActive());
        HBox buttons = new HBox(10, save, toggle);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // Enter in any text field saves, as people expect of a form.
        fields.lookupAll(".text-field").forEach(n -> ((TextField) n).setOnAction(e -> form.save()));

        VBox card = new VBox(14, title, inactive, fields, other, buttons, feedback);
        card.getStyleClass().add("org-form");
        card.setPadding(new Insets(16));
        card.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setPrefWidth(FORM_WIDTH);
        scroll.setMinWidth(FORM_WIDTH);
        scroll.setMaxWidth(FORM_WIDTH);
        return scroll;
    }

    /** {@code field} as one that must be filled in: its label is marked from the start. */
    private VBox required(VBox field) {
        FieldMarks.required((Label) field.getChildren().getFirst(), l10n.text("gui.window.required"));
        return field;
    }

    /** A label above its control, an optional hint under it, and the control's problem in red. */
    private VBox field(String labelKey, Region control, ObservableStringValue problem, String hint) {
        Label label = new Label(l10n.text(labelKey));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setLabelFor(control);
        control.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, label, control);
        if (problem != null) {
            box.getChildren().add(problemLabel(problem));
            FieldMarks.flag(control, problem);
        }
        if (hint != null) {
            Label help = new Label(hint);
            help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            help.setWrapText(true);
            box.getChildren().add(help);
        }
        return box;
    }

    private static Label problemLabel(ObservableStringValue problem) {
        return FieldMarks.message(problem, "field-problem");
    }

    private static Label muted(ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private TextField textField(javafx.beans.property.StringProperty value, String promptKey) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(value);
        field.setPromptText(l10n.text(promptKey));
        return field;
    }

    private static <T> ComboBox<T> combo(ObservableList<T> items, Function<T, String> label, String prompt) {
        ComboBox<T> combo = new ComboBox<>(items);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
        combo.setConverter(converter);
        // Cells that name "none" too: a plain ComboBox shows an empty line for a null item.
        combo.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && item == null ? prompt : converter.toString(item));
            }
        });
        combo.setPromptText(prompt);
        combo.setVisibleRowCount(12);
        return combo;
    }

    private String communityLabel(Community community) {
        if (community == null) {
            return "";
        }
        return community.active() ? community.name() : l10n.text("gui.org.inactiveName", community.name());
    }

    private String committeeLabel(Committee committee) {
        return committee.active() ? committee.name() : l10n.text("gui.org.inactiveName", committee.name());
    }

    private String personLabel(Person person) {
        return person.active() ? person.name() : l10n.text("gui.org.inactiveName", person.name());
    }

    private <T> TableView<T> table(ObservableList<T> items, Predicate<T> active, String emptyKey) {
        TableView<T> table = new TableView<>();
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getStyleClass().addAll("org-table", Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(l10n.text(emptyKey));
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(420);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(INACTIVE, !empty && item != null && !active.test(item));
            }
        });
        // Counts and names in cells come from the chart: redraw them when it is read again.
        viewModel.chartProperty().addListener((obs, old, now) -> table.refresh());
        return table;
    }

    private <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(l10n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setComparator(collator::compare);
        column.setPrefWidth(width);
        column.setMinWidth(60);
        return column;
    }

    /**
     * Choosing a row opens it in the form; the form's entry (after a save, say) is the row shown
     * as chosen. Following the form must not refill it, or unsaved typing would be lost.
     */
    private static <T> void link(TableView<T> table, OrganizationFormViewModel<T> form, ToLongFunction<T> id) {
        boolean[] following = {false};
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!following[0] && now != null) {
                form.edit(now);
            }
        });
        Runnable follow = () -> {
            following[0] = true;
            try {
                T editing = form.editingProperty().get();
                T row = editing == null ? null : table.getItems().stream()
                        .filter(t -> id.applyAsLong(t) == id.applyAsLong(editing)).findFirst().orElse(null);
                if (row == null) {
                    table.getSelectionModel().clearSelection();
                } else if (table.getSelectionModel().getSelectedItem() != row) {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                }
            } finally {
                following[0] = false;
            }
        };
        form.editingProperty().addListener((obs, old, now) -> follow.run());
        table.getItems().addListener((ListChangeListener<T>) change -> follow.run());
    }
}
