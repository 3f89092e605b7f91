package cn.mediationdesk.logic.repeat;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.mediationdesk.logic.security.RoleFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lead's risk as a dated history: who assessed what when, and the tally counting the level in force. */
class RiskHistoryTest {
    @TempDir
    static Path dir;
    static RoleFixture f;
    static long communityId;

    @BeforeAll
    static void demoWithAccounts() {
        f = new RoleFixture(dir);
        communityId = new OrganizationService(f.database, f.admin).chart().communities().getFirst().id();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static LifecycleService lifecycle() {
        return new LifecycleService(f.database, CLOCK, f.directorA);
    }

    private static NewLead input(String foundOn, RiskLevel risk, boolean criminalRisk, String summary) {
        return new NewLead(f.committeeA.id(), communityId, null, null, LocalDate.parse(foundOn), "WALK_IN", "NEIGHBOR",
                summary, null, null, risk, criminalRisk, false,
                List.of(new PartyInput("风险甲", null, null, null, null, PartyRole.APPLICANT)));
    }

    private static List<RiskAssessment> history(Lead lead) {
        return lifecycle().file(lead.id()).riskAssessments();
    }

    @Test
    void aRegisteredLeadIsAssessedOnTheDayItWasFoundByWhoRegisteredIt() {
        Lead lead = lifecycle().register(input("2024-02-02", RiskLevel.ORANGE, true, "首次评估"));

        assertThat(history(lead)).singleElement().satisfies(a -> {
            assertThat(a.assessedOn()).isEqualTo(LocalDate.parse("2024-02-02"));
            assertThat(a.risk()).isEqualTo(RiskLevel.ORANGE);
            assertThat(a.criminalRisk()).isTrue();
            assertThat(a.assessedBy()).isEqualTo(f.directorA.displayName());
        });
    }

    @Test
    void changingTheRiskInTheDetailsRecordsAnAssessmentDatedTodayAndOtherChangesDoNot() {
        Lead lead = lifecycle().register(input("2024-02-03", RiskLevel.BLUE, false, "详情修改"));

        lead = lifecycle().updateDetails(lead.id(), lead.version(), input("2024-02-03", RiskLevel.BLUE, false, "只改摘要"));
        assertThat(history(lead)).hasSize(1);
        lead = lifecycle().updateDetails(lead.id(), lead.version(), input("2024-02-03", RiskLevel.RED, false, "只改摘要"));

        assertThat(history(lead)).hasSize(2).last().satisfies(a -> {
            assertThat(a.assessedOn()).isEqualTo(LocalDate.now(CLOCK));
            assertThat(a.risk()).isEqualTo(RiskLevel.RED);
        });
        assertThat(lead.risk()).isEqualTo(RiskLevel.RED);
    }

    @Test
    void aReassessmentIsDatedAndReasonedAndTheLeadCarriesTheLatestLevel() {
        Lead lead = lifecycle().register(input("2024-01-10", RiskLevel.YELLOW, false, "重新评估"));
        lead = lifecycle().reassess(lead.id(), lead.version(),
                new Reassessment(LocalDate.parse("2024-05-01"), RiskLevel.BLUE, false, false, "已平息"));
        // dated before the latest: recorded in the history, the lead keeps the latest level
        lead = lifecycle().reassess(lead.id(), lead.version(),
                new Reassessment(LocalDate.parse("2024-03-01"), RiskLevel.RED, false, true, "双方冲突升级"));

        assertThat(history(lead)).extracting(RiskAssessment::assessedOn, RiskAssessment::risk).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-01-10"), RiskLevel.YELLOW),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-03-01"), RiskLevel.RED),
                org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2024-05-01"), RiskLevel.BLUE));
        assertThat(lead.risk()).isEqualTo(RiskLevel.BLUE);
        LeadFile file = lifecycle().file(lead.id());
        assertThat(file.riskOn(LocalDate.parse("2024-04-01")).orElseThrow().reason()).isEqualTo("双方冲突升级");
        assertThat(new AuditService(f.database, CLOCK, f.admin).history(lead.id()).entries())
                .extracting(e -> e.action()).contains("lead.reassess");
        assertThat(new AuditService(f.database, CLOCK, f.admin).verify().intact()).isTrue();

        // the tally counts the level in force at the end of each as-of day
        Map<String, RiskLevel> expected = Map.of("2024-01-09", RiskLevel.YELLOW, "2024-02-29", RiskLevel.YELLOW,
                "2024-03-01", RiskLevel.RED, "2024-04-30", RiskLevel.RED, "2024-05-01", RiskLevel.BLUE,
                "2024-06-30", RiskLevel.BLUE);
        for (Map.Entry<String, RiskLevel> e : expected.entrySet()) {
            LocalDate asOf = LocalDate.parse(e.getKey());
            TallyQuery query = new TallyQuery(Grouping.RISK, lead.foundOn(), lead.foundOn(), asOf, null,
                    f.committeeA.id());
            Map<String, Long> counted = new TallyService(f.database).summarize(query).rows().stream()
                    .collect(Collectors.toMap(TallyRow::code, r -> r.counts().leads()));
            assertThat(counted).as("as of %s", asOf).containsEntry(e.getValue().name(), 1L);
            assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
            // the ledger behind a risk cell lists the lead counted there, and only there
            for (RiskLevel level : RiskLevel.values()) {
                LeadFilter behind = LeadFilter.of(query, cn.mediationdesk.logic.tally.TallyColumn.LEADS)
                        .withRisks(Set.of(level));
                long listed = f.database.read(tx -> tx.search().count(behind));
                assertThat(listed).as("%s as of %s", level, asOf).isEqualTo(level == e.getValue() ? 1 : 0);
            }
        }
    }

    @Test
    void aReassessmentIsRefusedOnABadDayWithoutALevelOrForAViewer() {
        Lead lead = lifecycle().register(input("2024-04-04", RiskLevel.YELLOW, false, "拒绝"));
        int version = lead.version();

        assertThat(problem(() -> lifecycle().reassess(lead.id(), version,
                new Reassessment(LocalDate.parse("2024-04-03"), RiskLevel.RED, false, false, null)))).startsWith("rule.");
        assertThat(problem(() -> lifecycle().reassess(lead.id(), version,
                new Reassessment(LocalDate.now(CLOCK).plusDays(1), RiskLevel.RED, false, false, null))))
                .isEqualTo("rule.date.future");
        assertThat(problem(() -> lifecycle().reassess(lead.id(), version,
                new Reassessment(LocalDate.now(CLOCK), null, false, false, null)))).isEqualTo("rule.required");
        assertThat(problem(() -> lifecycle().reassess(lead.id(), version,
                new Reassessment(LocalDate.now(CLOCK), RiskLevel.RED, false, false, "理".repeat(501)))))
                .isEqualTo("rule.reassess.reasonTooLong");
        assertThatThrownBy(() -> new LifecycleService(f.database, CLOCK, f.viewer).reassess(lead.id(), version,
                new Reassessment(LocalDate.now(CLOCK), RiskLevel.RED, false, false, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> new LifecycleService(f.database, CLOCK, f.mediatorB).reassess(lead.id(), version,
                new Reassessment(LocalDate.now(CLOCK), RiskLevel.RED, false, false, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(history(lead)).hasSize(1);
    }

    private static String problem(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.problems().getFirst().key();
        }
        throw new AssertionError("no problem found");
    }
}
