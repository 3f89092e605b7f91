package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.TallyRepository;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The counting of the tally engine, done in one grouped SQL statement. */
final class TallyDao implements TallyRepository {
    private final Handle handle;

    TallyDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, TallyCounts> countByGroup(TallyQuery query) {
        TallySql statement = new TallySql(query);
        Map<String, TallyCounts> counts = new LinkedHashMap<>();
        handle.createQuery(statement.sql())
                .bindMap(statement.parameters())
                .map((rs, ctx) -> {
                    String key = groupCode(query.by(), rs.getObject("grp"));
                    counts.put(key, new TallyCounts(rs.getLong("leads"), rs.getLong("pending"),
                            rs.getLong("unfounded"), rs.getLong("duplicate"), rs.getLong("transferred"),
                            rs.getLong("declined"), rs.getLong("accepted"), rs.getLong("mediating"), rs.getLong("resolved"),
                            rs.getLong("failed"), rs.getLong("terminated"), rs.getLong("overdue")));
                    return key;
                })
                .list();
        return counts;
    }

    private static String groupCode(Grouping by, Object value) {
        if (by == Grouping.MONTH) {
            int yearMonth = ((Number) value).intValue();
            return "%04d-%02d".formatted(yearMonth / 100, yearMonth % 100);
        }
        return String.valueOf(value);
    }

    @Override
    public Optional<DateRange> foundOnRange(TallyQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = TallySql.rangeSql(query, parameters);
        return Optional.ofNullable(handle.createQuery(sql).bindMap(parameters)
                .map((rs, ctx) -> {
                    LocalDate first = rs.getObject("first_day", LocalDate.class);
                    return first == null ? null : new DateRange(first, rs.getObject("last_day", LocalDate.class));
                })
                .one());
    }
}
