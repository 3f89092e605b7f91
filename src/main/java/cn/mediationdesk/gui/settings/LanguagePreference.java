package cn.mediationdesk.gui.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * Remembers the language each user chose, for the next start. The login screen comes before anyone
 * is known, so it uses the choice last made on this PC; after login the user's own choice applies.
 */
public interface LanguagePreference {

    /** The language last chosen on this PC, by anyone. */
    Optional<Locale> lastChoice();

    /** The language {@code username} chose, if they ever did. */
    Optional<Locale> choiceOf(String username);

    void remember(String username, Locale locale);
}
