package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/** One dated step of checking a lead: a visit, a call, a document seen. */
public record VerificationStep(UUID id, UUID leadId, LocalDate stepOn, String method, String note,
                               Long personId) {
}
