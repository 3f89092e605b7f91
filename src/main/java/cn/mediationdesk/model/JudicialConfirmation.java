package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 司法确认: the parties asked a court to confirm the agreement (法释〔2011〕5号).
 *
 * @param courtCaseNumber the court's 调确字 number, once it has one
 * @param result          how the court ended it; {@code null} while pending, when {@code decidedOn} is too
 */
public record JudicialConfirmation(UUID leadId, LocalDate appliedOn, String court, String courtCaseNumber,
                                   JudicialResult result, LocalDate decidedOn) {
    /** The court confirmed the agreement. */
    public boolean confirmed() {
        return result == JudicialResult.CONFIRMED;
    }
}
