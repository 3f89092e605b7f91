package cn.mediationdesk.logic.tally;

import java.util.Arrays;
import java.util.Optional;

/** The groupings of DESIGN §5, with the names the command line uses for them. */
public enum Grouping {
    COMMUNITY("community"),
    COMMITTEE("committee"),
    TYPE("type"),
    SOURCE("source"),
    SOURCE_GROUP("source-group"),
    MONTH("month"),
    RISK("risk");

    private final String cliName;

    Grouping(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<Grouping> fromCliName(String name) {
        return Arrays.stream(values()).filter(g -> g.cliName.equals(name)).findFirst();
    }
}
