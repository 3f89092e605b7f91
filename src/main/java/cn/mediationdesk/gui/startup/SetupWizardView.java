package cn.mediationdesk.gui.startup;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.MonospaceFont;
import cn.mediationdesk.gui.startup.SetupWizardViewModel.Step;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The first-run wizard: a step indicator, the current step's card, and Back / Next (or Finish). */
final class SetupWizardView extends StackPane {
    private final SetupWizardViewModel viewModel;
    private final Localization l10n;
    private final StackPane stepHolder = new StackPane();
    private final HBox indicator = new HBox(8);
    private final Button back = new Button();
    private final Button next = new Button();

    SetupWizardView(SetupWizardViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;

        VBox page = new VBox(18, Pages.heading(l10n.text("gui.app.name"), l10n.text("gui.app.subtitle")));
        if (viewModel.existingJurisdiction().isEmpty()) {
            Label intro = Pages.wrapping(l10n.text("gui.start.intro"));
            intro.getStyleClass().add("start-intro");
            page.getChildren().add(intro);
        }
        Label welcome = Pages.wrapping(viewModel.welcomeText());
        welcome.getStyleClass().add(Styles.TEXT_BOLD);
        page.getChildren().add(welcome);
        if (viewModel.steps().size() > 1) {
            indicator.setAlignment(Pos.CENTER_LEFT);
            page.getChildren().add(indicator);
        }
        page.getChildren().addAll(stepHolder, buttons(), busyRow(), location());
        page.setPadding(new Insets(32, 24, 24, 24));
        page.setMaxWidth(Pages.PAGE_WIDTH);
        getChildren().add(Pages.centered(page));

        showStep(viewModel.stepProperty().get());
        viewModel.stepProperty().addListener((obs, old, now) -> showStep(now));
        viewModel.recoveryCodeProperty().addListener((obs, old, code) -> {
            if (!code.isEmpty()) {
                getChildren().setAll(recoveryPage(code));
            }
        });
    }

    /** The new database's recovery code, shown this once, large, for the office to copy onto paper. */
    private Node recoveryPage(String code) {
        Label codeLabel = new Label(code);
        codeLabel.setId("recovery-code");
        codeLabel.getStyleClass().add("recovery-code");
        codeLabel.setStyle(MonospaceFont.style(24, true));
        codeLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox codeBox = new HBox(codeLabel);
        codeBox.setAlignment(Pos.CENTER);
        codeBox.getStyleClass().add("recovery-code-box");
        codeBox.setPadding(new Insets(14, 12, 14, 12));

        CheckBox copied = new CheckBox(l10n.text("gui.wizard.recovery.copied"));
        copied.setId("recovery-copied");
        copied.getStyleClass().add(Styles.TEXT_BOLD);
        copied.selectedProperty().bindBidirectional(viewModel.codeCopiedProperty());
        Button proceed = new Button(l10n.text("gui.wizard.recovery.continue"), Pages.icon(MaterialDesignA.ARROW_RIGHT, 18));
        proceed.setId("recovery-continue");
        proceed.setContentDisplay(ContentDisplay.RIGHT);
        proceed.getStyleClass().add(Styles.ACCENT);
        proceed.setDefaultButton(true);
        proceed.disableProperty().bind(viewModel.codeCopiedProperty().not());
        proceed.setOnAction(e -> viewModel.continueAfterRecoveryCode());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(10, copied, gap, proceed);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label once = Pages.wrapping(l10n.text("gui.wizard.recovery.once"));
        once.getStyleClass().add(Styles.WARNING);
        VBox card = Pages.card(MaterialDesignS.SHIELD_KEY_OUTLINE, l10n.text("gui.wizard.recovery.title"),
                Pages.wrapping(l10n.text("gui.wizard.recovery.text")), codeBox, once);
        VBox page = new VBox(18, Pages.heading(l10n.text("gui.app.name"), l10n.text("gui.app.subtitle")), card, actions,
                location());
        page.setPadding(new Insets(32, 24, 24, 24));
        page.setMaxWidth(Pages.PAGE_WIDTH);
        focus(copied);
        return Pages.centered(page);
    }

    private void showStep(Step step) {
        Node card = switch (step) {
            case JURISDICTION -> jurisdictionCard();
            case ADMINISTRATOR -> administratorCard();
            case DATA -> dataCard();
        };
        stepHolder.getChildren().setAll(card);
        back.setVisible(viewModel.canGoBack());
        next.setText(viewModel.isLastStep() ? l10n.text("gui.start.create.button") : l10n.text("gui.wizard.next"));
        next.setGraphic(Pages.icon(viewModel.isLastStep() ? MaterialDesignC.CHECK : MaterialDesignA.ARROW_RIGHT, 18));
        next.setContentDisplay(viewModel.isLastStep() ? ContentDisplay.LEFT : ContentDisplay.RIGHT);
        updateIndicator(step);
    }

    private void updateIndicator(Step current) {
        indicator.getChildren().clear();
        var steps = viewModel.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add("wizard-step-number");
            Label name = new Label(stepName(step), number);
            name.getStyleClass().add("wizard-step");
            if (step == current) {
                name.getStyleClass().add("current");
            } else if (i < steps.indexOf(current)) {
                name.getStyleClass().add("done");
            }
            indicator.getChildren().add(name);
            if (i < steps.size() - 1) {
                Region line = new Region();
                line.getStyleClass().add("wizard-step-line");
                line.setPrefWidth(36);
                line.setMaxHeight(2);
                line.setMinHeight(2);
                indicator.getChildren().add(line);
            }
        }
        Label count = Pages.muted(l10n.text("gui.wizard.stepOf", viewModel.stepNumber(), steps.size()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        indicator.getChildren().addAll(gap, count);
    }

    private String stepName(Step step) {
        return switch (step) {
            case JURISDICTION -> l10n.text("gui.wizard.step.jurisdiction");
            case ADMINISTRATOR -> l10n.text("gui.wizard.step.administrator");
            case DATA -> l10n.text("gui.wizard.step.data");
        };
    }

    private Node jurisdictionCard() {
        TextField name = new TextField();
        name.setId("jurisdiction-name");
        name.setPromptText(l10n.text("gui.start.create.prompt"));
        name.textProperty().bindBidirectional(viewModel.jurisdictionNameProperty());
        name.setPrefColumnCount(20);
        name.setOnAction(e -> viewModel.next());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox row = new HBox(10, Pages.fieldLabel(l10n.text("gui.start.create.name"), name), name);
        row.setAlignment(Pos.CENTER_LEFT);
        focus(name);
        return Pages.card(MaterialDesignD.DATABASE_PLUS, l10n.text("gui.start.create.title"),
                Pages.wrapping(l10n.text("gui.start.create.text")), row,
                Pages.problem(name, viewModel.jurisdictionNameProblemProperty()));
    }

    private Node administratorCard() {
        TextField username = new TextField();
        username.setId("admin-username");
        username.setPromptText(l10n.text("gui.wizard.admin.usernamePrompt"));
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        TextField displayName = new TextField();
        displayName.setId("admin-display-name");
        displayName.setPromptText(l10n.text("gui.wizard.admin.displayNamePrompt"));
        displayName.textProperty().bindBidirectional(viewModel.displayNameProperty());
        PasswordField password = new PasswordField();
        password.setId("admin-password");
        password.setPromptText(l10n.text("gui.wizard.admin.passwordPrompt"));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("admin-password-repeat");
        repeat.textProperty().bindBidirectional(viewModel.passwordRepeatProperty());
        repeat.setOnAction(e -> viewModel.next());

        GridPane grid = Pages.form();
        Pages.addField(grid, l10n.text("gui.wizard.admin.username"), username, viewModel.usernameProblemProperty());
        Pages.addField(grid, l10n.text("gui.wizard.admin.displayName"), displayName, viewModel.displayNameProblemProperty());
        Pages.addField(grid, l10n.text("gui.wizard.admin.password"), password, viewModel.passwordProblemProperty());
        Pages.addField(grid, l10n.text("gui.wizard.admin.passwordRepeat"), repeat, viewModel.passwordRepeatProblemProperty());
        for (Node field : new Node[] {username, displayName, password, repeat}) {
            field.disableProperty().bind(viewModel.busyProperty());
        }
        focus(username);
        return Pages.card(MaterialDesignA.ACCOUNT_KEY_OUTLINE, l10n.text("gui.wizard.admin.title"),
                Pages.wrapping(l10n.text("gui.wizard.admin.text")), grid);
    }

    private Node dataCard() {
        ToggleGroup group = new ToggleGroup();
        RadioButton empty = new RadioButton(l10n.text("gui.wizard.data.empty"));
        empty.setId("start-empty");
        empty.setToggleGroup(group);
        RadioButton demo = new RadioButton(l10n.text("gui.start.demo.button"));
        demo.setId("load-demo");
        demo.setToggleGroup(group);
        (viewModel.loadDemoProperty().get() ? demo : empty).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> viewModel.loadDemoProperty().set(now == demo));
        empty.getStyleClass().add(Styles.TEXT_BOLD);
        demo.getStyleClass().add(Styles.TEXT_BOLD);
        empty.disableProperty().bind(viewModel.busyProperty());
        demo.disableProperty().bind(viewModel.busyProperty());

        Label emptyText = indented(l10n.text("gui.wizard.data.emptyText", viewModel.jurisdictionNameProperty().get().strip()));
        Label demoText = indented(l10n.text("gui.start.demo.text"));
        Label demoNote = indented(l10n.text("gui.wizard.data.demoNote", viewModel.jurisdictionNameProperty().get().strip()));
        demoNote.getStyleClass().add(Styles.TEXT_MUTED);
        focus(next); // a choice is made already: Enter finishes
        return Pages.card(MaterialDesignM.MAP_MARKER_RADIUS_OUTLINE, l10n.text("gui.wizard.data.title"),
                new VBox(4, empty, emptyText), new VBox(4, demo, demoText, demoNote));
    }

    private static Label indented(String text) {
        Label label = Pages.wrapping(text);
        label.setPadding(new Insets(0, 0, 0, 28));
        return label;
    }

    private Node buttons() {
        back.setText(l10n.text("gui.wizard.back"));
        back.setGraphic(Pages.icon(MaterialDesignA.ARROW_LEFT, 18));
        back.setOnAction(e -> viewModel.back());
        back.disableProperty().bind(viewModel.busyProperty());
        back.managedProperty().bind(back.visibleProperty());
        next.setId("wizard-next");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(viewModel.busyProperty());
        next.setOnAction(e -> viewModel.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(10, back, gap, next);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node busyRow() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        Label busy = new Label();
        busy.textProperty().bind(viewModel.busyTextProperty());
        HBox row = new HBox(10, progress, busy);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(viewModel.busyProperty()); // space kept, so the page does not jump
        return row;
    }

    private Node location() {
        Label location = Pages.muted(l10n.text("gui.start.location", viewModel.locationText()));
        location.setWrapText(true);
        return location;
    }

    private static void focus(Node node) {
        Platform.runLater(node::requestFocus);
    }
}
