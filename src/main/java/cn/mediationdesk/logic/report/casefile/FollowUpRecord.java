package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Satisfaction;

import java.time.LocalDate;
import java.util.List;

/** 回访记录: one visit after the agreement, the {@code number}-th of the case (from 1). */
public record FollowUpRecord(CaseHeader header, int number, LocalDate visitedOn, LocalDate agreedOn,
                             Performance performance, Satisfaction satisfaction, boolean escalationSigns,
                             String notes, List<DocumentParty> parties) {
    public FollowUpRecord {
        parties = List.copyOf(parties);
    }
}
