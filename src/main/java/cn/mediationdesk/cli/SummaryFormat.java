package cn.mediationdesk.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The forms {@code summary} writes. */
public enum SummaryFormat {
    TABLE, CSV, JSON;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SummaryFormat> fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName().equalsIgnoreCase(name)).findFirst();
    }
}
