package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ledger.ImportPlan.PlannedLead;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Imports a ledger file (DESIGN §8) all or nothing: the file is read and every row checked first
 * (against the rules of §4, the dictionaries, the organization and the other rows); only a ledger
 * without a single problem is written, in one transaction. A row that would move a finished lead
 * backwards is a problem too, unless {@link ImportOptions#allowCorrections()} is given by someone who
 * may correct: then it is written and audited as a correction.
 */
public final class LedgerImporter {
    private final Store store;
    private final Clock clock;
    private final User actor;

    /**
     * @param actor who imports: an administrator any ledger; a director or mediator only rows of
     *              their own committee, and nothing that creates communities, committees or grids;
     *              a viewer nothing
     */
    public LedgerImporter(Store store, Clock clock, User actor) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.actor = actor;
    }

    /**
     * Imports {@code file}, or with {@link ImportOptions#dryRun()} only checks it.
     *
     * @throws LedgerRejectedException with every problem found; nothing has been written
     */
    public ImportReport importLedger(Path file, ImportOptions options) {
        return importLedger(file, options, ColumnMapping.NONE);
    }

    /**
     * Imports {@code file} in an office's own layout, read through {@code mapping}; problems name
     * the file's own headers.
     *
     * @throws LedgerRejectedException with every problem found; nothing has been written
     */
    public ImportReport importLedger(Path file, ImportOptions options, ColumnMapping mapping) {
        store.read(tx -> requireImporter(tx));
        LedgerTable table = LedgerReader.read(file, options.charset());
        LedgerHeader header = LedgerHeader.of(table, mapping);
        LocalDate today = LocalDate.now(clock);
        if (options.dryRun()) {
            return store.read(tx -> {
                ImportPlan plan = new ImportPlanner(tx, header, options, today).plan(table);
                requirePermitted(tx, plan);
                return plan.report(true);
            });
        }
        // Checked and written in one transaction, so that nothing can change in between; a bulk write,
        // so that even a crash while it commits leaves all of it or none.
        return store.bulkWrite(tx -> {
            ImportPlan plan = new ImportPlanner(tx, header, options, today).plan(table);
            User importer = requirePermitted(tx, plan);
            ImportWriter writer = new ImportWriter(tx, clock, importer.username(), String.valueOf(file.getFileName()));
            writer.write(plan);
            return plan.report(false).withMatchingEarlier(writer.matchingEarlier());
        });
    }

    /** A row applied as a correction needs who may correct that lead's committee (DESIGN §9): a director or admin. */
    private void requireCorrections(Tx tx, ImportPlan plan) {
        for (PlannedLead lead : plan.leads()) {
            if (lead.correction()) {
                try {
                    Access.requireCorrection(tx, actor, lead.existing().committeeId());
                } catch (PermissionDeniedException e) {
                    throw Access.denied("permission.import.correction", lead.row().number());
                }
            }
        }
    }

    private User requireImporter(Tx tx) {
        User current = Access.current(tx, actor);
        if (current.role() == Role.VIEWER) {
            throw Access.denied("permission.viewerNoCases");
        }
        return current;
    }

    /** Whether the actor may write every row of the plan; the first row they may not is named. */
    private User requirePermitted(Tx tx, ImportPlan plan) {
        User current = requireImporter(tx);
        requireCorrections(tx, plan);
        if (current.role() == Role.ADMIN) {
            return current;
        }
        if (!plan.newCommunities().isEmpty() || !plan.newCommittees().isEmpty() || !plan.newGrids().isEmpty()) {
            throw Access.denied("permission.import.createsOrganization");
        }
        String own = tx.organization().committees().stream().filter(c -> c.id() == current.committeeId())
                .map(Committee::name).findFirst().orElse("");
        for (PlannedLead lead : plan.leads()) {
            if (!lead.committee().equals(own)) {
                throw Access.denied("permission.import.otherCommittee", lead.row().number(), lead.committee());
            }
        }
        return current;
    }
}
