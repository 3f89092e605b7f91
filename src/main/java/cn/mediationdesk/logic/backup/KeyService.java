package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Store.DirectAccess;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.util.List;

/**
 * The database's own secret for an emergency ({@code key show}): what opens the embedded file with
 * H2's tools when the application cannot. Administrators only, and on the audit trail before it is
 * shown: whoever holds it can read every case.
 */
public final class KeyService {
    private final Store store;
    private final Clock clock;
    private final User actor;

    public KeyService(Store store, Clock clock, User actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    public DirectAccess show() {
        DirectAccess access = store.directAccess()
                .orElseThrow(() -> new ValidationException(List.of(Problem.of(Field.DATABASE, "key.serverDatabase"))));
        store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            AuditTrail.onThisPc(clock).event(tx, admin.username(), AuditAction.KEY_SHOW, AuditTrail.DATABASE, null,
                    null, null, null);
            return null;
        });
        return access;
    }
}
