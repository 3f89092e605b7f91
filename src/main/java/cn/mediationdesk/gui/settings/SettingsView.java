package cn.mediationdesk.gui.settings;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.CaseSettingsService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Locale;

/** The Settings screen: language, case settings (administrators), and the user's own password. */
public final class SettingsView extends ScrollPane {
    private static final double PAGE_WIDTH = 780;
    private static final double LABEL_WIDTH = 130;

    private final SettingsViewModel viewModel;
    private final Localization l10n;
    private final VBox page;

    public SettingsView(SettingsViewModel viewModel, Localization l10n) {
        this(viewModel, l10n, null);
    }

    /** @param connection the "connect to a shared database" part, or {@code null} for none */
    public SettingsView(SettingsViewModel viewModel, Localization l10n, SharedConnectionViewModel connection) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().addAll("settings-view", "edge-to-edge");
        setFitToWidth(true);

        Label title = new Label(l10n.text("gui.settings.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        page = new VBox(18, title, languageCard(), caseCard());
        if (viewModel.offersIdleLock()) {
            page.getChildren().add(idleCard());
        }
        if (!viewModel.username().isEmpty()) {
            page.getChildren().add(passwordCard());
        }
        if (connection != null) {
            page.getChildren().add(connectionCard(connection));
        }
        page.setMaxWidth(PAGE_WIDTH);
        page.setPadding(new Insets(24, 28, 28, 28));
        VBox holder = new VBox(page);
        holder.setAlignment(Pos.TOP_LEFT);
        setContent(holder);
    }

    /** Adds a card of another part's settings (the agenda's) right after the case settings. */
    public void addAfterCaseSettings(Node card) {
        page.getChildren().add(3, card);
    }

    private Node languageCard() {
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox();
        var locales = viewModel.languages();
        for (int i = 0; i < locales.size(); i++) {
            Locale locale = locales.get(i);
            ToggleButton button = new ToggleButton(viewModel.languageName(locale));
            button.setId("language-" + locale.getLanguage());
            button.setToggleGroup(group);
            button.setSelected(locale.equals(viewModel.languageProperty().get()));
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : Styles.RIGHT_PILL);
            button.setMinWidth(120);
            button.setOnAction(e -> {
                if (!button.isSelected()) {
                    button.setSelected(true); // one language is always chosen
                }
                viewModel.chooseLanguage(locale);
            });
            buttons.getChildren().add(button);
        }
        return card(MaterialDesignT.TRANSLATE, l10n.text("gui.settings.language.title"),
                wrapping(l10n.text("gui.settings.language.text")), buttons);
    }

    private Node caseCard() {
        boolean editable = viewModel.canChangeCaseSettings();

        TextField days = new TextField();
        days.setId("time-limit");
        days.textProperty().bindBidirectional(viewModel.timeLimitProperty());
        days.setPrefColumnCount(4);
        days.setMaxWidth(Region.USE_PREF_SIZE);
        Label unit = new Label(l10n.text("gui.settings.timeLimit.unit"));
        HBox daysRow = new HBox(8, days, unit);
        daysRow.setAlignment(Pos.CENTER_LEFT);
        Label daysHint = muted(l10n.text("gui.settings.timeLimit.hint"));
        Label daysProblem = problem(days, viewModel.timeLimitProblemProperty());

        TextField pattern = new TextField();
        pattern.setId("number-pattern");
        pattern.textProperty().bindBidirectional(viewModel.numberPatternProperty());
        HBox.setHgrow(pattern, Priority.ALWAYS);
        Button restore = new Button(l10n.text("gui.settings.pattern.restore"), icon(MaterialDesignB.BACKUP_RESTORE, 16));
        restore.setOnAction(e -> viewModel.restoreDefaultPattern());
        restore.setMinWidth(Region.USE_PREF_SIZE);
        HBox patternRow = new HBox(8, pattern, restore);
        patternRow.setAlignment(Pos.CENTER_LEFT);
        var placeholders = CaseSettingsService.PLACEHOLDERS;
        Label patternHint = muted(l10n.text("gui.settings.pattern.hint", placeholders.get(0), placeholders.get(1),
                placeholders.get(2), placeholders.get(3)));
        Label preview = new Label();
        preview.setId("number-preview");
        preview.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.previewProperty().get().isEmpty() ? ""
                        : l10n.text("gui.settings.pattern.preview", viewModel.previewProperty().get()),
                viewModel.previewProperty()));
        preview.getStyleClass().addAll(Styles.TEXT_BOLD, "case-number-preview");
        preview.visibleProperty().bind(viewModel.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        Label patternProblem = problem(pattern, viewModel.patternProblemProperty());

        GridPane grid = form();
        grid.addRow(0, fieldLabel(l10n.text("gui.settings.timeLimit.label"), days), daysRow);
        grid.add(new VBox(4, daysProblem, daysHint), 1, 1);
        grid.addRow(2, fieldLabel(l10n.text("gui.settings.pattern.label"), pattern), patternRow);
        grid.add(new VBox(4, patternProblem, preview, patternHint), 1, 3);

        VBox card = card(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE, l10n.text("gui.settings.case.title"),
                wrapping(l10n.text("gui.settings.case.text")), grid);
        if (editable) {
            Button save = new Button(l10n.text("gui.settings.case.save"), icon(MaterialDesignC.CONTENT_SAVE_OUTLINE, 16));
            save.setId("save-case-settings");
            save.getStyleClass().add(Styles.ACCENT);
            save.disableProperty().bind(viewModel.busyProperty().or(viewModel.loadedProperty().not()));
            save.setOnAction(e -> viewModel.saveCaseSettings());
            Label message = message(viewModel.caseMessageProperty(), viewModel.caseSavedProperty().get());
            viewModel.caseSavedProperty().addListener((obs, old, ok) -> success(message, ok));
            HBox actions = new HBox(12, save, message);
            actions.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(actions);
        } else {
            days.setEditable(false);
            pattern.setEditable(false);
            days.setDisable(true);
            pattern.setDisable(true);
            restore.setDisable(true);
            Label note = new Label(l10n.text("gui.settings.case.adminOnly"), icon(MaterialDesignL.LOCK_OUTLINE, 16));
            note.getStyleClass().add(Styles.WARNING);
            note.setWrapText(true);
            card.getChildren().add(1, note);
        }
        return card;
    }

    private Node idleCard() {
        TextField minutes = new TextField();
        minutes.setId("idle-minutes");
        minutes.textProperty().bindBidirectional(viewModel.idleMinutesProperty());
        minutes.setPrefColumnCount(4);
        minutes.setMaxWidth(Region.USE_PREF_SIZE);
        minutes.setOnAction(e -> viewModel.saveIdleLock());
        Label unit = new Label(l10n.text("gui.settings.idle.unit"));
        Button save = new Button(l10n.text("gui.settings.idle.save"), icon(MaterialDesignC.CONTENT_SAVE_OUTLINE, 16));
        save.setId("save-idle-lock");
        save.setOnAction(e -> viewModel.saveIdleLock());
        HBox row = new HBox(8, minutes, unit, save);
        row.setAlignment(Pos.CENTER_LEFT);
        Label saved = new Label();
        saved.textProperty().bind(viewModel.idleMessageProperty());
        saved.getStyleClass().add(Styles.SUCCESS);
        GridPane grid = form();
        grid.addRow(0, fieldLabel(l10n.text("gui.settings.idle.label"), minutes), row);
        grid.add(new VBox(4, problem(minutes, viewModel.idleProblemProperty()), saved), 1, 1);
        return card(MaterialDesignL.LOCK_CLOCK, l10n.text("gui.settings.idle.title"),
                wrapping(l10n.text("gui.settings.idle.text")), grid);
    }

    private Node passwordCard() {
        PasswordField current = new PasswordField();
        current.setId("current-password");
        current.textProperty().bindBidirectional(viewModel.currentPasswordProperty());
        PasswordField chosen = new PasswordField();
        chosen.setId("new-password");
        chosen.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("new-password-repeat");
        repeat.textProperty().bindBidirectional(viewModel.newPasswordRepeatProperty());
        for (TextField field : new TextField[] {current, chosen, repeat}) {
            field.setPrefColumnCount(18);
            field.setMaxWidth(320);
        }

        GridPane grid = form();
        grid.addRow(0, fieldLabel(l10n.text("gui.settings.password.current"), current),
                new VBox(4, current, problem(current, viewModel.currentPasswordProblemProperty())));
        grid.addRow(1, fieldLabel(l10n.text("gui.settings.password.new"), chosen),
                new VBox(4, chosen, problem(chosen, viewModel.newPasswordProblemProperty())));
        grid.addRow(2, fieldLabel(l10n.text("gui.settings.password.repeat"), repeat),
                new VBox(4, repeat, problem(repeat, viewModel.repeatProblemProperty())));

        Button change = new Button(l10n.text("gui.settings.password.change"), icon(MaterialDesignL.LOCK_RESET, 16));
        change.setId("change-password");
        change.disableProperty().bind(viewModel.busyProperty());
        change.setOnAction(e -> viewModel.changePassword());
        repeat.setOnAction(e -> viewModel.changePassword());
        Label message = message(viewModel.passwordMessageProperty(), false);
        viewModel.passwordChangedProperty().addListener((obs, old, ok) -> success(message, ok));
        HBox actions = new HBox(12, change, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        return card(MaterialDesignL.LOCK_OUTLINE, l10n.text("gui.settings.password.title"),
                wrapping(l10n.text("gui.settings.password.text", viewModel.username())), grid, actions);
    }

    private Node connectionCard(SharedConnectionViewModel connection) {
        TextField address = new TextField();
        address.setId("connection-address");
        address.setPromptText(l10n.text("gui.connection.address.prompt"));
        address.textProperty().bindBidirectional(connection.addressProperty());
        TextField port = new TextField();
        port.setId("connection-port");
        port.setPrefColumnCount(6);
        port.setMaxWidth(120);
        port.textProperty().bindBidirectional(connection.portProperty());
        PasswordField password = new PasswordField();
        password.setId("connection-password");
        password.textProperty().bindBidirectional(connection.passwordProperty());
        address.setMaxWidth(420);
        password.setMaxWidth(420);

        GridPane grid = form();
        grid.addRow(0, fieldLabel(l10n.text("gui.connection.address"), address), address);
        grid.addRow(1, fieldLabel(l10n.text("gui.connection.port"), port), port);
        grid.addRow(2, fieldLabel(l10n.text("gui.connection.password"), password), password);

        Button test = new Button(l10n.text("gui.connection.test"), icon(MaterialDesignL.LAN_CONNECT, 16));
        test.setId("connection-test");
        test.disableProperty().bind(connection.busyProperty());
        test.setOnAction(e -> connection.test());
        Button save = new Button(l10n.text("gui.connection.save"), icon(MaterialDesignL.LAN_CHECK, 16));
        save.setId("connection-save");
        save.disableProperty().bind(connection.busyProperty());
        save.setOnAction(e -> connection.save());
        Button own = new Button(l10n.text("gui.connection.useOwn"), icon(MaterialDesignL.LAPTOP, 16));
        own.setId("connection-own");
        own.disableProperty().bind(connection.busyProperty());
        own.setOnAction(e -> connection.useOwnDatabase());
        Label message = message(connection.messageProperty(), false);
        connection.succeededProperty().addListener((obs, old, ok) -> success(message, ok));
        HBox actions = new HBox(12, test, save, own);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label current = muted("");
        current.textProperty().bind(connection.currentProperty());
        return card(MaterialDesignL.LAN, l10n.text("gui.connection.title"),
                wrapping(l10n.text("gui.connection.text")), current, grid, actions, message);
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_WIDTH);
        labels.setPrefWidth(LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setWrapText(true);
        return label;
    }

    /** The rule's message under its field, which turns red while there is one. */
    private static Label problem(TextInputControl field, ReadOnlyStringProperty text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.DANGER);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        text.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        return label;
    }

    private static Label message(ReadOnlyStringProperty text, boolean ok) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        success(label, ok);
        return label;
    }

    private static void success(Label label, boolean ok) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        label.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
    }

    private static VBox card(Ikon ikon, String title, Node... body) {
        Label heading = new Label(title, icon(ikon, 20));
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setGraphicTextGap(8);
        VBox card = new VBox(12, heading);
        card.getChildren().addAll(body);
        card.getStyleClass().add("settings-card");
        card.setPadding(new Insets(16, 18, 18, 18));
        return card;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapping(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
