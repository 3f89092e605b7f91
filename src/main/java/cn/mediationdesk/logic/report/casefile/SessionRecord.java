package cn.mediationdesk.logic.report.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解记录: one mediation session, the {@code number}-th of the case (from 1). Texts not recorded
 * are empty.
 *
 * @param matter             事由
 * @param recorder           记录人
 * @param noticeGiven        the parties were told their rights and duties before it began
 * @param confirmedByParties the parties read the record and confirmed it
 */
public record SessionRecord(CaseHeader header, int number, LocalDate heldOn, String place, String participants,
                            String notes, String matter, String recorder, boolean noticeGiven,
                            boolean confirmedByParties, List<DocumentParty> parties, List<String> mediators) {
    public SessionRecord {
        parties = List.copyOf(parties);
        mediators = List.copyOf(mediators);
    }
}
