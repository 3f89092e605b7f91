package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.TallyRepository;
import cn.mediationdesk.logic.tally.DateRange;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.logic.tally.TallyQuery;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The counting of the tally engine, done in one grouped SQL statement. */
final class TallyDao implements TallyRepository {
    private final Handle handle;
    private final boolean countsKeptAhead;

    TallyDao(Handle handle) {
        this(handle, true);
    }

    /** @param countsKeptAhead false to judge every lead, as the tests compare the counts kept ahead with */
    TallyDao(Handle handle, boolean countsKeptAhead) {
        this.handle = handle;
        this.countsKeptAhead = countsKeptAhead;
    }

    @Override
    public Map<String, TallyCounts> countByGroup(TallyQuery query) {
        TallySql statement = new TallySql(query, !PostgresRoles.isPostgres(handle), countsKeptAhead);
        Function<Object, String> code = groupCode(query.by());
        Map<String, TallyCounts> counts = new LinkedHashMap<>();
        handle.createQuery(statement.sql())
                .bindMap(statement.parameters())
                .map((rs, ctx) -> {
                    TallyCounts row = new TallyCounts(rs.getLong("leads"), rs.getLong("pending"),
                            rs.getLong("unfounded"), rs.getLong("duplicate"), rs.getLong("transferred"),
                            rs.getLong("declined"), rs.getLong("accepted"), rs.getLong("mediating"), rs.getLong("resolved"),
                            rs.getLong("failed"), rs.getLong("terminated"), rs.getLong("overdue"));
                    counts.merge(code.apply(rs.getObject("grp")), row, TallyCounts::plus);
                    return row;
                })
                .list();
        return counts;
    }

    /**
     * The group's code from the stored value the statement groups by: the code of a community or
     * committee id, a source's group, a day's month, or the code itself.
     */
    private Function<Object, String> groupCode(Grouping by) {
        return switch (by) {
            case COMMUNITY -> codes("SELECT id AS k, code AS v FROM community");
            case COMMITTEE -> codes("SELECT id AS k, code AS v FROM committee");
            case SOURCE_GROUP -> codes("SELECT code AS k, source_group AS v FROM lead_source");
            case MONTH -> day -> YearMonth.from(toDate(day)).toString();
            case TYPE, SOURCE, RISK -> String::valueOf;
        };
    }

    private Function<Object, String> codes(String sql) {
        Map<String, String> byKey = new HashMap<>();
        handle.createQuery(sql).map((rs, ctx) -> byKey.put(rs.getString("k"), rs.getString("v"))).list();
        return key -> byKey.getOrDefault(String.valueOf(key), String.valueOf(key));
    }

    private static LocalDate toDate(Object day) {
        return day instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) day;
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
