package cn.mediationdesk.gui.users;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.users.UsersViewModel.UserRow;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));
    private static final PasswordHasher QUICK = new PasswordHasher(4);

    @TempDir
    Path dir;

    private Database database;
    private UserService users;
    private User admin;
    private User mediator;

    @BeforeEach
    void open() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
        users = new UserService(database, CLOCK, QUICK);
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = database.read(tx -> tx.organization().committees().getFirst().id());
        mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UsersViewModel viewModel(User actor) {
        UsersViewModel vm = new UsersViewModel(users, actor, CHINESE, CLOCK, new CurrentThreadTaskExecutor());
        vm.load();
        return vm;
    }

    private static UserRow row(UsersViewModel vm, String username) {
        return vm.rows().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    @Test
    void theTableShowsEveryAccountWithRoleCommitteeAndStatus() {
        UsersViewModel vm = viewModel(admin);
        assertThat(vm.rows()).extracting(UserRow::username).containsExactly("wangfang", "zhangli");
        UserRow zhang = row(vm, "zhangli");
        assertThat(zhang.displayName()).isEqualTo("张丽");
        assertThat(zhang.role()).isEqualTo("调解员");
        assertThat(zhang.committee()).isEqualTo("金宝新区人民调解委员会");
        assertThat(zhang.status()).isEqualTo("需修改密码");
        assertThat(row(vm, "wangfang").status()).isEqualTo("在用");
        assertThat(row(vm, "wangfang").committee()).isEmpty();
    }

    @Test
    void anAdministratorAddsADirectorWhoMustChangeThePassword() {
        UsersViewModel vm = viewModel(admin);
        vm.newUser();
        vm.usernameProperty().set("LiQiang");
        vm.displayNameProperty().set("李强");
        vm.roleProperty().set(Role.DIRECTOR);
        assertThat(vm.committeeNeededProperty().get()).isTrue();
        vm.committeeProperty().set(vm.committees().get(1));
        vm.passwordProperty().set("chushi2023");
        vm.passwordRepeatProperty().set("chushi2023");
        vm.save();

        assertThat(vm.succeededProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("已添加用户“liqiang”。首次登录时须修改密码。");
        UserRow added = row(vm, "liqiang");
        assertThat(added.role()).isEqualTo("调委会主任");
        assertThat(added.committee()).isEqualTo("金宝社区人民调解委员会");
        assertThat(added.status()).isEqualTo("需修改密码");
        assertThat(vm.selectedProperty().get()).isEqualTo(added);
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(users.authenticate("liqiang", "chushi2023").mustChangePassword()).isTrue();
    }

    @Test
    void aBrokenRuleIsShownAtItsField() {
        UsersViewModel vm = viewModel(admin);
        vm.usernameProperty().set("zhangli");
        vm.displayNameProperty().set("另一个张丽");
        vm.roleProperty().set(Role.VIEWER);
        vm.passwordProperty().set("12345678");
        vm.passwordRepeatProperty().set("12345678");
        vm.save();
        assertThat(vm.passwordProblemProperty().get()).isEqualTo("密码不能全是数字，请加入字母或符号");

        vm.passwordProperty().set("lingdao2023");
        vm.passwordRepeatProperty().set("lingdao2024");
        vm.save();
        assertThat(vm.repeatProblemProperty().get()).isEqualTo("两次输入的新密码不一致");

        vm.passwordRepeatProperty().set("lingdao202");
        assertThat(vm.repeatProblemProperty().get()).as("still not the same").isEqualTo("两次输入的新密码不一致");
        vm.passwordRepeatProperty().set("lingdao2023");
        assertThat(vm.repeatProblemProperty().get()).as("gone once they agree, before saving").isEmpty();
        vm.save();
        assertThat(vm.usernameProblemProperty().get()).isEqualTo("用户名“zhangli”已被使用");
        assertThat(vm.succeededProperty().get()).isFalse();

        vm.usernameProperty().set("wanghai");
        assertThat(vm.usernameProblemProperty().get()).as("typing clears the problem").isEmpty();
        vm.roleProperty().set(Role.MEDIATOR); // no committee chosen
        vm.save();
        assertThat(vm.committeeProblemProperty().get()).isEqualTo("调委会主任和调解员须指定所属的调委会");
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void theSelectedUserIsEditedDisabledAndEnabled() {
        UsersViewModel vm = viewModel(admin);
        vm.selectedProperty().set(row(vm, "zhangli"));
        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(vm.usernameProperty().get()).isEqualTo("zhangli");
        assertThat(vm.committeeProperty().get().name()).isEqualTo("金宝新区人民调解委员会");

        vm.displayNameProperty().set("张丽丽");
        vm.save();
        assertThat(row(vm, "zhangli").displayName()).isEqualTo("张丽丽");

        vm.disable();
        assertThat(vm.messageProperty().get()).isEqualTo("已停用“zhangli”。");
        assertThat(row(vm, "zhangli").status()).isEqualTo("已停用");
        assertThatThrownBy(() -> users.authenticate("zhangli", "tiaojie01")).isInstanceOf(ValidationException.class);

        vm.enable();
        assertThat(row(vm, "zhangli").status()).isEqualTo("需修改密码");
    }

    @Test
    void anAdministratorCannotDisableThemself() {
        UsersViewModel vm = viewModel(admin);
        vm.selectedProperty().set(row(vm, "wangfang"));
        vm.disable();
        assertThat(vm.succeededProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(CHINESE.text("user.disable.self"));
    }

    @Test
    void aLockedAccountShowsUntilWhenAndIsUnlocked() {
        for (int i = 0; i < UserService.MAX_FAILED_ATTEMPTS; i++) {
            try {
                users.authenticate("zhangli", "wrong-" + i);
            } catch (ValidationException expected) {
                // counted
            }
        }
        UsersViewModel vm = viewModel(admin);
        assertThat(row(vm, "zhangli").status()).isEqualTo("锁定至 18:15");

        vm.selectedProperty().set(row(vm, "zhangli"));
        vm.unlock();
        assertThat(vm.messageProperty().get()).isEqualTo("已解除“zhangli”的锁定。");
        assertThat(row(vm, "zhangli").status()).isEqualTo("需修改密码");
        assertThat(users.authenticate("zhangli", "tiaojie01").username()).isEqualTo("zhangli");
    }

    @Test
    void aResetPasswordIsCheckedAndMustBeChangedAtTheNextLogin() {
        users.changePassword(mediator, "tiaojie01", "wodemima2023");
        UsersViewModel vm = viewModel(admin);
        assertThat(row(vm, "zhangli").status()).isEqualTo("在用");
        vm.selectedProperty().set(row(vm, "zhangli"));
        vm.passwordProperty().set("short");
        vm.passwordRepeatProperty().set("short");
        vm.resetPassword();
        assertThat(vm.passwordProblemProperty().get()).isEqualTo("密码至少要有 8 个字符");

        vm.passwordProperty().set("chongzhi2023");
        vm.passwordRepeatProperty().set("chongzhi2023");
        vm.resetPassword();
        assertThat(vm.messageProperty().get()).isEqualTo("已重置“zhangli”的密码。下次登录时须修改密码。");
        assertThat(row(vm, "zhangli").status()).isEqualTo("需修改密码");
        assertThat(users.authenticate("zhangli", "chongzhi2023").mustChangePassword()).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdministratorGetsTheRefusal() {
        UsersViewModel vm = viewModel(mediator);
        assertThat(vm.refusedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("只有管理员可以这样做");
        assertThat(vm.rows()).isEmpty();
    }
}
