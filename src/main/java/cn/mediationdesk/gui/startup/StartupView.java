package cn.mediationdesk.gui.startup;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * What the window shows before the main window: a progress page while opening, the first-run
 * wizard, the login page, and a page saying why opening failed.
 */
public final class StartupView extends StackPane {
    private final StartupViewModel viewModel;
    private final Localization l10n;

    public StartupView(StartupViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("startup-view");
        showPhase(viewModel.phaseProperty().get());
        viewModel.phaseProperty().addListener((obs, old, now) -> showPhase(now));
    }

    private void showPhase(StartupViewModel.Phase phase) {
        Node page = switch (phase) {
            case OPENING, OPEN -> openingPage();
            case SETUP -> new SetupWizardView(viewModel.wizardProperty().get(), l10n);
            case LOGIN -> new LoginView(viewModel.loginProperty().get(), l10n);
            case FAILED -> failedPage();
        };
        getChildren().setAll(page);
    }

    private Node openingPage() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(48, 48);
        Label text = new Label();
        text.textProperty().bind(viewModel.busyTextProperty());
        text.getStyleClass().add(Styles.TITLE_4);
        Label location = Pages.muted("");
        location.textProperty().bind(viewModel.locationTextProperty());
        VBox box = new VBox(16, progress, text, location);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node failedPage() {
        OpenProblem problem = viewModel.problemProperty().get();
        Label icon = new Label(null, Pages.icon(MaterialDesignD.DATABASE_ALERT_OUTLINE, 48));
        icon.getStyleClass().add("failed-icon");
        Label title = new Label(l10n.text("gui.start.failed.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        HBox top = new HBox(16, icon, title);
        top.setAlignment(Pos.CENTER_LEFT);

        Label headline = Pages.wrapping(problem == null ? "" : problem.headline());
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        Label advice = Pages.wrapping(problem == null ? "" : problem.advice());

        Button quit = new Button(l10n.text("gui.start.failed.quit"));
        quit.setCancelButton(true);
        quit.setOnAction(e -> Platform.exit());
        HBox buttons = new HBox(10);
        if (problem == null || problem.retryMakesSense()) {
            Button retry = new Button(l10n.text("gui.start.failed.retry"), Pages.icon(MaterialDesignR.REFRESH, 18));
            retry.getStyleClass().add(Styles.ACCENT);
            retry.setDefaultButton(true);
            retry.setOnAction(e -> viewModel.retry());
            buttons.getChildren().add(retry);
        }
        if (viewModel.openedSavedConnection()) {
            Button own = new Button(l10n.text("gui.start.failed.useOwn"));
            own.setId("useOwnDatabase");
            own.setOnAction(e -> viewModel.useOwnDatabase());
            buttons.getChildren().add(own);
        }
        buttons.getChildren().add(quit);

        VBox page = new VBox(18, top, headline, advice, buttons);
        page.setPadding(new Insets(48, 24, 24, 24));
        page.setMaxWidth(Pages.PAGE_WIDTH);
        return Pages.centered(page);
    }
}
