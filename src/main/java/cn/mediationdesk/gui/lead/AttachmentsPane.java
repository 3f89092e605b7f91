package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.attachment.Thumbnails;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.awt.Desktop;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;
import static cn.mediationdesk.gui.lead.LeadForms.shownWhen;

/** 附件: thumbnails in a flow, the form to add files (or drop them here) and to describe one anew. Controls only. */
final class AttachmentsPane {
    private final LeadEditorViewModel editor;
    private final AttachmentsSectionViewModel vm;
    private final Localization l10n;

    AttachmentsPane(LeadEditorViewModel editor, Localization l10n) {
        this.editor = editor;
        this.vm = editor.attachments();
        this.l10n = l10n;
    }

    VBox section() {
        FlowPane flow = new FlowPane(12, 12);
        flow.setId("lead-attachments");
        Runnable fill = () -> {
            flow.getChildren().clear();
            if (vm.tiles().isEmpty()) {
                flow.getChildren().add(LeadForms.muted(l10n.text("gui.attachments.none")));
            }
            vm.tiles().forEach(tile -> flow.getChildren().add(tile(tile)));
        };
        fill.run();
        vm.tiles().addListener((ListChangeListener<AttachmentTile>) change -> fill.run());

        GridPane addForm = LeadForms.grid();
        add(addForm, field(l10n.text("gui.attachments.kind"), LeadForms.combo(FXCollections.observableArrayList(vm.kinds()),
                vm.newKindProperty(), vm::kindLabel, "lead-attachment-kind"), null), 0, 0, 1);
        add(addForm, field(l10n.text("gui.attachments.note"), LeadForms.text(vm.newNoteProperty(), "lead-attachment-note",
                l10n.text("gui.attachments.note.prompt")), null), 1, 0, 2);
        Button choose = button(l10n.text("gui.attachments.add"), MaterialDesignP.PAPERCLIP, "lead-attachment-add",
                () -> chooseFiles(addForm));
        choose.getStyleClass().add(Styles.ACCENT);
        VBox adding = shownWhen(new VBox(8, addForm, LeadForms.actions(choose,
                LeadForms.muted(l10n.text("gui.attachments.limits")))), vm.editableProperty());

        VBox editForm = editForm();
        Label problem = LeadForms.error(vm.problemProperty());
        Label notice = LeadForms.shownWhenSet(vm.noticeProperty(), Styles.TEXT_MUTED);
        VBox section = LeadForms.section("lead-section-attachments", l10n.text("gui.attachments.section"),
                MaterialDesignP.PAPERCLIP, editor.registeredProperty(), flow, editForm, adding, problem, notice);
        acceptDroppedFiles(section);
        return section;
    }

    private Button button(String text, Ikon icon, String id, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(vm.workingProperty());
        return button;
    }

    private Button small(Ikon icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(vm.workingProperty());
        return button;
    }

    private Node tile(AttachmentTile tile) {
        StackPane picture = new StackPane();
        picture.setMinSize(Thumbnails.SIZE, Thumbnails.SIZE);
        picture.setPrefSize(Thumbnails.SIZE, Thumbnails.SIZE);
        picture.getStyleClass().add("attachment-picture");
        Runnable draw = () -> picture.getChildren().setAll(picture(tile));
        draw.run();
        tile.pictureProperty().addListener((obs, old, now) -> draw.run());

        Label kind = new Label(vm.kindLabel(tile.attachment().kind()));
        kind.getStyleClass().add(Styles.TEXT_BOLD);
        Label note = new Label(tile.attachment().note() == null ? "" : tile.attachment().note());
        note.setWrapText(true);
        note.setVisible(tile.attachment().note() != null);
        note.setManaged(note.isVisible());
        Label name = new Label(tile.attachment().fileName());
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setTooltip(new Tooltip(tile.attachment().fileName() + "\n" + vm.typeLine(tile.attachment())));
        HBox buttons = new HBox(2,
                small(MaterialDesignO.OPEN_IN_NEW, l10n.text("gui.attachments.open"), () -> vm.openCopy(tile, this::view)),
                small(MaterialDesignC.CONTENT_SAVE_OUTLINE, l10n.text("gui.attachments.saveCopy"), () -> vm.saveCopy(tile)),
                shownWhen(small(MaterialDesignP.PENCIL_OUTLINE, l10n.text("gui.attachments.edit"), () -> vm.edit(tile)),
                        vm.editableProperty()),
                shownWhen(small(MaterialDesignD.DELETE_OUTLINE, l10n.text("gui.attachments.remove"), () -> vm.remove(tile)),
                        vm.editableProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, picture, kind, note, name, buttons);
        box.setMaxWidth(Thumbnails.SIZE + 16);
        box.setPrefWidth(Thumbnails.SIZE + 16);
        box.getStyleClass().add("attachment-tile");
        return box;
    }

    private Node picture(AttachmentTile tile) {
        return switch (tile.pictureProperty().get()) {
            case SHOWN -> {
                ImageView view = new ImageView(new Image(new ByteArrayInputStream(tile.thumbnailProperty().get())));
                view.setPreserveRatio(true);
                yield view;
            }
            case LOADING -> LeadForms.muted(l10n.text("gui.attachments.drawing"));
            case DAMAGED -> {
                Label damaged = new Label(l10n.text("gui.attachments.damaged"), new FontIcon(MaterialDesignA.ALERT_OUTLINE));
                damaged.getStyleClass().add(Styles.DANGER);
                yield damaged;
            }
            case NONE -> new Label(vm.typeLine(tile.attachment()), new FontIcon(
                    tile.attachment().mediaType().equals("application/pdf") ? MaterialDesignF.FILE_PDF_BOX
                            : MaterialDesignF.FILE_IMAGE_OUTLINE));
        };
    }

    private VBox editForm() {
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.attachments.kind"), LeadForms.combo(FXCollections.observableArrayList(vm.kinds()),
                vm.editKindProperty(), vm::kindLabel, "lead-attachment-edit-kind"), null), 0, 0, 1);
        add(form, field(l10n.text("gui.attachments.note"), LeadForms.text(vm.editNoteProperty(),
                "lead-attachment-edit-note", l10n.text("gui.attachments.note.prompt")), null), 1, 0, 3);
        Label title = new Label();
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null ? ""
                : l10n.text("gui.attachments.editing", vm.editingProperty().get().attachment().fileName()),
                vm.editingProperty()));
        Button save = button(l10n.text("gui.attachments.edit.save"), MaterialDesignC.CHECK, "lead-attachment-edit-save",
                vm::saveEdit);
        save.getStyleClass().add(Styles.ACCENT);
        Button cancel = button(l10n.text("gui.attachments.edit.cancel"), MaterialDesignC.CLOSE,
                "lead-attachment-edit-cancel", vm::cancelEdit);
        return shownWhen(new VBox(8, title, form, LeadForms.actions(save, cancel)),
                Bindings.createBooleanBinding(() -> vm.editingProperty().get() != null, vm.editingProperty()));
    }

    private void chooseFiles(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.text("gui.attachments.choose"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(l10n.text("gui.attachments.choose.scans"),
                        "*.pdf", "*.PDF", "*.jpg", "*.JPG", "*.jpeg", "*.JPEG", "*.png", "*.PNG"),
                new FileChooser.ExtensionFilter(l10n.text("gui.attachments.choose.all"), "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (files != null) {
            vm.addFiles(files.stream().map(File::toPath).toList());
        }
    }

    /** Files dragged from the desktop onto the section are attached as if chosen. */
    private void acceptDroppedFiles(VBox section) {
        section.setOnDragOver(event -> {
            if (vm.editableProperty().get() && !vm.workingProperty().get() && event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        section.setOnDragDropped(event -> {
            boolean taken = vm.editableProperty().get() && event.getDragboard().hasFiles();
            if (taken) {
                vm.addFiles(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }

    /** Opens the copy with the system's program for its type, away from the FX thread (it may take a while). */
    private void view(Path copy) {
        Thread opener = new Thread(() -> {
            try {
                if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    throw new IOException("no desktop");
                }
                Desktop.getDesktop().open(copy.toFile());
            } catch (IOException | RuntimeException e) {
                Platform.runLater(vm::cannotOpen);
            }
        }, "open-attachment");
        opener.setDaemon(true);
        opener.start();
    }
}
