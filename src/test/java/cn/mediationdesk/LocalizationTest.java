package cn.mediationdesk;

import cn.mediationdesk.cli.Cli;
import cn.mediationdesk.gui.main.NavigationEntry;
import cn.mediationdesk.gui.summary.PeriodPreset;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.audit.LeadSnapshot;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.model.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two message bundles against each other and against the code: the same keys, every key the
 * code names present, no key left unused, MessageFormat patterns that parse and take the same
 * arguments in both languages, and no English left in the Chinese bundle.
 *
 * <p>A key is "named by the code" when it appears whole as a string literal in {@code src/main/java}
 * (or as a token in another file under {@code src/main/resources}, such as FXML's {@code %key}).
 * Keys built at run time are allowed only as the documented families of {@link #FAMILIES}, each
 * checked against what it is built from; the help texts of picocli ({@code cli.help.}) are checked
 * through picocli itself.
 */
class LocalizationTest {
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final String CLI_HELP = "cli.help.";
    /** What a key looks like: lower-case namespace, then dot-separated segments. */
    private static final Pattern KEY_LIKE = Pattern.compile("[a-z]+(\\.[A-Za-z0-9_-]+)+");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");

    /**
     * The keys the code builds at run time ({@code prefix + something}), and what the something may
     * be. Each family must be complete (a key for every value) and hold nothing else.
     */
    private static final Map<String, Supplier<Set<String>>> FAMILIES = new LinkedHashMap<>();

    static {
        // Localization.fieldName: "field." + Problem.Field
        FAMILIES.put("field.", () -> names(Problem.Field.values()));
        // SummaryViewModel: "gui.grouping." + Grouping; SummaryTable: "cli.grouping." + Grouping.cliName()
        FAMILIES.put("gui.grouping.", () -> names(Grouping.values()));
        FAMILIES.put("cli.grouping.", () -> Stream.of(Grouping.values()).map(Grouping::cliName).collect(Collectors.toSet()));
        // SummaryViewModel: "gui.period." + PeriodPreset
        FAMILIES.put("gui.period.", () -> names(PeriodPreset.values()));
        // NavigationEntry.labelKey: "gui.nav." + NavigationEntry
        FAMILIES.put("gui.nav.", () -> names(NavigationEntry.values()));
        // SummaryTable: "cli.summary.column." + the contract's column names
        FAMILIES.put("cli.summary.column.", () -> Set.copyOf(SummaryColumns.ALL));
        // SummaryView.header: "gui.summary.column." + column + "" | ".tip"
        FAMILIES.put("gui.summary.column.", () -> withSuffixes(Stream.concat(Stream.of("name", "resolutionRate"),
                SummaryColumns.COUNTS.stream()).collect(Collectors.toSet()), "", ".tip"));
        // OpenProblem.of: "gui.open.problem." + DatabaseOpenException.Reason + "" | ".advice"
        // (its other keys, INVALID_LOCATION, REFUSED and UNEXPECTED, are written out whole)
        FAMILIES.put("gui.open.problem.", () -> withSuffixes(names(DatabaseOpenException.Reason.values()), "", ".advice"));
        // AuditViewModel: "gui.audit.action." + AuditAction, "gui.audit.entity." + AuditTrail.ENTITIES,
        // "gui.audit.part." + LeadSnapshot.PARTS
        FAMILIES.put("gui.audit.action.", () -> names(AuditAction.values()));
        FAMILIES.put("gui.audit.entity.", () -> Set.copyOf(AuditTrail.ENTITIES));
        FAMILIES.put("gui.audit.part.", () -> Set.copyOf(LeadSnapshot.PARTS));
    }

    private static Map<String, String> zh;
    private static Map<String, String> en;
    private static Set<String> literals;
    private static String resourceText;

    @BeforeAll
    static void load() throws IOException {
        zh = bundle("i18n/messages_zh_CN.properties");
        en = bundle("i18n/messages_en.properties");
        literals = javaStringLiterals();
        resourceText = otherResources();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> onlyChinese = new TreeSet<>(zh.keySet());
        onlyChinese.removeAll(en.keySet());
        Set<String> onlyEnglish = new TreeSet<>(en.keySet());
        onlyEnglish.removeAll(zh.keySet());
        assertThat(onlyChinese).as("keys only in messages_zh_CN").isEmpty();
        assertThat(onlyEnglish).as("keys only in messages_en").isEmpty();
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() throws IOException {
        for (String file : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            List<String> keys = new ArrayList<>();
            for (String line : Files.readAllLines(MAIN_RESOURCES.resolve("i18n").resolve(file), StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("!")) {
                    keys.add(trimmed.split("\\s*[=:]", 2)[0]);
                }
            }
            Map<String, Long> counts = keys.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                    Collectors.counting()));
            counts.values().removeIf(n -> n == 1);
            assertThat(counts).as("keys defined more than once in %s", file).isEmpty();
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInBothBundles() {
        Set<String> namespaces = new TreeSet<>();
        Stream.concat(zh.keySet().stream(), en.keySet().stream()).forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        List<String> missing = literals.stream()
                .filter(s -> KEY_LIKE.matcher(s).matches())
                .filter(s -> namespaces.contains(s.substring(0, s.indexOf('.'))))
                .filter(s -> !s.startsWith(CLI_HELP))
                .filter(s -> System.getProperty(s) == null) // "user.home" names a system property, not a key of user.*
                .filter(s -> !zh.containsKey(s) || !en.containsKey(s))
                .sorted().toList();
        assertThat(missing).as("string literals in src/main/java that look like keys of the bundles' namespaces %s"
                + " but are missing from a bundle", namespaces).isEmpty();
    }

    @Test
    void everyDynamicFamilyHasAKeyForEachValueAndNoOtherKeys() {
        for (var family : FAMILIES.entrySet()) {
            String prefix = family.getKey();
            Set<String> expected = family.getValue().get().stream().map(v -> prefix + v).collect(Collectors.toCollection(TreeSet::new));
            for (Map<String, String> bundle : List.of(zh, en)) {
                String language = bundle == zh ? "zh_CN" : "en";
                assertThat(bundle.keySet()).as("%s: a key for every value of the family %s", language, prefix)
                        .containsAll(expected);
                List<String> strays = bundle.keySet().stream().filter(k -> k.startsWith(prefix))
                        .filter(k -> !expected.contains(k) && !literals.contains(k) && !resourceText.contains(k))
                        .sorted().toList();
                assertThat(strays).as("%s: keys under %s that no value of the family and no literal names", language, prefix)
                        .isEmpty();
            }
        }
    }

    @Test
    void noKeyIsUnused() {
        Set<String> byFamily = new TreeSet<>();
        FAMILIES.forEach((prefix, values) -> values.get().forEach(v -> byFamily.add(prefix + v)));
        List<String> unused = zh.keySet().stream()
                .filter(k -> !k.startsWith(CLI_HELP))
                .filter(k -> !literals.contains(k) && !byFamily.contains(k) && !usedInResources(k))
                .sorted().toList();
        assertThat(unused).as("keys that no code names (whole, or as a documented family)").isEmpty();
    }

    /** picocli finds its texts by names it builds (usage.synopsisHeading, mediationdesk.summary.by …). */
    @Test
    void everyHelpTextIsFoundByPicocliAndNoneIsUnused() {
        for (Localization l10n : List.of(new Localization(Localization.CHINESE), new Localization(Localization.ENGLISH))) {
            Map<String, String> help = helpTexts(l10n.locale() == Localization.CHINESE ? zh : en);
            CommandLine commandLine = commandLine(l10n, help);
            for (CommandLine command : allCommands(commandLine)) {
                var spec = command.getCommandSpec();
                assertThat(spec.usageMessage().description()).as("%s: description of '%s'", l10n.locale(), spec.qualifiedName())
                        .isNotEmpty();
                for (var option : spec.options()) {
                    assertThat(option.description()).as("%s: description of %s in '%s'", l10n.locale(),
                            option.longestName(), spec.qualifiedName()).isNotEmpty();
                }
                for (var parameter : spec.positionalParameters()) {
                    assertThat(parameter.description()).as("%s: description of %s in '%s'", l10n.locale(),
                            parameter.paramLabel(), spec.qualifiedName()).isNotEmpty();
                }
            }
            String all = usage(commandLine);
            List<String> unused = new ArrayList<>();
            for (String key : help.keySet()) {
                // A changed text (not a removed one, which may fall back to an equal default) shows whether it is read.
                Map<String, String> marked = new HashMap<>(help);
                marked.put(key, "MARKER-" + key);
                if (usage(commandLine(l10n, marked)).equals(all)) {
                    unused.add(CLI_HELP + key);
                }
            }
            assertThat(unused).as("%s: help texts picocli never shows", l10n.locale()).isEmpty();
        }
    }

    @Test
    void patternsParseAndTakeTheSameArgumentsInBothLanguages() {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(zh.keySet())) {
            if (key.startsWith(CLI_HELP) || !en.containsKey(key)) {
                continue; // picocli's texts are not MessageFormat patterns
            }
            try {
                new MessageFormat(zh.get(key), Localization.CHINESE);
                new MessageFormat(en.get(key), Localization.ENGLISH);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                continue;
            }
            Set<Integer> zhArgs = arguments(zh.get(key));
            Set<Integer> enArgs = arguments(en.get(key));
            if (!zhArgs.equals(enArgs)) {
                problems.add(key + ": zh_CN takes " + zhArgs + ", en takes " + enArgs);
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A text reaches the user as {@link Localization#text} renders it; none may show MessageFormat's
     * quoting (a doubled apostrophe) or an unfilled placeholder.
     */
    @Test
    void renderedTextsShowNoQuotingOrPlaceholders() {
        List<String> problems = new ArrayList<>();
        for (Localization l10n : List.of(new Localization(Localization.CHINESE), new Localization(Localization.ENGLISH))) {
            Map<String, String> bundle = l10n.locale() == Localization.CHINESE ? zh : en;
            for (String key : new TreeSet<>(bundle.keySet())) {
                if (key.startsWith(CLI_HELP)) {
                    continue;
                }
                Set<Integer> used = arguments(bundle.get(key));
                Object[] args = new Object[used.isEmpty() ? 0 : Collections.max(used) + 1];
                Arrays.setAll(args, i -> "‹" + i + "›");
                try {
                    String text = l10n.text(key, args);
                    if (text.contains("''") || ARGUMENT.matcher(text).find()) {
                        problems.add(l10n.locale() + " " + key + " renders as: " + text);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(l10n.locale() + " " + key + " does not render: " + e.getMessage());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void chineseTextsAreInChinese() {
        List<String> english = zh.entrySet().stream()
                .filter(e -> hasLatinWords(en.getOrDefault(e.getKey(), "")))
                .filter(e -> e.getValue().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted().toList();
        assertThat(english).as("Chinese texts without a Chinese character (untranslated?)").isEmpty();
    }

    // ---- helpers ----

    private static boolean hasLatinWords(String text) {
        String stripped = text.replaceAll("\\{[^}]*}", "").replace("%n", "");
        return stripped.matches("(?s).*[A-Za-z]{2,}.*");
    }

    /** The argument indices a pattern uses, outside quoted text. */
    static Set<Integer> arguments(String pattern) {
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted) {
                unquoted.append(c);
            }
        }
        Set<Integer> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private static boolean usedInResources(String key) {
        return Pattern.compile("(?<![A-Za-z0-9_.-])" + Pattern.quote(key) + "(?![A-Za-z0-9_-])").matcher(resourceText).find();
    }

    private static Set<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.toSet());
    }

    private static Set<String> withSuffixes(Set<String> values, String... suffixes) {
        return values.stream().flatMap(v -> Stream.of(suffixes).map(s -> v + s)).collect(Collectors.toSet());
    }

    private static Map<String, String> bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MAIN_RESOURCES.resolve(resource))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    /** Every resource under src/main/resources but the bundles and binaries, as one text. */
    private static String otherResources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(MAIN_RESOURCES.resolve("i18n")))
                    .filter(p -> p.toString().matches(".*\\.(fxml|css|xml|txt|properties|json|html)$"))
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }

    private static Set<String> javaStringLiterals() throws IOException {
        Set<String> all = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.addAll(JavaLiterals.of(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return all;
    }

    /** The string literals of a Java source, comments and text blocks skipped. */
    static final class JavaLiterals {
        static List<String> of(String source) {
            List<String> found = new ArrayList<>();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                    i = source.indexOf('\n', i);
                    i = i < 0 ? n : i;
                } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                    int end = source.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    while (end > 0 && source.charAt(end - 1) == '\\') {
                        end = source.indexOf("\"\"\"", end + 1);
                    }
                    i = end < 0 ? n : end + 3;
                } else if (c == '"' || c == '\'') {
                    StringBuilder literal = new StringBuilder();
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c) {
                        if (source.charAt(j) == '\\' && j + 1 < n) {
                            literal.append(source.charAt(j + 1));
                            j += 2;
                        } else {
                            literal.append(source.charAt(j++));
                        }
                    }
                    if (c == '"') {
                        found.add(literal.toString());
                    }
                    i = j + 1;
                } else {
                    i++;
                }
            }
            return found;
        }
    }

    // ---- picocli ----

    private static Map<String, String> helpTexts(Map<String, String> bundle) {
        Map<String, String> help = new TreeMap<>();
        bundle.forEach((k, v) -> {
            if (k.startsWith(CLI_HELP)) {
                help.put(k.substring(CLI_HELP.length()), v);
            }
        });
        return help;
    }

    /** The real command line of the application, its help texts taken from {@code help}. */
    private static CommandLine commandLine(Localization l10n, Map<String, String> help) {
        var sink = new ByteArrayOutputStream();
        CommandLine commandLine = new Cli(Clock.systemUTC(), l10n, sink, sink, StandardCharsets.UTF_8).commandLine();
        commandLine.setResourceBundle(new MapBundle(help));
        commandLine.setUsageHelpAutoWidth(false);
        commandLine.setUsageHelpWidth(120);
        return commandLine;
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            for (CommandLine c : allCommands(sub)) {
                if (!all.contains(c)) {
                    all.add(c);
                }
            }
        }
        return all;
    }

    private static String usage(CommandLine root) {
        return allCommands(root).stream().map(c -> c.getUsageMessage(CommandLine.Help.Ansi.OFF))
                .collect(Collectors.joining("\n----\n"));
    }

    private static final class MapBundle extends ResourceBundle {
        private final Map<String, String> texts;

        MapBundle(Map<String, String> texts) {
            this.texts = Map.copyOf(texts);
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }

        @Override
        public Locale getLocale() {
            return Locale.ROOT;
        }
    }
}
