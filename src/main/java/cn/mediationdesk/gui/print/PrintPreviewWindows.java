package cn.mediationdesk.gui.print;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.concurrent.Callable;

/** Opens each print preview in a window of its own, beside the window it was asked from. */
public final class PrintPreviewWindows implements PrintPreviews {
    private final Window owner;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    public PrintPreviewWindows(Window owner, Localization l10n, TaskExecutor executor, DialogService dialogs) {
        this.owner = owner;
        this.l10n = l10n;
        this.executor = executor;
        this.dialogs = dialogs;
    }

    @Override
    public void open(String title, Callable<Printout> printout) {
        show(owner, title, new PrintPreviewViewModel(printout, l10n, executor, dialogs), l10n);
    }

    /** Shows {@code viewModel}'s pages in a window of their own, beside {@code owner}, and starts making them. */
    public static void show(Window owner, String title, PrintPreviewViewModel viewModel, Localization l10n) {
        Scene scene = new Scene(new PrintPreviewView(viewModel, l10n), 1000, 700);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.getIcons().setAll(owner instanceof Stage main ? main.getIcons() : java.util.List.of());
        }
        stage.setTitle(l10n.text("gui.print.windowTitle", title));
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.show();
        viewModel.load();
    }
}
