package cn.mediationdesk.gui.startup;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The login page: the jurisdiction, username and password, and why a try was refused. */
final class LoginView extends StackPane {

    LoginView(LoginViewModel viewModel, Localization l10n) {
        TextField username = new TextField();
        username.setId("login-username");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        username.setOnAction(e -> password.requestFocus());
        password.setOnAction(e -> viewModel.logIn());
        username.disableProperty().bind(viewModel.busyProperty());
        password.disableProperty().bind(viewModel.busyProperty());

        GridPane grid = Pages.form();
        Pages.addField(grid, l10n.text("gui.login.username"), username, viewModel.usernameProblemProperty());
        Pages.addField(grid, l10n.text("gui.login.password"), password, viewModel.passwordProblemProperty());

        Label message = Pages.wrapping("");
        message.setId("login-message");
        message.getStyleClass().add(Styles.DANGER);
        message.setGraphic(Pages.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE, 18));
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        // After a refusal the password field is empty again: put the cursor there.
        viewModel.messageProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                Platform.runLater(password::requestFocus);
            }
        });

        Button logIn = new Button(l10n.text("gui.login.button"), Pages.icon(MaterialDesignL.LOGIN, 18));
        logIn.setId("login-button");
        logIn.getStyleClass().add(Styles.ACCENT);
        logIn.setDefaultButton(true);
        logIn.disableProperty().bind(viewModel.busyProperty());
        logIn.setOnAction(e -> viewModel.logIn());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        Label busy = new Label(l10n.text("gui.login.busy"), progress);
        busy.visibleProperty().bind(viewModel.busyProperty());
        HBox actions = new HBox(14, logIn, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label intro = Pages.wrapping(l10n.text("gui.login.text", viewModel.jurisdictionName()));
        VBox card = Pages.card(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE, l10n.text("gui.login.title"),
                intro, grid, message, actions);
        card.setMaxWidth(480);

        // The second step after a password an administrator set: a new one, twice.
        PasswordField chosen = new PasswordField();
        chosen.setId("login-new-password");
        chosen.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("login-new-password-repeat");
        repeat.textProperty().bindBidirectional(viewModel.newPasswordRepeatProperty());
        chosen.setOnAction(e -> repeat.requestFocus());
        repeat.setOnAction(e -> viewModel.changePassword());
        GridPane changeGrid = Pages.form();
        Pages.addField(changeGrid, l10n.text("gui.settings.password.new"), chosen, viewModel.newPasswordProblemProperty());
        Pages.addField(changeGrid, l10n.text("gui.settings.password.repeat"), repeat, viewModel.repeatProblemProperty());
        Button change = new Button(l10n.text("gui.login.change.button"), Pages.icon(MaterialDesignL.LOCK_RESET, 18));
        change.setId("login-change-button");
        change.getStyleClass().add(Styles.ACCENT);
        change.disableProperty().bind(viewModel.busyProperty());
        change.setOnAction(e -> viewModel.changePassword());
        Button back = new Button(l10n.text("gui.login.change.back"));
        back.setId("login-change-back");
        back.disableProperty().bind(viewModel.busyProperty());
        back.setOnAction(e -> viewModel.cancelChange());
        HBox changeActions = new HBox(14, change, back);
        changeActions.setAlignment(Pos.CENTER_LEFT);
        Label changeText = Pages.wrapping(l10n.text("gui.login.change.text"));
        for (javafx.scene.Node node : new javafx.scene.Node[] {intro, grid, actions}) {
            node.visibleProperty().bind(viewModel.mustChangeProperty().not());
            node.managedProperty().bind(node.visibleProperty());
        }
        for (javafx.scene.Node node : new javafx.scene.Node[] {changeText, changeGrid, changeActions}) {
            node.visibleProperty().bind(viewModel.mustChangeProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        card.getChildren().add(1, changeText);
        card.getChildren().addAll(changeGrid, changeActions);
        viewModel.mustChangeProperty().addListener((obs, old, now) -> {
            if (now) {
                change.setDefaultButton(true);
                logIn.setDefaultButton(false);
                Platform.runLater(chosen::requestFocus);
            } else {
                change.setDefaultButton(false);
                logIn.setDefaultButton(true);
            }
        });

        Label location = Pages.muted(l10n.text("gui.start.location", viewModel.locationText()));
        location.setWrapText(true);
        VBox page = new VBox(22, Pages.heading(l10n.text("gui.app.name"), l10n.text("gui.app.subtitle")), card,
                location);
        page.setPadding(new Insets(48, 24, 24, 24));
        page.setMaxWidth(520);
        getChildren().add(Pages.centered(page));
        Platform.runLater(username::requestFocus);
    }
}
