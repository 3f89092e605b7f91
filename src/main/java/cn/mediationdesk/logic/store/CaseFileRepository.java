package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.PartyAgent;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Referral;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The parts of a case the official forms add to the lifecycle: the parties' agents, the case record
 * (application, consent, notices, police report), the referral log, what the 立卷人 writes on the file,
 * and the 防止 categories recorded at the end. Each is kept whole: saving replaces what was there.
 */
public interface CaseFileRepository {
    List<PartyAgent> agents(UUID leadId);

    /** The lead's agents become exactly {@code agents} (each tied to one of its parties). */
    void replaceAgents(UUID leadId, List<PartyAgent> agents);

    Optional<CaseRecord> caseRecord(UUID leadId);

    void saveCaseRecord(CaseRecord record);

    List<Referral> referrals(UUID leadId);

    /** Adds the referral, or replaces the one with its id (when the receipt or feedback arrives). */
    void saveReferral(Referral referral);

    Optional<CaseFileInfo> caseFileInfo(UUID leadId);

    void saveCaseFileInfo(CaseFileInfo info);

    Set<PreventionKind> preventions(UUID leadId);

    void replacePreventions(UUID leadId, Set<PreventionKind> kinds);

    /** Removes every part above (an exchange package brings the lead's own). */
    void deleteAll(UUID leadId);
}
