package cn.mediationdesk.logic.report.casefile;

import java.time.LocalDate;
import java.util.List;

/**
 * 当事人权利义务告知书: the parties' rights and duties in mediation (人民调解法 Arts. 23–24), given to
 * them before mediation and signed by each.
 *
 * @param givenOn the day it was given, or {@code null} for a line to date by hand
 */
public record RightsNotice(CaseHeader header, List<DocumentParty> parties, LocalDate givenOn) {
    public RightsNotice {
        parties = List.copyOf(parties);
    }
}
