package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.startup.SetupWizardViewModel.Step;
import cn.mediationdesk.gui.startup.StartupViewModel.Phase;
import cn.mediationdesk.gui.summary.SummaryViewModel;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.DelegatingStore;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StartupViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));
    /** The lowest bcrypt cost: the same rules, quickly. */
    private static final PasswordHasher QUICK = new PasswordHasher(4);

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<Store> toClose = new ArrayList<>();

    @AfterEach
    void closeStores() {
        toClose.forEach(Store::close);
    }

    private Path file() {
        return dir.resolve("data").resolve("mediationdesk");
    }

    private StartupViewModel viewModel(DatabaseOpener opener, DemoInstaller demo, TaskExecutor executor, Clock clock) {
        return new StartupViewModel(file().toString(), opener, demo, QUICK, CHINESE, clock, executor, dialogs);
    }

    private StartupViewModel viewModel(DatabaseOpener opener) {
        return viewModel(opener, null, new CurrentThreadTaskExecutor(), CLOCK);
    }

    private StartupViewModel withDemo() {
        // The demo's dates run into 2023, so its clock must be later than that (the real one is).
        return viewModel(DatabaseOpener.DATABASE, DemoInstaller.DEMO_JURISDICTION, new CurrentThreadTaskExecutor(),
                GuiTestData.clockOn(LocalDate.of(2024, 6, 30)));
    }

    private OpenedDatabase opened(StartupViewModel vm) {
        OpenedDatabase database = vm.openedProperty().get();
        if (database != null) {
            toClose.add(database.store());
        }
        return database;
    }

    private static void typeAdministrator(SetupWizardViewModel wizard) {
        wizard.usernameProperty().set("WangFang");
        wizard.displayNameProperty().set("王芳");
        wizard.passwordProperty().set("jinbao2022");
        wizard.passwordRepeatProperty().set("jinbao2022");
    }

    /** The new database's recovery code is on paper: the window opens. */
    private static void copyRecoveryCode(SetupWizardViewModel wizard) {
        assertThat(wizard.recoveryCodeProperty().get()).as("a new database shows its code").isNotEmpty();
        wizard.codeCopiedProperty().set(true);
        wizard.continueAfterRecoveryCode();
    }

    /** The sample jurisdiction of {@link GuiTestData} with an administrator, as a later start finds it. */
    private void sampleWithAdministrator() {
        try (Database database = GuiTestData.createDatabase(file())) {
            new UserService(database, CLOCK, QUICK).createFirstAdmin("wangfang", "王芳", "jinbao2022");
        }
    }

    @Test
    void withoutADatabaseTheWizardAsksForTheJurisdictionFirstAndCreatesNothing() {
        StartupViewModel vm = withDemo();
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SETUP);
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.steps()).containsExactly(Step.JURISDICTION, Step.ADMINISTRATOR, Step.DATA);
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.JURISDICTION);
        assertThat(wizard.welcomeText()).isEqualTo("这台电脑上还没有调解台账的数据。只需三步即可开始使用：");
        assertThat(wizard.locationText()).isEqualTo(file() + ".mv.db");

        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.DATA);
        assertThat(Files.exists(dir.resolve("data"))).as("nothing is written before the last step").isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void theWizardCreatesTheJurisdictionAndTheAdministratorAndOpensLoggedInAsThem() {
        StartupViewModel vm = withDemo();
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        wizard.jurisdictionNameProperty().set("  石桥镇 ");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        wizard.next(); // an empty start is the default
        copyRecoveryCode(wizard);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).isEqualTo("石桥镇");
        assertThat(database.firstSummaryIfAny()).isEmpty();
        assertThat(database.location()).isEqualTo(file() + ".mv.db");
        User admin = database.userIfAny().orElseThrow();
        assertThat(admin.username()).isEqualTo("wangfang");
        assertThat(admin.displayName()).isEqualTo("王芳");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(database.store().<Long>read(tx -> tx.leads().count())).isZero();
        assertThat(wizard.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(vm.unusedStore()).isEmpty();
        assertThat(new UserService(database.store(), CLOCK, QUICK).authenticate("wangfang", "jinbao2022").id())
                .isEqualTo(admin.id());
    }

    @Test
    void aNewDatabaseShowsItsRecoveryCodeOnceAndOpensOnlyWhenItIsCopied() {
        StartupViewModel vm = withDemo();
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.recoveryCodeProperty().get()).isEmpty();
        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        wizard.next();

        assertThat(vm.phaseProperty().get()).as("the code first").isEqualTo(Phase.SETUP);
        String code = wizard.recoveryCodeProperty().get();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}");
        Store store = vm.unusedStore().orElseThrow();
        assertThat(((Database) store).recoveryCode()).contains(code);
        assertThat(DatabaseKey.fromRecoveryCode(code)).isPresent();
        wizard.next(); // the wizard's own button does nothing now
        wizard.continueAfterRecoveryCode(); // not ticked yet
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SETUP);

        wizard.codeCopiedProperty().set(true);
        wizard.continueAfterRecoveryCode();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        assertThat(opened(vm).store()).isSameAs(store);
        assertThat(wizard.recoveryCodeProperty().get()).as("shown once").isEmpty();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void anExistingDatabaseShowsNoRecoveryCode() {
        Database.open(DatabaseLocation.parse(file().toString()), true).close(); // made earlier, without jurisdiction
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        assertThat(wizard.recoveryCodeProperty().get()).isEmpty();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        opened(vm);
    }

    @Test
    void anImportACrashUndidIsToldBeforeTheLoginPage() {
        sampleWithAdministrator();
        Path leftBehind = dir.resolve("data").resolve("mediationdesk.mv.db.interrupted-bulk-write-20261206-101500");
        DatabaseOpener reportingUndone = (location, create) -> {
            Database database = Database.open(location, create);
            return new DelegatingStore(database) {
                @Override
                public Optional<Path> undoneBulkWrite() {
                    return Optional.of(leftBehind);
                }
            };
        };
        StartupViewModel vm = viewModel(reportingUndone);
        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("上次的导入已撤销");
            assertThat(shown.message()).contains("没有留下导入了一半的数据").contains(leftBehind.toString());
        });
        vm.unusedStore().ifPresent(Store::close);
    }

    @Test
    void aRestoredDatabaseOpensOnTheLoginPageWithItsOwnAccounts() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.usernameProperty().set("wangfang");
        login.passwordProperty().set("jinbao2022");
        login.logIn();
        OpenedDatabase before = vm.openedProperty().get();
        Store restored = Database.open(DatabaseLocation.parse(dir.resolve("restored").toString()), true);
        GuiTestData.fill(restored);
        new UserService(restored, CLOCK, QUICK).createFirstAdmin("zhaomin", "赵敏", "shiqiao2023");
        before.store().close(); // a restore closes the database it replaces

        vm.restored(restored);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        assertThat(vm.openedProperty().get()).isNull();
        assertThat(vm.unusedStore()).contains(restored);
        LoginViewModel again = vm.loginProperty().get();
        again.usernameProperty().set("zhaomin");
        again.passwordProperty().set("shiqiao2023");
        again.logIn();
        assertThat(opened(vm).store()).isSameAs(restored);
    }

    @Test
    void afterARestoreThatFailedHalfWayTheDatabaseInPlaceIsOpenedAgain() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.usernameProperty().set("wangfang");
        login.passwordProperty().set("jinbao2022");
        login.logIn();
        Store first = vm.openedProperty().get().store();

        vm.reopen();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        Store again = vm.unusedStore().orElseThrow();
        toClose.add(again);
        assertThat(again).isNotSameAs(first);
        assertThat(again.location()).isEqualTo(file() + ".mv.db");
    }

    @Test
    void aBlankOrOverlongNameIsExplainedAndTheWizardStays() {
        AtomicInteger opens = new AtomicInteger();
        StartupViewModel vm = viewModel((location, create) -> {
            opens.incrementAndGet();
            return Database.open(location, create);
        });
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        wizard.jurisdictionNameProperty().set("   ");
        wizard.next();
        assertThat(wizard.jurisdictionNameProblemProperty().get()).isEqualTo("请填写辖区名称");
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.JURISDICTION);

        wizard.jurisdictionNameProperty().set("金".repeat(101));
        assertThat(wizard.jurisdictionNameProblemProperty().get()).as("typing clears the old problem").isEmpty();
        wizard.next();
        assertThat(wizard.jurisdictionNameProblemProperty().get()).isEqualTo("辖区名称不能超过 100 个字（现有 101 个）");
        assertThat(opens).hasValue(0);
    }

    @Test
    void theAdministratorStepNamesEachBadDetailAtItsField() {
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        wizard.usernameProperty().set("王芳");
        wizard.passwordProperty().set("12345678");
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(Step.ADMINISTRATOR);
        assertThat(wizard.usernameProblemProperty().get()).startsWith("用户名须为 3–32 位英文字母");
        assertThat(wizard.displayNameProblemProperty().get()).isEqualTo("请填写姓名");
        assertThat(wizard.passwordProblemProperty().get()).isEqualTo("密码不能全是数字，请加入字母或符号");

        typeAdministrator(wizard);
        wizard.passwordRepeatProperty().set("jinbao2023");
        wizard.next();
        assertThat(wizard.usernameProblemProperty().get()).isEmpty();
        assertThat(wizard.passwordRepeatProblemProperty().get()).isEqualTo("两次输入的密码不一致");
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.ADMINISTRATOR);
    }

    @Test
    void goingBackKeepsWhatWasTyped() {
        StartupViewModel vm = withDemo();
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.canGoBack()).isFalse();
        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.JURISDICTION);
        assertThat(wizard.jurisdictionNameProperty().get()).isEqualTo("石桥镇");
        wizard.next();
        assertThat(wizard.usernameProperty().get()).isEqualTo("WangFang");
        assertThat(wizard.stepNumber()).isEqualTo(2);
    }

    @Test
    void theDemoOpensOnTheSeedReportsYearLoggedInAsTheNewAdministrator() {
        StartupViewModel vm = withDemo();
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.demoAvailable()).isTrue();
        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        wizard.loadDemoProperty().set(true);
        wizard.next();
        copyRecoveryCode(wizard);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).as("the demo's own jurisdiction").isEqualTo("金宝新区");
        assertThat(database.firstSummaryIfAny()).contains(DemoInstaller.SEED_REPORT);
        assertThat(database.userIfAny().orElseThrow().role()).isEqualTo(Role.ADMIN);

        Clock later = GuiTestData.clockOn(LocalDate.of(2024, 6, 30));
        SummaryViewModel summary = new SummaryViewModel(new TallyService(database.store()),
                new LeadSearchService(database.store(), User.setup()), new ReportService(database.store(), later, User.setup()), CHINESE, later,
                new CurrentThreadTaskExecutor(), dialogs, filter -> { }, (title, printout) -> { });
        summary.choosePeriod(DemoInstaller.SEED_REPORT.period(), DemoInstaller.SEED_REPORT.asOf());
        summary.summarize();
        assertThat(summary.totalProperty().get().counts().leads()).isEqualTo(87);
        assertThat(summary.totalProperty().get().counts().resolved()).isEqualTo(64);
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void withoutADemoTheWizardHasTwoSteps() {
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.steps()).containsExactly(Step.JURISDICTION, Step.ADMINISTRATOR);
        assertThat(wizard.demoAvailable()).isFalse();
    }

    @Test
    void aDatabaseWithoutUsersAsksForTheAdministratorBeforeAnythingElse() {
        GuiTestData.createDatabase(file()).close(); // as the command line's init or demo leaves it
        AtomicInteger opens = new AtomicInteger();
        StartupViewModel vm = viewModel((location, create) -> {
            opens.incrementAndGet();
            return Database.open(location, create);
        }, DemoInstaller.DEMO_JURISDICTION, new CurrentThreadTaskExecutor(), CLOCK);
        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SETUP);
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.steps()).containsExactly(Step.ADMINISTRATOR);
        assertThat(wizard.existingJurisdiction()).contains(GuiTestData.JURISDICTION);
        assertThat(wizard.welcomeText()).startsWith("辖区“金宝新区”的数据库还没有任何用户");
        assertThat(wizard.isLastStep()).isTrue();

        typeAdministrator(wizard);
        wizard.next();
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).isEqualTo(GuiTestData.JURISDICTION);
        assertThat(database.userIfAny()).isPresent();
        assertThat(database.store().<Long>read(tx -> tx.leads().count())).as("the leads stay").isEqualTo(10L);
        assertThat(opens).as("the store opened at start is the one used").hasValue(1);
    }

    @Test
    void aDatabaseWithoutJurisdictionIsFinishedByTheWizard() {
        Database.open(DatabaseLocation.parse(file().toString()), true).close();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SETUP);
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        assertThat(wizard.welcomeText()).startsWith("已经找到数据库，但还没有设置辖区");
        assertThat(vm.unusedStore()).isPresent();

        wizard.jurisdictionNameProperty().set("石桥镇");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();
        assertThat(opened(vm).jurisdictionName()).isEqualTo("石桥镇");
        assertThat(vm.unusedStore()).isEmpty();
    }

    @Test
    void aDatabaseWithUsersAsksToLogIn() {
        sampleWithAdministrator();
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE, null, executor, CLOCK);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(vm.busyTextProperty().get()).isEqualTo("正在打开数据库…");

        executor.runNext();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        LoginViewModel login = vm.loginProperty().get();
        assertThat(login.jurisdictionName()).isEqualTo(GuiTestData.JURISDICTION);
        login.usernameProperty().set("wangfang");
        login.passwordProperty().set("jinbao2022");
        login.logIn();
        assertThat(login.busyProperty().get()).as("bcrypt runs in the background").isTrue();
        executor.runNext();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).isEqualTo(GuiTestData.JURISDICTION);
        assertThat(database.userIfAny().orElseThrow().displayName()).isEqualTo("王芳");
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheNextTryStartsOnAnEmptyPasswordField() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.usernameProperty().set("wangfang");
        login.passwordProperty().set("jinbao2023");
        login.logIn();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        assertThat(login.messageProperty().get()).isEqualTo("用户名或密码不正确。连续输错 5 次，账户将被锁定 15 分钟。");
        assertThat(login.passwordProperty().get()).isEmpty();
        assertThat(login.usernameProperty().get()).isEqualTo("wangfang");

        login.passwordProperty().set("jinbao2022");
        login.logIn();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        opened(vm);
    }

    @Test
    void aLockoutNamesTheTimeItEnds() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        for (int i = 0; i < 5; i++) {
            login.usernameProperty().set("wangfang");
            login.passwordProperty().set("guess-" + i);
            login.logIn();
        }
        // CLOCK stands at 18:00 Beijing time.
        assertThat(login.messageProperty().get()).isEqualTo("账户已被锁定（连续 5 次密码错误），请在 18:15 之后再登录");
        login.passwordProperty().set("jinbao2022");
        login.logIn();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        assertThat(login.messageProperty().get()).endsWith("请在 18:15 之后再登录");
        vm.unusedStore().ifPresent(toClose::add);
    }

    @Test
    void emptyLoginFieldsAreAskedForAtTheFields() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.logIn();
        assertThat(login.usernameProblemProperty().get()).isEqualTo("请填写用户名");
        assertThat(login.passwordProblemProperty().get()).isEqualTo("请填写密码");
        assertThat(login.messageProperty().get()).isEmpty();
        login.usernameProperty().set("w");
        assertThat(login.usernameProblemProperty().get()).isEmpty();
        vm.unusedStore().ifPresent(toClose::add);
    }

    @Test
    void aLockedDatabaseIsExplainedWithWhatToDoAndCanBeTriedAgain() throws Exception {
        sampleWithAdministrator();
        AtomicInteger attempts = new AtomicInteger();
        StartupViewModel vm = viewModel((location, create) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new DatabaseOpenException(Reason.LOCKED, location.display(),
                        new java.sql.SQLException("Database may be already in use", "90020", 90020));
            }
            return Database.open(location, create);
        });
        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        OpenProblem problem = vm.problemProperty().get();
        assertThat(problem.headline()).isEqualTo("数据库正被另一个程序使用：" + file() + ".mv.db");
        assertThat(problem.advice()).contains("另一个调解台账窗口").contains("重试");
        assertThat(problem.retryMakesSense()).isTrue();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo(problem.headline());
            assertThat(shown.message()).isEqualTo(problem.advice()).doesNotContain("SQLException").doesNotContain("90020");
        });

        vm.retry();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        vm.unusedStore().ifPresent(toClose::add);
    }

    @Test
    void aDatabaseOfANewerVersionIsRefusedInWords() throws Exception {
        GuiTestData.createDatabase(file()).close();
        try (Connection connection = behindTheApplicationsBack();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'sa', 1, TRUE)");
        }
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        OpenProblem problem = vm.problemProperty().get();
        assertThat(problem.headline()).startsWith("这个数据库已被更新版本的调解台账使用过");
        assertThat(problem.advice()).contains("请安装最新版本");
        assertThat(problem.retryMakesSense()).isFalse();
    }

    @Test
    void aFileThatIsNoDatabaseIsExplained() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(Path.of(file() + ".mv.db"), "这不是数据库，只是一段文字。".repeat(200));
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.problemProperty().get().headline()).startsWith("这不是调解台账的数据库：");
        assertThat(dialogs.shown()).hasSize(1);
    }

    @Test
    void everyReasonIsWordedInBothLanguages() {
        for (Localization l10n : List.of(CHINESE, new Localization(Localization.ENGLISH))) {
            for (Reason reason : Reason.values()) {
                OpenProblem problem = OpenProblem.of(new DatabaseOpenException(reason, "/data/db.mv.db", null),
                        "/data/db.mv.db", l10n);
                assertThat(problem.headline()).as(reason + " " + l10n.locale())
                        .doesNotStartWith("gui.").contains("/data/db.mv.db");
                assertThat(problem.advice()).as(reason + " advice " + l10n.locale()).doesNotStartWith("gui.").isNotBlank();
            }
        }
    }

    @Test
    void anUnexpectedFailureIsWordedWithoutAStackTrace() {
        OpenProblem problem = OpenProblem.of(new IllegalStateException("disk full"), "/data/db.mv.db", CHINESE);
        assertThat(problem.headline()).isEqualTo("打开数据库时出现意外错误：/data/db.mv.db");
        assertThat(problem.advice()).endsWith("请把以下信息告诉管理员：disk full");
    }

    @Test
    void anImpossibleLocationIsExplained() {
        StartupViewModel vm = new StartupViewModel("bad\u0000name", DatabaseOpener.DATABASE, null, QUICK, CHINESE,
                CLOCK, new CurrentThreadTaskExecutor(), dialogs);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.problemProperty().get().headline()).startsWith("数据库位置无效");
        assertThat(dialogs.shown()).hasSize(1);
    }

    @Test
    void aFailedCreationIsReportedAndTheWizardStaysOnItsLastStep() {
        StartupViewModel vm = viewModel((location, create) -> {
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), null);
        });
        vm.start();
        SetupWizardViewModel wizard = vm.wizardProperty().get();
        wizard.jurisdictionNameProperty().set("金宝新区");
        wizard.next();
        typeAdministrator(wizard);
        wizard.next();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.SETUP);
        assertThat(wizard.stepProperty().get()).isEqualTo(Step.ADMINISTRATOR);
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.passwordProperty().get()).as("kept for another try").isEqualTo("jinbao2022");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("无法建立数据库");
            assertThat(shown.message()).startsWith("无法读取数据库：");
        });
    }

    private void sampleWithMediatorToldToChangeThePassword() {
        try (Database database = GuiTestData.createDatabase(file())) {
            UserService users = new UserService(database, CLOCK, QUICK);
            var admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
            long committee = database.read(tx -> tx.organization().committees().getFirst().id());
            users.addUser(admin, "zhangli", "张丽", "tiaojie01", cn.mediationdesk.model.Role.MEDIATOR, committee);
        }
    }

    @Test
    void aPasswordAnAdministratorSetIsReplacedBeforeTheWindowOpens() {
        sampleWithMediatorToldToChangeThePassword();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.usernameProperty().set("zhangli");
        login.passwordProperty().set("tiaojie01");
        login.logIn();
        assertThat(login.mustChangeProperty().get()).isTrue();
        assertThat(vm.phaseProperty().get()).as("not yet open").isEqualTo(Phase.LOGIN);

        login.newPasswordProperty().set("87654321");
        login.changePassword();
        assertThat(login.newPasswordProblemProperty().get()).isEqualTo("密码不能全是数字，请加入字母或符号");
        login.newPasswordProperty().set("wodemima2023");
        login.newPasswordRepeatProperty().set("wodemima2024");
        login.changePassword();
        assertThat(login.repeatProblemProperty().get()).isEqualTo("两次输入的新密码不一致");
        login.newPasswordProperty().set("tiaojie01");
        login.newPasswordRepeatProperty().set("tiaojie01");
        login.changePassword();
        assertThat(login.newPasswordProblemProperty().get()).as("the same password again")
                .isEqualTo(CHINESE.text("user.password.unchanged"));
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);

        login.newPasswordProperty().set("wodemima2023");
        login.newPasswordRepeatProperty().set("wodemima2023");
        login.changePassword();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        assertThat(login.mustChangeProperty().get()).isFalse();
        var user = opened(vm).userIfAny().orElseThrow();
        assertThat(user.username()).isEqualTo("zhangli");
        assertThat(user.mustChangePassword()).isFalse();
    }

    @Test
    void aPasswordChangeCanBeLeftForTheLoginForm() {
        sampleWithMediatorToldToChangeThePassword();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel login = vm.loginProperty().get();
        login.usernameProperty().set("zhangli");
        login.passwordProperty().set("tiaojie01");
        login.logIn();
        login.cancelChange();
        assertThat(login.mustChangeProperty().get()).isFalse();
        login.newPasswordProperty().set("wodemima2023");
        login.newPasswordRepeatProperty().set("wodemima2023");
        login.changePassword();
        assertThat(vm.phaseProperty().get()).as("nothing is changed without a login").isEqualTo(Phase.LOGIN);
    }

    @Test
    void loggingOutShowsTheLoginPageOnTheSameDatabase() {
        sampleWithAdministrator();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        LoginViewModel first = vm.loginProperty().get();
        first.usernameProperty().set("wangfang");
        first.passwordProperty().set("jinbao2022");
        first.logIn();
        OpenedDatabase database = opened(vm);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);

        vm.logOut();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.LOGIN);
        assertThat(vm.openedProperty().get()).isNull();
        assertThat(vm.unusedStore()).contains(database.store());
        LoginViewModel again = vm.loginProperty().get();
        assertThat(again).isNotSameAs(first);
        assertThat(again.usernameProperty().get()).isEmpty();
        again.usernameProperty().set("wangfang");
        again.passwordProperty().set("jinbao2022");
        again.logIn();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        assertThat(opened(vm).store()).isSameAs(database.store());
    }

    /** A plain connection to the file, opened with its key as H2's own tools would (`key show`). */
    private Connection behindTheApplicationsBack() throws java.sql.SQLException {
        var access = Database.directAccessTo(DatabaseLocation.parse(file().toString()),
                cn.mediationdesk.logic.store.KeyRing.inSettingsFolder()).orElseThrow();
        return DriverManager.getConnection(access.url(), access.user(), access.password());
    }
}
