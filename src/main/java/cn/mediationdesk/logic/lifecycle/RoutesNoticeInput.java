package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.OtherRoute;

import java.time.LocalDate;
import java.util.Set;

/**
 * The notice to the parties of a failed mediation of the other routes open to them (人民调解法
 * Art. 26): the day they were told and which routes were named.
 */
public record RoutesNoticeInput(LocalDate notifiedOn, Set<OtherRoute> routes) {
    public RoutesNoticeInput {
        routes = routes == null ? Set.of() : Set.copyOf(routes);
    }
}
