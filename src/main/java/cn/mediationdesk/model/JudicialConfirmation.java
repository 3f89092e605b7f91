package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/** 司法确认: the parties asked a court to confirm the agreement; {@code confirmed} is null while pending. */
public record JudicialConfirmation(UUID leadId, LocalDate appliedOn, String court, LocalDate decidedOn,
                                   Boolean confirmed) {
}
