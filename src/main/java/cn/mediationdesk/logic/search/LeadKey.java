package cn.mediationdesk.logic.search;

import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a listed lead stands in every order a list offers: the value of each sortable column as the
 * row showed it, judged on the filter's as-of day, and the day found and id that break every tie. A
 * page after (or before) a row is read from these values, not from the lead as it is now, so a lead
 * changed or deleted since it was shown still marks the place to go on from.
 *
 * @param caseYear    the case number's year, or {@code null} before acceptance (the case-number order is year first)
 * @param caseNumber  the case number as issued, or {@code null}
 * @param leadNo      the lead number, or {@code null}
 * @param dueOn       the due date shown (in force on the as-of day), or {@code null}
 * @param state       the state at the end of the as-of day
 * @param risk        the lead's risk level (what the risk order sorts by)
 */
public record LeadKey(LocalDate foundOn, UUID id, Integer caseYear, String caseNumber, String leadNo, LocalDate dueOn,
                      LeadState state, long committeeId, long communityId, String disputeTypeCode, String sourceCode,
                      RiskLevel risk) {
    public LeadKey {
        Objects.requireNonNull(foundOn, "foundOn");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(disputeTypeCode, "disputeTypeCode");
        Objects.requireNonNull(sourceCode, "sourceCode");
        Objects.requireNonNull(risk, "risk");
        if ((caseYear == null) != (caseNumber == null)) {
            throw new IllegalArgumentException("a case number has its year, and a year its number");
        }
    }
}
