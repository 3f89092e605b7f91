package cn.mediationdesk.logic.monthly;

/** Where a committee's report of a month stands on a given day. */
public enum ReportStatus {
    /** The month has not ended: nothing to sign yet. */
    OPEN,
    /** Ended, unsigned, and the deadline ({@link ReportDeadline#dueOn}) not yet passed. */
    DUE,
    /** Ended, unsigned, and past the deadline. */
    LATE,
    SIGNED;

    static ReportStatus of(java.time.YearMonth month, boolean signed, java.time.LocalDate today) {
        if (signed) {
            return SIGNED;
        }
        if (!ReportDeadline.reportable(month, today)) {
            return OPEN;
        }
        return ReportDeadline.lateOn(month, today) ? LATE : DUE;
    }
}
