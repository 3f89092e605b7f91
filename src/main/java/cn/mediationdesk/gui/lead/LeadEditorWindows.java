package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.FxDialogService;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.beans.binding.Bindings;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Opens the lead editor in windows of its own, owned by the main window: one per lead (opening a
 * lead already open brings its window forward) and one per new lead. Saves are announced through
 * the context's {@link cn.mediationdesk.gui.common.LedgerEvents}.
 */
public final class LeadEditorWindows implements LeadOpener {
    private static final String STYLESHEET = "/cn/mediationdesk/gui/mediationdesk.css";
    /** Each further window opens a little lower and to the right, so that none hides another entirely. */
    private static final double CASCADE = 28;

    private final Window owner;
    private LeadEditorContext context;
    private final Map<Stage, LeadEditorViewModel> windows = new LinkedHashMap<>();
    private final Map<UUID, Stage> byLead = new HashMap<>();

    /**
     * @param owner the main window (the editors close with it), or {@code null}
     */
    public LeadEditorWindows(Window owner, LeadEditorContext context) {
        this.owner = owner;
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Windows opened from now on speak {@code l10n}; those open already keep their language (and their typing). */
    public void useLocalization(Localization l10n) {
        context = new LeadEditorContext(context.lifecycle(), context.store(), l10n, context.clock(), context.executor(),
                context.events());
    }

    @Override
    public void open(UUID leadId) {
        Stage shown = byLead.get(Objects.requireNonNull(leadId, "leadId"));
        if (shown != null) {
            shown.setIconified(false);
            shown.toFront();
            shown.requestFocus();
            return;
        }
        openWindow(leadId);
    }

    @Override
    public void openNew() {
        openWindow(null);
    }

    private Stage openWindow(UUID leadId) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
        }
        LeadEditorViewModel viewModel = new LeadEditorViewModel(context, new FxDialogService(stage, context.l10n()), leadId);
        viewModel.useOpener(this);
        LeadEditorView view = new LeadEditorView(viewModel, context.l10n(), stage::close);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.concat(viewModel.titleProperty(), " — ", context.l10n().text("gui.lead.window")));
        size(stage, windows.size());
        stage.setOnCloseRequest(event -> {
            event.consume(); // the view model decides, after asking about unsaved changes
            viewModel.close(stage::close);
        });
        stage.setOnHidden(event -> {
            windows.remove(stage);
            byLead.values().remove(stage);
        });
        // A new lead's window becomes that lead's window once it is registered.
        viewModel.leadIdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                byLead.putIfAbsent(now, stage);
            }
        });
        windows.put(stage, viewModel);
        if (leadId != null) {
            byLead.put(leadId, stage);
        }
        stage.show();
        viewModel.load();
        return stage;
    }

    /** Fits a 1366×768 screen with room to see the main window behind; never larger than comfortable. */
    private void size(Stage stage, int alreadyOpen) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1120, screen.getWidth() - 40);
        double height = Math.min(860, screen.getHeight() - 24);
        stage.setMinWidth(Math.min(760, width));
        stage.setMinHeight(Math.min(520, height));
        stage.setWidth(width);
        stage.setHeight(height);
        double offset = (alreadyOpen % 6) * CASCADE;
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - width) / 2 - CASCADE * 2) + offset);
        stage.setY(screen.getMinY() + Math.min(12 + offset, Math.max(0, screen.getHeight() - height)));
    }

    /**
     * Closes every editor window, asking in each that holds unsaved changes. Returns false when one
     * stays open (the user chose to stay, or its changes are still being saved): the caller should
     * then not close the main window.
     */
    public boolean closeAll() {
        for (Map.Entry<Stage, LeadEditorViewModel> entry : new ArrayList<>(windows.entrySet())) {
            Stage stage = entry.getKey();
            if (entry.getValue().dirtyProperty().get()) {
                stage.toFront();
            }
            entry.getValue().close(stage::close);
            if (stage.isShowing()) {
                return false;
            }
        }
        return true;
    }

    /** The windows open now, oldest first. */
    public List<Stage> windows() {
        return List.copyOf(windows.keySet());
    }

    /** The editor of a window opened here; for tests and for screens that look into a window. */
    public LeadEditorViewModel viewModelOf(Stage stage) {
        return windows.get(stage);
    }
}
