package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.FieldMarks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** The building blocks of the editor's sections: cards, labelled fields with their messages, inputs. */
final class LeadForms {
    /** Columns of a section's form grid; a field spans one, two or all of them. */
    static final int COLUMNS = 4;

    private LeadForms() {
    }

    /** A section as a card with a heading; shown only while {@code shown} holds. */
    static VBox section(String id, String title, Ikon icon, ObservableBooleanValue shown, Node... content) {
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().addAll(Styles.TITLE_4, "lead-section-title");
        heading.setGraphicTextGap(8);
        VBox card = new VBox(12, heading);
        card.getChildren().addAll(content);
        card.setId(id);
        card.getStyleClass().add("lead-section");
        card.setPadding(new Insets(14, 18, 16, 18));
        if (shown != null) {
            card.visibleProperty().bind(Bindings.createBooleanBinding(shown::get, shown));
            card.managedProperty().bind(card.visibleProperty());
        }
        return card;
    }

    /** An empty form grid of {@link #COLUMNS} equal columns. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        return grid;
    }

    /** A label above its control and the rule's message below it. */
    static VBox field(String label, Node control, ObservableStringValue error) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setLabelFor(control);
        caption.setMnemonicParsing(false);
        VBox box = new VBox(4, caption, control);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        if (error != null) {
            box.getChildren().add(error(error));
            Node input = control instanceof HBox row && !row.getChildren().isEmpty() ? row.getChildren().getFirst() : control;
            FieldMarks.flag(input, error);
        }
        return box;
    }

    /** {@link #field} of a value that must be given: its caption is marked from the start. */
    static VBox requiredField(String label, String requiredText, Node control, ObservableStringValue error) {
        VBox box = field(label, control, error);
        FieldMarks.required((Label) box.getChildren().getFirst(), requiredText);
        return box;
    }

    /** A rule's message in the danger colour; takes no room while there is none. */
    static Label error(ObservableStringValue text) {
        return FieldMarks.message(text, "field-error");
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    /** A label that shows {@code text} and takes no room while it is empty. */
    static Label shownWhenSet(ObservableStringValue text, String... styles) {
        Label label = new Label();
        label.getStyleClass().addAll(styles);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static void add(GridPane grid, Node field, int column, int row, int span) {
        grid.add(field, column, row, span, 1);
        GridPane.setValignment(field, VPos.TOP);
    }

    static TextField text(StringProperty value, String id, String prompt) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(value);
        field.setId(id);
        if (prompt != null) {
            field.setPromptText(prompt);
        }
        return field;
    }

    static TextArea area(StringProperty value, String id, String prompt, int rows) {
        TextArea area = new TextArea();
        area.textProperty().bindBidirectional(value);
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        if (prompt != null) {
            area.setPromptText(prompt);
        }
        return area;
    }

    /**
     * A date field: text bound to a view model's date, in any of the forms {@link DateFieldConverter}
     * reads, and a calendar button beside it to pick the day instead. What is typed is never replaced
     * behind the user's back (a date picker's own field would empty text it cannot read), so the form
     * can say what is wrong with it.
     */
    static HBox date(StringProperty text, String id, String prompt) {
        TextField field = text(text, id, prompt);
        DateFieldConverter dates = new DateFieldConverter();
        DatePicker calendar = new DatePicker();
        calendar.setId(id + "-calendar");
        calendar.getStyleClass().add("calendar-button");
        calendar.setEditable(false);
        calendar.setFocusTraversable(false);
        calendar.setOnShowing(e -> calendar.setValue(dates.fromString(text.get()))); // opens on the typed day
        calendar.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(dates.fromString(text.get()))) {
                text.set(dates.toString(now));
            }
        });
        HBox box = new HBox(4, field, calendar);
        HBox.setHgrow(field, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static <T> ComboBox<T> combo(ObservableList<T> items, ObjectProperty<T> value, Function<T, String> label,
                                 String id) {
        ComboBox<T> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setConverter(labels(label));
        combo.setButtonCell(cell(label));
        combo.setCellFactory(list -> cell(label));
        combo.valueProperty().bindBidirectional(value);
        return combo;
    }

    private static <T> ListCell<T> cell(Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        };
    }

    static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen, not typed");
            }
        };
    }

    /** One radio button per choice, kept in step with {@code value} both ways. */
    static <T> FlowPane radios(List<T> choices, ObjectProperty<T> value, Function<T, String> label, String idPrefix) {
        ToggleGroup group = new ToggleGroup();
        FlowPane pane = new FlowPane(18, 6);
        for (T choice : choices) {
            RadioButton button = new RadioButton(label.apply(choice));
            button.setUserData(choice);
            button.setToggleGroup(group);
            button.setId(idPrefix + "-" + choice.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.setMnemonicParsing(false);
            pane.getChildren().add(button);
        }
        Runnable select = () -> group.getToggles().forEach(t -> t.setSelected(Objects.equals(t.getUserData(), value.get())));
        select.run();
        value.addListener((obs, old, now) -> select.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            Object chosen = now == null ? null : ((Toggle) now).getUserData();
            if (now != null && !Objects.equals(chosen, value.get())) {
                @SuppressWarnings("unchecked")
                T typed = (T) chosen;
                value.set(typed);
            }
        });
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setMinHeight(30);
        return pane;
    }

    /** One check box per choice, kept in step with {@code chosen} both ways. */
    static <T> FlowPane checks(List<T> choices, ObservableSet<T> chosen, Function<T, String> label, String idPrefix) {
        FlowPane pane = new FlowPane(18, 6);
        for (T choice : choices) {
            CheckBox box = new CheckBox(label.apply(choice));
            box.setId(idPrefix + "-" + choice.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
            box.setMnemonicParsing(false);
            box.setSelected(chosen.contains(choice));
            box.selectedProperty().addListener((obs, old, now) -> {
                if (now) {
                    chosen.add(choice);
                } else {
                    chosen.remove(choice);
                }
            });
            chosen.addListener((SetChangeListener<T>) change -> box.setSelected(chosen.contains(choice)));
            pane.getChildren().add(box);
        }
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setMinHeight(30);
        return pane;
    }

    /** A button that does nothing while the editor is busy saving. */
    static Button button(String text, Ikon icon, String id, Runnable action, ObservableBooleanValue busy) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        return button;
    }

    /** Shows {@code node} only while {@code condition} holds; it takes no room otherwise. */
    static <T extends Node> T shownWhen(T node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, condition));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    static BooleanBinding not(ObservableBooleanValue value) {
        return Bindings.createBooleanBinding(() -> !value.get(), value);
    }

    /** A row of buttons (and the like) at the end of a form. */
    static HBox actions(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    /** The entries of a list as lines of text, each in its own box; {@code empty} when there are none. */
    static <T> VBox entries(ObservableList<T> items, Function<T, String> line, String empty, String id) {
        VBox box = new VBox(6);
        box.setId(id);
        Runnable fill = () -> {
            box.getChildren().clear();
            if (items.isEmpty()) {
                box.getChildren().add(muted(empty));
            }
            for (T item : items) {
                Label entry = new Label(line.apply(item));
                entry.setWrapText(true);
                entry.setMaxWidth(Double.MAX_VALUE);
                entry.getStyleClass().add("lead-entry");
                box.getChildren().add(entry);
            }
        };
        fill.run();
        items.addListener((ListChangeListener<T>) change -> fill.run());
        return box;
    }

    static VBox stack(Node... nodes) {
        return new VBox(10, nodes);
    }

    static <T extends Node> T grow(T node) {
        HBox.setHgrow(node, Priority.ALWAYS);
        return node;
    }
}
