package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The first benchmarks' data set, kept for {@link LedgerSearchBenchmark} until it reads the generated
 * one ({@link BenchmarkData}): leads found over 2021–2023 in every state, made by bulk
 * {@code INSERT … SELECT} statements, without parties or case numbers.
 */
final class FilledLeads {
    private static final int ORGANIZATIONS = 20;
    private static final int BATCH = 100_000;

    private FilledLeads() {
    }

    /** The benchmark's own key ring beside its databases (never the user's), encrypting or not. */
    static KeyRing keyRing(Path folder, boolean encrypted) {
        Path settings = folder.resolve("settings");
        return encrypted ? KeyRing.in(settings) : KeyRing.unencrypted(settings);
    }

    /** A fresh database with the organization, then the leads in bulk INSERT … SELECT batches. */
    static void fill(Path base, int count, KeyRing keys) {
        DatabaseLocation location = DatabaseLocation.parse(base.toString());
        try (Database fresh = Database.open(location, true, keys)) {
            fresh.write(tx -> {
                var org = tx.organization();
                for (int i = 1; i <= ORGANIZATIONS; i++) {
                    long community = org.insertCommunity("C%02d".formatted(i), "第" + i + "社区");
                    org.insertCommittee("K%02d".formatted(i), "第" + i + "社区人民调解委员会", "第" + i,
                            CommitteeKind.COMMUNITY, community);
                }
                return null;
            });
        }
        // The store is closed: this process alone holds the file while the rows go in.
        Store.DirectAccess access = Database.directAccessTo(location, keys).orElseThrow();
        Jdbi jdbi = Jdbi.create(access.url(), access.user(), access.password());
        jdbi.useHandle(handle -> {
            long firstCommunity = handle.createQuery("SELECT MIN(id) FROM community").mapTo(Long.class).one();
            long firstCommittee = handle.createQuery("SELECT MIN(id) FROM committee").mapTo(Long.class).one();
            for (int from = 1; from <= count; from += BATCH) {
                int to = Math.min(count, from + BATCH - 1);
                handle.createUpdate(LEADS)
                        .bind("from", from).bind("to", to)
                        .bind("orgs", ORGANIZATIONS)
                        .bind("community", firstCommunity).bind("committee", firstCommittee)
                        .execute();
            }
            // An extension for one accepted case in ten, agreed 20 days after acceptance.
            handle.execute("""
                    INSERT INTO extension (id, lead_id, agreed_on, new_due_on, reason)
                    SELECT RANDOM_UUID(), id, DATEADD(DAY, 20, accepted_on), DATEADD(DAY, 30, due_on), 'benchmark'
                    FROM lead WHERE accepted_on IS NOT NULL AND MOD(EXTRACT(DAY FROM found_on), 10) = 0""");
            handle.execute("ANALYZE");
        });
        // Bulk loading leaves the file mostly garbage (gigabytes at a million leads); a real
        // database is compacted when it closes. Plain JDBC: the statement closes the connection under it.
        try (Connection connection = DriverManager.getConnection(access.url(), access.user(), access.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Leads numbered {@code :from} to {@code :to}: found on a day of 2021–2023 spread by a
     * multiplicative hash, each stage and result in fixed proportions (out of 20: 2 unverified,
     * 1 unfounded, 1 duplicate, 1 transferred, 1 verified but not accepted, 3 in mediation, 11 closed).
     */
    private static final String LEADS = """
            INSERT INTO lead (id, committee_id, community_id, found_on, source_code, dispute_type_code, summary,
                risk_code, verified_on, verification_result, accepted_on, due_on, closed_on, outcome, version,
                created_at, updated_at)
            SELECT RANDOM_UUID(), :committee + MOD(n * 7, :orgs), :community + MOD(n * 11, :orgs), found,
                CASE MOD(n, 9) WHEN 0 THEN 'SCREENING' WHEN 1 THEN 'GRID_REPORT' WHEN 2 THEN 'PARTY_APPLICATION'
                    WHEN 3 THEN 'WALK_IN' WHEN 4 THEN 'POLICE_REFERRAL' WHEN 5 THEN 'COURT_REFERRAL'
                    WHEN 6 THEN 'PETITION_REFERRAL' WHEN 7 THEN 'GOVERNMENT_ASSIGNED' ELSE 'OTHER' END,
                CASE MOD(n, 15) WHEN 0 THEN 'MARRIAGE_FAMILY' WHEN 1 THEN 'NEIGHBOR' WHEN 2 THEN 'HOUSING_HOMESTEAD'
                    WHEN 3 THEN 'CONTRACT' WHEN 4 THEN 'PRODUCTION_BUSINESS' WHEN 5 THEN 'DAMAGES'
                    WHEN 6 THEN 'FOREST_LAND' WHEN 7 THEN 'LAND_REQUISITION' WHEN 8 THEN 'ENVIRONMENT'
                    WHEN 9 THEN 'LABOR' WHEN 10 THEN 'CONSUMER' WHEN 11 THEN 'MEDICAL' WHEN 12 THEN 'TRAFFIC'
                    WHEN 13 THEN 'PROPERTY_MGMT' ELSE 'OTHER' END,
                '邻里纠纷（基准测试数据）',
                CASE MOD(n, 4) WHEN 0 THEN 'BLUE' WHEN 1 THEN 'YELLOW' WHEN 2 THEN 'ORANGE' ELSE 'RED' END,
                CASE WHEN stage >= 2 THEN verified END,
                CASE WHEN stage >= 6 OR stage = 5 THEN 'GENUINE' WHEN stage = 2 THEN 'UNFOUNDED'
                    WHEN stage = 3 THEN 'DUPLICATE' WHEN stage = 4 THEN 'TRANSFERRED' END,
                CASE WHEN stage >= 6 THEN accepted END,
                CASE WHEN stage >= 6 THEN DATEADD(DAY, 30, accepted) END,
                CASE WHEN stage >= 9 THEN DATEADD(DAY, MOD(n * 13, 60), accepted) END,
                CASE WHEN stage >= 9 THEN CASE WHEN MOD(n, 7) < 5 THEN 'RESOLVED' WHEN MOD(n, 7) = 5 THEN 'FAILED'
                    ELSE 'TERMINATED' END END,
                0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
            FROM (
                SELECT n, found, MOD(n, 20) AS stage, DATEADD(DAY, MOD(n, 7), found) AS verified,
                       DATEADD(DAY, MOD(n, 7) + MOD(n, 3), found) AS accepted
                FROM (SELECT X AS n, DATEADD(DAY, MOD(X * 7919, 1095), DATE '2021-01-01') AS found
                      FROM SYSTEM_RANGE(:from, :to)) numbered
            ) staged""";
}
