package cn.mediationdesk.gui.main;

import javafx.geometry.Rectangle2D;

import java.util.List;
import java.util.Optional;

/**
 * Where the main window was and how large, as it is kept between runs. The bounds are those of the
 * window when it was last not maximized, so that un-maximizing a restored window gives it back.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** How much of the title bar must lie on a screen for the user to grab it and move the window. */
    private static final double GRIP_WIDTH = 120;
    private static final double GRIP_HEIGHT = 24;

    /**
     * This placement made to fit the screens there are now: empty when its title bar lies on none of
     * them (a monitor since disconnected, a projector no longer attached) or the numbers are
     * nonsense; otherwise no larger than the screen it is on, and moved fully onto it.
     *
     * @param screens   the visual bounds of every current screen
     * @param minWidth  the window's smallest width, kept even on a smaller screen
     * @param minHeight the window's smallest height
     */
    public Optional<WindowPlacement> fittedTo(List<Rectangle2D> screens, double minWidth, double minHeight) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && width > 0 && height > 0
                && Double.isFinite(width) && Double.isFinite(height))) {
            return Optional.empty();
        }
        return screens.stream().filter(this::titleBarOn).findFirst().map(screen -> {
            double fittedWidth = Math.max(Math.min(width, screen.getWidth()), Math.min(minWidth, screen.getWidth()));
            double fittedHeight = Math.max(Math.min(height, screen.getHeight()),
                    Math.min(minHeight, screen.getHeight()));
            double fittedX = Math.min(Math.max(x, screen.getMinX()), screen.getMaxX() - fittedWidth);
            double fittedY = Math.min(Math.max(y, screen.getMinY()), screen.getMaxY() - fittedHeight);
            return new WindowPlacement(fittedX, fittedY, fittedWidth, fittedHeight, maximized);
        });
    }

    private boolean titleBarOn(Rectangle2D screen) {
        double left = Math.max(x, screen.getMinX());
        double right = Math.min(x + width, screen.getMaxX());
        double top = Math.max(y, screen.getMinY());
        double bottom = Math.min(y + GRIP_HEIGHT, screen.getMaxY());
        return right - left >= Math.min(GRIP_WIDTH, width) && bottom - top >= GRIP_HEIGHT / 2;
    }
}
