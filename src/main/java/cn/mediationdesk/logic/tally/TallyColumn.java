package cn.mediationdesk.logic.tally;

import cn.mediationdesk.model.LeadState;

/**
 * The count columns of DESIGN §5, each a condition on a lead's state at the end of the as-of day
 * (and, for {@link #OVERDUE}, on the due date in force that day). A column counts exactly the leads
 * its condition holds for, so a search by column lists the leads behind a tally cell.
 */
public enum TallyColumn {
    /** Anything but DUPLICATE. */
    LEADS,
    /** Not yet verified, or verified GENUINE but neither accepted nor declined yet. */
    PENDING,
    UNFOUNDED,
    DUPLICATE,
    TRANSFERRED,
    /** Verified GENUINE, then declined by a party (not mediated). */
    DECLINED,
    /** Verified GENUINE and accepted: in mediation or closed with any outcome. */
    ACCEPTED,
    MEDIATING,
    RESOLVED,
    FAILED,
    TERMINATED,
    /** In mediation, and the as-of day is after the due date in force. */
    OVERDUE;

    /** Whether a lead in {@code state}, overdue or not, is counted in this column. */
    public boolean includes(LeadState state, boolean overdue) {
        return switch (this) {
            case LEADS -> state != LeadState.DUPLICATE;
            case PENDING -> state == LeadState.PENDING;
            case UNFOUNDED -> state == LeadState.UNFOUNDED;
            case DUPLICATE -> state == LeadState.DUPLICATE;
            case TRANSFERRED -> state == LeadState.TRANSFERRED;
            case DECLINED -> state == LeadState.DECLINED;
            case ACCEPTED -> state.isAccepted();
            case MEDIATING -> state == LeadState.MEDIATING;
            case RESOLVED -> state == LeadState.RESOLVED;
            case FAILED -> state == LeadState.FAILED;
            case TERMINATED -> state == LeadState.TERMINATED;
            case OVERDUE -> state == LeadState.MEDIATING && overdue;
        };
    }

    /** This column's figure in a row of a summary. */
    public long of(TallyCounts counts) {
        return switch (this) {
            case LEADS -> counts.leads();
            case PENDING -> counts.pending();
            case UNFOUNDED -> counts.unfounded();
            case DUPLICATE -> counts.duplicate();
            case TRANSFERRED -> counts.transferred();
            case DECLINED -> counts.declined();
            case ACCEPTED -> counts.accepted();
            case MEDIATING -> counts.mediating();
            case RESOLVED -> counts.resolved();
            case FAILED -> counts.failed();
            case TERMINATED -> counts.terminated();
            case OVERDUE -> counts.overdue();
        };
    }
}
