package cn.mediationdesk.gui.main;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The idle lock on a clock the test moves: no waiting, no timing. */
class IdleLockViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    /** A clock that stands still until the test moves it. */
    private static final class MovingClock extends Clock {
        private Instant now = GuiTestData.clockOn(LocalDate.of(2023, 3, 1)).instant();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return GuiTestData.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    private Database database;
    private UserService users;
    private User admin;
    private final MovingClock clock = new MovingClock();
    private final List<String> logOuts = new ArrayList<>();

    @BeforeEach
    void open() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
        users = new UserService(database, clock, new PasswordHasher(4));
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private IdleLockViewModel lock(int minutes) {
        return new IdleLockViewModel(admin, users, CHINESE, clock, new CurrentThreadTaskExecutor(), minutes,
                () -> logOuts.add("out"));
    }

    @Test
    void itLocksOnlyAfterTheIdleTimeWithoutInput() {
        IdleLockViewModel vm = lock(15);
        clock.advance(Duration.ofMinutes(14));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isFalse();

        vm.activity(); // typing restarts the count
        clock.advance(Duration.ofMinutes(14));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.lockText()).contains("王芳", "wangfang");

        vm.activity(); // moving the mouse over the lock does not open it
        vm.tick();
        assertThat(vm.lockedProperty().get()).isTrue();
    }

    @Test
    void zeroMinutesNeverLocksAndANewTimeCountsFromNow() {
        IdleLockViewModel vm = lock(0);
        clock.advance(Duration.ofDays(1));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isFalse();

        vm.useMinutes(5);
        clock.advance(Duration.ofMinutes(4));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        vm.tick();
        assertThat(vm.lockedProperty().get()).isTrue();
    }

    @Test
    void theRightPasswordUnlocksAndAWrongOneIsSaid() {
        IdleLockViewModel vm = lock(15);
        clock.advance(Duration.ofMinutes(15));
        vm.tick();

        vm.passwordProperty().set("jinbao2023");
        vm.unlock();
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("用户名或密码不正确。连续输错 5 次，账户将被锁定 15 分钟。");
        assertThat(vm.passwordProperty().get()).isEmpty();

        vm.passwordProperty().set("jinbao2022");
        vm.unlock();
        assertThat(vm.lockedProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();

        clock.advance(Duration.ofMinutes(14));
        vm.tick();
        assertThat(vm.lockedProperty().get()).as("the count starts again at the unlock").isFalse();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAsAtLogin() {
        IdleLockViewModel vm = lock(15);
        clock.advance(Duration.ofMinutes(15));
        vm.tick();
        for (int i = 0; i < UserService.MAX_FAILED_ATTEMPTS; i++) {
            vm.passwordProperty().set("guess-" + i);
            vm.unlock();
        }
        assertThat(vm.messageProperty().get()).startsWith("账户已被锁定");
        vm.passwordProperty().set("jinbao2022");
        vm.unlock();
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("账户已被锁定");
    }

    @Test
    void logOutInsteadEndsTheSession() {
        IdleLockViewModel vm = lock(15);
        clock.advance(Duration.ofMinutes(20));
        vm.tick();
        vm.logOutInstead();
        assertThat(logOuts).containsExactly("out");
    }
}
