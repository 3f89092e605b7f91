package cn.mediationdesk.logic.report.casefile;

import java.time.LocalDate;
import java.util.List;

/** 调解记录: one mediation session, the {@code number}-th of the case (from 1). */
public record SessionRecord(CaseHeader header, int number, LocalDate heldOn, String place, String participants,
                            String notes, List<DocumentParty> parties, List<String> mediators) {
    public SessionRecord {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
    }
}
