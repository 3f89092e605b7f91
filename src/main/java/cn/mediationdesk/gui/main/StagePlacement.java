package cn.mediationdesk.gui.main;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Puts the main window where it was last time, and remembers where it is when it closes. */
public final class StagePlacement {
    private final Stage stage;
    private final WindowPlacementMemory memory;
    /** The window's bounds when last neither maximized nor minimized. */
    private Rectangle2D normal;

    private StagePlacement(Stage stage, WindowPlacementMemory memory) {
        this.stage = stage;
        this.memory = memory;
    }

    /**
     * Restores the placement remembered, if its title bar lies on a current screen, and keeps the
     * placement from now on. Call after the default size and the minimum size are set.
     *
     * @return whether a remembered placement was restored
     */
    public static boolean restoreAndKeep(Stage stage, WindowPlacementMemory memory) {
        StagePlacement placement = new StagePlacement(stage, memory);
        boolean restored = placement.restore();
        placement.keep();
        return restored;
    }

    private boolean restore() {
        var screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        var fitted = memory.last().flatMap(last -> last.fittedTo(screens, stage.getMinWidth(), stage.getMinHeight()));
        fitted.ifPresent(last -> {
            stage.setMaximized(false);
            stage.setX(last.x());
            stage.setY(last.y());
            stage.setWidth(last.width());
            stage.setHeight(last.height());
            stage.setMaximized(last.maximized());
        });
        return fitted.isPresent();
    }

    private void keep() {
        normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        stage.xProperty().addListener((obs, old, now) -> noteNormalBounds());
        stage.yProperty().addListener((obs, old, now) -> noteNormalBounds());
        stage.widthProperty().addListener((obs, old, now) -> noteNormalBounds());
        stage.heightProperty().addListener((obs, old, now) -> noteNormalBounds());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> memory.remember(new WindowPlacement(normal.getMinX(),
                normal.getMinY(), normal.getWidth(), normal.getHeight(), stage.isMaximized())));
    }

    private void noteNormalBounds() {
        if (!stage.isMaximized() && !stage.isIconified() && !Double.isNaN(stage.getX()) && stage.getWidth() > 0) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }
}
