package cn.mediationdesk.cli;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The help texts picocli looks up ({@code usage.synopsisHeading}, {@code mediationdesk.summary.by} …),
 * served from the application's message bundle where they live under {@code cli.help.}, so that
 * every text a user reads stays in the one bundle per language.
 */
final class CliHelpBundle extends ResourceBundle {
    static final String PREFIX = "cli.help.";

    private final ResourceBundle messages;
    private final Set<String> keys;

    CliHelpBundle(ResourceBundle messages) {
        this.messages = messages;
        this.keys = messages.keySet().stream().filter(k -> k.startsWith(PREFIX))
                .map(k -> k.substring(PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected Object handleGetObject(String key) {
        return keys.contains(key) ? messages.getObject(PREFIX + key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(keys);
    }

    @Override
    protected Set<String> handleKeySet() {
        return keys;
    }
}
