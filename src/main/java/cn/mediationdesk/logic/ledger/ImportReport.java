package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did (or, for a dry run, would do).
 *
 * @param added leads new to the database
 * @param updated leads matched by committee and lead number and brought up to date with their row
 * @param corrected of the updated leads, those finished leads whose row was applied as a correction
 * @param createdCommunities names of the communities created because the ledger named them
 * @param createdCommittees names of the committees created because the ledger named them
 * @param createdGrids how many grids were created under their communities
 * @param unknownColumns header cells that name no ledger column; their cells were ignored
 * @param matchingEarlier of the leads written, those with a party found in an earlier lead (矛盾反复 to look into)
 */
public record ImportReport(int added, int updated, int corrected, List<String> createdCommunities,
                           List<String> createdCommittees, int createdGrids, List<String> unknownColumns,
                           boolean dryRun, int matchingEarlier) {
    public ImportReport {
        createdCommunities = List.copyOf(createdCommunities);
        createdCommittees = List.copyOf(createdCommittees);
        unknownColumns = List.copyOf(unknownColumns);
    }

    /** A report that matched no lead against earlier ones. */
    public ImportReport(int added, int updated, int corrected, List<String> createdCommunities,
                        List<String> createdCommittees, int createdGrids, List<String> unknownColumns, boolean dryRun) {
        this(added, updated, corrected, createdCommunities, createdCommittees, createdGrids, unknownColumns, dryRun, 0);
    }

    /** The same report, with how many leads written match earlier ones. */
    public ImportReport withMatchingEarlier(int leads) {
        return new ImportReport(added, updated, corrected, createdCommunities, createdCommittees, createdGrids,
                unknownColumns, dryRun, leads);
    }

    /** A report without corrections. */
    public ImportReport(int added, int updated, List<String> createdCommunities, List<String> createdCommittees,
                        int createdGrids, List<String> unknownColumns, boolean dryRun) {
        this(added, updated, 0, createdCommunities, createdCommittees, createdGrids, unknownColumns, dryRun);
    }

    /** The same report as for an import done: what a check that passed says the import will do. */
    public ImportReport asImport() {
        return new ImportReport(added, updated, corrected, createdCommunities, createdCommittees, createdGrids,
                unknownColumns, false, matchingEarlier);
    }

    /** The report as lines for the user, the same on the command line and on screen. */
    public List<String> describe(Localization l10n) {
        String separator = l10n.isChinese() ? "、" : ", ";
        List<String> lines = new ArrayList<>();
        if (dryRun) {
            lines.add(l10n.text("ledger.report.dryRun"));
        }
        lines.add(l10n.text("ledger.report.counts", added, updated));
        if (corrected > 0) {
            lines.add(l10n.text("ledger.report.corrected", corrected));
        }
        if (!createdCommunities.isEmpty()) {
            lines.add(l10n.text("ledger.report.communitiesCreated", String.join(separator, createdCommunities)));
        }
        if (!createdCommittees.isEmpty()) {
            lines.add(l10n.text("ledger.report.committeesCreated", String.join(separator, createdCommittees)));
        }
        if (createdGrids > 0) {
            lines.add(l10n.text("ledger.report.gridsCreated", createdGrids));
        }
        if (!unknownColumns.isEmpty()) {
            lines.add(l10n.text("ledger.report.unknownColumns", String.join(separator, unknownColumns)));
        }
        if (matchingEarlier > 0) {
            lines.add(l10n.text("ledger.report.matchingEarlier", matchingEarlier));
        }
        return lines;
    }
}
