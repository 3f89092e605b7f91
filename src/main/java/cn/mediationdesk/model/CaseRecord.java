package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the law asks a case file to show beside the lifecycle dates; every field is {@code null}
 * (an empty set for the routes) until it is recorded.
 *
 * @param appliedOn           the day of the parties' written application (人民调解申请书)
 * @param applicationRequests the application's 申请事项
 * @param consentOn           the day the parties agreed to mediation (Art. 17); required to accept in the app
 * @param consentWay          how they agreed
 * @param rightsNoticeOn      the day the 当事人权利义务告知书 was given
 * @param policeReportedOn    the day a dispute that may become a public-order or criminal case was reported (Art. 25)
 * @param policeReportedTo    the police station or body it was reported to
 * @param routesNoticeOn      the day the parties of a FAILED case were told their other routes (Art. 26)
 * @param routesNotified      the routes named in that notice
 */
public record CaseRecord(UUID leadId, LocalDate appliedOn, String applicationRequests, LocalDate consentOn,
                         ConsentWay consentWay, LocalDate rightsNoticeOn, LocalDate policeReportedOn,
                         String policeReportedTo, LocalDate routesNoticeOn, Set<OtherRoute> routesNotified) {
    public CaseRecord {
        // in the enum's order, so that the audit trail compares the same text each time
        routesNotified = routesNotified == null || routesNotified.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(routesNotified));
    }

    /** Nothing recorded yet. */
    public static CaseRecord empty(UUID leadId) {
        return new CaseRecord(leadId, null, null, null, null, null, null, null, null, Set.of());
    }

    public boolean hasConsent() {
        return consentOn != null;
    }
}
