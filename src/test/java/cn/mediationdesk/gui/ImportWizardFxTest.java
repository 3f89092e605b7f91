package cn.mediationdesk.gui;

import cn.mediationdesk.gui.data.ProblemRow;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger import wizard in the real window: a ledger full of mistakes is refused with every
 * problem listed and nothing written; a good one is then imported and its count shown.
 */
class ImportWizardFxTest {
    @TempDir
    Path dir;

    private final DesktopFxSupport desktop = new DesktopFxSupport();

    @AfterEach
    void stop() throws Exception {
        desktop.stop();
    }

    @Test
    void aBadLedgerIsRefusedWithEveryProblemListedAndAGoodOneIsImportedAndCounted() throws Exception {
        Path location = dir.resolve("mediationdesk");
        DesktopFxSupport.sampleWithAdministrator(location);
        long leadsBefore = withDatabase(location, database -> {
            // The village the test ledgers are about, so that their only problems are the deliberate ones.
            database.write(tx -> {
                Community nanchi = OrganizationService.createCommunity(tx, "南池村");
                return OrganizationService.createCommittee(tx, "南池村人民调解委员会", null, CommitteeKind.COMMUNITY,
                        nanchi.id());
            });
            return database.read(tx -> tx.leads().count());
        });
        desktop.start(location, new MemoryLanguagePreference(Localization.CHINESE));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");

        desktop.robot().clickOn(desktop.labelled("数据").orElseThrow());
        desktop.type("#importFile", fixture("bad_rows.csv").toString());
        desktop.click("#importNext");
        desktop.waitFor("#importPreview");
        desktop.click("#importNext");
        DesktopFxSupport.waitUntil(() -> !problems().getItems().isEmpty());

        TableView<ProblemRow> problems = problems();
        String headline = text("#checkHeadline");
        assertThat(headline).isEqualTo("发现 " + problems.getItems().size() + " 处问题，整个文件不会导入，也没有写入任何数据。");
        assertThat(problems.getItems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("发现日期");
            assertThat(p.message()).startsWith("“2023-02-30”不是有效日期");
        });
        assertThat(desktop.robot().lookup("#importNext").queryButton().isDisabled()).as("no import after a failed check")
                .isTrue();

        desktop.click("#importCancel");
        desktop.waitFor("#importFile");
        desktop.robot().interact(() -> desktop.robot().lookup("#importFile").queryAs(TextInputControl.class).clear());
        desktop.type("#importFile", fixture("ledger_small.csv").toString());
        desktop.click("#importNext");
        desktop.waitFor("#importPreview");
        desktop.click("#importNext");
        DesktopFxSupport.waitUntil(() -> text("#checkHeadline").startsWith("检查通过"));
        desktop.click("#importNext");
        DesktopFxSupport.waitUntil(() -> desktop.find("#importHeadline").map(Node::isVisible).orElse(false)
                && !text("#importHeadline").isEmpty());

        assertThat(text("#importHeadline")).isEqualTo("导入完成：4 条线索已写入台账");
        assertThat(desktop.labelled("新增 4 条线索，更新 0 条线索")).isPresent();

        desktop.stop(); // closes the database, so that the test can look into it
        long leadsAfter = withDatabase(location, database -> database.read(tx -> tx.leads().count()));
        assertThat(leadsAfter).as("the four leads of the good ledger, and nothing of the bad one")
                .isEqualTo(leadsBefore + 4);
    }

    @SuppressWarnings("unchecked")
    private TableView<ProblemRow> problems() {
        return desktop.robot().lookup("#importProblems").queryAs(TableView.class);
    }

    private String text(String query) {
        return desktop.find(query).map(n -> ((Label) n).getText()).orElse("");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ImportWizardFxTest.class.getResource("/ledger/" + name).toURI());
    }

    private interface DatabaseWork<R> {
        R run(Database database);
    }

    private static <R> R withDatabase(Path location, DatabaseWork<R> work) {
        try (Database database = Database.open(DatabaseLocation.parse(location.toString()), false)) {
            return work.run(database);
        }
    }
}
