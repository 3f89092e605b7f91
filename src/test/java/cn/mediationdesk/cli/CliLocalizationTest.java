package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.SummaryColumns;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's texts: the same keys in both languages, valid patterns, and a text for every case. */
class CliLocalizationTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Localization ENGLISH = new Localization(Localization.ENGLISH);

    private static Set<String> keys(Localization l10n) {
        Set<String> keys = new TreeSet<>();
        for (String key : l10n.bundle().keySet()) {
            if (key.startsWith("cli.") || key.startsWith("demo.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(keys(ENGLISH)).isNotEmpty().isEqualTo(keys(CHINESE));
    }

    @Test
    void messagesAreValidPatternsAndHelpTextsArePlainPicocliText() {
        for (Localization l10n : new Localization[] {CHINESE, ENGLISH}) {
            for (String key : keys(l10n)) {
                String text = l10n.bundle().getString(key);
                if (key.startsWith(CliHelpBundle.PREFIX)) {
                    // picocli formats these with String.format and no MessageFormat: %n only, no quotes doubled.
                    assertThat(text.replace("%n", "")).as(key).doesNotContain("%", "''", "{");
                } else {
                    assertThat(new MessageFormat(text, l10n.locale()).format(new Object[] {"a", "b", "c", "d", "e"}))
                            .as(key).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyColumnGroupingAndDatabaseProblemHasItsText() {
        for (Localization l10n : new Localization[] {CHINESE, ENGLISH}) {
            for (String column : SummaryColumns.ALL) {
                assertThat(l10n.bundle().containsKey("cli.summary.column." + column)).as(column).isTrue();
            }
            for (Grouping grouping : Grouping.values()) {
                assertThat(l10n.bundle().containsKey("cli.grouping." + grouping.cliName())).as(grouping.name()).isTrue();
            }
            CliErrors errors = new CliErrors(l10n, new PrintWriter(new StringWriter()), () -> false);
            for (DatabaseOpenException.Reason reason : DatabaseOpenException.Reason.values()) {
                String line = errors.databaseMessage(new DatabaseOpenException(reason, "/data/md.mv.db", null));
                assertThat(line).as(reason.name()).contains("/data/md.mv.db").doesNotStartWith("cli.");
            }
        }
    }

    @Test
    void theDefaultLanguageIsChineseUnlessTheSystemIsEnglish() {
        assertThat(new Localization(Locale.GERMANY).isChinese()).isTrue();
        assertThat(new Localization(Locale.US).text("cli.error.noCommand")).startsWith("Give a command");
    }
}
