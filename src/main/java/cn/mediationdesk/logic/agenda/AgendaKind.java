package cn.mediationdesk.logic.agenda;

/** What an agenda item reminds of; each kind's rule is in {@link AgendaService}. */
public enum AgendaKind {
    SESSION,
    TIME_LIMIT,
    PERFORMANCE,
    FOLLOW_UP,
    JUDICIAL_WINDOW,
    RISK_REVIEW,
    MONTHLY_REPORT;

    /** The message key of the kind's name (日程 …). */
    public String labelKey() {
        return switch (this) {
            case SESSION -> "agenda.kind.SESSION";
            case TIME_LIMIT -> "agenda.kind.TIME_LIMIT";
            case PERFORMANCE -> "agenda.kind.PERFORMANCE";
            case FOLLOW_UP -> "agenda.kind.FOLLOW_UP";
            case JUDICIAL_WINDOW -> "agenda.kind.JUDICIAL_WINDOW";
            case RISK_REVIEW -> "agenda.kind.RISK_REVIEW";
            case MONTHLY_REPORT -> "agenda.kind.MONTHLY_REPORT";
        };
    }

    /** Whether items of this kind point at a lead (every kind but the committee's monthly report). */
    public boolean aboutLead() {
        return this != MONTHLY_REPORT;
    }
}
