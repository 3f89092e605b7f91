package cn.mediationdesk.gui.settings;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.CaseNumberFormat;
import cn.mediationdesk.logic.lifecycle.CaseSettingsService;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));
    private static final PasswordHasher QUICK = new PasswordHasher(4);

    @TempDir
    Path dir;

    private Database database;
    private UserService users;
    private User admin;
    private User mediator;
    private final MemoryLanguagePreference languages = new MemoryLanguagePreference();
    private final List<Locale> switches = new ArrayList<>();

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

    private SettingsViewModel viewModel(User user) {
        SettingsViewModel vm = new SettingsViewModel(new CaseSettingsService(database), users, user, CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), languages, switches::add);
        vm.load();
        return vm;
    }

    @Test
    void choosingEnglishSwitchesTheWindowAndIsRememberedForThisUser() {
        SettingsViewModel vm = viewModel(admin);
        assertThat(vm.languageProperty().get()).isEqualTo(Localization.CHINESE);
        assertThat(vm.languages()).extracting(vm::languageName).containsExactly("中文", "English（英语）");

        vm.chooseLanguage(Localization.ENGLISH);
        assertThat(switches).containsExactly(Localization.ENGLISH);
        assertThat(languages.choiceOf("wangfang")).contains(Localization.ENGLISH);
        assertThat(languages.choiceOf("zhangli")).isEmpty();
        assertThat(languages.lastChoice()).contains(Localization.ENGLISH);
    }

    @Test
    void choosingTheLanguageAlreadyShownChangesNothing() {
        viewModel(admin).chooseLanguage(Localization.CHINESE);
        assertThat(switches).isEmpty();
        assertThat(languages.lastChoice()).isEmpty();
    }

    @Test
    void theCaseSettingsOpenWithTheStoredValuesAndAPreview() {
        SettingsViewModel vm = viewModel(admin);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.timeLimitProperty().get()).isEqualTo("30");
        assertThat(vm.numberPatternProperty().get()).isEqualTo(CaseNumberFormat.DEFAULT_PATTERN);
        assertThat(vm.previewProperty().get()).isEqualTo("(2023)金宝人调字第012号");
    }

    @Test
    void thePreviewFollowsTheTypingAndAWrongFormatIsNamedAtOnce() {
        SettingsViewModel vm = viewModel(admin);
        vm.numberPatternProperty().set("{short}调〔{year}〕{seq:0000}号");
        assertThat(vm.previewProperty().get()).isEqualTo("金宝调〔2023〕0012号");
        assertThat(vm.patternProblemProperty().get()).isEmpty();

        vm.numberPatternProperty().set("{short}调〔{year}〕号");
        assertThat(vm.previewProperty().get()).isEmpty();
        assertThat(vm.patternProblemProperty().get()).isEqualTo("案号格式必须包含序号 {seq}，否则每个案件的案号都会相同");

        vm.restoreDefaultPattern();
        assertThat(vm.previewProperty().get()).isEqualTo("(2023)金宝人调字第012号");
    }

    @Test
    void anAdministratorSavesBothSettings() {
        SettingsViewModel vm = viewModel(admin);
        assertThat(vm.canChangeCaseSettings()).isTrue();
        vm.timeLimitProperty().set(" 45 ");
        vm.numberPatternProperty().set("({year}){short}调字第{seq:000}号");
        vm.saveCaseSettings();

        assertThat(vm.caseSavedProperty().get()).isTrue();
        assertThat(vm.caseMessageProperty().get()).startsWith("已保存");
        var stored = new CaseSettingsService(database).current();
        assertThat(stored.timeLimitDays()).isEqualTo(45);
        assertThat(stored.numberFormat().pattern()).isEqualTo("({year}){short}调字第{seq:000}号");
    }

    @Test
    void aLimitThatIsNoNumberInRangeIsNamedAndNothingIsSaved() {
        SettingsViewModel vm = viewModel(admin);
        vm.timeLimitProperty().set("三十");
        assertThat(vm.timeLimitProblemProperty().get()).isEqualTo("请填写 1 到 365 之间的整数");
        vm.timeLimitProperty().set("400");
        vm.saveCaseSettings();
        assertThat(vm.timeLimitProblemProperty().get()).isEqualTo("办理期限须在 1 到 365 天之间");
        assertThat(vm.caseSavedProperty().get()).isFalse();
        assertThat(new CaseSettingsService(database).current().timeLimitDays()).isEqualTo(30);
    }

    @Test
    void aMediatorSeesTheSettingsButTheServiceRefusesTheirChange() {
        SettingsViewModel vm = viewModel(mediator);
        assertThat(vm.canChangeCaseSettings()).isFalse();
        assertThat(vm.timeLimitProperty().get()).isEqualTo("30");
        vm.timeLimitProperty().set("60");
        vm.saveCaseSettings();
        assertThat(vm.caseMessageProperty().get()).isEqualTo("只有管理员可以这样做");
        assertThat(new CaseSettingsService(database).current().timeLimitDays()).isEqualTo(30);
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOneAndTwoEqualNewOnes() {
        SettingsViewModel vm = viewModel(mediator);
        assertThat(vm.username()).isEqualTo("zhangli");
        vm.changePassword();
        assertThat(vm.currentPasswordProblemProperty().get()).isEqualTo("请填写当前密码");

        vm.currentPasswordProperty().set("not-my-password");
        vm.newPasswordProperty().set("tiaojie2023");
        vm.newPasswordRepeatProperty().set("tiaojie2024");
        vm.changePassword();
        assertThat(vm.repeatProblemProperty().get()).isEqualTo("两次输入的新密码不一致");

        vm.newPasswordRepeatProperty().set("tiaojie2023");
        vm.changePassword();
        assertThat(vm.currentPasswordProblemProperty().get()).isEqualTo("当前密码不正确");

        vm.currentPasswordProperty().set("tiaojie01");
        vm.changePassword();
        assertThat(vm.passwordChangedProperty().get()).isTrue();
        assertThat(vm.passwordMessageProperty().get()).startsWith("密码已修改");
        assertThat(vm.currentPasswordProperty().get()).isEmpty();
        assertThat(users.authenticate("zhangli", "tiaojie2023").id()).isEqualTo(mediator.id());
    }

    @Test
    void preferencesKeepTheLastChoiceAndEachUsersOwn() throws Exception {
        Preferences node = Preferences.userRoot().node("cn/mediationdesk-test/" + UUID.randomUUID());
        try {
            PreferencesLanguagePreference preference = new PreferencesLanguagePreference(node);
            assertThat(preference.lastChoice()).isEmpty();
            preference.remember("wangfang", Localization.ENGLISH);
            preference.remember("zhangli", Localization.CHINESE);
            assertThat(preference.choiceOf("wangfang")).contains(Localization.ENGLISH);
            assertThat(preference.choiceOf("zhangli")).contains(Localization.CHINESE);
            assertThat(preference.lastChoice()).contains(Localization.CHINESE);
            assertThat(new Localization(preference.choiceOf("wangfang").orElseThrow()).isChinese()).isFalse();
        } finally {
            node.removeNode();
        }
    }

    @Test
    void theIdleLockTimeIsKeptForThisPcAndZeroMeansNever() throws Exception {
        Preferences node = Preferences.userRoot().node("cn/mediationdesk/test-idle/" + UUID.randomUUID());
        IdleLockSetting setting = new IdleLockSetting(node);
        assertThat(setting.minutes()).isEqualTo(IdleLockSetting.DEFAULT_MINUTES);
        SettingsViewModel vm = new SettingsViewModel(new CaseSettingsService(database), users, mediator, CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), languages, switches::add, setting);
        assertThat(vm.offersIdleLock()).isTrue();
        assertThat(vm.idleMinutesProperty().get()).isEqualTo("15");

        vm.idleMinutesProperty().set("abc");
        vm.saveIdleLock();
        assertThat(vm.idleProblemProperty().get()).isEqualTo("请填写 0 到 1440 之间的整数（分钟）");
        assertThat(setting.minutes()).isEqualTo(15);

        vm.idleMinutesProperty().set(" 5 ");
        vm.saveIdleLock();
        assertThat(setting.minutes()).isEqualTo(5);
        assertThat(vm.idleMessageProperty().get()).isEqualTo("已保存：空闲 5 分钟后锁定。");
        vm.idleMinutesProperty().set("0");
        vm.saveIdleLock();
        assertThat(vm.idleMessageProperty().get()).isEqualTo("已保存：不自动锁定。");
        assertThat(new IdleLockSetting(node).minutes()).as("read again at the next start").isZero();
        assertThat(viewModel(admin).offersIdleLock()).as("left off when not given").isFalse();
        node.removeNode();
    }
}
