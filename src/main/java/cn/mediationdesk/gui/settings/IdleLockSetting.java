package cn.mediationdesk.gui.settings;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * After how many idle minutes the window locks, per PC (like the language): 15 unless changed,
 * 0 for never. Kept in {@link Preferences}; the window follows {@link #minutesProperty()}.
 */
public final class IdleLockSetting {
    public static final int DEFAULT_MINUTES = 15;
    public static final int MAX_MINUTES = 24 * 60;
    private static final String KEY = "idleLockMinutes";

    private final Preferences node;
    private final IntegerProperty minutes;

    public IdleLockSetting(Preferences node) {
        this.node = node;
        int stored = node.getInt(KEY, DEFAULT_MINUTES);
        this.minutes = new SimpleIntegerProperty(stored < 0 || stored > MAX_MINUTES ? DEFAULT_MINUTES : stored);
    }

    /** The node of this PC's user, beside the language choice. */
    public static IdleLockSetting ofThisUser() {
        return new IdleLockSetting(Preferences.userRoot().node("cn/mediationdesk/lock"));
    }

    public int minutes() {
        return minutes.get();
    }

    /** Remembers {@code value} (0 = never) and tells the window at once. */
    public void remember(int value) {
        if (value < 0 || value > MAX_MINUTES) {
            throw new IllegalArgumentException("idle minutes out of range: " + value);
        }
        node.putInt(KEY, value);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Kept for this run; the next start falls back to the default.
        }
        minutes.set(value);
    }

    public IntegerProperty minutesProperty() {
        return minutes;
    }
}
