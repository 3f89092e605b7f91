package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.RecordingDialogService.Shown;
import cn.mediationdesk.gui.dashboard.ReportingViewModel;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 数据包 tab and the dashboard's reporting panel, with no screen, between real databases in a temporary folder. */
class PackageViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));

    @TempDir
    Path dir;

    private final List<Database> open = new ArrayList<>();
    private Database committeePc;
    private Database office;

    @BeforeEach
    void twoOffices() {
        committeePc = keep(GuiTestData.createDatabase(dir.resolve("committee").resolve("db")));
        office = empty("office");
    }

    private Database keep(Database database) {
        open.add(database);
        return database;
    }

    private Database empty(String pc) {
        Database database = keep(Database.open(DatabaseLocation.parse(dir.resolve(pc).resolve("db").toString()), true));
        new OrganizationService(database, User.setup()).createJurisdiction(GuiTestData.JURISDICTION, CLOCK.instant());
        return database;
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    private static PackageViewModel viewModel(Database database, User actor, RecordingDialogService dialogs) {
        return new PackageViewModel(new PackageService(database, CLOCK, actor), CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), dialogs);
    }

    private Path exported(Database from, String name) {
        Path file = dir.resolve(name);
        PackageViewModel sender = viewModel(from, User.setup(), new RecordingDialogService().savingTo(file));
        sender.load();
        sender.export();
        assertThat(file).exists();
        return file;
    }

    @Test
    void aPackageExportedAtTheCommitteeIsImportedAtTheOffice() {
        RecordingDialogService senderDialogs = new RecordingDialogService();
        PackageViewModel sender = viewModel(committeePc, User.setup(), senderDialogs);
        sender.load();
        assertThat(sender.committees()).hasSize(2);
        assertThat(sender.committeeProperty().get()).isEqualTo(sender.committees().getFirst());
        Path file = dir.resolve("package.mdpkg");
        senderDialogs.savingTo(file);
        sender.export();
        assertThat(sender.messageProperty().get()).contains("package.mdpkg");
        assertThat(senderDialogs.shown()).extracting(Shown::kind).containsExactly("save", "notice");
        assertThat(senderDialogs.shown().getLast().header()).isEqualTo(sender.messageProperty().get());

        RecordingDialogService officeDialogs = new RecordingDialogService().opening(file);
        PackageViewModel office = viewModel(this.office, User.setup(), officeDialogs);
        assertThat(office.mayImport()).isTrue();
        office.importPackage();
        assertThat(office.messageProperty().get()).contains("新增").contains("首次收到").contains("已连同其组织一并创建");
        assertThat(office.received()).singleElement().satisfies(line -> {
            assertThat(line.committee()).contains(sender.committeeProperty().get().name());
            assertThat(line.counts()).startsWith("新增");
        });
        assertThat(office.conflicts()).isEmpty();

        office.importFile(file, false);
        assertThat(office.messageProperty().get()).contains("此前已导入过");

        ReportingViewModel reporting = new ReportingViewModel(new PackageService(this.office, CLOCK, User.setup()),
                CHINESE, CLOCK, new CurrentThreadTaskExecutor());
        reporting.load();
        assertThat(reporting.shownProperty().get()).as("packages are in use here").isTrue();
        assertThat(reporting.lines()).hasSize(1);
    }

    @Test
    void theReportingPanelStaysHiddenWhereNoPackageWasEverReceived() {
        ReportingViewModel reporting = new ReportingViewModel(new PackageService(committeePc, CLOCK, User.setup()),
                CHINESE, CLOCK, new CurrentThreadTaskExecutor());
        reporting.load();
        assertThat(reporting.shownProperty().get()).isFalse();
    }

    @Test
    void aNewSenderKeyIsTrustedOnlyOnceAPersonConfirmsItsFingerprint() {
        Path first = exported(committeePc, "first.mdpkg");
        viewModel(office, User.setup(), new RecordingDialogService()).importFile(first, false);
        // the committee's PC was reinstalled and given its data back: a new key
        Database reinstalled = empty("reinstalled");
        viewModel(reinstalled, User.setup(), new RecordingDialogService()).importFile(first, false);
        Path next = exported(reinstalled, "next.mdpkg");
        String fingerprint = new PackageService(reinstalled, CLOCK, User.setup()).ownFingerprint();

        RecordingDialogService declining = new RecordingDialogService().answering(1);
        PackageViewModel office = viewModel(this.office, User.setup(), declining);
        office.importFile(next, false);
        assertThat(declining.shown()).singleElement().satisfies(question -> {
            assertThat(question.kind()).isEqualTo("question");
            assertThat(question.message()).contains(fingerprint);
        });
        assertThat(office.messageProperty().get()).contains("未导入");

        RecordingDialogService trusting = new RecordingDialogService().answering(0);
        PackageViewModel trusted = viewModel(this.office, User.setup(), trusting);
        trusted.importFile(next, false);
        assertThat(trusted.messageProperty().get()).contains("已信任").contains(fingerprint);
    }

    @Test
    void aRefusedPackageIsAnErrorThatSaysWhy() throws Exception {
        Path notAPackage = dir.resolve("notes.mdpkg");
        Files.writeString(notAPackage, "这不是数据包");
        RecordingDialogService dialogs = new RecordingDialogService().opening(notAPackage);
        PackageViewModel office = viewModel(this.office, User.setup(), dialogs);
        office.importPackage();
        assertThat(dialogs.shown()).filteredOn(s -> s.kind().equals("error")).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("notes.mdpkg"));
        assertThat(office.received()).isEmpty();
    }

    @Test
    void aMediatorExportsOnlyTheirCommitteeAndImportsNothing() {
        UserService users = new UserService(committeePc, CLOCK, new PasswordHasher(4));
        User admin = users.createFirstAdmin("wangfang", "王芳", "jinbao2022");
        long committee = committeePc.read(tx -> tx.organization().committees().getLast().id());
        User mediator = users.addUser(admin, "zhangli", "张丽", "tiaojie01", Role.MEDIATOR, committee);
        PackageViewModel vm = viewModel(committeePc, mediator, new RecordingDialogService());
        vm.load();
        assertThat(vm.committees()).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(committee));
        assertThat(vm.mayImport()).isFalse();
    }
}
