package cn.mediationdesk.persistence;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What is derived from a lead's rows and kept beside them: the ledger's text index
 * ({@link LeadTextIndex}) and the tally's counts ({@link KeptCounts}). Every DAO that writes a lead row
 * or a part the two read (parties, case numbers, extensions, risk assessments) reports the lead here;
 * within {@link Database#write} the leads reported are brought up to date together just before the
 * commit ({@link #inStep}), elsewhere at once. Both are recomputed from the rows, never adjusted by the
 * caller, so a report too many costs a little time and nothing else.
 */
public final class LeadChanges {
    /** The leads changed by each open write transaction, brought up to date before it commits. */
    private static final Map<Handle, Set<UUID>> PENDING = new IdentityHashMap<>();

    private LeadChanges() {
    }

    /** The lead {@code leadId} or one of its parts was written on {@code handle}. */
    public static void changed(Handle handle, UUID leadId) {
        changed(handle, List.of(leadId));
    }

    /** The leads {@code leadIds} or their parts were written on {@code handle}. */
    public static void changed(Handle handle, Collection<UUID> leadIds) {
        synchronized (PENDING) {
            Set<UUID> pending = PENDING.get(handle);
            if (pending != null) {
                pending.addAll(leadIds);
                return;
            }
        }
        bringUpToDate(handle, leadIds);
    }

    /** Runs {@code work} in the open transaction of {@code handle}, then updates what the leads it changed feed. */
    static <R> R inStep(Handle handle, Supplier<R> work) {
        Set<UUID> pending = new LinkedHashSet<>();
        synchronized (PENDING) {
            if (PENDING.putIfAbsent(handle, pending) != null) {
                return work.get();
            }
        }
        try {
            R result = work.get();
            bringUpToDate(handle, pending);
            return result;
        } finally {
            synchronized (PENDING) {
                PENDING.remove(handle);
            }
        }
    }

    private static void bringUpToDate(Handle handle, Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        LeadTextIndex.indexLeads(handle, leadIds);
        KeptCounts.recount(handle, leadIds);
    }
}
