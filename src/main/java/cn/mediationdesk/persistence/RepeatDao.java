package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.RepeatRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The repeat-dispute queries. The matches walk the party indexes (id_number, phone, name) with an IN
 * list of the lead's own values; only fixed fragments are put together, every value is bound.
 */
final class RepeatDao implements RepeatRepository {
    private final Handle handle;

    RepeatDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<PartyHit> byIdNumber(Collection<String> idNumbers, UUID exclude, LocalDate onOrBefore, Long committeeId) {
        return hits("p.id_number", idNumbers, exclude, onOrBefore, committeeId);
    }

    @Override
    public List<PartyHit> byPhone(Collection<String> phones, UUID exclude, LocalDate onOrBefore, Long committeeId) {
        return hits("p.phone", phones, exclude, onOrBefore, committeeId);
    }

    @Override
    public List<PartyHit> byName(Collection<String> names, UUID exclude, LocalDate onOrBefore, Long committeeId) {
        return hits("p.name", names, exclude, onOrBefore, committeeId);
    }

    /** {@code column} is one of the three fixed party columns above, never input. */
    private List<PartyHit> hits(String column, Collection<String> values, UUID exclude, LocalDate onOrBefore,
                                Long committeeId) {
        if (values.isEmpty()) {
            return List.of();
        }
        String sql = """
                SELECT p.lead_id, p.name, p.id_number, p.phone, p.address
                FROM party p JOIN lead l ON l.id = p.lead_id
                WHERE %s IN (<values>) AND p.lead_id <> :exclude AND l.found_on <= :onOrBefore%s
                ORDER BY l.found_on DESC, p.lead_id, p.position""".formatted(column, committee(committeeId));
        Query query = handle.createQuery(sql).bindList("values", List.copyOf(values)).bind("exclude", exclude)
                .bind("onOrBefore", onOrBefore);
        bindCommittee(query, committeeId);
        return query.map((rs, ctx) -> new PartyHit(rs.getObject("lead_id", UUID.class), rs.getString("name"),
                rs.getString("id_number"), rs.getString("phone"), rs.getString("address"))).list();
    }

    @Override
    public List<Count> idNumbersInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit) {
        return counts("p.id_number, MIN(p.name) AS name, MIN(p.address) AS address", "p.id_number IS NOT NULL",
                "p.id_number", from, to, committeeId, atLeast, limit);
    }

    @Override
    public List<Count> namesAtAddressesInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit) {
        return counts("NULL AS id_number, p.name, p.address", "p.id_number IS NULL AND p.address IS NOT NULL",
                "p.name, p.address", from, to, committeeId, atLeast, limit);
    }

    @Override
    public List<Count> addressesInLeads(LocalDate from, LocalDate to, Long committeeId, int atLeast, int limit) {
        return counts("NULL AS id_number, NULL AS name, p.address", "p.address IS NOT NULL", "p.address",
                from, to, committeeId, atLeast, limit);
    }

    /** The selected, condition and grouping fragments are the fixed ones of the three callers above. */
    private List<Count> counts(String selected, String condition, String groupBy, LocalDate from, LocalDate to,
                               Long committeeId, int atLeast, int limit) {
        String sql = """
                SELECT %s, COUNT(DISTINCT p.lead_id) AS n
                FROM party p JOIN lead l ON l.id = p.lead_id
                WHERE %s%s
                GROUP BY %s
                HAVING COUNT(DISTINCT p.lead_id) >= :atLeast
                ORDER BY n DESC, %s
                FETCH FIRST :limit ROWS ONLY""".formatted(selected, condition, period(from, to, committeeId),
                groupBy, groupBy);
        Query query = handle.createQuery(sql).bind("atLeast", atLeast).bind("limit", limit);
        bindPeriod(query, from, to, committeeId);
        return query.map((rs, ctx) -> new Count(rs.getString("id_number"), rs.getString("name"),
                rs.getString("address"), rs.getInt("n"))).list();
    }

    @Override
    public List<UUID> leadsWithIdNumber(String idNumber, LocalDate from, LocalDate to, Long committeeId) {
        return leads("p.id_number = :idNumber", from, to, committeeId).bind("idNumber", idNumber)
                .mapTo(UUID.class).list();
    }

    @Override
    public List<UUID> leadsWithNameAt(String name, String address, LocalDate from, LocalDate to, Long committeeId) {
        return leads("p.name = :name AND p.address = :address", from, to, committeeId).bind("name", name)
                .bind("address", address).mapTo(UUID.class).list();
    }

    @Override
    public List<UUID> leadsAt(String address, LocalDate from, LocalDate to, Long committeeId) {
        return leads("p.address = :address", from, to, committeeId).bind("address", address).mapTo(UUID.class).list();
    }

    private Query leads(String condition, LocalDate from, LocalDate to, Long committeeId) {
        Query query = handle.createQuery("""
                SELECT l.id FROM lead l
                WHERE EXISTS (SELECT 1 FROM party p WHERE p.lead_id = l.id AND %s)%s
                ORDER BY l.found_on DESC, l.id""".formatted(condition, period(from, to, committeeId)));
        bindPeriod(query, from, to, committeeId);
        return query;
    }

    private static String period(LocalDate from, LocalDate to, Long committeeId) {
        return (from == null ? "" : " AND l.found_on >= :from") + (to == null ? "" : " AND l.found_on <= :to")
                + committee(committeeId);
    }

    private static void bindPeriod(Query query, LocalDate from, LocalDate to, Long committeeId) {
        if (from != null) {
            query.bind("from", from);
        }
        if (to != null) {
            query.bind("to", to);
        }
        bindCommittee(query, committeeId);
    }

    private static String committee(Long committeeId) {
        return committeeId == null ? "" : " AND l.committee_id = :committeeId";
    }

    private static void bindCommittee(Query query, Long committeeId) {
        if (committeeId != null) {
            query.bind("committeeId", committeeId);
        }
    }
}
