package cn.mediationdesk.gui.main;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The main window's last placement in {@link Preferences} (the registry on Windows, a file under the
 * home folder elsewhere), per operating-system user, beside the language choices.
 */
public final class WindowPlacementMemory {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacementMemory.class);
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    public WindowPlacementMemory(Preferences node) {
        this.node = node;
    }

    /** The node of the operating-system user that the application uses. */
    public static WindowPlacementMemory ofThisUser() {
        return new WindowPlacementMemory(Preferences.userRoot().node(
                cn.mediationdesk.gui.settings.PreferencesLanguagePreference.NODE));
    }

    /** The placement last remembered; empty on a first start or when the preferences cannot be read. */
    public Optional<WindowPlacement> last() {
        try {
            double width = node.getDouble(WIDTH, Double.NaN);
            double height = node.getDouble(HEIGHT, Double.NaN);
            if (Double.isNaN(width) || Double.isNaN(height)) {
                return Optional.empty();
            }
            return Optional.of(new WindowPlacement(node.getDouble(X, Double.NaN), node.getDouble(Y, Double.NaN),
                    width, height, node.getBoolean(MAXIMIZED, false)));
        } catch (SecurityException | IllegalStateException e) {
            LOG.warn("could not read the window's placement", e);
            return Optional.empty();
        }
    }

    public void remember(WindowPlacement placement) {
        try {
            node.putDouble(X, placement.x());
            node.putDouble(Y, placement.y());
            node.putDouble(WIDTH, placement.width());
            node.putDouble(HEIGHT, placement.height());
            node.putBoolean(MAXIMIZED, placement.maximized());
            node.flush();
        } catch (BackingStoreException | SecurityException | IllegalStateException e) {
            // the window closes all the same; the next start opens it at its default size
            LOG.warn("could not remember the window's placement", e);
        }
    }

    /** Forgets the placement: the next start opens the window at its default size. */
    public void forget() {
        try {
            for (String key : new String[] {X, Y, WIDTH, HEIGHT, MAXIMIZED}) {
                node.remove(key);
            }
            node.flush();
        } catch (BackingStoreException | SecurityException | IllegalStateException e) {
            LOG.warn("could not forget the window's placement", e);
        }
    }
}
