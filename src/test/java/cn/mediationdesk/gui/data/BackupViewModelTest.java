package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.RecordingDialogService.Shown;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.gui.data.BackupViewModel.BackupRow;
import cn.mediationdesk.logic.backup.BackupFolder;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.logic.store.DatabaseKey;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup part of the Data screen on a real, encrypted database in a temporary folder. */
class BackupViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));
    private static final PasswordHasher QUICK = new PasswordHasher(4);

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final RecordingHost host = new RecordingHost();
    private Database database;
    private User admin;
    private User mediator;

    /** The window's side of a restore, remembered. */
    static final class RecordingHost implements BackupViewModel.RestoreHost {
        final List<String> calls = new ArrayList<>();
        boolean editorsClose = true;
        Store restored;

        @Override
        public boolean closeEditors() {
            calls.add("closeEditors");
            return editorsClose;
        }

        @Override
        public void restoring(boolean running) {
            calls.add("restoring " + running);
        }

        @Override
        public void restored(Store store) {
            calls.add("restored");
            restored = store;
        }

        @Override
        public void reopen() {
            calls.add("reopen");
        }
    }

    @BeforeEach
    void sampleWithAccounts() {
        database = GuiTestData.createDatabase(dir.resolve("data").resolve("mediationdesk"));
        UserService users = new UserService(database, CLOCK, QUICK);
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = database.read(tx -> tx.organization().committees().getFirst().id());
        mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
    }

    @AfterEach
    void close() {
        database.close();
        if (host.restored != null) {
            host.restored.close();
        }
    }

    private BackupViewModel viewModel(User actor, TaskExecutor executor) {
        return new BackupViewModel(new BackupService(database, CLOCK, actor), BackupViewModel.restorerFor(database, CLOCK),
                database, actor, CHINESE, CLOCK, executor, dialogs, host, BackupViewModel.keyFolderOf(database));
    }

    private BackupViewModel viewModel(User actor) {
        return viewModel(actor, new CurrentThreadTaskExecutor());
    }

    private Path backups() {
        return BackupFolder.of(database.embeddedFile().orElseThrow()).folder();
    }

    private List<BackupKind> kindsInFolder() {
        return BackupFolder.of(database.embeddedFile().orElseThrow()).list().stream().map(BackupFolder.Entry::kind).toList();
    }

    @Test
    void onlyAnAdministratorIsOfferedTheBackups() {
        assertThat(viewModel(admin).offered()).isTrue();
        assertThat(viewModel(mediator).offered()).isFalse();
        assertThat(viewModel(admin).available()).isTrue();
        assertThat(viewModel(admin).folderText()).isEqualTo(dir.resolve("data").resolve("backups").toString());
    }

    @Test
    void theListShowsTheBackupsNewestFirstWithTheirKindsInWords() {
        new BackupService(database, Clock.offset(CLOCK, Duration.ofDays(-1)), null).automatic(BackupKind.DAILY);
        BackupViewModel vm = viewModel(admin);
        vm.load();
        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.madeAt()).isEqualTo("2023-02-28 18:00:00");
            assertThat(row.kind()).isEqualTo("每日");
            assertThat(row.size()).matches("\\d+(\\.\\d)? (KB|MB)");
            assertThat(row.fileName()).isEqualTo("mediationdesk-20230228-180000-daily.zip");
        });

        vm.backUpNow();

        assertThat(vm.rows()).extracting(BackupRow::kind).containsExactly("手动", "每日");
        assertThat(vm.rows().getFirst().madeAt()).isEqualTo("2023-03-01 18:00:00");
        assertThat(vm.messageProperty().get()).startsWith("已备份：mediationdesk-20230301-180000-manual.zip（");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.shown()).as("a notice that goes by itself, no dialog to close").singleElement()
                .satisfies(shown -> {
                    assertThat(shown.kind()).isEqualTo("notice");
                    assertThat(shown.header()).isEqualTo(vm.messageProperty().get());
                });
    }

    @Test
    void everyKindHasItsWord() {
        BackupViewModel vm = viewModel(admin);
        assertThat(List.of(BackupKind.values())).extracting(vm::kindText)
                .containsExactly("手动", "退出时", "每日", "恢复前", "加密时");
    }

    @Test
    void sizesAreWrittenAsPeopleReadThem() {
        assertThat(BackupViewModel.sizeText(512)).isEqualTo("512 B");
        assertThat(BackupViewModel.sizeText(845 * 1024)).isEqualTo("845 KB");
        assertThat(BackupViewModel.sizeText(12_900_000)).isEqualTo("12.3 MB");
        assertThat(BackupViewModel.sizeText(3L * 1024 * 1024 * 1024)).isEqualTo("3.00 GB");
    }

    @Test
    void theBackupRunsInTheBackgroundAndSaysSoMeanwhile() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        BackupViewModel vm = viewModel(admin, executor);
        vm.backUpNow();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyTextProperty().get()).isEqualTo("正在备份…");
        assertThat(kindsInFolder()).isEmpty();
        vm.backUpNow(); // a second click while busy does nothing
        assertThat(executor.pending()).isEqualTo(1);

        executor.runNext();
        assertThat(kindsInFolder()).containsExactly(BackupKind.MANUAL);
        assertThat(vm.busyTextProperty().get()).as("then the list is read again").isEqualTo("正在读取备份列表…");
        executor.runNext();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(1);
    }

    @Test
    void aBackupGoesToTheFileChosenButNeverOverAnExistingOne() throws Exception {
        Path existing = Files.writeString(dir.resolve("u-disk.zip"), "已有的文件");
        Path target = dir.resolve("u-disk-new.zip");
        dialogs.savingTo(existing, target);
        BackupViewModel vm = viewModel(admin);

        vm.backUpTo();
        assertThat(dialogs.shown()).hasSize(2).last().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("备份没有完成");
            assertThat(shown.message()).isEqualTo(existing + " 已经存在；备份不会覆盖已有的文件。");
        });
        assertThat(existing).hasContent("已有的文件");
        assertThat(dialogs.shown().getFirst()).satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("save");
            assertThat(shown.header()).as("the suggested name").isEqualTo("mediationdesk-20230301-1800.zip");
        });

        vm.backUpTo();
        assertThat(target).exists();
        assertThat(vm.messageProperty().get()).isEqualTo("已备份到 " + target);
        assertThat(dialogs.shown().getLast().kind()).isEqualTo("notice");

        vm.backUpTo(); // cancelled
        assertThat(vm.messageProperty().get()).isEqualTo("已备份到 " + target);
    }

    @Test
    void theServiceRefusesANonAdministratorWithANotice() {
        BackupViewModel vm = viewModel(mediator);
        vm.backUpNow();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("information");
            assertThat(shown.header()).isEqualTo("没有权限");
        });
        assertThat(kindsInFolder()).isEmpty();
    }

    @Test
    void aFullDiskIsSaidInWords() throws Exception {
        // The backups folder cannot be made: a file has its name (as a full or read-only disk would fail).
        Files.writeString(backups(), "挡住了");
        viewModel(admin).backUpNow();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.message()).startsWith("读写文件时出错：").contains("backups")
                    .endsWith("请检查磁盘空间和文件夹的权限后再试。");
        });
    }

    @Test
    void keepingFewerAsksBeforeDeletingTheOldest() {
        BackupService service = new BackupService(database, CLOCK, admin);
        for (int i = 0; i < 4; i++) {
            service.backUp();
        }
        BackupViewModel vm = viewModel(admin);
        vm.load();
        assertThat(vm.keptProperty().get()).isEqualTo(10);
        assertThat(vm.keepChangedProperty().get()).isFalse();

        vm.keepProperty().set(2);
        assertThat(vm.keepChangedProperty().get()).isTrue();
        vm.applyKeep(); // answered "cancel"
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("减少保留的份数？");
            assertThat(shown.message()).startsWith("只保留最近 2 份后，最旧的 2 份备份会马上删除");
        });
        assertThat(vm.keepProperty().get()).isEqualTo(10);
        assertThat(vm.rows()).hasSize(4);

        dialogs.answering(0);
        vm.keepProperty().set(2);
        vm.applyKeep();
        assertThat(vm.keptProperty().get()).isEqualTo(2);
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.messageProperty().get()).isEqualTo("已保存：保留最近 2 份备份。");
        assertThat(new BackupService(database, CLOCK, admin).kept()).isEqualTo(2);

        vm.keepProperty().set(30); // more: nothing to delete, nothing to ask
        vm.applyKeep();
        assertThat(dialogs.shown()).hasSize(2);
        assertThat(vm.keptProperty().get()).isEqualTo(30);
    }

    @Test
    void aRestoreIsCheckedConfirmedWithWhatTheBackupHoldsAndHandsTheRestoredDatabaseToTheWindow() {
        BackupViewModel vm = viewModel(admin);
        vm.backUpNow();
        assertThat(dialogs.shown()).extracting(Shown::kind).containsExactly("notice");
        dialogs.shown().clear();
        vm.selectedProperty().set(vm.rows().getFirst());
        // After the backup: an account the restore takes away again.
        new UserService(database, CLOCK, QUICK).addUser(admin, "lisi", "李四", "lisi2023x", Role.VIEWER, null);
        dialogs.answering(0);

        vm.restoreSelected();

        Shown question = dialogs.shown().getFirst();
        assertThat(question.kind()).isEqualTo("question");
        assertThat(question.header()).isEqualTo("用这份备份恢复数据库吗？");
        assertThat(question.message()).contains("辖区：金宝新区", "备份时间：2023-03-01 18:00", "线索：10 条", "审计日志：",
                "完整无缺", "当前的数据库会先另存为一份“恢复前”备份");
        assertThat(host.calls).containsExactly("closeEditors", "restoring true", "restoring false", "restored");
        assertThat(new UserService(host.restored, CLOCK, QUICK).users(admin)).extracting(User::username)
                .containsExactlyInAnyOrder("wangfang", "zhangli");
        Path safetyCopy = BackupFolder.of(database.embeddedFile().orElseThrow()).list().stream()
                .filter(e -> e.kind() == BackupKind.BEFORE_RESTORE).findFirst().orElseThrow().file();
        assertThat(dialogs.shown().getLast()).satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("information");
            assertThat(shown.header()).isEqualTo("已从备份恢复");
            assertThat(shown.message()).startsWith("恢复前的数据库已另存为：" + safetyCopy).endsWith("请用备份中的账户重新登录。");
        });
        assertThat(dir.resolve("data").resolve(".mediationdesk.restoring")).doesNotExist();
    }

    @Test
    void aRestoreNotConfirmedChangesNothing() {
        BackupViewModel vm = viewModel(admin);
        vm.backUpNow();
        vm.selectedProperty().set(vm.rows().getFirst());

        vm.restoreSelected(); // the question is answered "cancel"

        assertThat(host.calls).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("没有恢复，数据库保持原样。");
        assertThat(kindsInFolder()).containsExactly(BackupKind.MANUAL);
        assertThat(dir.resolve("data").resolve(".mediationdesk.restoring")).as("the checked copy is gone").doesNotExist();
        assertThat(new UserService(database, CLOCK, QUICK).users(admin)).hasSize(2);
    }

    @Test
    void aLeadEditorWithUnsavedChangesStopsTheRestore() {
        BackupViewModel vm = viewModel(admin);
        vm.backUpNow();
        dialogs.answering(0);
        host.editorsClose = false;

        vm.restore(vm.rows().getFirst().file());

        assertThat(host.calls).containsExactly("closeEditors");
        assertThat(kindsInFolder()).containsExactly(BackupKind.MANUAL);
    }

    @Test
    void aFileThatIsNoBackupIsRefusedInWords() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.zip"), "不是备份".repeat(500));
        dialogs.opening(notes);

        viewModel(admin).restoreFromFile();

        assertThat(dialogs.shown()).hasSize(2).last().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("这份备份不能恢复");
            assertThat(shown.message()).isEqualTo("notes.zip 不是调解台账的备份。");
        });
        assertThat(host.calls).isEmpty();
    }

    @Test
    void theServiceRefusesARestoreByANonAdministratorBeforeAnythingChanges() {
        Path backup = new BackupService(database, CLOCK, admin).backUp().file();
        dialogs.answering(0);

        viewModel(mediator).restore(backup);

        assertThat(dialogs.shown().getLast()).satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("information");
            assertThat(shown.header()).isEqualTo("没有权限");
        });
        assertThat(host.calls).as("the database in use stays open").doesNotContain("reopen", "restored");
        assertThat(kindsInFolder()).containsExactly(BackupKind.MANUAL);
    }

    @Test
    void aBackupFromAnotherPcAsksForTheRecoveryCodeUntilOneFits() throws Exception {
        Path backup = new BackupService(database, CLOCK, admin).backUp().file();
        String code = database.recoveryCode().orElseThrow();
        database.close();
        String settings = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("another-pc").toString());
        try {
            database = GuiTestData.createDatabase(dir.resolve("another-pc-data").resolve("mediationdesk"));
            User otherAdmin = new UserService(database, CLOCK, QUICK).createFirstAdmin("zhaomin", "赵敏", "shiqiao2023");
            dialogs.typing("这不是恢复码", DatabaseKey.generate().recoveryCode(), code.toLowerCase().replace("-", " "))
                    .answering(0);

            viewModel(otherAdmin).restore(backup);

            List<Shown> asked = dialogs.shown().stream().filter(s -> s.kind().equals("text")).toList();
            assertThat(asked).hasSize(3);
            assertThat(asked.get(0).header()).isEqualTo("请输入恢复码");
            assertThat(asked.get(0).message()).startsWith("“" + backup.getFileName() + "”来自另一台电脑");
            assertThat(asked.get(1).message()).startsWith("这不是恢复码");
            assertThat(asked.get(2).message()).startsWith("这个恢复码打不开这份备份");
            assertThat(host.calls).endsWith("restored");
            assertThat(new UserService(host.restored, CLOCK, QUICK).users(admin)).extracting(User::username)
                    .containsExactlyInAnyOrder("wangfang", "zhangli");
            try (var keys = Files.list(KeyRing.inSettingsFolder().folder())) {
                assertThat(keys.count()).as("this PC's database's key, and now the backup's").isEqualTo(2);
            }
        } finally {
            System.setProperty(SettingsFolder.PROPERTY, settings);
        }
    }

    @Test
    void aRecoveryCodeNotGivenRestoresNothing() {
        Path backup = new BackupService(database, CLOCK, admin).backUp().file();
        database.close();
        String settings = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("another-pc").toString());
        try {
            database = GuiTestData.createDatabase(dir.resolve("another-pc-data").resolve("mediationdesk"));
            User otherAdmin = new UserService(database, CLOCK, QUICK).createFirstAdmin("zhaomin", "赵敏", "shiqiao2023");
            BackupViewModel vm = viewModel(otherAdmin);

            vm.restore(backup); // the dialog is cancelled

            assertThat(host.calls).isEmpty();
            assertThat(vm.messageProperty().get()).isEqualTo("没有恢复，数据库保持原样。");
        } finally {
            System.setProperty(SettingsFolder.PROPERTY, settings);
        }
    }

    @Test
    void theKeyIsSaidToBeInTheSettingsFolder() {
        assertThat(viewModel(admin).keyText()).startsWith("数据库文件已加密，密钥保存在本机的设置文件夹 "
                + KeyRing.inSettingsFolder().folder() + "，不在数据文件夹中。");
    }

    @Test
    void aServerDatabaseIsBackedUpOnItsServer() {
        Store server = cn.mediationdesk.gui.ServerStores.untouched("jdbc:postgresql://server/mediationdesk");
        BackupViewModel vm = new BackupViewModel(new BackupService(server, CLOCK, admin),
                BackupViewModel.restorerFor(server, CLOCK), server, admin, CHINESE, CLOCK, new CurrentThreadTaskExecutor(),
                dialogs, host, BackupViewModel.keyFolderOf(server));
        assertThat(vm.available()).isFalse();
        assertThat(vm.serverText()).startsWith("这个数据库在网络上的数据库服务器中，由服务器备份");
        assertThat(vm.keyText()).isEmpty();
        vm.load();
        assertThat(vm.rows()).isEmpty();
    }
}
