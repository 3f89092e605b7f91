package cn.mediationdesk.logic.migration;

import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditVerification;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.StoreTransfer;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate-to} (DESIGN §6): moves this database into an empty server database for the day an
 * office outgrows one PC. The copy keeps every row as it is (ids, case numbers, the audit chain);
 * afterwards three checks must hold: the same rows in every table, the same tallies at every
 * grouping, and an intact audit chain on the target. If the copy or any check fails, the target is
 * put back as empty as it was, and the failure names the check.
 * <p>
 * On PostgreSQL every account gets its own login role (see {@code persistence.PostgresRowSecurity}).
 * The accounts' bcrypt hashes cannot become server passwords, so only the administrator who runs
 * the migration (whose password was just typed) gets one; every other account's login stays without
 * a password, and so unable to log in to the server directly, until its password is next set
 * ({@code users passwd}) or changed by its owner. Signing in to the application is not affected.
 */
public final class MigrationService {
    private final Store source;
    private final Clock clock;
    private final User actor;

    /** What was moved, for the command's report. */
    public record Result(Map<String, Long> rows, long auditEntries, List<String> accountsWithoutServerPassword) {
    }

    public MigrationService(Store source, Clock clock, User actor) {
        this.source = source;
        this.clock = clock;
        this.actor = actor;
    }

    /** Administrators only; checked before the target is touched. */
    public void requireAdmin() {
        source.read(tx -> Access.requireAdmin(tx, actor));
    }

    /**
     * Copies this database into {@code target} (freshly made by the same migrations) and checks it.
     *
     * @param actingPassword the administrator's password, for their login role on PostgreSQL
     * @throws MigrationCheckFailedException when the copy or a check failed; the target is as it was
     */
    public Result migrate(Store target, StoreTransfer transfer, String actingPassword) {
        requireAdmin();
        try {
            Map<String, Long> rows = check("migrate.check.copy", transfer::copy);
            check("migrate.check.rows", () -> {
                Map<String, Long> before = transfer.sourceRows();
                Map<String, Long> after = transfer.targetRows();
                if (!before.equals(after)) {
                    throw new IllegalStateException(differences(before, after));
                }
                return null;
            });
            check("migrate.check.tallies", () -> {
                compareTallies(target);
                return null;
            });
            AuditVerification audit = check("migrate.check.audit", () -> {
                AuditVerification verification = new AuditVerifier(AuditSeal.inSettingsFolder()).verify(target);
                if (!verification.intact()) {
                    throw new IllegalStateException("seq " + verification.firstProblem().orElseThrow().seq());
                }
                return verification;
            });
            List<String> withoutPassword = check("migrate.check.accounts", () -> serverLogins(target, actingPassword));
            return new Result(rows, audit.entries(), withoutPassword);
        } catch (MigrationCheckFailedException e) {
            transfer.undo();
            throw e;
        }
    }

    private void compareTallies(Store target) {
        LocalDate today = LocalDate.now(clock);
        TallyService before = new TallyService(source);
        TallyService after = new TallyService(target);
        for (Grouping by : Grouping.values()) {
            for (TallyQuery query : List.of(TallyQuery.of(by, null, null, today),
                    TallyQuery.of(by, today.withDayOfYear(1), today, today),
                    TallyQuery.of(by, today.minusYears(1).withDayOfYear(1), today.withDayOfYear(1).minusDays(1),
                            today.withDayOfYear(1).minusDays(1)))) {
                TallyResult expected = before.summarize(query);
                TallyResult actual = after.summarize(query);
                if (!expected.rows().equals(actual.rows()) || !expected.total().equals(actual.total())) {
                    throw new IllegalStateException(query.by() + " " + query.from() + ".." + query.to()
                            + " as of " + query.asOf());
                }
            }
        }
    }

    /** Gives every account its login role on a PostgreSQL target; the accounts left without a server password. */
    private List<String> serverLogins(Store target, String actingPassword) {
        return target.write(tx -> {
            List<String> withoutPassword = new ArrayList<>();
            if (tx.databaseAccounts().loginRole(actor.username()).isEmpty()) {
                return withoutPassword; // an H2 server has no per-account logins
            }
            for (User user : tx.users().all()) {
                boolean acting = user.id() == actor.id();
                tx.databaseAccounts().keepInStep(user, acting ? actingPassword : null);
                if (!acting && user.active()) {
                    withoutPassword.add(user.username());
                }
            }
            return withoutPassword;
        });
    }

    private static String differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> differences = new ArrayList<>();
        for (String table : before.keySet()) {
            if (!before.get(table).equals(after.get(table))) {
                differences.add(table + " " + before.get(table) + "≠" + after.get(table));
            }
        }
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> differences.add(t + " ?"));
        return String.join(", ", differences);
    }

    private interface Step<R> {
        R run();
    }

    private static <R> R check(String key, Step<R> step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw new MigrationCheckFailedException(key, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        }
    }
}
