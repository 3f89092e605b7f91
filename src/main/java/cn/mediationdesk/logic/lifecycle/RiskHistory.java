package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The assessments that keep a lead's risk history whole: every lead has at least one, the first dated
 * the day it was found, and the lead row carries the level of the latest.
 */
public final class RiskHistory {
    public static final int REASON_MAX_LENGTH = 500;

    private RiskHistory() {
    }

    /** The assessment a lead gets when it is registered or imported: its level on the day it was found. */
    public static RiskAssessment first(Lead lead, String assessedBy, Instant now) {
        return new RiskAssessment(UUID.randomUUID(), lead.id(), lead.foundOn(), lead.risk(), lead.criminalRisk(),
                lead.groupRisk(), assessedBy, null, now);
    }

    /** A new assessment of {@code lead} dated {@code on}. */
    public static RiskAssessment of(Lead lead, LocalDate on, RiskLevel risk, boolean criminalRisk, boolean groupRisk,
                                    String assessedBy, String reason, Instant now) {
        return new RiskAssessment(UUID.randomUUID(), lead.id(), on, risk, criminalRisk, groupRisk, assessedBy, reason,
                now);
    }

    /** Whether the lead row's level and flags differ from the assessment's: a new assessment is then due. */
    public static boolean changed(Lead before, Lead after) {
        return before.risk() != after.risk() || before.criminalRisk() != after.criminalRisk()
                || before.groupRisk() != after.groupRisk();
    }
}
