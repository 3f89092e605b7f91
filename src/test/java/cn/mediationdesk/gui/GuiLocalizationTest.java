package cn.mediationdesk.gui;

import cn.mediationdesk.gui.main.NavigationEntry;
import cn.mediationdesk.gui.summary.PeriodPreset;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.tally.Grouping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's texts: none missing in a language, none unused, every one a valid pattern. */
class GuiLocalizationTest {
    private static final Path SOURCES = Path.of("src/main/java/cn/mediationdesk/gui");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(gui\\.[A-Za-z0-9_.]+)\"");
    /** Key prefixes completed at run time by an enum constant or a column name. */
    private static final Set<String> BUILT_PREFIXES = Set.of("gui.grouping.", "gui.period.", "gui.nav.",
            "gui.open.problem.", "gui.summary.column.", "gui.audit.action.", "gui.audit.entity.", "gui.audit.part.");

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GuiLocalizationTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> guiKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>();
        for (String key : bundle.stringPropertyNames()) {
            if (key.startsWith("gui.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> literalsInSources() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    literals.add(m.group(1));
                }
            }
        }
        return literals;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(guiKeys(bundle("messages_en"))).isEqualTo(guiKeys(bundle("messages_zh_CN")));
    }

    @Test
    void everyKeyTheSourcesNameExists() throws IOException {
        Set<String> keys = guiKeys(bundle("messages_zh_CN"));
        for (String literal : literalsInSources()) {
            if (!literal.endsWith(".")) {
                assertThat(keys).as("key named in the sources").contains(literal);
            }
        }
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() throws IOException {
        Set<String> keys = guiKeys(bundle("messages_zh_CN"));
        for (Grouping grouping : Grouping.values()) {
            assertThat(keys).contains("gui.grouping." + grouping.name());
        }
        for (PeriodPreset preset : PeriodPreset.values()) {
            assertThat(keys).contains("gui.period." + preset.name());
        }
        for (NavigationEntry entry : NavigationEntry.values()) {
            assertThat(keys).contains(entry.labelKey());
        }
        for (Reason reason : Reason.values()) {
            assertThat(keys).contains("gui.open.problem." + reason.name(), "gui.open.problem." + reason.name() + ".advice");
        }
        for (String column : new String[] {"name", "leads", "pending", "unfounded", "duplicate", "transferred",
                "declined", "accepted", "mediating", "resolved", "failed", "terminated", "overdue", "resolutionRate"}) {
            assertThat(keys).contains("gui.summary.column." + column, "gui.summary.column." + column + ".tip");
        }
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> literals = literalsInSources();
        for (String key : guiKeys(bundle("messages_zh_CN"))) {
            boolean named = literals.contains(key)
                    || literals.stream().anyMatch(l -> key.startsWith(l + ".")) // "<key>" + ".advice"
                    || BUILT_PREFIXES.stream().anyMatch(key::startsWith);
            assertThat(named).as("%s is used", key).isTrue();
        }
    }

    @Test
    void everyTextIsAValidPatternWithItsApostrophesDoubled() throws IOException {
        for (String name : new String[] {"messages_zh_CN", "messages_en"}) {
            Properties bundle = bundle(name);
            for (String key : guiKeys(bundle)) {
                String pattern = bundle.getProperty(key);
                assertThat(pattern).as(name + " " + key).isNotBlank();
                new MessageFormat(pattern); // throws on a broken pattern
                assertThat(pattern.replace("''", "")).as(name + " " + key + ": a lone ' starts a quote").doesNotContain("'");
            }
        }
    }
}
