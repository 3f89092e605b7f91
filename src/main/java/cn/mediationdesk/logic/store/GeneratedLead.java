package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.time.Instant;
import java.util.List;

/**
 * One synthetic lead with every part the services would have written for it, ready to be stored in
 * bulk: the lead row as it stands now and its history.
 *
 * @param mediators the persons assigned, the principal first; empty unless accepted
 * @param agreement the agreement of a resolved case, else null
 * @param caseRecord the consent recorded at acceptance, else null
 * @param recordedAt when the rows were written (the lead's created_at and updated_at)
 */
public record GeneratedLead(Lead lead, List<Party> parties, List<VerificationStep> verificationSteps,
                            List<Long> mediators, List<MediationSession> sessions, List<Extension> extensions,
                            Agreement agreement, List<FollowUp> followUps, List<RiskAssessment> riskAssessments,
                            List<Transition> transitions, CaseRecord caseRecord, Instant recordedAt) {
}
