package cn.mediationdesk.gui.summary;

import cn.mediationdesk.logic.tally.DateRange;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;

/**
 * The periods a summary is usually asked for. A period that is still running ends today, since no
 * lead can have been found later (and a summary by month then stops at the current month).
 */
public enum PeriodPreset {
    THIS_YEAR, LAST_YEAR, THIS_QUARTER, THIS_MONTH, CUSTOM;

    /** The days this preset covers when it is {@code today}; empty for {@link #CUSTOM}. */
    public Optional<DateRange> range(LocalDate today) {
        return switch (this) {
            case THIS_YEAR -> Optional.of(new DateRange(today.withDayOfYear(1), today));
            case LAST_YEAR -> {
                LocalDate first = today.minusYears(1).withDayOfYear(1);
                yield Optional.of(new DateRange(first, first.withDayOfYear(first.lengthOfYear())));
            }
            case THIS_QUARTER -> {
                int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
                yield Optional.of(new DateRange(LocalDate.of(today.getYear(), (quarter - 1) * 3 + 1, 1), today));
            }
            case THIS_MONTH -> Optional.of(new DateRange(today.withDayOfMonth(1), today));
            case CUSTOM -> Optional.empty();
        };
    }
}
