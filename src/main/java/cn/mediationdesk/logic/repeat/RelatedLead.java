package cn.mediationdesk.logic.repeat;

import cn.mediationdesk.model.LeadState;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A lead as the repeat lists show it: an earlier lead a party appears in, or one of a person's leads.
 *
 * @param number          the case number, else the lead number, else empty
 * @param state           where it stands today (its outcome once closed)
 * @param matchedBy       how its parties matched (empty in a person's or an address's list)
 * @param matchedParties  the names of its parties that matched
 * @param recurredAfter   whether the lead being looked at is marked as the recurrence (矛盾反复) of this one
 */
public record RelatedLead(UUID leadId, LocalDate foundOn, String number, LeadState state, long committeeId,
                          String committeeName, String summary, Set<MatchKind> matchedBy,
                          List<String> matchedParties, boolean recurredAfter) {
    public RelatedLead {
        matchedBy = Set.copyOf(matchedBy);
        matchedParties = List.copyOf(matchedParties);
    }
}
