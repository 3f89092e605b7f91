package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.OpenedDatabase;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.logic.backup.BackupService;
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

/** What the Data screen shows to whom. */
class DataViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));

    @TempDir
    Path dir;

    private Database database;
    private User admin;
    private User mediator;

    @BeforeEach
    void sample() {
        database = GuiTestData.createDatabase(dir.resolve("mediationdesk"));
        UserService users = new UserService(database, CLOCK, new PasswordHasher(4));
        admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = database.read(tx -> tx.organization().committees().getFirst().id());
        mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private DataViewModel screen(User user) {
        OpenedDatabase opened = new OpenedDatabase(database, GuiTestData.JURISDICTION).withUser(user);
        ImportWizardViewModel wizard = new ImportWizardViewModel(database, CHINESE, CLOCK, new CurrentThreadTaskExecutor(),
                new RecordingDialogService(), user, () -> { });
        BackupViewModel backups = new BackupViewModel(new BackupService(database, CLOCK, user),
                BackupViewModel.restorerFor(database, CLOCK), database, user, CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), new RecordingDialogService(), new BackupViewModelTest.RecordingHost(),
                BackupViewModel.keyFolderOf(database));
        return new DataViewModel(opened, CHINESE, wizard, backups);
    }

    @Test
    void anAdministratorSeesTheBackupsAndOthersDoNot() {
        assertThat(screen(admin).offersBackups()).isTrue();
        assertThat(screen(mediator).offersBackups()).isFalse();
        assertThat(new DataViewModel(new OpenedDatabase(database, GuiTestData.JURISDICTION), CHINESE,
                screen(admin).importWizard(), null).offersBackups()).as("a screen built without them").isFalse();
    }

    @Test
    void theDatabaseFileIsSaidToBeBackedUpByTheApplication() {
        DataViewModel vm = screen(admin);
        assertThat(vm.embedded()).isTrue();
        assertThat(vm.location()).isEqualTo(dir.resolve("mediationdesk") + ".mv.db");
        assertThat(vm.locationExplanation()).endsWith("程序每天和每次关闭窗口时自动备份。");
        assertThat(vm.jurisdictionText()).isEqualTo("辖区：金宝新区");
    }
}
