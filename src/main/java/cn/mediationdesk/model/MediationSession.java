package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 调解记录: a dated meeting with who took part and what was said.
 *
 * @param matter             事由
 * @param recorder           记录人
 * @param noticeGiven        the parties were told their rights and duties before the session began
 * @param confirmedByParties the parties read the record and confirmed it (they sign it on paper)
 */
public record MediationSession(UUID id, UUID leadId, LocalDate heldOn, String place,
                               String participants, String notes, String matter, String recorder,
                               boolean noticeGiven, boolean confirmedByParties) {
}
