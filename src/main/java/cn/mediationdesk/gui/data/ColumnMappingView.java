package cn.mediationdesk.gui.data;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.OurColumn;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.TheirColumn;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.TheirValue;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import java.util.function.Function;

/**
 * The wizard's mapping step: their columns with ours to choose, our columns nobody feeds, their
 * words for our values, and the saved profiles. Controls and bindings only; in a scroll pane, as a
 * ledger may have many columns and values.
 */
final class ColumnMappingView extends ScrollPane {
    private final ImportWizardViewModel wizard;
    private final ColumnMappingViewModel mapping;
    private final Localization l10n;
    private final GridPane theirGrid = grid();
    private final GridPane ourGrid = grid();
    private final GridPane valueGrid = grid();

    ColumnMappingView(ImportWizardViewModel wizard, Localization l10n) {
        this.wizard = wizard;
        this.mapping = wizard.mapping();
        this.l10n = l10n;
        setId("importMapping");
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");

        Label intro = wrapped(l10n.text("gui.data.mapping.intro"));
        Label missing = new Label(null, new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        missing.getStyleClass().add(Styles.DANGER);
        missing.setWrapText(true);
        missing.textProperty().bind(mapping.missingProperty());
        missing.visibleProperty().bind(missing.textProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());

        VBox ours = section(l10n.text("gui.data.mapping.ourColumns"), l10n.text("gui.data.mapping.ourColumns.hint"), ourGrid);
        ours.visibleProperty().bind(Bindings.isNotEmpty(mapping.ourColumns()));
        ours.managedProperty().bind(ours.visibleProperty());
        VBox values = section(l10n.text("gui.data.mapping.values"), l10n.text("gui.data.mapping.values.hint"), valueGrid);
        values.visibleProperty().bind(Bindings.isNotEmpty(mapping.values()));
        values.managedProperty().bind(values.visibleProperty());

        VBox content = new VBox(14, intro, missing);
        if (wizard.mayUseProfiles()) {
            content.getChildren().add(profiles());
        }
        content.getChildren().addAll(section(l10n.text("gui.data.mapping.theirColumns"), null, theirGrid), ours, values);
        content.setPadding(new Insets(4, 12, 8, 0));
        setContent(content);

        mapping.theirColumns().addListener((ListChangeListener<TheirColumn>) c -> fillTheirs());
        mapping.ourColumns().addListener((ListChangeListener<OurColumn>) c -> fillOurs());
        mapping.values().addListener((ListChangeListener<TheirValue>) c -> fillValues());
        fillTheirs();
        fillOurs();
        fillValues();
    }

    private VBox profiles() {
        ComboBox<String> saved = new ComboBox<>(wizard.profileNames());
        saved.setId("mappingProfiles");
        saved.setPromptText(l10n.text("gui.data.mapping.profile.choose"));
        Button apply = new Button(l10n.text("gui.data.mapping.profile.apply"));
        apply.setId("mappingApplyProfile");
        apply.disableProperty().bind(saved.valueProperty().isNull().or(wizard.busyProperty()));
        apply.setOnAction(e -> wizard.applyProfile(saved.getValue()));
        TextField name = new TextField();
        name.setId("mappingProfileName");
        name.setPromptText(l10n.text("gui.data.mapping.profile.name"));
        name.textProperty().bindBidirectional(wizard.profileNameProperty());
        name.setPrefColumnCount(14);
        Button save = new Button(l10n.text("gui.data.mapping.profile.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("mappingSaveProfile");
        save.disableProperty().bind(name.textProperty().isEmpty().or(wizard.busyProperty()));
        save.setOnAction(e -> wizard.saveProfile());
        FlowPane row = new FlowPane(8, 8, saved, apply, name, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label(null, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        message.setWrapText(true);
        message.textProperty().bind(wizard.profileMessageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return section(l10n.text("gui.data.mapping.profile"), l10n.text("gui.data.mapping.profile.hint"),
                new VBox(6, row, message));
    }

    private void fillTheirs() {
        theirGrid.getChildren().clear();
        theirGrid.addRow(0, head("gui.data.mapping.head.theirs"), head("gui.data.mapping.head.samples"),
                head("gui.data.mapping.head.ours"));
        int r = 1;
        for (TheirColumn their : mapping.theirColumns()) {
            ComboBox<LedgerColumn> column = new ComboBox<>(FXCollections.observableArrayList(mapping.columnChoices()));
            column.setConverter(labels(mapping::columnLabel, mapping.columnLabel(null)));
            column.valueProperty().bindBidirectional(their.columnProperty());
            column.setMaxWidth(Double.MAX_VALUE);
            column.setAccessibleText(their.header());
            Label samples = wrapped(their.samples());
            samples.getStyleClass().add(Styles.TEXT_MUTED);
            theirGrid.addRow(r++, new Label(their.header()), samples, column);
        }
    }

    private void fillOurs() {
        ourGrid.getChildren().clear();
        ourGrid.addRow(0, head("gui.data.mapping.head.column"), head("gui.data.mapping.head.from"),
                head("gui.data.mapping.head.fixed"));
        int r = 1;
        for (OurColumn our : mapping.ourColumns()) {
            ComboBox<String> from = new ComboBox<>(FXCollections.observableArrayList(mapping.sameAsChoices()));
            from.setConverter(labels(mapping::sameAsLabel, mapping.sameAsLabel(null)));
            from.valueProperty().bindBidirectional(our.sameAsProperty());
            from.setMaxWidth(Double.MAX_VALUE);
            ComboBox<String> fixed = new ComboBox<>(FXCollections.observableArrayList(mapping.fixedChoices(our.column())));
            fixed.setEditable(true);
            fixed.setMaxWidth(Double.MAX_VALUE);
            fixed.getEditor().textProperty().bindBidirectional(our.fixedValueProperty());
            fixed.disableProperty().bind(our.sameAsProperty().isNotNull());
            fixed.setAccessibleText(our.column().header());
            ourGrid.addRow(r++, new Label(mapping.columnLabel(our.column())), from, fixed);
        }
    }

    private void fillValues() {
        valueGrid.getChildren().clear();
        valueGrid.addRow(0, head("gui.data.mapping.head.theirs"), head("gui.data.mapping.head.value"),
                head("gui.data.mapping.head.ourValue"));
        int r = 1;
        for (TheirValue value : mapping.values()) {
            ComboBox<String> ours = new ComboBox<>(FXCollections.observableArrayList(mapping.valueChoices(value)));
            ours.setConverter(labels(code -> mapping.valueLabel(value, code), mapping.valueLabel(value, null)));
            ours.valueProperty().bindBidirectional(value.oursProperty());
            ours.setMaxWidth(Double.MAX_VALUE);
            ours.setAccessibleText(value.value());
            Label word = wrapped(value.value());
            valueGrid.addRow(r++, new Label(value.header()), word, ours);
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints first = new ColumnConstraints();
        first.setPercentWidth(26);
        ColumnConstraints second = new ColumnConstraints();
        second.setPercentWidth(36);
        ColumnConstraints third = new ColumnConstraints();
        third.setPercentWidth(38);
        third.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(first, second, third);
        return grid;
    }

    private Label head(String key) {
        Label label = new Label(l10n.text(key));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    private VBox section(String title, String hint, javafx.scene.Node body) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, label);
        if (hint != null) {
            Label small = wrapped(hint);
            small.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(small);
        }
        box.getChildren().add(body);
        return box;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Labels for a combo's items, with {@code none} for the {@code null} item (which is chosen, not empty). */
    private static <T> StringConverter<T> labels(Function<T, String> label, String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? none : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
