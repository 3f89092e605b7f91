package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;

/**
 * A new assessment of a lead's risk (重新评估): dated no later than today and no earlier than the day the
 * lead was found.
 *
 * @param reason why the level is set (optional)
 */
public record Reassessment(LocalDate assessedOn, RiskLevel risk, boolean criminalRisk, boolean groupRisk,
                           String reason) {
}
