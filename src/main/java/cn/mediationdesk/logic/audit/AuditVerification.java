package cn.mediationdesk.logic.audit;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerifier} found: the problems in order (the entries first, in the order of the
 * chain; then the head; then records changed behind the application's back), and notes that are no
 * failure (entries sealed on another PC, no head recorded on this one).
 *
 * @param entries how many entries the trail holds
 */
public record AuditVerification(long entries, List<AuditFinding> problems, List<AuditFinding> notes) {
    public AuditVerification {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    public Optional<AuditFinding> firstProblem() {
        return problems.stream().findFirst();
    }
}
