package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CaseSettingsServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-31T10:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private Database database;
    private CaseSettingsService settings;
    private User admin;
    private User mediator;
    private long committee;

    @BeforeEach
    void open() {
        database = TestStores.fresh(dir, "db");
        settings = new CaseSettingsService(database);
        committee = database.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", CLOCK.instant());
            long community = tx.organization().insertCommunity("SQ001", "金宝社区");
            tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null);
            return tx.organization().insertCommittee("TW002", "金宝社区人民调解委员会", "金宝社区", CommitteeKind.COMMUNITY,
                    community);
        });
        UserService users = new UserService(database, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(Problem::key).toList();
    }

    @Test
    void withNothingStoredTheDefaultsApply() {
        CaseSettings current = settings.current();
        assertThat(current.timeLimitDays()).isEqualTo(30);
        assertThat(current.numberFormat().pattern()).isEqualTo(CaseNumberFormat.DEFAULT_PATTERN);
    }

    @Test
    void anAdministratorChangesBothAndNewAcceptancesFollowThem() {
        settings.change(admin, 45, "{short}调〔{year}〕{seq:0000}号");
        assertThat(settings.current().timeLimitDays()).isEqualTo(45);

        LifecycleService lifecycle = new LifecycleService(database, CLOCK, admin);
        long community = database.read(tx -> tx.organization().communities().getFirst().id());
        var lead = lifecycle.register(new NewLead(committee, community, null, null, LocalDate.of(2022, 12, 1),
                "SCREENING", "NEIGHBOR", "邻里纠纷", 2, null, cn.mediationdesk.model.RiskLevel.BLUE, false, false,
                List.of()));
        lead = lifecycle.verify(lead.id(), lead.version(), cn.mediationdesk.model.VerificationResult.GENUINE,
                LocalDate.of(2022, 12, 2), null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        assertThat(lead.caseNumber().text()).isEqualTo("金宝社区调〔2022〕0001号");
        assertThat(lead.dueOn()).isEqualTo(LocalDate.of(2022, 12, 2).plusDays(45));
    }

    @Test
    void onlyAnAdministratorMayChangeThem() {
        PermissionDeniedException refused = assertThrows(PermissionDeniedException.class,
                () -> settings.change(mediator, 60, CaseNumberFormat.DEFAULT_PATTERN));
        assertThat(refused.problem().key()).isEqualTo("user.permission.adminOnly");
        assertThat(settings.current().timeLimitDays()).isEqualTo(30);
    }

    @Test
    void theLimitRunsFromOneToThreeHundredSixtyFiveDays() {
        assertThat(CaseSettingsService.timeLimitProblems(0)).isNotEmpty();
        assertThat(CaseSettingsService.timeLimitProblems(366)).isNotEmpty();
        assertThat(CaseSettingsService.timeLimitProblems(1)).isEmpty();
        assertThat(CaseSettingsService.timeLimitProblems(365)).isEmpty();
        ValidationException e = assertThrows(ValidationException.class,
                () -> settings.change(admin, 400, CaseNumberFormat.DEFAULT_PATTERN));
        assertThat(new Localization(Localization.CHINESE).message(e.problems().getFirst()))
                .isEqualTo("办理期限须在 1 到 365 天之间");
    }

    @Test
    void aFormatNeedsTheSequenceAndOnlyKnownPlaceholders() {
        assertThat(keys(assertThrows(ValidationException.class, () -> settings.change(admin, 30, "({year}){short}人调字号"))))
                .containsExactly("user.settings.pattern.seqMissing");
        assertThat(keys(assertThrows(ValidationException.class, () -> settings.change(admin, 30, "({yaer}){short}第{seq}号"))))
                .containsExactly("user.settings.pattern.unknownPlaceholder");
        assertThat(keys(assertThrows(ValidationException.class, () -> settings.change(admin, 30, "  "))))
                .containsExactly("user.settings.pattern.required");
        assertThat(keys(assertThrows(ValidationException.class, () -> settings.change(admin, 30, "案".repeat(100) + "{seq}"))))
                .containsExactly("user.settings.pattern.tooLong");
        assertThat(settings.current().numberFormat().pattern()).isEqualTo(CaseNumberFormat.DEFAULT_PATTERN);
    }

    @Test
    void thePreviewShowsANumberAsItWillBePrinted() {
        assertThat(CaseSettingsService.preview(CaseNumberFormat.DEFAULT_PATTERN, 2022, "金宝", 12))
                .isEqualTo("(2022)金宝人调字第012号");
        assertThat(CaseSettingsService.preview("{short}", 2022, "金宝", 12)).isEmpty();
        assertThat(settings.sampleShortName()).isEqualTo("金宝");
    }
}
