package cn.mediationdesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored event of a lead: its business date ({@code effectiveOn}), when it was recorded, and
 * the value it set ({@code detail}: a result, an outcome, a new due date, or for a correction what
 * changed from what).
 */
public record Transition(UUID id, UUID leadId, TransitionKind kind, LocalDate effectiveOn,
                         String detail, Instant recordedAt, String recordedBy) {
}
