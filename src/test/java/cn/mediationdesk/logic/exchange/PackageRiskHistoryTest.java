package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;

/** A lead's risk history and its recurrence mark travel in a package and arrive as they left. */
class PackageRiskHistoryTest {
    private static final Clock JULY_2 = clockOn(LocalDate.of(2024, 7, 2));
    private static final Clock JULY_3 = clockOn(LocalDate.of(2024, 7, 3));

    @TempDir
    Path dir;
    private ExchangeFixture pcs;

    @AfterEach
    void close() {
        pcs.close();
    }

    private static List<Object> history(Store store, UUID id) {
        return store.read(tx -> {
            LeadFile f = LeadFile.read(tx, tx.leads().find(id).orElseThrow());
            return List.of(f.lead().risk(), f.riskAssessments(), f.recurrence());
        });
    }

    @Test
    void theRiskHistoryAndTheRecurrenceMarkArriveAsTheyLeft() {
        pcs = new ExchangeFixture(dir);
        Store committeePc = pcs.demo("committee");
        Store office = pcs.empty("office", "金宝新区");
        Committee committee = committeePc.read(tx -> tx.organization().committees().get(2));
        Lead earlier = ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "邻里排水纠纷");
        Lead lead = ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "邻里排水纠纷再起");
        LifecycleService lifecycle = new LifecycleService(committeePc, JULY_2, User.setup());
        lead = lifecycle.reassess(lead.id(), lead.version(), new Reassessment(LocalDate.of(2024, 7, 1), RiskLevel.RED,
                true, false, "双方冲突升级"));
        lifecycle.reassess(lead.id(), lead.version(), new Reassessment(LocalDate.of(2024, 7, 2), RiskLevel.ORANGE,
                false, false, "已初步稳控"));
        new RepeatService(committeePc, JULY_2, User.setup()).markRecurrence(lead.id(), earlier.id(), "同一排水沟");
        Path file = pcs.file("risks.mdpkg");
        ExchangeFixture.packages(committeePc, JULY_2).export(committee.code(), null, null, file);

        ExchangeFixture.packages(office, JULY_3).importPackage(file, false);

        assertThat(history(office, lead.id())).isEqualTo(history(committeePc, lead.id()));
        assertThat(history(office, lead.id()).get(1)).asList().hasSize(3);
    }
}
