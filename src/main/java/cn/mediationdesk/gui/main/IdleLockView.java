package cn.mediationdesk.gui.main;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The page that covers the window while it is locked: the user's password, or log out instead. */
public final class IdleLockView extends StackPane {

    public IdleLockView(IdleLockViewModel viewModel, Localization l10n) {
        getStyleClass().add("idle-lock");
        setStyle("-fx-background-color: -color-bg-default;");
        FontIcon lock = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
        lock.setIconSize(48);
        Label title = new Label(l10n.text("gui.lock.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(viewModel.lockText());
        text.setWrapText(true);

        PasswordField password = new PasswordField();
        password.setId("lock-password");
        password.setPromptText(l10n.text("gui.login.password"));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        password.disableProperty().bind(viewModel.busyProperty());
        password.setOnAction(e -> viewModel.unlock());
        Label message = new Label();
        message.setId("lock-message");
        message.setWrapText(true);
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Button unlock = new Button(l10n.text("gui.lock.unlock"), new FontIcon(MaterialDesignL.LOCK_OPEN_OUTLINE));
        unlock.setId("lock-unlock");
        unlock.getStyleClass().add(Styles.ACCENT);
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(viewModel.busyProperty());
        unlock.setOnAction(e -> viewModel.unlock());
        Button logOut = new Button(l10n.text("gui.lock.logOut"), new FontIcon(MaterialDesignL.LOGOUT));
        logOut.setId("lock-log-out");
        logOut.disableProperty().bind(viewModel.busyProperty());
        logOut.setOnAction(e -> viewModel.logOutInstead());
        HBox actions = new HBox(12, unlock, logOut);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(14, lock, title, text, password, message, actions);
        card.setMaxWidth(420);
        card.setMaxHeight(USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.getStyleClass().add("start-card");
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        visibleProperty().addListener((obs, old, shown) -> {
            if (shown) {
                Platform.runLater(password::requestFocus);
            }
        });
    }
}
