package cn.mediationdesk.gui.ledger;

import cn.mediationdesk.gui.summary.PeriodPreset;
import cn.mediationdesk.logic.tally.DateRange;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The periods the ledger offers: the summaries' presets, and the whole ledger before them. */
public enum LedgerPeriod {
    ALL(null), THIS_YEAR(PeriodPreset.THIS_YEAR), LAST_YEAR(PeriodPreset.LAST_YEAR),
    THIS_QUARTER(PeriodPreset.THIS_QUARTER), THIS_MONTH(PeriodPreset.THIS_MONTH), CUSTOM(PeriodPreset.CUSTOM);

    private final PeriodPreset preset;

    LedgerPeriod(PeriodPreset preset) {
        this.preset = preset;
    }

    /**
     * The days this period covers when it is {@code today}: both ends open for {@link #ALL}; empty
     * for {@link #CUSTOM}, whose days are typed in.
     */
    public Optional<DateRange> range(LocalDate today) {
        if (this == ALL) {
            return Optional.of(new DateRange(null, null));
        }
        return preset.range(today);
    }

    /** The period whose days are exactly {@code from} to {@code to} today, else {@link #CUSTOM}. */
    public static LedgerPeriod matching(LocalDate from, LocalDate to, LocalDate today) {
        for (LedgerPeriod period : values()) {
            Optional<DateRange> range = period.range(today);
            if (range.isPresent() && Objects.equals(range.get().first(), from)
                    && Objects.equals(range.get().last(), to)) {
                return period;
            }
        }
        return CUSTOM;
    }
}
