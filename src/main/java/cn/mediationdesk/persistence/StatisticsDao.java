package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.StatisticsRepository;
import cn.mediationdesk.logic.tally.Prevented;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.model.PreventionKind;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The statistics-table figures, counted in one grouped statement ({@link StatisticsSql}). */
final class StatisticsDao implements StatisticsRepository {
    private final Handle handle;

    StatisticsDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, StatisticsCounts> countByType(TallyQuery query) {
        StatisticsSql statement = new StatisticsSql(query);
        Map<String, StatisticsCounts> counts = new LinkedHashMap<>();
        handle.createQuery(statement.sql())
                .bindMap(statement.parameters())
                .map((rs, ctx) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    String type = rs.getString("grp");
                    Map<PreventionKind, Prevented> prevented = new EnumMap<>(PreventionKind.class);
                    for (PreventionKind kind : PreventionKind.values()) {
                        String column = StatisticsSql.preventedColumn(kind);
                        prevented.put(kind, new Prevented(rs.getLong(column + "_cases"),
                                rs.getLong(column + "_persons")));
                    }
                    counts.put(type, new StatisticsCounts(rs.getLong("accepted"), rs.getLong("resolved"),
                            rs.getLong("written"), rs.getLong("oral"), amount == null ? BigDecimal.ZERO : amount,
                            prevented, rs.getLong("performed"), rs.getLong("judicial_applied"),
                            rs.getLong("judicial_confirmed")));
                    return type;
                })
                .list();
        return counts;
    }
}
