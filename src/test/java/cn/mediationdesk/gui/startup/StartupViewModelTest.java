package cn.mediationdesk.gui.startup;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.startup.StartupViewModel.Phase;
import cn.mediationdesk.gui.summary.SummaryViewModel;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.store.DatabaseOpenException;
import cn.mediationdesk.logic.store.DatabaseOpenException.Reason;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.TallyService;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StartupViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));

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

    private StartupViewModel viewModel(DatabaseOpener opener, DemoInstaller demo, TaskExecutor executor) {
        return new StartupViewModel(file().toString(), opener, demo, CHINESE, CLOCK, executor, dialogs);
    }

    private StartupViewModel viewModel(DatabaseOpener opener) {
        return viewModel(opener, null, new CurrentThreadTaskExecutor());
    }

    private OpenedDatabase opened(StartupViewModel vm) {
        OpenedDatabase database = vm.openedProperty().get();
        if (database != null) {
            toClose.add(database.store());
        }
        return database;
    }

    @Test
    void withoutADatabaseItOffersTheStartPageAndCreatesNothing() {
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        assertThat(vm.welcomeTextProperty().get()).isEqualTo("这台电脑上还没有调解台账的数据。请选择一种方式开始：");
        assertThat(vm.locationTextProperty().get()).isEqualTo(file() + ".mv.db");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void creatingAJurisdictionCreatesTheDatabaseAndOpensIt() {
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        vm.jurisdictionNameProperty().set("  金宝新区 ");
        vm.createJurisdiction();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).isEqualTo("金宝新区");
        assertThat(database.firstSummaryIfAny()).isEmpty();
        assertThat(database.location()).isEqualTo(file() + ".mv.db");
        assertThat(database.store().read(tx -> tx.organization().jurisdiction()).orElseThrow().createdAt())
                .isEqualTo(CLOCK.instant());
        assertThat(Files.exists(Path.of(file() + ".mv.db"))).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aBlankOrOverlongNameIsExplainedAndNothingIsCreated() {
        AtomicInteger opens = new AtomicInteger();
        StartupViewModel vm = viewModel((location, create) -> {
            opens.incrementAndGet();
            return Database.open(location, create);
        });
        vm.start();
        vm.jurisdictionNameProperty().set("   ");
        vm.createJurisdiction();
        assertThat(vm.nameProblemProperty().get()).isEqualTo("请填写辖区名称");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WELCOME);

        vm.jurisdictionNameProperty().set("金".repeat(101));
        assertThat(vm.nameProblemProperty().get()).as("typing clears the old problem").isEmpty();
        vm.createJurisdiction();
        assertThat(vm.nameProblemProperty().get()).isEqualTo("辖区名称不能超过 100 个字（现有 101 个）");
        assertThat(opens).hasValue(0);
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void anExistingDatabaseOpensInTheBackground() {
        GuiTestData.createDatabase(file()).close();
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE, null, executor);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPENING);
        assertThat(vm.busyTextProperty().get()).isEqualTo("正在打开数据库…");

        executor.runNext();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        assertThat(opened(vm).jurisdictionName()).isEqualTo(GuiTestData.JURISDICTION);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aDatabaseWithoutJurisdictionIsFinishedOnTheStartPage() {
        Database.open(DatabaseLocation.parse(file().toString()), true).close();
        AtomicInteger opens = new AtomicInteger();
        StartupViewModel vm = viewModel((location, create) -> {
            opens.incrementAndGet();
            return Database.open(location, create);
        });
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        assertThat(vm.welcomeTextProperty().get()).startsWith("已经找到数据库，但还没有设置辖区");
        assertThat(vm.unusedStore()).isPresent();

        vm.jurisdictionNameProperty().set("石桥镇");
        vm.createJurisdiction();
        assertThat(opened(vm).jurisdictionName()).isEqualTo("石桥镇");
        assertThat(opens).as("the store opened at start is the one filled").hasValue(1);
        assertThat(vm.unusedStore()).isEmpty();
    }

    @Test
    void aLockedDatabaseIsExplainedWithWhatToDoAndCanBeTriedAgain() throws Exception {
        GuiTestData.createDatabase(file()).close();
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
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        assertThat(opened(vm).jurisdictionName()).isEqualTo(GuiTestData.JURISDICTION);
    }

    @Test
    void aDatabaseOfANewerVersionIsRefusedInWords() throws Exception {
        GuiTestData.createDatabase(file()).close();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file(), "sa", "");
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
        assertThat(vm.problemProperty().get().headline()).startsWith("无法读取数据库：");
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
        StartupViewModel vm = new StartupViewModel("bad\u0000name", DatabaseOpener.DATABASE, null, CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), dialogs);
        vm.start();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.problemProperty().get().headline()).startsWith("数据库位置无效");
        assertThat(dialogs.shown()).hasSize(1);
    }

    @Test
    void aFailedCreationIsReportedAndTheStartPageStays() {
        StartupViewModel vm = viewModel((location, create) -> {
            throw new DatabaseOpenException(Reason.UNREADABLE, location.display(), null);
        });
        vm.start();
        vm.jurisdictionNameProperty().set("金宝新区");
        vm.createJurisdiction();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("无法建立数据库");
            assertThat(shown.message()).startsWith("无法读取数据库：");
        });
    }

    @Test
    void withoutADemoThereIsNoDemoToLoad() {
        StartupViewModel vm = viewModel(DatabaseOpener.DATABASE);
        vm.start();
        assertThat(vm.demoAvailable()).isFalse();
        vm.loadDemo();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.WELCOME);
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }

    @Test
    void theDemoOpensOnTheSeedReportsYear() {
        // The demo's dates run into 2023, so its clock must be later than that (the real one is).
        Clock later = GuiTestData.clockOn(LocalDate.of(2024, 6, 30));
        StartupViewModel vm = new StartupViewModel(file().toString(), DatabaseOpener.DATABASE,
                DemoInstaller.DEMO_JURISDICTION, CHINESE, later, new CurrentThreadTaskExecutor(), dialogs);
        vm.start();
        assertThat(vm.demoAvailable()).isTrue();
        vm.loadDemo();

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.OPEN);
        OpenedDatabase database = opened(vm);
        assertThat(database.jurisdictionName()).isEqualTo("金宝新区");
        assertThat(database.firstSummaryIfAny()).contains(DemoInstaller.SEED_REPORT);

        SummaryViewModel summary = new SummaryViewModel(new TallyService(database.store()), CHINESE, later,
                new CurrentThreadTaskExecutor(), dialogs);
        summary.choosePeriod(DemoInstaller.SEED_REPORT.period(), DemoInstaller.SEED_REPORT.asOf());
        summary.summarize();
        assertThat(summary.totalProperty().get().counts().leads()).isEqualTo(87);
        assertThat(summary.totalProperty().get().counts().resolved()).isEqualTo(64);
        assertThat(summary.rows()).hasSize(8);
        assertThat(dialogs.shown()).isEmpty();
    }
}
