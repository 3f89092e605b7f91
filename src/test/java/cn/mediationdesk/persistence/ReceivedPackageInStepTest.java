package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.User;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept in step with the lead table — the tally's counts kept ahead (migration V19), the text
 * index and the tally facts in the lead row — after an office receives a committee's package: each
 * equals what a rebuild from the received rows gives. Whatever path a package's leads are written by,
 * these tables must not drift from the leads.
 */
class ReceivedPackageInStepTest {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock DEMO_DAY = on(LocalDate.of(2024, 6, 30));

    @TempDir
    Path dir;

    private String settingsBefore;
    private Database committeePc;
    private Database office;

    @BeforeEach
    void twoOffices() {
        settingsBefore = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        committeePc = TestStores.fresh(dir, "committee");
        new DemoJurisdiction(committeePc, DEMO_DAY).create();
        office = TestStores.fresh(dir, "office");
        new OrganizationService(office, User.setup()).createJurisdiction("金宝新区", DEMO_DAY.instant());
    }

    @AfterEach
    void close() {
        committeePc.close();
        office.close();
        if (settingsBefore == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, settingsBefore);
        }
    }

    @Test
    void aReceivedPackagesCountsIndexAndTallyFactsEqualARebuild() {
        Committee committee = committeePc.read(tx -> tx.organization().committees().get(2));
        Path file = dir.resolve("all.mdpkg");
        new PackageService(committeePc, on(LocalDate.of(2024, 7, 1)), User.setup())
                .export(committee.code(), null, null, file);
        var report = new PackageService(office, on(LocalDate.of(2024, 7, 2)), User.setup()).importPackage(file, false);
        assertThat(report.added()).isPositive();

        assertThat(count("SELECT COUNT(*) FROM lead")).isEqualTo(report.added());
        assertThat(count("SELECT COUNT(*) FROM tally_lead")).isEqualTo(report.added());
        assertThat(count("SELECT COUNT(*) FROM lead_text")).isEqualTo(report.added());
        assertThat(count("SELECT COUNT(*) FROM risk_assessment")).as("risk history arrived").isPositive();

        assertThat(keptCounts()).isEqualTo(inRolledBackTransaction(h -> {
            KeptCounts.rebuild(h);
            return keptCounts(h);
        }));
        assertThat(indexed()).isEqualTo(inRolledBackTransaction(h -> {
            LeadTextIndex.rebuild(h);
            return indexed(h);
        }));
        assertThat(tallyFacts()).isEqualTo(inRolledBackTransaction(h -> {
            TallyFacts.refresh(h, h.createQuery("SELECT id FROM lead").mapTo(UUID.class).list());
            return tallyFacts(h);
        }));
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
    }

    private long count(String sql) {
        return office.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private <T> T inRolledBackTransaction(java.util.function.Function<Handle, T> work) {
        return office.jdbi().inTransaction(h -> {
            T result = work.apply(h);
            h.rollback();
            return result;
        });
    }

    private List<Map<String, Object>> keptCounts() {
        return office.jdbi().withHandle(ReceivedPackageInStepTest::keptCounts);
    }

    /** Every lead's kept row and every count but the zeros a change leaves behind. */
    private static List<Map<String, Object>> keptCounts(Handle h) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(
                h.createQuery("SELECT * FROM tally_lead ORDER BY lead_id").mapToMap().list());
        rows.addAll(h.createQuery("SELECT * FROM tally_count WHERE leads <> 0 ORDER BY dimension, found_month,"
                + " committee_id, community_id, grp, state").mapToMap().list());
        return rows;
    }

    private Map<UUID, Set<String>> indexed() {
        return office.jdbi().withHandle(ReceivedPackageInStepTest::indexed);
    }

    /** Each lead's indexed text and pairs, read back from the two tables. */
    private static Map<UUID, Set<String>> indexed(Handle h) {
        return h.createQuery("""
                        SELECT t.lead_id, t.indexed, g.k FROM lead_text t
                        LEFT JOIN lead_gram g ON MOD(g.k, %d) = t.seq""".formatted(LeadTextIndex.SEQ_RANGE))
                .reduceRows(new HashMap<UUID, Set<String>>(), (map, row) -> {
                    Set<String> entries = map.computeIfAbsent(row.getColumn("lead_id", UUID.class),
                            id -> new TreeSet<>());
                    entries.add("text " + row.getColumn("indexed", String.class));
                    Long k = row.getColumn("k", Long.class);
                    if (k != null) {
                        entries.add("pair " + k / LeadTextIndex.SEQ_RANGE);
                    }
                    return map;
                });
    }

    private List<List<Object>> tallyFacts() {
        return office.jdbi().withHandle(ReceivedPackageInStepTest::tallyFacts);
    }

    private static List<List<Object>> tallyFacts(Handle h) {
        return h.createQuery("SELECT id, extended_on, risk_latest_code, risk_changed_on FROM lead ORDER BY id")
                .map((rs, ctx) -> Arrays.<Object>asList(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
