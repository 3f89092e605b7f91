package cn.mediationdesk.persistence;

import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.RiskAssessment;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the lead row's tally facts (migration V17) in step with its extensions and risk assessments,
 * inside the writing transaction. They let the tally and the ledger judge most leads from the lead's
 * index alone: {@code extended_on} (the day its first extension was agreed; null when never extended)
 * says whether the due date in force on a day can differ from {@code due_on}, and
 * {@code risk_latest_code} with {@code risk_changed_on} (the day of its latest assessment when it has
 * more than one) say whether the risk level in force on a day needs the assessment history at all.
 *
 * <p>Every path that writes extensions or risk assessments calls {@link #refresh}; the values are
 * always recomputed from the parts, never adjusted, so a call too many is harmless.
 */
public final class TallyFacts {
    /** Ids per statement: an IN list of this size stays well inside both databases' limits. */
    private static final int CHUNK = 500;

    private TallyFacts() {
    }

    /** Recomputes the tally facts of the leads {@code leadIds} from their extensions and assessments. */
    public static void refresh(Handle handle, Collection<UUID> leadIds) {
        List<UUID> ids = List.copyOf(leadIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            handle.createUpdate("""
                            UPDATE lead SET
                                extended_on = (SELECT MIN(x.agreed_on) FROM extension x WHERE x.lead_id = lead.id),
                                risk_latest_code = (SELECT ra.risk_code FROM risk_assessment ra WHERE ra.lead_id = lead.id
                                    ORDER BY ra.assessed_on DESC, ra.recorded_at DESC, ra.id DESC FETCH FIRST 1 ROW ONLY),
                                risk_changed_on = CASE WHEN (SELECT COUNT(*) FROM risk_assessment ra WHERE ra.lead_id = lead.id) > 1
                                    THEN (SELECT MAX(ra.assessed_on) FROM risk_assessment ra WHERE ra.lead_id = lead.id) END
                            WHERE id IN (<ids>)""")
                    .bindList("ids", chunk)
                    .execute();
        }
        // the risk level a lead settles with feeds the tally's counts
        LeadChanges.changed(handle, ids);
    }

    /**
     * The facts of a lead from its parts, for a writer that inserts the lead row with its parts in bulk
     * and so cannot {@link #refresh} row by row: the same rules as the statement of {@link #refresh}.
     */
    static Values of(List<Extension> extensions, List<RiskAssessment> assessments) {
        LocalDate extendedOn = extensions.stream().map(Extension::agreedOn).min(Comparator.naturalOrder()).orElse(null);
        RiskAssessment latest = assessments.stream().max(Comparator.comparing(RiskAssessment::assessedOn)
                .thenComparing(RiskAssessment::recordedAt)
                // both databases order UUIDs by their bytes, unsigned, as their text sorts
                .thenComparing(a -> a.id().toString())).orElse(null);
        return new Values(extendedOn, latest == null ? null : latest.risk().name(),
                assessments.size() > 1 ? latest.assessedOn() : null);
    }

    /** The three facts as the lead row holds them. */
    record Values(LocalDate extendedOn, String riskLatestCode, LocalDate riskChangedOn) {
    }

    /** {@link #refresh} for one lead. */
    public static void refresh(Handle handle, UUID leadId) {
        refresh(handle, List.of(leadId));
    }
}
