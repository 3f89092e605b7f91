package cn.mediationdesk.gui.agenda;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The agenda's settings as a card of the 设置 screen. Controls and bindings only. */
public final class AgendaSettingsCard extends VBox {

    public AgendaSettingsCard(AgendaSettingsViewModel viewModel, Localization l10n) {
        super(12);
        setId("agenda-settings");
        getStyleClass().add("settings-card");
        setPadding(new Insets(16, 18, 18, 18));
        FontIcon icon = new FontIcon(MaterialDesignC.CALENDAR_CLOCK);
        icon.setIconSize(20);
        Label heading = new Label(l10n.text("gui.agenda.settings.title"), icon);
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setGraphicTextGap(8);
        Label text = wrapping(l10n.text("gui.agenda.settings.text"));

        TextField warn = field("agenda-warn-days", viewModel.warnDaysProperty().getValue());
        warn.textProperty().bindBidirectional(viewModel.warnDaysProperty());
        TextField followUp = field("agenda-follow-up-days", "");
        followUp.textProperty().bindBidirectional(viewModel.followUpDaysProperty());
        GridPane grid = new GridPane(12, 6);
        grid.addRow(0, label(l10n.text("field.AGENDA_WARN_DAYS")), days(warn, l10n));
        grid.add(problem(viewModel.warnDaysProblemProperty()), 1, 1);
        grid.addRow(2, label(l10n.text("field.FOLLOW_UP_DAYS")), days(followUp, l10n));
        grid.add(problem(viewModel.followUpDaysProblemProperty()), 1, 3);
        getChildren().addAll(heading, text, grid);

        if (viewModel.canChange()) {
            Button save = new Button(l10n.text("gui.agenda.settings.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
            save.setId("save-agenda-settings");
            save.getStyleClass().add(Styles.ACCENT);
            save.disableProperty().bind(viewModel.busyProperty());
            save.setOnAction(e -> viewModel.save());
            Label message = wrapping("");
            message.textProperty().bind(viewModel.messageProperty());
            viewModel.savedProperty().addListener((obs, old, ok) -> {
                message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
                message.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            });
            HBox actions = new HBox(12, save, message);
            actions.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(actions);
        } else {
            warn.setDisable(true);
            followUp.setDisable(true);
            Label note = new Label(l10n.text("gui.agenda.settings.adminOnly"), new FontIcon(MaterialDesignL.LOCK_OUTLINE));
            note.getStyleClass().add(Styles.WARNING);
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(note);
        }
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(4);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        return field;
    }

    private static HBox days(TextField field, Localization l10n) {
        HBox row = new HBox(8, field, new Label(l10n.text("gui.agenda.settings.unit")));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label problem(javafx.beans.value.ObservableStringValue text) {
        Label label = wrapping("");
        label.textProperty().bind(text);
        label.getStyleClass().add(Styles.DANGER);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
