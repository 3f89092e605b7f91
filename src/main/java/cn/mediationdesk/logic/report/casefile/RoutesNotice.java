package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.OtherRoute;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 调解不成告知书 (人民调解法 Art. 26): mediation failed and the parties were told the other routes to
 * their rights.
 *
 * @param routes   the routes named; empty prints all three
 * @param notifiedOn the day they were told, or {@code null} for a line to date by hand
 */
public record RoutesNotice(CaseHeader header, List<DocumentParty> parties, String typeZh, String typeEn,
                           Set<OtherRoute> routes, LocalDate closedOn, LocalDate notifiedOn) {
    public RoutesNotice {
        parties = List.copyOf(parties);
        routes = Set.copyOf(routes);
    }

    public String typeLabel(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }
}
