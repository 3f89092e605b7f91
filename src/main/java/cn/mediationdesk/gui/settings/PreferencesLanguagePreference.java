package cn.mediationdesk.gui.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The language choices in {@link Preferences} (the registry on Windows, a file under the home
 * folder elsewhere), under the node {@value #NODE} of the operating-system user.
 */
public final class PreferencesLanguagePreference implements LanguagePreference {
    public static final String NODE = "cn/mediationdesk";
    private static final Logger LOG = LoggerFactory.getLogger(PreferencesLanguagePreference.class);
    private static final String LAST = "language";
    private static final String OF_USER = "language.user.";

    private final Preferences node;

    public PreferencesLanguagePreference(Preferences node) {
        this.node = node;
    }

    /** The node of the operating-system user that the application uses. */
    public static PreferencesLanguagePreference ofThisUser() {
        return new PreferencesLanguagePreference(Preferences.userRoot().node(NODE));
    }

    @Override
    public Optional<Locale> lastChoice() {
        return read(LAST);
    }

    @Override
    public Optional<Locale> choiceOf(String username) {
        return read(OF_USER + username);
    }

    @Override
    public void remember(String username, Locale locale) {
        try {
            node.put(LAST, locale.toLanguageTag());
            node.put(OF_USER + username, locale.toLanguageTag());
            node.flush();
        } catch (BackingStoreException | SecurityException | IllegalStateException e) {
            // The switch itself still happens; only the next start will not know of it.
            LOG.warn("could not remember the language {} of {}", locale, username, e);
        }
    }

    private Optional<Locale> read(String key) {
        try {
            String tag = node.get(key, null);
            return tag == null || tag.isBlank() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
        } catch (SecurityException | IllegalStateException e) {
            LOG.warn("could not read the language preference {}", key, e);
            return Optional.empty();
        }
    }
}
