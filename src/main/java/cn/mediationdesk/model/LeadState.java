package cn.mediationdesk.model;

/**
 * Where a lead stands on a given day: exactly one of these, so that the tally columns partition
 * the leads (DESIGN §5).
 */
public enum LeadState {
    /** Not yet verified, or verified genuine but not yet accepted. */
    PENDING,
    UNFOUNDED,
    DUPLICATE,
    TRANSFERRED,
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
