package cn.mediationdesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One dated assessment of a lead's risk (风险评估). A lead's assessments make its risk history; the
 * level in force on a day is that of the latest assessment dated on or before it, and the lead row
 * holds the latest of all.
 *
 * @param assessedBy who assessed it (the user's name as shown); {@code null} only for the level every
 *                   existing lead got as its first assessment when the history began (migration 13),
 *                   which has the lead's own id
 * @param reason     why the level was set or changed (optional)
 * @param recordedAt when it was written down
 */
public record RiskAssessment(UUID id, UUID leadId, LocalDate assessedOn, RiskLevel risk, boolean criminalRisk,
                             boolean groupRisk, String assessedBy, String reason, Instant recordedAt) {

    /** Whether this is the level carried over from before risk history was kept. */
    public boolean carriedOver() {
        return assessedBy == null;
    }

    /** The same level, flags included: a new assessment that changes nothing is not worth a row. */
    public boolean sameLevel(RiskLevel otherRisk, boolean otherCriminalRisk, boolean otherGroupRisk) {
        return risk == otherRisk && criminalRisk == otherCriminalRisk && groupRisk == otherGroupRisk;
    }
}
