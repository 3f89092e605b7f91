package cn.mediationdesk.logic.tally;

/** One 防止 category of the statistics table: the cases it was recorded for, and the people they involve. */
public record Prevented(long cases, long persons) {
    public static final Prevented NONE = new Prevented(0, 0);

    public Prevented plus(Prevented other) {
        return new Prevented(cases + other.cases, persons + other.persons);
    }
}
