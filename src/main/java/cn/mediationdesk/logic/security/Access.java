package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.util.Objects;
import java.util.Optional;

/**
 * The role checks of DESIGN §9, made in the services below every screen and command. The acting
 * user is read again inside the transaction: a record held by a window may be stale (the user
 * disabled or demoted meanwhile on another PC).
 * <table>
 *   <tr><th>role</th><th>cases (parties, texts, documents, ledger rows)</th><th>changes</th></tr>
 *   <tr><td>admin</td><td>all</td><td>everything</td></tr>
 *   <tr><td>director</td><td>own committee</td><td>own committee's cases, corrections, mediators</td></tr>
 *   <tr><td>mediator</td><td>own committee</td><td>own committee's cases, no corrections</td></tr>
 *   <tr><td>viewer</td><td>none</td><td>nothing</td></tr>
 * </table>
 * Aggregate figures (summaries, reports, statistics tables) are open to every role.
 */
public final class Access {
    private Access() {
    }

    /**
     * The acting user as stored now: an active account, or {@link User#setup()} while the database
     * has no account at all.
     *
     * @throws PermissionDeniedException when nobody is signed in, or the account is gone or disabled
     */
    public static User current(Tx tx, User actor) {
        if (actor == null) {
            throw denied("permission.signInNeeded");
        }
        if (actor.isSetup()) {
            if (tx.users().count() == 0) {
                return actor;
            }
            throw denied("permission.signInNeeded");
        }
        User current = tx.users().find(actor.id()).orElse(null);
        if (current == null || !current.active()) {
            throw denied("permission.accountDisabled");
        }
        return current;
    }

    /** @throws PermissionDeniedException unless {@code actor} is an active administrator */
    public static User requireAdmin(Tx tx, User actor) {
        User current = current(tx, actor);
        if (current.role() != Role.ADMIN) {
            throw denied("user.permission.adminOnly");
        }
        return current;
    }

    /**
     * For reading or changing a case of {@code committeeId}: an administrator, or a director or
     * mediator of that committee.
     */
    public static User requireCase(Tx tx, User actor, long committeeId) {
        User current = current(tx, actor);
        switch (current.role()) {
            case ADMIN -> {
                return current;
            }
            case VIEWER -> throw denied("permission.viewerNoCases");
            case DIRECTOR, MEDIATOR -> {
                if (Objects.equals(current.committeeId(), committeeId)) {
                    return current;
                }
                throw denied("permission.otherCommittee");
            }
        }
        throw new IllegalStateException(current.role().name());
    }

    /** For correcting a case's results or reassigning its mediators: an administrator, or the committee's director. */
    public static User requireCorrection(Tx tx, User actor, long committeeId) {
        User current = requireCase(tx, actor, committeeId);
        if (current.role() == Role.MEDIATOR) {
            throw denied("permission.directorOnly");
        }
        return current;
    }

    /**
     * Which committee's cases {@code actor} may list: empty for all (an administrator), else the
     * director's or mediator's own.
     *
     * @throws PermissionDeniedException for a viewer, who reads no cases
     */
    public static Optional<Long> caseScope(Tx tx, User actor) {
        User current = current(tx, actor);
        return switch (current.role()) {
            case ADMIN -> Optional.empty();
            case DIRECTOR, MEDIATOR -> Optional.of(current.committeeId());
            case VIEWER -> throw denied("permission.viewerNoCases");
        };
    }

    /**
     * Narrows a committee filter to what {@code actor} may read: their own committee when none was
     * asked for; a refusal when another committee was asked for.
     */
    public static Long scopedCommittee(Tx tx, User actor, Long requestedCommitteeId) {
        Optional<Long> scope = caseScope(tx, actor);
        if (scope.isEmpty()) {
            return requestedCommitteeId;
        }
        if (requestedCommitteeId != null && !requestedCommitteeId.equals(scope.get())) {
            throw denied("permission.otherCommittee");
        }
        return scope.get();
    }

    /** Whether {@code user} may read any case at all (everyone but a viewer). */
    public static boolean readsCases(User user) {
        return user != null && user.role() != Role.VIEWER;
    }

    public static PermissionDeniedException denied(String key, Object... args) {
        return new PermissionDeniedException(Problem.of(Field.USER, key, args));
    }

    /** The message key of a role's name, e.g. 管理员. */
    public static String roleKey(Role role) {
        return switch (role) {
            case ADMIN -> "user.role.ADMIN";
            case DIRECTOR -> "user.role.DIRECTOR";
            case MEDIATOR -> "user.role.MEDIATOR";
            case VIEWER -> "user.role.VIEWER";
        };
    }
}
