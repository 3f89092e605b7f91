package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.l10n.Localization;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Dialogs as JavaFX alerts, owned by the main window and worded through the bundles. */
public final class FxDialogService implements DialogService {
    private static final double NOTICE_WIDTH = 360;
    private static final Duration NOTICE_TIME = Duration.seconds(8);
    private final Window owner;
    private final Localization l10n;

    public FxDialogService(Window owner, Localization l10n) {
        this.owner = owner;
        this.l10n = l10n;
    }

    @Override
    public void showError(String title, String header, String message) {
        show(Alert.AlertType.ERROR, title, header, message);
    }

    @Override
    public void showInformation(String title, String header, String message) {
        show(Alert.AlertType.INFORMATION, title, header, message);
    }

    /** A ControlsFX notification at the bottom right of the main window that fades after a few seconds. */
    @Override
    public void notifyDone(String title, String header, String message) {
        Label text = new Label(message == null || message.isBlank() ? header
                : header + System.lineSeparator() + message);
        text.setWrapText(true);
        text.setMaxWidth(NOTICE_WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        Notifications notice = Notifications.create().title(title).graphic(text).position(Pos.BOTTOM_RIGHT)
                .hideAfter(NOTICE_TIME);
        if (owner != null && owner.isShowing()) {
            notice.owner(owner);
        }
        notice.show();
    }

    @Override
    public int ask(String title, String header, String message, List<String> answers) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ButtonBar.ButtonData data = i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : i == answers.size() - 1 ? ButtonBar.ButtonData.CANCEL_CLOSE : ButtonBar.ButtonData.OTHER;
            buttons.add(new ButtonType(answers.get(i), data));
        }
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header, message, buttons.toArray(ButtonType[]::new));
        int chosen = alert.showAndWait().map(buttons::indexOf).orElse(-1);
        return chosen < 0 ? answers.size() - 1 : chosen;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialFileName, String filterDescription,
                                         String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(initialFileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterDescription, "*." + extension));
        File chosen = chooser.showSaveDialog(owner != null && owner.isShowing() ? owner : null);
        if (chosen == null) {
            return Optional.empty();
        }
        // Some platforms' dialogs do not add the extension when the user types a bare name.
        String suffix = "." + extension;
        String name = chosen.getName();
        return Optional.of(name.toLowerCase(Locale.ROOT).endsWith(suffix) ? chosen.toPath()
                : chosen.toPath().resolveSibling(name + suffix));
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterDescription, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(filterDescription, "*." + extension,
                        "*." + extension.toUpperCase(Locale.ROOT)),
                new FileChooser.ExtensionFilter(l10n.text("gui.dialog.allFiles"), "*.*"));
        File chosen = chooser.showOpenDialog(owner != null && owner.isShowing() ? owner : null);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<String> askText(String title, String header, String message, String initialText) {
        Dialog<String> dialog = new Dialog<>();
        if (owner != null && owner.isShowing()) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        TextField field = new TextField(initialText);
        field.setId("dialog-text");
        // A dialog is a window of its own, without the application's stylesheet: codes read best monospaced.
        field.setStyle(MonospaceFont.style(16, false));
        VBox content = new VBox(12, text, field);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(560);
        ButtonType ok = new ButtonType(l10n.text("gui.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(l10n.text("gui.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(button -> button == ok ? field.getText() : null);
        dialog.setResizable(true);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }

    private void show(Alert.AlertType type, String title, String header, String message) {
        ButtonType ok = new ButtonType(l10n.text("gui.dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        alert(type, title, header, message, ok).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        // A wrapping label instead of the content text, so long paths and advice are never cut off.
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(520);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setMinWidth(560);
        alert.setResizable(true);
        return alert;
    }
}
