package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.FxDialogService;
import cn.mediationdesk.gui.print.PrintPreviewWindows;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.LeadState;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.EnumMap;
import java.util.Map;

/**
 * The lead editor's window content: a banner with the lead's state and case number, the sections
 * that its progress has opened (scrolling), and a bar to save or close. Controls and bindings only.
 */
public final class LeadEditorView extends BorderPane {
    private static final PseudoClass REACHED = PseudoClass.getPseudoClass("reached");
    private static final PseudoClass NEXT = PseudoClass.getPseudoClass("next");

    private final LeadEditorViewModel viewModel;
    private final Localization l10n;
    private final ScrollPane scroll = new ScrollPane();
    /** The section that opens once a step is taken: where the work goes on. */
    private final Map<LeadEditorViewModel.Step, Node> sectionAfter = new EnumMap<>(LeadEditorViewModel.Step.class);
    /** The section where a step is recorded: where a click on the step leads. */
    private final Map<LeadEditorViewModel.Step, Node> sectionOf = new EnumMap<>(LeadEditorViewModel.Step.class);

    /**
     * @param closeWindow closes the window; the view calls it only once the user agreed (or nothing was unsaved)
     */
    public LeadEditorView(LeadEditorViewModel viewModel, Localization l10n, Runnable closeWindow) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("lead-editor");
        setCenter(content());
        setTop(banner());
        setBottom(bottomBar(closeWindow));
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(event)) {
                event.consume();
                save();
            }
        });
    }

    private void save() {
        if (!viewModel.busyProperty().get() && viewModel.dirtyProperty().get()) {
            viewModel.saveAll(() -> { });
        }
    }

    // ---- banner ----

    private Node banner() {
        Label title = new Label();
        title.setId("lead-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(viewModel.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label headline = new Label();
        headline.getStyleClass().add(Styles.TEXT_MUTED);
        headline.textProperty().bind(viewModel.headlineProperty());
        headline.setTextOverrun(OverrunStyle.ELLIPSIS);
        headline.setMaxWidth(Double.MAX_VALUE);
        VBox names = new VBox(2, title, headline);
        HBox.setHgrow(names, Priority.ALWAYS);
        names.setMinWidth(0);

        Label state = new Label();
        state.setId("lead-state");
        state.getStyleClass().add("lead-state");
        state.textProperty().bind(viewModel.stateTextProperty());
        state.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.stateProperty().addListener((obs, old, now) -> styleState(state, now));
        styleState(state, viewModel.stateProperty().get());

        Label due = new Label();
        due.setId("lead-banner-due");
        due.textProperty().bind(viewModel.dueTextProperty());
        due.visibleProperty().bind(due.textProperty().isNotEmpty());
        due.managedProperty().bind(due.visibleProperty());
        due.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.overdueProperty().addListener((obs, old, now) -> {
            due.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            due.getStyleClass().add(now ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        due.getStyleClass().add(Styles.TEXT_MUTED);

        Button correct = new Button(l10n.text("gui.lead.correction.start"), new FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        correct.setId("lead-correct");
        correct.setOnAction(e -> {
            viewModel.correction().start();
            scroll.setVvalue(0);
        });
        LeadForms.shownWhen(correct, Bindings.createBooleanBinding(() -> viewModel.verifiedProperty().get()
                && !viewModel.correction().activeProperty().get(), viewModel.verifiedProperty(),
                viewModel.correction().activeProperty()));
        correct.disableProperty().bind(viewModel.busyProperty());
        Button reload = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        reload.setId("lead-reload");
        reload.getStyleClass().add(Styles.BUTTON_ICON);
        reload.setTooltip(new Tooltip(l10n.text("gui.lead.reload")));
        reload.setOnAction(e -> viewModel.reload());
        LeadForms.shownWhen(reload, viewModel.registeredProperty());
        reload.disableProperty().bind(viewModel.busyProperty());

        SplitMenuButton documents = new SplitMenuButton();
        documents.setText(l10n.text("gui.print.documents"));
        documents.setGraphic(new FontIcon(MaterialDesignF.FILE_DOCUMENT_MULTIPLE_OUTLINE));
        documents.setId("lead-documents");
        documents.setTooltip(new Tooltip(l10n.text("gui.print.documents.tip")));
        documents.setOnAction(e -> showCaseFile(false));
        MenuItem fullData = new MenuItem(l10n.text("gui.print.documents.fullData"));
        fullData.setId("lead-documents-full");
        fullData.setOnAction(e -> showCaseFile(true));
        documents.getItems().add(fullData);
        LeadForms.shownWhen(documents, viewModel.registeredProperty());
        documents.disableProperty().bind(Bindings.or(viewModel.busyProperty(), viewModel.dirtyProperty()));

        HBox top = new HBox(14, names, due, state, documents, correct, reload);
        top.setAlignment(Pos.CENTER_LEFT);

        VBox banner = new VBox(10, top, stepper(), conflictStrip(), loadProblem());
        banner.getStyleClass().add("lead-banner");
        banner.setPadding(new Insets(14, 20, 12, 20));
        return banner;
    }

    private static void styleState(Label state, LeadState now) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        if (now == null) {
            return;
        }
        state.getStyleClass().add(switch (now) {
            case RESOLVED -> Styles.SUCCESS;
            case FAILED, TERMINATED, UNFOUNDED, DUPLICATE, TRANSFERRED, DECLINED -> Styles.WARNING;
            case PENDING, MEDIATING -> Styles.ACCENT;
        });
    }

    /** 登记 › 核实 › 受理 › 办结 › 回访, the steps taken so far marked. */
    private Node stepper() {
        HBox steps = new HBox(6);
        steps.setId("lead-steps");
        steps.setAlignment(Pos.CENTER_LEFT);
        LeadEditorViewModel.Step[] all = LeadEditorViewModel.Step.values();
        Label[] labels = new Label[all.length];
        for (int i = 0; i < all.length; i++) {
            Label step = new Label(viewModel.stepLabel(all[i]), new FontIcon(MaterialDesignC.CHECKBOX_BLANK_CIRCLE_OUTLINE));
            step.getStyleClass().add("lead-step");
            Node section = sectionOf.get(all[i]);
            step.setOnMouseClicked(e -> {
                if (section.isVisible()) {
                    scrollTo(section);
                }
            });
            step.setCursor(Cursor.HAND);
            labels[i] = step;
            if (i > 0) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add(Styles.TEXT_MUTED);
                steps.getChildren().add(arrow);
            }
            steps.getChildren().add(step);
        }
        Runnable mark = () -> {
            LeadEditorViewModel.Step reached = viewModel.reachedProperty().get();
            LeadEditorViewModel.Step next = viewModel.nextProperty().get();
            int last = reached == null ? -1 : reached.ordinal();
            for (int i = 0; i < labels.length; i++) {
                labels[i].pseudoClassStateChanged(REACHED, i <= last);
                labels[i].pseudoClassStateChanged(NEXT, next != null && i == next.ordinal());
                ((FontIcon) labels[i].getGraphic()).setIconCode(i <= last ? MaterialDesignC.CHECK_CIRCLE
                        : MaterialDesignC.CHECKBOX_BLANK_CIRCLE_OUTLINE);
            }
        };
        mark.run();
        viewModel.nextProperty().addListener((obs, old, now) -> mark.run());
        viewModel.reachedProperty().addListener((obs, old, now) -> {
            mark.run();
            if (old != now && viewModel.loadedProperty().get()) {
                showNextSection();
            }
        });
        // An open case opens where its work goes on; the basic facts stay a click on 登记 away.
        viewModel.loadedProperty().addListener((obs, old, now) -> {
            if (now) {
                showNextSection();
            }
        });
        return steps;
    }

    private void showNextSection() {
        LeadEditorViewModel.Step reached = viewModel.reachedProperty().get();
        Node next = reached == null ? null : sectionAfter.get(reached);
        if (next != null) {
            Platform.runLater(() -> {
                if (next.isVisible()) {
                    scrollTo(next);
                }
            });
        }
    }

    private Node conflictStrip() {
        Label text = new Label(l10n.text("gui.lead.conflict.strip"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button reload = new Button(l10n.text("gui.lead.conflict.reload"));
        reload.setId("lead-conflict-reload");
        reload.setOnAction(e -> viewModel.reload());
        HBox strip = new HBox(12, text, reload);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add("lead-conflict");
        strip.setPadding(new Insets(8, 12, 8, 12));
        return LeadForms.shownWhen(strip, viewModel.conflictProperty());
    }

    private Node loadProblem() {
        Label problem = LeadForms.shownWhenSet(viewModel.loadProblemProperty(), Styles.DANGER);
        problem.setId("lead-load-problem");
        return problem;
    }

    // ---- sections ----

    private Node content() {
        DetailsPane details = new DetailsPane(viewModel.details(), l10n);
        CasePanes cases = new CasePanes(viewModel, l10n);
        MediationPanes mediation = new MediationPanes(viewModel, l10n);
        Node verification = cases.verification();
        Node acceptance = cases.acceptance();
        Node sessions = mediation.sessions();
        Node outcome = mediation.outcome();
        RepeatPanes repeats = new RepeatPanes(viewModel, l10n);
        VBox followUps = mediation.followUps();
        followUps.getChildren().add(repeats.reopenAction());
        sectionAfter.put(LeadEditorViewModel.Step.REGISTERED, verification);
        sectionAfter.put(LeadEditorViewModel.Step.VERIFIED, acceptance);
        sectionAfter.put(LeadEditorViewModel.Step.ACCEPTED, sessions);
        sectionAfter.put(LeadEditorViewModel.Step.CLOSED, followUps);
        Node basics = details.basics();
        sectionOf.put(LeadEditorViewModel.Step.REGISTERED, basics);
        sectionOf.put(LeadEditorViewModel.Step.VERIFIED, verification);
        sectionOf.put(LeadEditorViewModel.Step.ACCEPTED, acceptance);
        sectionOf.put(LeadEditorViewModel.Step.CLOSED, outcome);
        sectionOf.put(LeadEditorViewModel.Step.FOLLOWED_UP, followUps);
        VBox sections = new VBox(14, cases.correction(), basics, details.parties(), repeats.earlierLeads(),
                repeats.riskHistory(), cases.caseRecord(), verification,
                acceptance, sessions, mediation.extension(), outcome, followUps, mediation.judicial(),
                new ReferralPane(viewModel, l10n).section(), new AttachmentsPane(viewModel, l10n).section(),
                new CaseFilePane(viewModel, l10n, () -> showCaseFile(false)).section());
        sections.setPadding(new Insets(16, 20, 24, 20));
        sections.getStyleClass().add("lead-sections");
        sections.disableProperty().bind(viewModel.loadedProperty().not());
        scroll.setContent(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("lead-scroll");
        scroll.setId("lead-scroll");
        return scroll;
    }

    /** Brings a section that just opened into view, near the top of the window. */
    private void scrollTo(Node section) {
        Node content = scroll.getContent();
        scroll.applyCss();
        scroll.layout();
        Bounds bounds = section.getBoundsInParent();
        double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (room > 0) {
            scroll.setVvalue(Math.min(1, Math.max(0, (bounds.getMinY() - 12) / room)));
        }
    }

    // ---- bottom bar ----

    private Node bottomBar(Runnable closeWindow) {
        Label status = new Label();
        status.setId("lead-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label unsaved = new Label(l10n.text("gui.lead.unsavedHint"));
        unsaved.setId("lead-unsaved");
        unsaved.getStyleClass().add(Styles.WARNING);
        LeadForms.shownWhen(unsaved, viewModel.dirtyProperty());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);

        Button save = new Button();
        save.setId("lead-save");
        save.setGraphic(new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.textProperty().bind(Bindings.createStringBinding(() -> viewModel.registeredProperty().get()
                ? l10n.text("gui.lead.save") : l10n.text("gui.lead.register"), viewModel.registeredProperty()));
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get()
                        || !viewModel.dirtyProperty().get() || !viewModel.loadedProperty().get(),
                viewModel.busyProperty(), viewModel.dirtyProperty(), viewModel.loadedProperty()));
        save.setOnAction(e -> save());
        Button close = new Button(l10n.text("gui.lead.close"));
        close.setId("lead-close-window");
        close.setOnAction(e -> viewModel.close(closeWindow));

        HBox bar = new HBox(12, status, progress, space, unsaved, save, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lead-bottom-bar");
        bar.setPadding(new Insets(10, 20, 10, 20));
        return bar;
    }

    private void showCaseFile(boolean fullPersonalData) {
        Window window = getScene().getWindow();
        PrintPreviewWindows.show(window, viewModel.caseFileTitle(),
                viewModel.caseFilePreview(new FxDialogService(window, l10n), fullPersonalData), l10n);
    }
}
