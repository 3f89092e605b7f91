package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Satisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * 人民调解回访记录: one visit after the agreement, the {@code number}-th of the case (from 1).
 *
 * @param visitedParty the party visited, empty when not recorded
 * @param way          how, or {@code null} when not recorded
 * @param reason       回访事由, empty when not recorded
 */
public record FollowUpRecord(CaseHeader header, int number, LocalDate visitedOn, LocalDate agreedOn,
                             Performance performance, Satisfaction satisfaction, boolean escalationSigns,
                             String notes, String visitedParty, FollowUpWay way, String reason,
                             List<DocumentParty> parties) {
    public FollowUpRecord {
        parties = List.copyOf(parties);
    }
}
