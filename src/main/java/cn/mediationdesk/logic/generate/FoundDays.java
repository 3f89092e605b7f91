package cn.mediationdesk.logic.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The days generated leads are found on: the ten years ending with the current one (up to today),
 * more each year as a district grows, with the seasons a mediation office sees (family disputes around
 * the Spring Festival, wage arrears at the year's end, quieter autumns) and few on weekends. The n-th
 * of {@code count} leads gets the day where the running share of all weight passes (n + ½) / count,
 * so the days come out in order and every stretch gets its share.
 */
final class FoundDays {
    static final int YEARS = 10;
    private static final double YEARLY_GROWTH = 1.07;
    /** January … December. */
    private static final double[] MONTHS = {1.15, 1.25, 1.0, 0.95, 0.95, 1.0, 1.05, 1.05, 0.95, 0.9, 0.95, 1.15};

    private final LocalDate first;
    private final double[] cumulative;
    private final long count;
    private int day;

    FoundDays(LocalDate today, long count, SplittableRandom random) {
        this.first = LocalDate.of(today.getYear() - YEARS + 1, 1, 1);
        int days = (int) ChronoUnit.DAYS.between(first, today) + 1;
        this.cumulative = new double[days];
        this.count = count;
        double sum = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = first.plusDays(i);
            double weight = Math.pow(YEARLY_GROWTH, d.getYear() - first.getYear()) * MONTHS[d.getMonthValue() - 1]
                    * weekday(d.getDayOfWeek()) * (0.85 + 0.3 * random.nextDouble());
            sum += weight;
            cumulative[i] = sum;
        }
        for (int i = 0; i < days; i++) {
            cumulative[i] /= sum;
        }
    }

    static LocalDate firstDay(LocalDate today) {
        return LocalDate.of(today.getYear() - YEARS + 1, 1, 1);
    }

    private static double weekday(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> 0.45;
            case SUNDAY -> 0.35;
            default -> 1.0;
        };
    }

    /** The day of lead {@code n} (0-based); n must not decrease from one call to the next. */
    LocalDate of(long n) {
        double share = (n + 0.5) / count;
        while (day < cumulative.length - 1 && cumulative[day] < share) {
            day++;
        }
        return first.plusDays(day);
    }
}
