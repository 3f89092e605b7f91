package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static cn.mediationdesk.persistence.DerivedTables.now;
import static cn.mediationdesk.persistence.DerivedTables.rebuilt;
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

        assertThat(now(office, DerivedTables::keptLeads)).isEqualTo(rebuilt(office, KeptCounts::rebuild, DerivedTables::keptLeads));
        assertThat(now(office, DerivedTables::keptCounts)).isEqualTo(rebuilt(office, KeptCounts::rebuild, DerivedTables::keptCounts));
        assertThat(now(office, DerivedTables::textIndex)).isEqualTo(rebuilt(office, LeadTextIndex::rebuild, DerivedTables::textIndex));
        assertThat(now(office, DerivedTables::tallyFacts)).isEqualTo(rebuilt(office,
                h -> TallyFacts.refresh(h, h.createQuery("SELECT id FROM lead").mapTo(UUID.class).list()),
                DerivedTables::tallyFacts));
    }

    private static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
    }

    private long count(String sql) {
        return office.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
