package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.RiskLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a mediator enters when a dispute is first reported. */
public record NewLead(long committeeId, long communityId, Long gridId, String leadNo, LocalDate foundOn,
                      String sourceCode, String disputeTypeCode, String summary, Integer peopleCount,
                      BigDecimal amount, RiskLevel risk, boolean criminalRisk, boolean groupRisk,
                      List<PartyInput> parties) {
    public NewLead {
        parties = parties == null ? List.of() : List.copyOf(parties);
        risk = risk == null ? RiskLevel.DEFAULT : risk;
    }
}
