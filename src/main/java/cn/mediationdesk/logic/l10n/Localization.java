package cn.mediationdesk.logic.l10n;

import cn.mediationdesk.model.Problem;

import java.text.MessageFormat;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one door to the message bundles {@code i18n/messages_zh_CN} (the default) and
 * {@code i18n/messages_en}. Every text a user reads goes through here. Patterns are
 * {@link MessageFormat}s: a literal apostrophe is written twice ({@code can''t}).
 */
public final class Localization {
    public static final String BUNDLE = "i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final Locale locale;
    private final ResourceBundle bundle;

    public Localization(Locale locale) {
        this.locale = isEnglish(locale) ? ENGLISH : CHINESE;
        // No fallback to the JVM's default locale: an English key set must never mix with Chinese.
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Chinese unless the system (or the user's choice) is English. */
    public static Localization forDefaultLocale() {
        return new Localization(Locale.getDefault());
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    public boolean isChinese() {
        return locale == CHINESE;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Fields by their names; numbers and dates as written plainly (row 10000, not 10,000; 2022-03-05, not a locale date).
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = switch (args[i]) {
                case Problem.Field field -> fieldName(field);
                case Number number -> String.valueOf(number);
                case TemporalAccessor date -> String.valueOf(date);
                case null -> "";
                default -> args[i];
            };
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    public String fieldName(Problem.Field field) {
        return text("field." + field.name());
    }

    /** A problem as one line: "字段: what is wrong". */
    public String describe(Problem problem) {
        return text("problem.line", fieldName(problem.field()), text(problem.key(), problem.args().toArray()));
    }

    /** Just the rule's message, for showing beside the field it concerns. */
    public String message(Problem problem) {
        return text(problem.key(), problem.args().toArray());
    }
}
