package cn.mediationdesk.logic.store;

import cn.mediationdesk.logic.report.LedgerExportRow;
import cn.mediationdesk.logic.tally.TallyQuery;

import java.util.function.Consumer;

/** The ledger rows themselves, for exporting: every lead a summary would count, one at a time. */
public interface LedgerExportRepository {
    /**
     * Hands every lead the query selects (its period, community and committee; duplicates included)
     * to {@code sink} in the order they were found, judged at the end of its as-of day. Rows are
     * streamed, so a ledger of a million leads needs no more memory than one of a hundred.
     */
    void forEach(TallyQuery query, Consumer<LedgerExportRow> sink);
}
