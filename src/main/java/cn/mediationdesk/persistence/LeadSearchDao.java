package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.store.LeadSearchRepository;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskLevel;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lead search: one statement counts; for a page, one finds its ids, one reads what the list
 * shows of them, one the parties' names.
 */
final class LeadSearchDao implements LeadSearchRepository {
    private final Handle handle;

    LeadSearchDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public long count(LeadFilter filter) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        return handle.createQuery(statement.countSql()).bindMap(statement.countParameters()).mapTo(Long.class).one();
    }

    @Override
    public List<LeadListRow> page(LeadFilter filter, LeadSort sort, int offset, int limit) {
        LeadSearchSql statement = new LeadSearchSql(filter);
        List<UUID> ids = handle.createQuery(statement.pageSql(sort)).bindMap(statement.pageParameters(sort))
                .bind("o", offset).bind("n", limit)
                .map((rs, ctx) -> rs.getObject("id", UUID.class))
                .list();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = partyNames(ids);
        Map<UUID, LeadListRow> rows = new HashMap<>();
        handle.createQuery(LeadSearchSql.rowsSql()).bindList("ids", ids).bind("asOf", filter.asOf())
                .map((rs, ctx) -> new LeadListRow(rs.getObject("id", UUID.class), rs.getInt("version"),
                        rs.getString("case_number"), rs.getString("lead_no"),
                        rs.getObject("found_on", LocalDate.class), rs.getString("committee_name"),
                        rs.getString("community_name"), rs.getString("type_zh"), rs.getString("type_en"),
                        rs.getString("source_zh"), rs.getString("source_en"),
                        RiskLevel.valueOf(rs.getString("risk_code")), rs.getBoolean("criminal_risk"),
                        rs.getBoolean("group_risk"), LeadState.valueOf(rs.getString("st")),
                        rs.getBoolean("overdue"), rs.getObject("due_shown", LocalDate.class),
                        rs.getString("summary"), names.getOrDefault(rs.getObject("id", UUID.class), "")))
                .forEach(row -> rows.put(row.id(), row));
        // In the order the page found them.
        return ids.stream().map(rows::get).toList();
    }

    private Map<UUID, String> partyNames(List<UUID> leads) {
        Map<UUID, String> names = new LinkedHashMap<>();
        handle.createQuery(LeadSearchSql.partiesSql()).bindList("ids", leads)
                .map((rs, ctx) -> {
                    UUID lead = rs.getObject("lead_id", UUID.class);
                    String name = rs.getString("name");
                    names.merge(lead, name, (joined, next) -> joined + LeadListRow.NAME_SEPARATOR + next);
                    return lead;
                })
                .list();
        return names;
    }
}
