package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

/**
 * The role checks of DESIGN §9, made in the services below every screen and command. The acting
 * user is read again inside the transaction: a record held by a window may be stale (the user
 * disabled or demoted meanwhile on another PC).
 */
public final class Access {
    private Access() {
    }

    /** @throws ValidationException unless {@code actor} is an active administrator */
    public static User requireAdmin(Tx tx, User actor) {
        User current = actor == null ? null : tx.users().find(actor.id()).orElse(null);
        if (current == null || !current.active() || current.role() != Role.ADMIN) {
            throw new ValidationException(Problem.of(Field.USER, "user.permission.adminOnly"));
        }
        return current;
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
