package cn.mediationdesk.logic.audit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which entries an audit screen lists, newest first; a null criterion matches everything.
 *
 * @param from  first day of the period (in the trail's time zone), inclusive
 * @param to    last day of the period, inclusive
 * @param limit at most this many entries
 */
public record AuditFilter(String actor, UUID leadId, Long committeeId, LocalDate from, LocalDate to, int limit) {
    public AuditFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditFilter newest(int limit) {
        return new AuditFilter(null, null, null, null, null, limit);
    }
}
