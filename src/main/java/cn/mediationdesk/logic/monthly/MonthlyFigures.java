package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.logic.tally.SummaryColumns;
import cn.mediationdesk.logic.tally.TallyCounts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a committee's month: its screening rounds and the leads they found (by the
 * register), and the tally of DESIGN §5 over the leads found in the month. Signing freezes them as
 * text, one {@code name=value} per line, the tally's columns under their contract names.
 */
public record MonthlyFigures(long screenings, long screeningLeads, TallyCounts counts) {
    public static final String SCREENINGS = "screenings";
    public static final String SCREENING_LEADS = "screening_leads";

    /** Whether no lead was found in the month: the report is then a zero report (零报告). */
    public boolean zero() {
        return counts.leads() == 0;
    }

    /** Every figure under its name, in the order they are written. */
    public Map<String, String> named() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put(SCREENINGS, Long.toString(screenings));
        named.put(SCREENING_LEADS, Long.toString(screeningLeads));
        long[] values = SummaryColumns.values(counts);
        for (int i = 0; i < values.length; i++) {
            named.put(SummaryColumns.COUNTS.get(i), Long.toString(values[i]));
        }
        String rate = SummaryColumns.rate(counts);
        named.put(SummaryColumns.RESOLUTION_RATE, rate == null ? "" : rate);
        return named;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        named().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * The figures {@link #text} wrote. A name it does not know is passed over and a missing one read as
     * 0, so that a report signed by another version still reads.
     */
    public static MonthlyFigures parse(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                String value = line.substring(equals + 1).strip();
                if (value.matches("\\d{1,18}")) {
                    values.put(line.substring(0, equals).strip(), Long.parseLong(value));
                }
            }
        }
        long[] counts = new long[SummaryColumns.COUNTS.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = values.getOrDefault(SummaryColumns.COUNTS.get(i), 0L);
        }
        return new MonthlyFigures(values.getOrDefault(SCREENINGS, 0L), values.getOrDefault(SCREENING_LEADS, 0L),
                new TallyCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                        counts[7], counts[8], counts[9], counts[10], counts[11]));
    }
}
