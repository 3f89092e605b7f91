package cn.mediationdesk.logic.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The count columns of DESIGN §5 for one group (or the total). */
public record TallyCounts(long leads, long pending, long unfounded, long duplicate, long transferred,
                          long declined, long accepted, long mediating, long resolved, long failed, long terminated,
                          long overdue) {

    public static final TallyCounts ZERO = new TallyCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public TallyCounts plus(TallyCounts o) {
        return new TallyCounts(leads + o.leads, pending + o.pending, unfounded + o.unfounded,
                duplicate + o.duplicate, transferred + o.transferred, declined + o.declined, accepted + o.accepted,
                mediating + o.mediating, resolved + o.resolved, failed + o.failed,
                terminated + o.terminated, overdue + o.overdue);
    }

    /** {@code resolved / accepted} as a percentage with one decimal (half up); {@code null} when nothing was accepted. */
    public BigDecimal resolutionRate() {
        if (accepted == 0) {
            return null;
        }
        return BigDecimal.valueOf(resolved).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(accepted), 1, RoundingMode.HALF_UP);
    }
}
