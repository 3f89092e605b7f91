package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.store.LeadRepository;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Transition;
import cn.mediationdesk.model.TransitionKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes the dated transitions between two versions of a lead: a step taken for the first time is
 * its transition; a step that already existed and now says something else is a correction.
 */
public final class LeadHistory {
    private LeadHistory() {
    }

    /** Records what changed from {@code before} (null for a new lead) to {@code after}. */
    public static void record(LeadRepository leads, Lead before, Lead after, Clock clock, String user) {
        transitions(before, after, clock.instant(), LocalDate.now(clock), user).forEach(leads::insertTransition);
    }

    /**
     * The transitions {@link #record} writes, without writing them: for a writer that inserts many
     * leads' history in one batch.
     */
    public static List<Transition> transitions(Lead before, Lead after, Instant now, LocalDate today, String user) {
        List<Transition> written = new ArrayList<>();
        if (before == null) {
            add(written, after, TransitionKind.FOUND, after.foundOn(), null, now, user);
        } else if (!before.foundOn().equals(after.foundOn())) {
            correction(written, after, "found_on", before.foundOn(), after.foundOn(), today, now, user);
        }
        step(written, before == null ? null : before.verifiedOn(), before == null ? null : before.verificationResult(),
                after.verifiedOn(), after.verificationResult(), after, TransitionKind.VERIFIED, "verification", today, now, user);
        step(written, before == null ? null : before.acceptedOn(), before == null ? null : before.caseNumber(),
                after.acceptedOn(), after.caseNumber(), after, TransitionKind.ACCEPTED, "acceptance", today, now, user);
        step(written, before == null ? null : before.declinedOn(), before == null ? null : before.declinedBy(),
                after.declinedOn(), after.declinedBy(), after, TransitionKind.DECLINED, "decline", today, now, user);
        step(written, before == null ? null : before.closedOn(), before == null ? null : before.outcome(),
                after.closedOn(), after.outcome(), after, TransitionKind.CLOSED, "outcome", today, now, user);
        return written;
    }

    private static void step(List<Transition> written, LocalDate oldDate, Object oldValue, LocalDate newDate,
                             Object newValue, Lead lead, TransitionKind kind, String what, LocalDate today,
                             Instant now, String user) {
        if (Objects.equals(oldDate, newDate) && Objects.equals(oldValue, newValue)) {
            return;
        }
        if (oldDate == null) {
            add(written, lead, kind, newDate, Objects.toString(newValue, null), now, user);
        } else {
            String from = oldDate + " " + oldValue;
            String to = newDate == null ? "-" : newDate + " " + newValue;
            correction(written, lead, what, from, to, today, now, user);
        }
    }

    private static void correction(List<Transition> written, Lead lead, String what, Object from, Object to,
                                   LocalDate today, Instant now, String user) {
        add(written, lead, TransitionKind.CORRECTED, today, what + ": " + from + " → " + to, now, user);
    }

    private static void add(List<Transition> written, Lead lead, TransitionKind kind, LocalDate on, String detail,
                            Instant now, String user) {
        written.add(new Transition(UUID.randomUUID(), lead.id(), kind, on, detail, now, user));
    }
}
