package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.VerificationStep;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A lead with everything recorded under it: what the editor shows and the case file prints. */
public record LeadFile(Lead lead, List<Party> parties, List<VerificationStep> verificationSteps,
                       List<Long> mediatorIds, List<MediationSession> sessions, Optional<Agreement> agreement,
                       List<Extension> extensions, List<FollowUp> followUps,
                       Optional<JudicialConfirmation> judicialConfirmation, List<Transition> transitions) {

    /** The due date in force at the end of {@code day}: the latest extension agreed by then, else the original. */
    public LocalDate dueOn(LocalDate day) {
        return extensions.stream()
                .filter(e -> !e.agreedOn().isAfter(day))
                .map(cn.mediationdesk.model.Extension::newDueOn)
                .max(Comparator.naturalOrder())
                .orElse(lead.dueOn());
    }
}
