package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/** 调解记录: a dated meeting with who took part and what was said. */
public record MediationSession(UUID id, UUID leadId, LocalDate heldOn, String place,
                               String participants, String notes) {
}
