package cn.mediationdesk.gui.data;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.BusyRow;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.gui.data.BackupViewModel.BackupRow;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.util.List;
import java.util.function.Function;

/**
 * The backup part of the Data screen: the folder, the list of backups, backing up, how many are
 * kept, and restoring. Controls and bindings only.
 */
final class BackupView extends VBox {
    private final BackupViewModel viewModel;
    private final Localization l10n;

    BackupView(BackupViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("backup-view");
        setSpacing(12);
        setPadding(new Insets(14, 16, 14, 16));
        if (!viewModel.available()) {
            Label server = new Label(viewModel.serverText(), icon(MaterialDesignS.SERVER_NETWORK, 22));
            server.setId("backupServer");
            server.setWrapText(true);
            server.setGraphicTextGap(12);
            getChildren().add(server);
            return;
        }
        TableView<BackupRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(folderRow(), explanation(), toolbar(), table, restoreRow());
        if (!viewModel.keyText().isEmpty()) {
            Label key = new Label(viewModel.keyText(), icon(MaterialDesignK.KEY_OUTLINE, 16));
            key.setId("backupKey");
            key.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            key.setWrapText(true);
            key.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(key);
        }
    }

    private Node folderRow() {
        FontIcon icon = icon(MaterialDesignF.FOLDER_ZIP_OUTLINE, 28);
        icon.getStyleClass().add("data-icon");
        Label caption = new Label(l10n.text("gui.backup.folder"));
        caption.getStyleClass().add(Styles.TEXT_BOLD);
        Label path = new Label(viewModel.folderText());
        path.setId("backupFolder");
        path.getStyleClass().add("data-location");
        path.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        path.setTooltip(new Tooltip(viewModel.folderText()));
        path.setMaxWidth(Double.MAX_VALUE);
        VBox text = new VBox(3, caption, path);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = new Button(l10n.text("gui.data.location.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.folderText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(14, icon, text, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** When backups are made and how many are kept; a row of its own, so that it wraps at the card's width. */
    private Node explanation() {
        Label explanation = new Label();
        explanation.getStyleClass().add(Styles.TEXT_MUTED);
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        explanation.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.text("gui.backup.explanation", viewModel.keptProperty().get()), viewModel.keptProperty()));
        return explanation;
    }

    private Node toolbar() {
        Button now = new Button(l10n.text("gui.backup.now"), icon(MaterialDesignC.CONTENT_SAVE_OUTLINE, 18));
        now.setId("backupNow");
        now.getStyleClass().add(Styles.ACCENT);
        now.disableProperty().bind(viewModel.busyProperty());
        now.setOnAction(e -> viewModel.backUpNow());
        Button to = new Button(l10n.text("gui.backup.toFile"), icon(MaterialDesignU.USB_FLASH_DRIVE_OUTLINE, 18));
        to.setId("backupTo");
        to.disableProperty().bind(viewModel.busyProperty());
        to.setOnAction(e -> viewModel.backUpTo());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        Spinner<Integer> keep = new Spinner<>();
        keep.setId("backupKeep");
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                viewModel.minKeep(), viewModel.maxKeep(), viewModel.keptProperty().get());
        // Typing that is no number keeps the number shown, instead of failing as the default converter does.
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    return values.getValue();
                }
            }
        });
        keep.setValueFactory(values);
        values.valueProperty().bindBidirectional(viewModel.keepProperty());
        keep.setEditable(true);
        keep.setPrefWidth(96);
        keep.disableProperty().bind(viewModel.busyProperty());
        Label before = new Label(l10n.text("gui.backup.keep.label"));
        before.setLabelFor(keep);
        before.setMinWidth(Region.USE_PREF_SIZE);
        Label after = new Label(l10n.text("gui.backup.keep.unit"));
        after.setMinWidth(Region.USE_PREF_SIZE);
        Button save = new Button(l10n.text("gui.backup.keep.save"));
        save.setId("backupKeepSave");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(viewModel.keepChangedProperty().not().or(viewModel.busyProperty()));
        save.setOnAction(e -> viewModel.applyKeep());

        HBox bar = new HBox(10, now, to, gap, before, keep, after, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<BackupRow> table() {
        TableView<BackupRow> table = TextTables.dense(viewModel.rows(), "backupTable", l10n.text("gui.backup.empty"),
                List.of(column("gui.backup.column.madeAt", BackupRow::madeAt, 170),
                        column("gui.backup.column.kind", BackupRow::kind, 110),
                        column("gui.backup.column.size", BackupRow::size, 100),
                        column("gui.backup.column.file", BackupRow::fileName, 420)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && viewModel.selectedProperty().get() != null) {
                viewModel.restoreSelected();
            }
        });
        return table;
    }

    private TableColumn<BackupRow, String> column(String key, Function<BackupRow, String> value, double width) {
        TableColumn<BackupRow, String> column = TextTables.column(l10n.text(key), value, width);
        column.setSortable(false); // newest first, always
        return column;
    }

    private Node restoreRow() {
        Button selected = new Button(l10n.text("gui.backup.restoreSelected"), icon(MaterialDesignB.BACKUP_RESTORE, 18));
        selected.setId("backupRestore");
        selected.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        selected.setOnAction(e -> viewModel.restoreSelected());
        Button file = new Button(l10n.text("gui.backup.restoreFile"), icon(MaterialDesignF.FOLDER_OPEN_OUTLINE, 18));
        file.setId("backupRestoreFile");
        file.disableProperty().bind(viewModel.busyProperty());
        file.setOnAction(e -> viewModel.restoreFromFile());

        BusyRow busyRow = new BusyRow(viewModel.busyTextProperty(), viewModel.busyProperty());

        Label message = new Label();
        message.setId("backupMessage");
        message.getStyleClass().add(Styles.SUCCESS);
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty().and(viewModel.busyProperty().not()));
        message.managedProperty().bind(message.visibleProperty());
        HBox.setHgrow(message, Priority.ALWAYS);

        Label hint = new Label(l10n.text("gui.backup.selectHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.visibleProperty().bind(viewModel.selectedProperty().isNull().and(Bindings.isNotEmpty(viewModel.rows()))
                .and(viewModel.busyProperty().not()).and(viewModel.messageProperty().isEmpty()));
        hint.managedProperty().bind(hint.visibleProperty());

        HBox row = new HBox(10, selected, file, busyRow, message, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
