package cn.mediationdesk.gui.data;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.BusyRow;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.gui.data.PackageViewModel.ConflictLine;
import cn.mediationdesk.gui.data.PackageViewModel.ReceivedLine;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.List;
import java.util.function.Function;

/** The 数据包 tab of the Data screen: export, import, the office key, packages received, conflicts. Controls and bindings only. */
final class PackageView extends VBox {
    private final PackageViewModel viewModel;
    private final Localization l10n;

    PackageView(PackageViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("package-view");
        setSpacing(12);
        Label intro = new Label(l10n.text("gui.package.intro"));
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(intro, exportRow());
        if (viewModel.mayImport()) {
            getChildren().add(importRow());
        }
        getChildren().add(statusRow());
        Label receivedTitle = new Label(l10n.text("gui.package.received.title"));
        receivedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<ReceivedLine> receivedTable = receivedTable();
        Label conflictsTitle = new Label(l10n.text("gui.package.conflicts.title"));
        conflictsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<ConflictLine> conflictTable = conflictTable();
        VBox.setVgrow(receivedTable, Priority.ALWAYS);
        VBox.setVgrow(conflictTable, Priority.ALWAYS);
        getChildren().addAll(receivedTitle, receivedTable, conflictsTitle, conflictTable, conflictButtons());
    }

    private Node exportRow() {
        ComboBox<Committee> committee = new ComboBox<>(viewModel.committees());
        committee.setId("packageCommittee");
        committee.valueProperty().bindBidirectional(viewModel.committeeProperty());
        committee.setConverter(new StringConverter<>() {
            @Override
            public String toString(Committee c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Committee fromString(String text) {
                return null;
            }
        });
        DatePicker since = new DatePicker();
        since.setId("packageSince");
        since.setPromptText(l10n.text("gui.package.since.all"));
        since.valueProperty().bindBidirectional(viewModel.sinceProperty());
        since.setPrefWidth(150);
        Label key = new Label();
        key.setId("packageOfficeKey");
        key.getStyleClass().add(Styles.TEXT_MUTED);
        key.textProperty().bind(Bindings.createStringBinding(() -> viewModel.officeKeyProperty().get() == null
                ? l10n.text("gui.package.officeKey.none")
                : l10n.text("gui.package.officeKey.chosen", viewModel.officeKeyProperty().get().getFileName()),
                viewModel.officeKeyProperty()));
        Button chooseKey = new Button(l10n.text("gui.package.officeKey.chooseButton"), icon(MaterialDesignK.KEY_OUTLINE));
        chooseKey.setOnAction(e -> viewModel.chooseOfficeKey());
        Button clearKey = new Button(l10n.text("gui.package.officeKey.clear"));
        clearKey.disableProperty().bind(viewModel.officeKeyProperty().isNull());
        clearKey.setOnAction(e -> viewModel.clearOfficeKey());
        Button export = new Button(l10n.text("gui.package.export"), icon(MaterialDesignE.EXPORT));
        export.setId("packageExport");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(viewModel.committeeProperty().isNull().or(viewModel.busyProperty()));
        export.setOnAction(e -> viewModel.export());
        // wraps rather than cut labels short on a narrow (1024-pixel) screen; each label stays with its field
        HBox encryption = new HBox(10, chooseKey, key, clearKey);
        encryption.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(10, 8, labelled("gui.package.committee", committee),
                labelled("gui.package.since", since), encryption, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox labelled(String key, Node field) {
        HBox pair = new HBox(6, new Label(l10n.text(key)), field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }

    private Node importRow() {
        Button importButton = new Button(l10n.text("gui.package.import"), icon(MaterialDesignP.PACKAGE_DOWN));
        importButton.setId("packageImport");
        importButton.getStyleClass().add(Styles.ACCENT);
        importButton.disableProperty().bind(viewModel.busyProperty());
        importButton.setOnAction(e -> viewModel.importPackage());
        Button officeKey = new Button(l10n.text("gui.package.officeKey.export"), icon(MaterialDesignK.KEY_CHAIN));
        officeKey.setId("packageOfficeKeyExport");
        officeKey.disableProperty().bind(viewModel.busyProperty());
        officeKey.setOnAction(e -> viewModel.exportOfficeKey());
        HBox row = new HBox(10, importButton, officeKey);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node statusRow() {
        BusyRow busyRow = new BusyRow(viewModel.busyTextProperty(), viewModel.busyProperty());
        Label message = new Label();
        message.setId("packageMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty().and(viewModel.busyProperty().not()));
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(4, busyRow, message);
    }

    private TableView<ReceivedLine> receivedTable() {
        TableView<ReceivedLine> table = TextTables.dense(viewModel.received(), "packageReceived",
                l10n.text("gui.package.received.empty"), List.of(
                        column("gui.package.column.committee", ReceivedLine::committee, 220),
                        column("gui.package.column.receivedAt", ReceivedLine::receivedAt, 140),
                        column("gui.package.column.coversTo", ReceivedLine::coversTo, 100),
                        column("gui.package.column.counts", ReceivedLine::counts, 300),
                        column("gui.package.column.fingerprint", ReceivedLine::fingerprint, 260)));
        return table;
    }

    private TableView<ConflictLine> conflictTable() {
        TableView<ConflictLine> table = TextTables.dense(viewModel.conflicts(), "packageConflicts",
                l10n.text("gui.package.conflicts.empty"), List.of(
                        column("gui.package.column.committee", ConflictLine::committee, 200),
                        column("gui.package.column.lead", ConflictLine::label, 200),
                        column("gui.package.column.detectedAt", ConflictLine::detectedAt, 140),
                        column("gui.package.column.versions", ConflictLine::versions, 160),
                        column("gui.package.column.status", ConflictLine::status, 90),
                        column("gui.package.column.differences", ConflictLine::differences, 320)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                viewModel.selectedConflictProperty().set(now));
        return table;
    }

    private Node conflictButtons() {
        Button reviewed = new Button(l10n.text("gui.package.conflict.markReviewed"), icon(MaterialDesignC.CHECK));
        reviewed.setId("packageReviewed");
        reviewed.disableProperty().bind(viewModel.selectedConflictProperty().isNull().or(viewModel.busyProperty()));
        reviewed.setVisible(viewModel.mayImport());
        reviewed.setManaged(viewModel.mayImport());
        reviewed.setOnAction(e -> viewModel.markReviewed());
        HBox row = new HBox(10, reviewed);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        return TextTables.column(l10n.text(key), value, width);
    }

    private static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(18);
        return icon;
    }
}
