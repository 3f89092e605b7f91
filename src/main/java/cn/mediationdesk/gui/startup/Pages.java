package cn.mediationdesk.gui.startup;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The building blocks the start-up pages share: a centred column, cards, field problems. */
final class Pages {
    static final double PAGE_WIDTH = 720;

    private Pages() {
    }

    /** The page (its width already limited) in a column in the middle, scrolling if the window is very small. */
    static Node centered(VBox page) {
        page.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane holder = new StackPane(page);
        StackPane.setAlignment(page, Pos.CENTER);
        holder.setPadding(new Insets(0, 0, 40, 0)); // a little above the middle reads as centred
        holder.setMinHeight(Region.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** The application's name and subtitle beside its icon. */
    static Node heading(String title, String subtitle) {
        Label icon = new Label(null, icon(MaterialDesignS.SCALE_BALANCE, 56));
        icon.getStyleClass().add("start-icon");
        Label name = new Label(title);
        name.getStyleClass().add(Styles.TITLE_1);
        VBox text = new VBox(2, name, muted(subtitle));
        text.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(18, icon, text);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    static VBox card(Ikon ikon, String title, Node... body) {
        Label heading = new Label(title, icon(ikon, 20));
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setGraphicTextGap(8);
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(body);
        card.getStyleClass().add("start-card");
        card.setPadding(new Insets(16, 18, 16, 18));
        return card;
    }

    /** The rule's message under its field, which turns red while there is one. */
    /** A form of labels beside their fields, each field with its problem line beneath it. */
    static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Adds {@code field} as the next row of a {@link #form()}, labelled, with its problem beneath it. */
    static void addField(GridPane form, String label, TextInputControl field, ObservableStringValue problem) {
        form.addRow(form.getRowCount(), fieldLabel(label, field), new VBox(4, field, problem(field, problem)));
    }

    static Label problem(TextInputControl field, ObservableStringValue text) {
        Label label = wrapping("");
        label.getStyleClass().add(Styles.DANGER);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        field.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        label.textProperty().addListener((obs, old, now) ->
                field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        return label;
    }

    static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
