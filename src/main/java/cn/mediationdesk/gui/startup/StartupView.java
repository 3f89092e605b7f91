package cn.mediationdesk.gui.startup;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * What the window shows before a database is open: a progress page while opening, the start page
 * when there is no database yet, and a page saying why opening failed.
 */
public final class StartupView extends StackPane {
    private static final double PAGE_WIDTH = 720;

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
            case WELCOME -> welcomePage();
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
        Label location = muted("");
        location.textProperty().bind(viewModel.locationTextProperty());
        VBox box = new VBox(16, progress, text, location);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node welcomePage() {
        Label icon = new Label(null, icon(MaterialDesignS.SCALE_BALANCE, 56));
        icon.getStyleClass().add("start-icon");
        Label title = new Label(l10n.text("gui.app.name"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label subtitle = muted(l10n.text("gui.app.subtitle"));
        VBox heading = new VBox(2, title, subtitle);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox top = new HBox(18, icon, heading);
        top.setAlignment(Pos.CENTER_LEFT);

        Label intro = wrapping(l10n.text("gui.start.intro"));
        intro.getStyleClass().add("start-intro");
        Label lead = wrapping("");
        lead.textProperty().bind(viewModel.welcomeTextProperty());
        lead.getStyleClass().add(Styles.TEXT_BOLD);

        VBox page = new VBox(18, top, intro, lead, createCard());
        if (viewModel.demoAvailable()) {
            page.getChildren().add(demoCard());
        }
        Label location = muted("");
        location.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.text("gui.start.location", viewModel.locationTextProperty().get()),
                viewModel.locationTextProperty()));
        location.setWrapText(true);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        Label busy = new Label();
        busy.textProperty().bind(viewModel.busyTextProperty());
        HBox busyRow = new HBox(10, progress, busy);
        busyRow.setAlignment(Pos.CENTER_LEFT);
        busyRow.visibleProperty().bind(viewModel.busyProperty()); // space kept, so the page does not jump
        page.getChildren().addAll(busyRow, location);
        page.setMaxWidth(PAGE_WIDTH);
        page.setPadding(new Insets(36, 24, 24, 24));
        return centered(page);
    }

    private Node createCard() {
        TextField name = new TextField();
        name.setPromptText(l10n.text("gui.start.create.prompt"));
        name.textProperty().bindBidirectional(viewModel.jurisdictionNameProperty());
        name.setPrefColumnCount(20);
        name.disableProperty().bind(viewModel.busyProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button create = new Button(l10n.text("gui.start.create.button"), icon(MaterialDesignD.DATABASE_PLUS, 18));
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(viewModel.busyProperty());
        create.setOnAction(e -> viewModel.createJurisdiction());
        name.setOnAction(e -> viewModel.createJurisdiction());
        Label nameLabel = new Label(l10n.text("gui.start.create.name"));
        nameLabel.setLabelFor(name);
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, nameLabel, name, create);
        row.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(viewModel.nameProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        name.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        problem.textProperty().addListener((obs, old, now) ->
                name.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));

        Platform.runLater(name::requestFocus);
        return card(MaterialDesignD.DATABASE_PLUS, l10n.text("gui.start.create.title"),
                l10n.text("gui.start.create.text"), row, problem);
    }

    private Node demoCard() {
        Button demo = new Button(l10n.text("gui.start.demo.button"), icon(MaterialDesignT.TABLE_EYE, 18));
        demo.disableProperty().bind(viewModel.busyProperty());
        demo.setOnAction(e -> viewModel.loadDemo());
        return card(MaterialDesignT.TABLE_EYE, l10n.text("gui.start.demo.title"), l10n.text("gui.start.demo.text"),
                demo);
    }

    private Node card(Ikon ikon, String title, String text, Node... body) {
        Label heading = new Label(title, icon(ikon, 20));
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setGraphicTextGap(8);
        VBox card = new VBox(10, heading, wrapping(text));
        card.getChildren().addAll(body);
        card.getStyleClass().add("start-card");
        card.setPadding(new Insets(16, 18, 16, 18));
        return card;
    }

    private Node failedPage() {
        OpenProblem problem = viewModel.problemProperty().get();
        Label icon = new Label(null, icon(MaterialDesignD.DATABASE_ALERT_OUTLINE, 48));
        icon.getStyleClass().add("failed-icon");
        Label title = new Label(l10n.text("gui.start.failed.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        HBox top = new HBox(16, icon, title);
        top.setAlignment(Pos.CENTER_LEFT);

        Label headline = wrapping(problem == null ? "" : problem.headline());
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        Label advice = wrapping(problem == null ? "" : problem.advice());

        Button quit = new Button(l10n.text("gui.start.failed.quit"));
        quit.setCancelButton(true);
        quit.setOnAction(e -> Platform.exit());
        HBox buttons = new HBox(10);
        if (problem == null || problem.retryMakesSense()) {
            Button retry = new Button(l10n.text("gui.start.failed.retry"), icon(MaterialDesignR.REFRESH, 18));
            retry.getStyleClass().add(Styles.ACCENT);
            retry.setDefaultButton(true);
            retry.setOnAction(e -> viewModel.retry());
            buttons.getChildren().add(retry);
        }
        buttons.getChildren().add(quit);

        VBox page = new VBox(18, top, headline, advice, buttons);
        page.setMaxWidth(PAGE_WIDTH);
        page.setPadding(new Insets(48, 24, 24, 24));
        return centered(page);
    }

    /** The page in a column in the middle, scrolling if the window is very small. */
    private static Node centered(VBox page) {
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

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
