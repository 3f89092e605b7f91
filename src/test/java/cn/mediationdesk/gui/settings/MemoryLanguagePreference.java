package cn.mediationdesk.gui.settings;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Language choices kept in memory, so that tests leave the machine's preferences alone. */
public final class MemoryLanguagePreference implements LanguagePreference {
    private final Map<String, Locale> byUser = new HashMap<>();
    private Locale last;

    public MemoryLanguagePreference() {
    }

    /**
     * As if {@code locale} had been chosen last on this PC. Window tests start so: the JVM's own
     * default language is that of the machine running the build, not the product's.
     */
    public MemoryLanguagePreference(Locale locale) {
        this.last = locale;
    }

    @Override
    public Optional<Locale> lastChoice() {
        return Optional.ofNullable(last);
    }

    @Override
    public Optional<Locale> choiceOf(String username) {
        return Optional.ofNullable(byUser.get(username));
    }

    @Override
    public void remember(String username, Locale locale) {
        byUser.put(username, locale);
        last = locale;
    }
}
