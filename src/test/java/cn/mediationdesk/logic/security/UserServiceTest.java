package cn.mediationdesk.logic.security;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserServiceTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The lowest bcrypt cost: the rules are the same, the test is quick. */
    private static final PasswordHasher QUICK = new PasswordHasher(4);
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;

    private Database database;
    private final MutableClock clock = new MutableClock(
            LocalDateTime.of(2023, 3, 1, 9, 0).atZone(ZONE).toInstant(), ZONE);
    private UserService users;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseLocation.parse(dir + "/db"), true);
        users = new UserService(database, clock, QUICK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static List<Problem> problemsOf(Executable call) {
        return assertThrows(ValidationException.class, call).problems();
    }

    private static String refusal(Executable call) {
        return assertThrows(PermissionDeniedException.class, call).problem().key();
    }

    private static List<String> keys(List<Problem> problems) {
        return problems.stream().map(Problem::key).toList();
    }

    @Test
    void theFirstAdministratorIsStoredWithAHashNeverThePassword() {
        assertThat(users.hasUsers()).isFalse();
        User admin = users.createFirstAdmin(" WangFang ", " 王芳 ", "jinbao2022");

        assertThat(admin.username()).isEqualTo("wangfang");
        assertThat(admin.displayName()).isEqualTo("王芳");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.active()).isTrue();
        assertThat(admin.createdAt()).isEqualTo(clock.instant());
        assertThat(users.hasUsers()).isTrue();
        String hash = database.read(tx -> tx.users().passwordHash(admin.id())).orElseThrow();
        assertThat(hash).startsWith("$2a$04$").doesNotContain("jinbao2022");
    }

    @Test
    void productionHashesUseCostTwelve() {
        assertThat(PasswordHasher.production().cost()).isEqualTo(12);
        assertThat(PasswordHasher.production().hash("jinbao2022")).startsWith("$2a$12$");
    }

    @Test
    void thereIsOnlyOneFirstAdministrator() {
        User first = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        List<Problem> problems = problemsOf(() -> users.createFirstAdmin("intruder", "某人", "letmein123"));
        assertThat(keys(problems)).containsExactly("user.firstAdmin.exists");
        assertThat(users.users(first)).extracting(User::username).containsExactly("wangfang");
    }

    @Test
    void badDetailsAreAllNamedAtTheirFieldsAndNothingIsWritten() {
        List<Problem> problems = problemsOf(() -> users.createFirstAdmin("王芳", "  ", "12345678"));
        assertThat(problems).extracting(Problem::field)
                .containsExactly(Field.USERNAME, Field.DISPLAY_NAME, Field.PASSWORD);
        assertThat(keys(problems)).containsExactly("user.username.invalid", "user.displayName.required",
                "user.password.allDigits");
        assertThat(CHINESE.message(problems.getFirst()))
                .isEqualTo("用户名须为 3–32 位英文字母、数字、下划线（_）、点（.）或连字符（-）");
        assertThat(users.hasUsers()).isFalse();
    }

    @Test
    void passwordsNeedEightCharactersNotAllDigitsAndAtMostSeventyTwoBytes() {
        assertThat(keys(UserRules.passwordProblems(""))).containsExactly("user.password.required");
        assertThat(keys(UserRules.passwordProblems("abc1234"))).containsExactly("user.password.tooShort");
        assertThat(keys(UserRules.passwordProblems("20221231"))).containsExactly("user.password.allDigits");
        assertThat(keys(UserRules.passwordProblems("调解".repeat(13)))).containsExactly("user.password.tooLong");
        assertThat(UserRules.passwordProblems("abcd1234")).isEmpty();
        assertThat(UserRules.passwordProblems("调解台账密码很长")).as("eight Chinese characters").isEmpty();
    }

    @Test
    void usernamesAreThreeToThirtyTwoPlainCharacters() {
        assertThat(UserRules.usernameProblems("ab")).isNotEmpty();
        assertThat(UserRules.usernameProblems("a".repeat(33))).isNotEmpty();
        assertThat(UserRules.usernameProblems("zhang san")).isNotEmpty();
        assertThat(UserRules.usernameProblems("zhang.san_01-x")).isEmpty();
        assertThat(UserRules.usernameProblems("a".repeat(32))).isEmpty();
    }

    @Test
    void theRightPasswordLogsInWhateverTheCaseOfTheName() {
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        User user = users.authenticate("WangFang", "jinbao2022");
        assertThat(user.username()).isEqualTo("wangfang");
        assertThat(user.failedAttempts()).isZero();
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameAnswer() {
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        List<Problem> wrongPassword = problemsOf(() -> users.authenticate("wangfang", "jinbao2023"));
        List<Problem> unknownName = problemsOf(() -> users.authenticate("lisi", "jinbao2022"));
        assertThat(wrongPassword).isEqualTo(unknownName);
        assertThat(CHINESE.message(wrongPassword.getFirst()))
                .isEqualTo("用户名或密码不正确。连续输错 5 次，账户将被锁定 15 分钟。");
    }

    @Test
    void emptyFieldsAreAskedForWithoutCountingAFailure() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        assertThat(keys(problemsOf(() -> users.authenticate(" ", "")))).containsExactly("user.username.required",
                "user.password.required");
        assertThat(database.read(tx -> tx.users().find(admin.id())).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightOne() {
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        for (int i = 1; i <= 4; i++) {
            assertThat(keys(problemsOf(() -> users.authenticate("wangfang", "wrong-guess")))).containsExactly("user.login.failed");
        }
        List<Problem> fifth = problemsOf(() -> users.authenticate("wangfang", "wrong-guess"));
        assertThat(keys(fifth)).containsExactly("user.login.locked");
        assertThat(CHINESE.message(fifth.getFirst())).isEqualTo("账户已被锁定（连续 5 次密码错误），请在 09:15 之后再登录");

        clock.advance(Duration.ofMinutes(14));
        List<Problem> stillLocked = problemsOf(() -> users.authenticate("wangfang", "jinbao2022"));
        assertThat(CHINESE.message(stillLocked.getFirst())).endsWith("请在 09:15 之后再登录");

        clock.advance(Duration.ofMinutes(1));
        assertThat(users.authenticate("wangfang", "jinbao2022").username()).isEqualTo("wangfang");
    }

    @Test
    void aSuccessStartsTheCountAfresh() {
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        for (int i = 0; i < 4; i++) {
            problemsOf(() -> users.authenticate("wangfang", "wrong-guess"));
        }
        users.authenticate("wangfang", "jinbao2022");
        for (int i = 0; i < 4; i++) {
            assertThat(keys(problemsOf(() -> users.authenticate("wangfang", "wrong-guess"))))
                    .containsExactly("user.login.failed");
        }
    }

    @Test
    void afterALockoutEndsFiveMoreFailuresLockItAgain() {
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        for (int i = 0; i < 5; i++) {
            problemsOf(() -> users.authenticate("wangfang", "wrong-guess"));
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertThat(keys(problemsOf(() -> users.authenticate("wangfang", "wrong-guess"))))
                    .containsExactly("user.login.failed");
        }
        assertThat(keys(problemsOf(() -> users.authenticate("wangfang", "wrong-guess"))))
                .containsExactly("user.login.locked");
    }

    @Test
    void aDisabledAccountIsRefusedOnlyOnceThePasswordIsRight() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        User viewer = users.addUser(admin, "leader", "李局长", "overview1", Role.VIEWER, null);
        database.write(tx -> {
            tx.users().updateActive(viewer.id(), false);
            return null;
        });
        assertThat(keys(problemsOf(() -> users.authenticate("leader", "guess-what")))).containsExactly("user.login.failed");
        assertThat(keys(problemsOf(() -> users.authenticate("leader", "overview1")))).containsExactly("user.login.disabled");
    }

    @Test
    void onlyAnAdministratorAddsUsersAndMediatorsBelongToACommittee() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = database.write(tx -> tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝",
                CommitteeKind.JURISDICTION, null));

        assertThat(keys(problemsOf(() -> users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, null))))
                .containsExactly("user.committee.required");
        User mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
        assertThat(mediator.committeeId()).isEqualTo(committee);

        assertThat(refusal(() -> users.addUser(mediator, "other", "某人", "tiaojie02", Role.ADMIN, null)))
                .isEqualTo("user.permission.adminOnly");
        assertThat(keys(problemsOf(() -> users.addUser(admin, "ZhangLi", "张丽二", "tiaojie03", Role.VIEWER, null))))
                .containsExactly("user.username.taken");
        assertThat(keys(problemsOf(() -> users.addUser(admin, "ghost", "某人", "tiaojie04", Role.MEDIATOR, 999L))))
                .containsExactly("rule.committee.unknown");
        assertThat(users.users(admin)).extracting(User::username).containsExactly("wangfang", "zhangli");
    }

    @Test
    void aDemotedOrDisabledAdministratorsOldRecordGrantsNothing() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        database.write(tx -> {
            tx.users().updateActive(admin.id(), false);
            return null;
        });
        assertThat(refusal(() -> users.addUser(admin, "leader", "李局长", "overview1", Role.VIEWER, null)))
                .isEqualTo("permission.accountDisabled");
    }

    @Test
    void aPasswordAnAdministratorSetMustBeChangedByItsOwner() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        assertThat(admin.mustChangePassword()).as("the first administrator chose their own").isFalse();
        User viewer = users.addUser(admin, "leader", "李局长", "overview1", Role.VIEWER, null);
        assertThat(users.authenticate("leader", "overview1").mustChangePassword()).isTrue();

        assertThat(keys(problemsOf(() -> users.changePassword(viewer, "overview1", "overview1"))))
                .containsExactly("user.password.unchanged");
        users.changePassword(viewer, "overview1", "my-own-2023");
        assertThat(users.authenticate("leader", "my-own-2023").mustChangePassword()).isFalse();

        users.resetPassword(admin, viewer.id(), "temporary1");
        assertThat(users.authenticate("leader", "temporary1").mustChangePassword()).isTrue();
        assertThat(refusal(() -> users.resetPassword(viewer, admin.id(), "takeover1")))
                .isEqualTo("user.permission.adminOnly");
        assertThat(users.authenticate("wangfang", "jinbao2022").username()).isEqualTo("wangfang");
    }

    @Test
    void aDisabledAccountCannotLogInAndTheLastAdministratorStays() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        User viewer = users.addUser(admin, "leader", "李局长", "overview1", Role.VIEWER, null);

        assertThat(keys(problemsOf(() -> users.disable(admin, admin.id())))).containsExactly("user.disable.self");
        assertThat(keys(problemsOf(() -> users.updateUser(admin, admin.id(), "王芳", Role.VIEWER, null))))
                .containsExactly("user.lastAdmin");

        assertThat(users.disable(admin, viewer.id()).active()).isFalse();
        assertThat(keys(problemsOf(() -> users.authenticate("leader", "overview1"))))
                .containsExactly("user.login.disabled");
        users.enable(admin, viewer.id());
        assertThat(users.authenticate("leader", "overview1").active()).isTrue();
    }

    @Test
    void anAdministratorEndsALockoutAtOnce() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        User viewer = users.addUser(admin, "leader", "李局长", "overview1", Role.VIEWER, null);
        for (int i = 0; i < UserService.MAX_FAILED_ATTEMPTS; i++) {
            problemsOf(() -> users.authenticate("leader", "wrong-guess"));
        }
        assertThat(keys(problemsOf(() -> users.authenticate("leader", "overview1"))))
                .containsExactly("user.login.locked");
        assertThat(refusal(() -> users.unlock(viewer, viewer.id()))).isEqualTo("user.permission.adminOnly");
        users.unlock(admin, viewer.id());
        assertThat(users.authenticate("leader", "overview1").username()).isEqualTo("leader");
    }

    @Test
    void theSetupActorIsRefusedOnceTheDatabaseHasAccounts() {
        assertThat(users.hasUsers()).isFalse();
        users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        assertThat(refusal(() -> users.users(User.setup()))).isEqualTo("permission.signInNeeded");
        assertThat(refusal(() -> users.addUser(User.setup(), "intruder", "某人", "letmein123", Role.ADMIN, null)))
                .isEqualTo("permission.signInNeeded");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndFollowsTheRules() {
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        assertThat(keys(problemsOf(() -> users.changePassword(admin, "not-it-at-all", "newpass2023"))))
                .containsExactly("user.password.currentWrong");
        assertThat(keys(problemsOf(() -> users.changePassword(admin, "jinbao2022", "short"))))
                .containsExactly("user.password.tooShort");
        users.changePassword(admin, "jinbao2022", "newpass2023");
        assertThat(keys(problemsOf(() -> users.authenticate("wangfang", "jinbao2022")))).containsExactly("user.login.failed");
        assertThat(users.authenticate("wangfang", "newpass2023").id()).isEqualTo(admin.id());
    }

    @Test
    void everyRoleHasANameInBothLanguages() {
        for (Localization l10n : List.of(CHINESE, new Localization(Localization.ENGLISH))) {
            for (Role role : Role.values()) {
                assertThat(l10n.text(Access.roleKey(role))).doesNotStartWith("user.");
            }
        }
        assertThat(CHINESE.text(Access.roleKey(Role.ADMIN))).isEqualTo("管理员");
    }
}
