package cn.mediationdesk.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rows of a part table read for many leads in one statement ({@code WHERE lead_id IN (…)}), handed out by
 * lead: the {@code …ByLead} methods of the repositories.
 */
final class ByLead {
    private ByLead() {
    }

    /** Whether there is nothing to read: an empty IN list is not valid SQL. */
    static boolean none(Collection<UUID> leadIds) {
        return leadIds.isEmpty();
    }

    /** Each lead's rows, in the order they were read (the statement orders them within a lead). */
    static <T> Map<UUID, List<T>> lists(List<T> rows, Function<T, UUID> leadOf) {
        Map<UUID, List<T>> byLead = new LinkedHashMap<>();
        for (T row : rows) {
            byLead.computeIfAbsent(leadOf.apply(row), id -> new ArrayList<>()).add(row);
        }
        return byLead;
    }

    /** Each lead's one row, for a table keyed by the lead. */
    static <T> Map<UUID, T> ones(List<T> rows, Function<T, UUID> leadOf) {
        Map<UUID, T> byLead = new LinkedHashMap<>();
        for (T row : rows) {
            byLead.put(leadOf.apply(row), row);
        }
        return byLead;
    }
}
