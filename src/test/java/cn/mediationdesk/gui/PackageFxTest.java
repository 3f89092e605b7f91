package cn.mediationdesk.gui;

import cn.mediationdesk.gui.data.PackageViewModel.ReceivedLine;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packages in the real window: once the office has received a package, the dashboard shows its
 * reporting panel, and the Data screen's 数据包 tab lists the package.
 */
class PackageFxTest {
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2023, 3, 1));

    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void theOfficeSeesWhoReportedOnTheDashboardAndThePackageOnTheDataScreen() throws Exception {
        Path office = dir.resolve("office").resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(office);
        // a committee's PC sends its organization (no leads changed since the future day asked for)
        Path file = dir.resolve("package.mdpkg");
        try (Database committeePc = GuiTestData.createDatabase(dir.resolve("committee").resolve("mediationdesk"))) {
            String code = committeePc.read(tx -> tx.organization().committees().getFirst().code());
            new PackageService(committeePc, CLOCK, User.setup()).export(code, LocalDate.of(2099, 1, 1), null, file);
        }
        try (Database database = Database.open(DatabaseLocation.parse(office.toString()), false)) {
            User admin = new UserService(database, CLOCK, DesktopFxSupport.QUICK)
                    .authenticate(DesktopFxSupport.ADMIN, DesktopFxSupport.PASSWORD);
            new PackageService(database, CLOCK, admin).importPackage(file, false);
        }

        desktop.start(office, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
        DesktopFxSupport.waitUntil(() -> desktop.find("#dashboard-reporting").map(Node::isVisible).orElse(false));
        assertThat(desktop.labelled("报送情况")).isPresent();

        desktop.robot().clickOn(desktop.labelled("数据").orElseThrow());
        desktop.robot().clickOn(desktop.labelled("数据包").orElseThrow());
        DesktopFxSupport.waitUntil(() -> !received().getItems().isEmpty());
        assertThat(received().getItems()).singleElement()
                .satisfies(line -> assertThat(line.coversTo()).isEqualTo("2023-03-01"));
        assertThat(desktop.find("#packageImport")).isPresent();
    }

    @SuppressWarnings("unchecked")
    private TableView<ReceivedLine> received() {
        return desktop.robot().lookup("#packageReceived").queryAs(TableView.class);
    }
}
