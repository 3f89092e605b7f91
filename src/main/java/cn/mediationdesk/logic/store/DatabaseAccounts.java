package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.User;

import java.util.Optional;

/**
 * Each account's own login on the database server (PostgreSQL): a login role in the group of the
 * account's role, allowed to log in while the account is active, with the account's password. On
 * an H2 database there are no such logins and every method does nothing.
 */
public interface DatabaseAccounts {
    /**
     * Brings the account's login role in line with {@code user} (its group, and whether it may log
     * in), inside the current transaction, and gives it {@code newPassword} when that is not null.
     * A role whose password was never set cannot log in with any password.
     */
    void keepInStep(User user, String newPassword);

    /** The name {@code username} logs in to the database server with; empty where there are no such logins. */
    Optional<String> loginRole(String username);
}
