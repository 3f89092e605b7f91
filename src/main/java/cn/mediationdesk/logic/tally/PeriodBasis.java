package cn.mediationdesk.logic.tally;

import java.util.Locale;

/**
 * Which day of a lead places it in a period (DESIGN §5–6). The summaries count leads by the day they
 * were found; the official statistics table counts cases by the day they were accepted, as the
 * Ministry of Justice's table does.
 */
public enum PeriodBasis {
    /** {@code found_on}: every lead found in the period. */
    FOUND,
    /**
     * The day the lead was accepted as a case, or declined by a party (the day mediation was agreed
     * or refused), by the as-of day: the cases taken up in the period.
     */
    ACCEPTED;

    /** The command line's word for it ({@code found}, {@code accepted}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
