package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a lead's referral log: sent to whom and when, when they received it, and what they
 * reported back ({@code receivedOn}, {@code feedback} and {@code feedbackOn} are {@code null} until known).
 */
public record Referral(UUID id, UUID leadId, ReferralKind kind, String toBody, LocalDate sentOn,
                       LocalDate receivedOn, String feedback, LocalDate feedbackOn) {
}
