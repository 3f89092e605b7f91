package cn.mediationdesk.model;

/**
 * Where a lead stands on a given day: exactly one of these, so that the tally columns partition
 * the leads (DESIGN §5).
 */
public enum LeadState {
    /** Not yet verified, or verified genuine but neither accepted nor declined yet. */
    PENDING,
    UNFOUNDED,
    DUPLICATE,
    TRANSFERRED,
    /** Verified genuine, then a party refused mediation (人民调解法 Art. 17): final, never mediated. */
    DECLINED,
    /** Accepted as a case, no outcome yet. */
    MEDIATING,
    RESOLVED,
    FAILED,
    TERMINATED;

    public boolean isAccepted() {
        return this == MEDIATING || this == RESOLVED || this == FAILED || this == TERMINATED;
    }

    public boolean isClosed() {
        return this == RESOLVED || this == FAILED || this == TERMINATED;
    }

    public static LeadState of(VerificationResult result) {
        return switch (result) {
            case GENUINE -> PENDING;
            case UNFOUNDED -> UNFOUNDED;
            case DUPLICATE -> DUPLICATE;
            case TRANSFERRED -> TRANSFERRED;
        };
    }

    public static LeadState of(Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> RESOLVED;
            case FAILED -> FAILED;
            case TERMINATED -> TERMINATED;
        };
    }
}
