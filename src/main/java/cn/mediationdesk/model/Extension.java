package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/** An extension of the time limit agreed by the parties on {@code agreedOn}, moving the due date. */
public record Extension(UUID id, UUID leadId, LocalDate agreedOn, LocalDate newDueOn, String reason) {
}
