package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The lead {@code leadId} is the same dispute flaring up again (矛盾反复) after {@code earlierLeadId}.
 *
 * @param reopened the lead was made by reopening the earlier, closed case after a follow-up visit
 *                 found the dispute alive (it counts as a new lead, found on the day of reopening)
 */
public record Recurrence(UUID leadId, UUID earlierLeadId, LocalDate markedOn, boolean reopened, String note) {
}
