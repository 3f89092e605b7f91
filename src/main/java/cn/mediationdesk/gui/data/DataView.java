package cn.mediationdesk.gui.data;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.Scrolling;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Data screen: where the database is, the ledger import wizard with its four steps, and for
 * administrators the backups on a tab beside it. Controls and bindings only.
 */
public final class DataView extends VBox {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final DataViewModel viewModel;
    private final ImportWizardViewModel wizard;
    private final Localization l10n;
    /** Where the file chooser opens: the folder of the last file chosen. */
    private File lastFolder;

    public DataView(DataViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.wizard = viewModel.importWizard();
        this.l10n = l10n;
        getStyleClass().add("data-view");
        setSpacing(12);
        setPadding(new Insets(20, 24, 16, 24));

        Label title = new Label(l10n.text("gui.data.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = muted(l10n.text("gui.data.intro"));
        Node wizardCard = wizardCard();
        Node work = viewModel.offersBackups() || viewModel.offersPackages() || viewModel.offersSharing() ? tabs(wizardCard) : wizardCard;
        VBox.setVgrow(work, Priority.ALWAYS);
        getChildren().addAll(new VBox(4, title, intro), locationCard(), work);
    }

    /** Administrators get the backups beside the import, each on a tab of its own; everyone the packages. */
    private Node tabs(Node wizardCard) {
        // each tab scrolls on its own: a tab squeezed by a short screen would cut its lower buttons off
        Tab importTab = new Tab(l10n.text("gui.data.import.title"), Scrolling.fitted(wizardCard));
        importTab.setGraphic(new FontIcon(MaterialDesignT.TABLE_ARROW_LEFT));
        TabPane tabs = new TabPane(importTab);
        tabs.setId("dataTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("data-tabs");
        if (viewModel.offersPackages()) {
            packageTab(tabs);
        }
        if (!viewModel.offersBackups()) {
            return tabs;
        }
        BackupViewModel backups = viewModel.backups();
        BackupView backupView = new BackupView(backups, l10n);
        backupView.getStyleClass().add("data-card");
        Tab backupTab = new Tab(l10n.text("gui.backup.tab"), Scrolling.fitted(backupView));
        backupTab.setId("backupTab");
        backupTab.setGraphic(new FontIcon(MaterialDesignB.BACKUP_RESTORE));
        tabs.getTabs().add(backupTab);
        if (viewModel.offersSharing()) {
            SharingView sharingView = new SharingView(viewModel.sharing(), l10n);
            sharingView.getStyleClass().add("data-card");
            Tab sharingTab = new Tab(l10n.text("gui.share.tab"), Scrolling.fitted(sharingView));
            sharingTab.setId("sharingTab");
            sharingTab.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignL.LAN));
            tabs.getTabs().add(sharingTab);
        }
        // The list is read each time it is looked at: the window makes backups of its own meanwhile.
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == backupTab) {
                backups.load();
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && tabs.getSelectionModel().getSelectedItem() == backupTab) {
                backups.load();
            }
        });
        backups.load();
        return tabs;
    }

    /** 数据包: exchange packages, read afresh each time the tab is looked at (packages arrive meanwhile). */
    private void packageTab(TabPane tabs) {
        PackageViewModel packages = viewModel.packages();
        PackageView packageView = new PackageView(packages, l10n);
        packageView.getStyleClass().add("data-card");
        packageView.setPadding(new Insets(14, 16, 14, 16));
        Tab packageTab = new Tab(l10n.text("gui.package.tab"), Scrolling.fitted(packageView));
        packageTab.setId("packageTab");
        packageTab.setGraphic(new FontIcon(MaterialDesignP.PACKAGE_VARIANT_CLOSED));
        tabs.getTabs().add(packageTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == packageTab) {
                packages.load();
            }
        });
    }

    // ---- where the data lives ----

    private Node locationCard() {
        FontIcon icon = new FontIcon(MaterialDesignD.DATABASE_OUTLINE);
        icon.setIconSize(28);
        icon.getStyleClass().add("data-icon");
        Label caption = new Label(l10n.text("gui.data.location.title"));
        caption.getStyleClass().add(Styles.TEXT_BOLD);
        Label jurisdiction = muted(viewModel.jurisdictionText());
        HBox captionRow = new HBox(12, caption, jurisdiction);
        captionRow.setAlignment(Pos.BASELINE_LEFT);
        Label path = new Label(viewModel.location());
        path.setId("databaseLocation");
        path.getStyleClass().add("data-location");
        // A long path loses its beginning, never the file name; the tooltip has it whole.
        path.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        path.setTooltip(new Tooltip(viewModel.location()));
        path.setMaxWidth(Double.MAX_VALUE);
        Label explanation = muted(viewModel.locationExplanation());
        VBox text = new VBox(3, captionRow, path, explanation);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);

        Button copy = new Button(l10n.text("gui.data.location.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.location());
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox card = new HBox(14, icon, text, copy);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add("data-card");
        card.setPadding(new Insets(12, 16, 12, 16));
        return card;
    }

    // ---- the wizard ----

    private Node wizardCard() {
        Label title = new Label(l10n.text("gui.data.import.title"), new FontIcon(MaterialDesignT.TABLE_ARROW_LEFT));
        title.getStyleClass().add(Styles.TITLE_4);
        Label intro = muted(l10n.text("gui.data.import.intro"));

        StackPane content = new StackPane();
        VBox.setVgrow(content, Priority.ALWAYS);
        // Scrolls on a low window (1366×768 at 125 %), so that the wizard's buttons below stay in view.
        ScrollPane choose = new ScrollPane(chooseStep());
        choose.setFitToWidth(true);
        choose.getStyleClass().add("edge-to-edge");
        Node mapColumns = new ColumnMappingView(wizard, l10n);
        Node preview = previewStep();
        Node check = checkStep();
        Node done = importStep();
        Runnable show = () -> content.getChildren().setAll(switch (wizard.stepProperty().get()) {
            case CHOOSE_FILE -> choose;
            case MAP_COLUMNS -> mapColumns;
            case PREVIEW -> preview;
            case CHECK -> check;
            case IMPORT -> done;
        });
        show.run();
        wizard.stepProperty().addListener((obs, old, now) -> show.run());

        VBox card = new VBox(12, new VBox(2, title, intro), stepIndicator(), content, buttonBar());
        card.getStyleClass().add("data-card");
        card.setPadding(new Insets(14, 16, 14, 16));
        return card;
    }

    /** ① 选择文件 › ② 预览 › ③ 检查 › ④ 导入, the current step marked. */
    private Node stepIndicator() {
        HBox steps = new HBox(8);
        steps.setAlignment(Pos.CENTER_LEFT);
        steps.getStyleClass().add("wizard-steps");
        List<Label> labels = new ArrayList<>();
        for (ImportStep step : wizard.steps()) {
            if (!labels.isEmpty()) {
                FontIcon arrow = new FontIcon(MaterialDesignC.CHEVRON_RIGHT);
                arrow.getStyleClass().add("wizard-arrow");
                steps.getChildren().add(arrow);
            }
            Label number = new Label(Integer.toString(step.ordinal() + 1));
            number.getStyleClass().add("wizard-step-number");
            Label label = new Label(wizard.stepLabel(step), number);
            label.getStyleClass().add("wizard-step");
            labels.add(label);
            steps.getChildren().add(label);
        }
        Runnable mark = () -> {
            int current = wizard.stepProperty().get().ordinal();
            for (int i = 0; i < labels.size(); i++) {
                labels.get(i).pseudoClassStateChanged(CURRENT, i == current);
                labels.get(i).pseudoClassStateChanged(DONE, i < current);
            }
        };
        mark.run();
        wizard.stepProperty().addListener((obs, old, now) -> mark.run());
        return steps;
    }

    private Node buttonBar() {
        Button cancel = new Button(l10n.text("gui.data.action.cancel"));
        cancel.setId("importCancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(wizard.canCancelProperty().not());
        cancel.visibleProperty().bind(wizard.stepProperty().isNotEqualTo(ImportStep.IMPORT));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> wizard.cancel());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        Label busy = new Label();
        busy.textProperty().bind(wizard.busyTextProperty());
        HBox busyRow = new HBox(8, progress, busy);
        busyRow.setAlignment(Pos.CENTER_LEFT);
        busyRow.visibleProperty().bind(wizard.busyProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button back = new Button(l10n.text("gui.data.action.back"), new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("importBack");
        back.disableProperty().bind(wizard.canGoBackProperty().not());
        back.visibleProperty().bind(wizard.stepProperty().isEqualTo(ImportStep.PREVIEW)
                .or(wizard.stepProperty().isEqualTo(ImportStep.MAP_COLUMNS))
                .or(wizard.stepProperty().isEqualTo(ImportStep.CHECK)));
        back.managedProperty().bind(back.visibleProperty());
        back.setOnAction(e -> wizard.back());

        Button recheck = new Button(l10n.text("gui.data.action.recheck"), new FontIcon(MaterialDesignR.REFRESH));
        recheck.setId("importRecheck");
        recheck.visibleProperty().bind(wizard.stepProperty().isEqualTo(ImportStep.CHECK));
        recheck.managedProperty().bind(recheck.visibleProperty());
        recheck.disableProperty().bind(wizard.busyProperty());
        recheck.setOnAction(e -> wizard.recheck());

        Button next = new Button();
        next.setId("importNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> wizard.nextLabel(wizard.stepProperty().get()),
                wizard.stepProperty()));
        next.setGraphic(new FontIcon(MaterialDesignA.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.disableProperty().bind(wizard.canGoNextProperty().not());
        next.visibleProperty().bind(wizard.stepProperty().isNotEqualTo(ImportStep.IMPORT));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> wizard.next());

        Button another = new Button(l10n.text("gui.data.action.another"), new FontIcon(MaterialDesignF.FILE_PLUS_OUTLINE));
        another.setId("importAnother");
        another.visibleProperty().bind(wizard.stepProperty().isEqualTo(ImportStep.IMPORT)
                .and(wizard.importingProperty().not()));
        another.managedProperty().bind(another.visibleProperty());
        another.setOnAction(e -> wizard.startOver());

        // Each step hands the keyboard to its way forward; otherwise the focus falls on "cancel"
        // when the step's own controls leave the scene, and Enter would abandon the wizard.
        Runnable focus = () -> Platform.runLater(() -> {
            if (next.isVisible() && !next.isDisabled()) {
                next.requestFocus();
            } else if (another.isVisible()) {
                another.requestFocus();
            } else {
                back.getParent().requestFocus();
            }
        });
        wizard.stepProperty().addListener((obs, old, now) -> focus.run());
        wizard.busyProperty().addListener((obs, old, now) -> {
            if (!now) {
                focus.run();
            }
        });
        HBox bar = new HBox(10, cancel, busyRow, spacer, back, recheck, next, another);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    // ---- step 1: the file ----

    private Node chooseStep() {
        TextField file = new TextField();
        file.setId("importFile");
        file.setPromptText(l10n.text("gui.data.file.prompt"));
        file.textProperty().bindBidirectional(wizard.fileTextProperty());
        file.disableProperty().bind(wizard.busyProperty());
        file.setOnAction(e -> wizard.next());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(l10n.text("gui.data.file.browse"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.disableProperty().bind(wizard.busyProperty());
        browse.setOnAction(e -> chooseFile());
        // The template beside the file: a row of its own would push the wizard's buttons off a 614-pixel-high window.
        MenuButton template = new MenuButton(l10n.text("gui.data.template.download"),
                new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
        template.setId("importTemplate");
        template.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem csv = new MenuItem(l10n.text("gui.data.template.csv"));
        csv.setOnAction(e -> saveTemplate("csv"));
        MenuItem xlsx = new MenuItem(l10n.text("gui.data.template.xlsx"));
        xlsx.setOnAction(e -> saveTemplate("xlsx"));
        template.getItems().addAll(xlsx, csv);
        HBox fileRow = new HBox(8, file, browse, template);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        Label templateMessage = boundLabel(wizard.templateMessageProperty(), Styles.TEXT_SMALL,
                MaterialDesignF.FILE_DOCUMENT_OUTLINE);

        ComboBox<ImportEncoding> encoding = new ComboBox<>(FXCollections.observableArrayList(wizard.encodings()));
        encoding.setConverter(labels(wizard::encodingLabel));
        encoding.valueProperty().bindBidirectional(wizard.encodingProperty());
        encoding.disableProperty().bind(wizard.busyProperty());
        HBox encodingRow = new HBox(10, encoding, small(l10n.text("gui.data.encoding.hint")));
        encodingRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox createMissing = new CheckBox(l10n.text("gui.data.createMissing"));
        createMissing.selectedProperty().bindBidirectional(wizard.createMissingProperty());
        createMissing.disableProperty().bind(wizard.busyProperty());

        VBox problems = new VBox(4);
        problems.setId("importFileProblems");
        Runnable listProblems = () -> {
            problems.getChildren().clear();
            for (String line : wizard.fileProblems()) {
                Label label = new Label(line, new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
                label.getStyleClass().add(Styles.DANGER);
                label.setWrapText(true);
                problems.getChildren().add(label);
            }
        };
        wizard.fileProblems().addListener((ListChangeListener<String>) c -> listProblems.run());
        problems.visibleProperty().bind(Bindings.isNotEmpty(wizard.fileProblems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Label help = small(wizard.formatHelp());
        help.getStyleClass().add("format-help");

        VBox step = new VBox(14,
                field(l10n.text("gui.data.file.label"), fileRow),
                templateMessage,
                problems,
                field(l10n.text("gui.data.encoding.label"), encodingRow),
                new VBox(4, createMissing, small(l10n.text("gui.data.createMissing.hint"))),
                help);
        step.setPadding(new Insets(4, 0, 0, 0));
        return step;
    }

    /** Asks where to save an empty ledger template, then has it written off the FX thread. */
    private void saveTemplate(String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.text("gui.data.template.chooserTitle"));
        chooser.setInitialFileName(l10n.text("gui.data.template.fileName") + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            lastFolder = chosen.getParentFile();
            Path path = chosen.toPath();
            if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
                path = path.resolveSibling(path.getFileName() + "." + extension);
            }
            wizard.writeTemplate(path);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.text("gui.data.file.chooserTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(l10n.text("gui.data.file.filter.ledger"), "*.csv", "*.xlsx", "*.xls",
                        "*.CSV", "*.XLSX", "*.XLS"),
                new FileChooser.ExtensionFilter(l10n.text("gui.data.file.filter.all"), "*.*"));
        String typed = wizard.fileTextProperty().get();
        File folder = lastFolder;
        if (typed != null && !typed.isBlank()) {
            try {
                Path parent = Path.of(typed.strip()).getParent();
                if (parent != null && Files.isDirectory(parent)) {
                    folder = parent.toFile();
                }
            } catch (RuntimeException ignored) {
                // a half-typed path: open where we opened last time
            }
        }
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            lastFolder = chosen.getParentFile();
            wizard.fileTextProperty().set(chosen.getAbsolutePath());
        }
    }

    // ---- step 2: the preview ----

    private Node previewStep() {
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(wizard.previewSummaryProperty());
        summary.setWrapText(true);
        Label unknown = boundLabel(wizard.unknownColumnsProperty(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE);
        Label missing = boundLabel(wizard.missingColumnsProperty(), Styles.DANGER, MaterialDesignA.ALERT_CIRCLE_OUTLINE);

        TableView<PreviewRow> table = new TableView<>(wizard.previewRows());
        table.setId("importPreview");
        table.getStyleClass().addAll("preview-table", Styles.STRIPED, Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(""));
        Runnable columns = () -> {
            List<TableColumn<PreviewRow, ?>> all = new ArrayList<>();
            TableColumn<PreviewRow, Integer> number = new TableColumn<>(l10n.text("gui.data.column.row"));
            number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
            number.getStyleClass().add("row-number");
            number.setPrefWidth(56);
            number.setSortable(false);
            all.add(number);
            for (PreviewColumn column : wizard.previewColumns()) {
                TableColumn<PreviewRow, String> tc = new TableColumn<>();
                Label header = new Label(wizard.columnTitle(column));
                header.setTooltip(new Tooltip(wizard.columnTip(column)));
                if (column.recognised()) {
                    header.setGraphic(new FontIcon(MaterialDesignC.CHECK));
                    header.getStyleClass().add("recognised-column");
                } else {
                    tc.getStyleClass().add("ignored-column");
                    header.getStyleClass().add("ignored-column-header");
                }
                tc.setGraphic(header);
                tc.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(column.index())));
                tc.setSortable(false);
                tc.setPrefWidth(Math.max(widthOf(column.column()), headerWidth(header)));
                all.add(tc);
            }
            table.getColumns().setAll(all);
        };
        wizard.previewColumns().addListener((ListChangeListener<PreviewColumn>) c -> columns.run());
        columns.run();
        VBox.setVgrow(table, Priority.ALWAYS);

        return new VBox(8, summary, unknown, missing, table);
    }

    /** Room for a typical value: summaries and committee names are long, codes and dates short. */
    private static double widthOf(LedgerColumn column) {
        if (column == null) {
            return 110;
        }
        return switch (column) {
            case SUMMARY -> 260;
            case COMMITTEE, PARTIES, TRANSFERRED_TO -> 190;
            default -> 110;
        };
    }

    /** Wide enough for a header's text, its mark and the theme's padding: "verification" is no "veri…". */
    private static double headerWidth(Label header) {
        Text text = new Text(header.getText());
        text.setFont(header.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth()) + (header.getGraphic() == null ? 30 : 52);
    }

    // ---- step 3: the check ----

    private Node checkStep() {
        Label headline = new Label();
        headline.setId("checkHeadline");
        headline.setWrapText(true);
        headline.textProperty().bind(wizard.checkHeadlineProperty());
        headline.getStyleClass().add(Styles.TITLE_4);
        Runnable style = () -> {
            headline.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            headline.getStyleClass().add(wizard.checkPassedProperty().get() ? Styles.SUCCESS : Styles.DANGER);
            headline.setGraphic(new FontIcon(wizard.checkPassedProperty().get()
                    ? MaterialDesignC.CHECK_CIRCLE_OUTLINE : MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        };
        style.run();
        wizard.checkPassedProperty().addListener((obs, old, now) -> style.run());
        headline.visibleProperty().bind(headline.textProperty().isNotEmpty());
        headline.managedProperty().bind(headline.visibleProperty());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(56, 56);
        Label busyText = new Label();
        busyText.textProperty().bind(wizard.busyTextProperty());
        Label cancelHint = muted(l10n.text("gui.data.check.cancelHint"));
        VBox running = new VBox(12, progress, busyText, cancelHint);
        running.setAlignment(Pos.CENTER);
        running.visibleProperty().bind(wizard.busyProperty());
        running.managedProperty().bind(running.visibleProperty());
        VBox.setVgrow(running, Priority.ALWAYS);

        VBox summary = lines(wizard.checkSummary(), MaterialDesignC.CHECK);
        summary.setId("checkSummary");
        Label confirm = muted(l10n.text("gui.data.check.confirmHint"));
        VBox passed = new VBox(10, summary, confirm);
        passed.visibleProperty().bind(wizard.checkPassedProperty().and(wizard.busyProperty().not()));
        passed.managedProperty().bind(passed.visibleProperty());

        TableView<ProblemRow> problems = new TableView<>(wizard.problems());
        problems.setId("importProblems");
        problems.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE);
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ProblemRow, Integer> row = new TableColumn<>(l10n.text("gui.data.column.row"));
        row.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row()));
        row.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : value == 0 ? l10n.text("gui.data.column.wholeFile")
                        : value.toString());
            }
        });
        row.setPrefWidth(70);
        row.setMaxWidth(90);
        TableColumn<ProblemRow, String> column = new TableColumn<>(l10n.text("gui.data.column.column"));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column()));
        column.setPrefWidth(110);
        column.setMaxWidth(160);
        TableColumn<ProblemRow, String> message = new TableColumn<>(l10n.text("gui.data.column.problem"));
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        message.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                // A long message is cut at the column's edge; the tooltip has it whole.
                setTooltip(empty || value == null ? null : new Tooltip(value));
            }
        });
        message.setPrefWidth(600);
        problems.getColumns().setAll(List.of(row, column, message));
        problems.setPlaceholder(new Label(""));
        VBox.setVgrow(problems, Priority.ALWAYS);
        Button copy = new Button(l10n.text("gui.data.check.copyProblems"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(wizard.problemsText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label fixHint = muted(l10n.text("gui.data.check.fixHint"));
        HBox.setHgrow(fixHint, Priority.ALWAYS);
        HBox problemTools = new HBox(12, fixHint, copy);
        problemTools.setAlignment(Pos.CENTER_LEFT);
        Label missingText = new Label(l10n.text("gui.data.check.missingOrganization"),
                new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        missingText.getStyleClass().add(Styles.WARNING);
        missingText.setWrapText(true);
        HBox.setHgrow(missingText, Priority.ALWAYS);
        Button createMissing = new Button(l10n.text("gui.data.check.createMissing"),
                new FontIcon(MaterialDesignP.PLUS_BOX_MULTIPLE_OUTLINE));
        createMissing.setId("importCreateMissing");
        createMissing.setMinWidth(Region.USE_PREF_SIZE);
        createMissing.setOnAction(e -> wizard.createMissingAndRecheck());
        HBox missingRow = new HBox(12, missingText, createMissing);
        missingRow.setAlignment(Pos.CENTER_LEFT);
        missingRow.visibleProperty().bind(wizard.organizationMissingProperty());
        missingRow.managedProperty().bind(missingRow.visibleProperty());
        Label correctionsText = new Label(l10n.text(wizard.mayCorrect() ? "gui.data.check.corrections"
                : "gui.data.check.correctionsNotAllowed"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        correctionsText.getStyleClass().add(Styles.WARNING);
        correctionsText.setWrapText(true);
        HBox.setHgrow(correctionsText, Priority.ALWAYS);
        Button applyCorrections = new Button(l10n.text("gui.data.check.applyCorrections"),
                new FontIcon(MaterialDesignH.HISTORY));
        applyCorrections.setId("importApplyCorrections");
        applyCorrections.setMinWidth(Region.USE_PREF_SIZE);
        applyCorrections.setOnAction(e -> wizard.applyCorrectionsAndRecheck());
        applyCorrections.setVisible(wizard.mayCorrect());
        applyCorrections.setManaged(wizard.mayCorrect());
        HBox correctionsRow = new HBox(12, correctionsText, applyCorrections);
        correctionsRow.setAlignment(Pos.CENTER_LEFT);
        correctionsRow.visibleProperty().bind(wizard.correctionsNeededProperty());
        correctionsRow.managedProperty().bind(correctionsRow.visibleProperty());
        VBox failed = new VBox(8, problemTools, missingRow, correctionsRow, problems);
        failed.visibleProperty().bind(Bindings.isNotEmpty(wizard.problems()).and(wizard.busyProperty().not()));
        failed.managedProperty().bind(failed.visibleProperty());
        VBox.setVgrow(failed, Priority.ALWAYS);

        return new VBox(12, running, headline, passed, failed);
    }

    // ---- step 4: the import ----

    private Node importStep() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(56, 56);
        Label busyText = new Label();
        busyText.textProperty().bind(wizard.busyTextProperty());
        Label wait = muted(l10n.text("gui.data.import.wait"));
        VBox running = new VBox(12, progress, busyText, wait);
        running.setAlignment(Pos.CENTER);
        running.visibleProperty().bind(wizard.importingProperty());
        running.managedProperty().bind(running.visibleProperty());
        VBox.setVgrow(running, Priority.ALWAYS);

        Label headline = new Label();
        headline.setId("importHeadline");
        headline.textProperty().bind(wizard.importHeadlineProperty());
        headline.getStyleClass().addAll(Styles.TITLE_3, Styles.SUCCESS);
        headline.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        headline.setWrapText(true);
        VBox report = lines(wizard.importReport(), MaterialDesignC.CHECK);
        report.setId("importReport");
        Label next = muted(l10n.text("gui.data.import.nextHint"));
        VBox done = new VBox(12, headline, report, next);
        done.visibleProperty().bind(wizard.importedProperty().isNotNull());
        done.managedProperty().bind(done.visibleProperty());
        return new VBox(12, running, done);
    }

    // ---- small pieces ----

    private static VBox lines(ObservableList<String> texts, Ikon ikon) {
        VBox box = new VBox(6);
        Runnable fill = () -> {
            box.getChildren().clear();
            for (String text : texts) {
                Label label = new Label(text, new FontIcon(ikon));
                label.setWrapText(true);
                box.getChildren().add(label);
            }
        };
        fill.run();
        texts.addListener((ListChangeListener<String>) c -> fill.run());
        return box;
    }

    private static Label boundLabel(javafx.beans.value.ObservableStringValue text, String style, Ikon ikon) {
        Label label = new Label(null, new FontIcon(ikon));
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static VBox field(String caption, Node input) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setLabelFor(input);
        return new VBox(6, label, input);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        // all its lines, also where the screen is short: the tab below gives way (it scrolls)
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label small(String text) {
        Label label = muted(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        return label;
    }

    private static <T> StringConverter<T> labels(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
