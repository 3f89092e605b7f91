package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Lead;

import java.util.List;
import java.util.UUID;

/**
 * A ledger that passed every check, ready to be written: its leads in an order in which each
 * duplicate comes after the lead it repeats, and the organization it needs created first.
 * Communities and committees are named by their names, which are unique, because those to be
 * created have no id yet.
 */
record ImportPlan(List<PlannedLead> leads, List<String> newCommunities, List<String> newCommittees,
                  List<GridKey> newGrids, List<String> unknownColumns) {

    /**
     * One row's lead.
     *
     * @param id the lead's id: the existing lead's when the row updates it, else a new one
     * @param existing the lead the row updates, or {@code null} when it adds one
     * @param duplicateOfId the lead a duplicate repeats, in the database or elsewhere in the file
     * @param correction whether the row moves a finished lead backwards, which is written (only
     *                   when corrections are allowed) and audited as a correction
     */
    record PlannedLead(LedgerRow row, UUID id, Lead existing, String community, String committee,
                       UUID duplicateOfId, boolean correction) {
    }

    record GridKey(String community, String name) {
    }

    ImportReport report(boolean dryRun) {
        int updated = (int) leads.stream().filter(p -> p.existing() != null).count();
        int corrected = (int) leads.stream().filter(PlannedLead::correction).count();
        return new ImportReport(leads.size() - updated, updated, corrected, newCommunities, newCommittees,
                newGrids.size(), unknownColumns, dryRun);
    }
}
