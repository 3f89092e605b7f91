package cn.mediationdesk.logic.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date spellings a ledger may use (DESIGN §8): {@code 2022-03-05}, {@code 2022/3/5},
 * {@code 2022.3.5} and {@code 2022年3月5日}. Excel date cells reach here already as ISO text. A time
 * of day after the date (as spreadsheets add when saving CSV, {@code 2022/3/5 0:00}) is ignored.
 */
public final class LedgerDates {
    private static final String TIME = "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?";
    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");

    private LedgerDates() {
    }

    /** The date {@code text} spells, or empty when it is no date of the ledger's spellings or no real day. */
    public static Optional<LocalDate> parse(String text) {
        String s = text.strip();
        Matcher m = SEPARATED.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(3), m.group(4));
        }
        m = CHINESE.matcher(s);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2022-02-30 and the like
        }
    }
}
