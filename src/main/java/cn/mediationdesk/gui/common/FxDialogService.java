package cn.mediationdesk.gui.common;

import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/** Dialogs as JavaFX alerts, owned by the main window and worded through the bundles. */
public final class FxDialogService implements DialogService {
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
