package cn.mediationdesk.gui;

import cn.mediationdesk.logic.attachment.AttachmentService;
import cn.mediationdesk.logic.attachment.NewAttachment;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.model.AttachmentKind;
import javafx.scene.control.ScrollPane;
import java.util.UUID;
import cn.mediationdesk.gui.main.NavigationEntry;
import cn.mediationdesk.gui.settings.MemoryLanguagePreference;
import cn.mediationdesk.logic.backup.BackupKind;
import cn.mediationdesk.logic.backup.BackupService;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.exchange.PackageService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Takes the README's screenshots: starts the real window (headless, 1366×768) on a fresh demo
 * database, logs in and saves every screen of the navigation as a PNG. Run by
 * {@code scripts/screenshots.sh}; not a test.
 */
public final class ScreenshotTour {
    /** The tour's language: Chinese, or English with {@code -Dtour.language=en} to look for cut English labels. */
    private static final Localization LANGUAGE = new Localization(
            "en".equals(System.getProperty("tour.language")) ? Localization.ENGLISH : Localization.CHINESE);

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mediationdesk-tour");
        DesktopFxSupport desktop = new DesktopFxSupport();

        FxRobot robot = desktop.start(work.resolve("empty"), new MemoryLanguagePreference(LANGUAGE.locale()));
        desktop.waitFor("#jurisdiction-name");
        pause();
        save(robot, out.resolve("start.png"));
        showRecoveryCode(desktop);
        save(robot, out.resolve("recovery-code.png"));
        desktop.stop();

        Path demo = work.resolve("demo");
        try (Database database = Database.open(DatabaseLocation.parse(demo.toString()), true)) {
            new DemoJurisdiction(database, Clock.systemDefaultZone()).create();
            User admin = new UserService(database, Clock.systemDefaultZone(), DesktopFxSupport.QUICK)
                    .createFirstAdmin(DesktopFxSupport.ADMIN, DesktopFxSupport.ADMIN_NAME, DesktopFxSupport.PASSWORD);
            makeBackups(database, admin);
            receivePackages(database, admin, demo.resolveSibling("packages"));
            attachScans(database, admin);
            planSessions(database, admin);
        }
        robot = desktop.start(demo, new MemoryLanguagePreference(LANGUAGE.locale()));
        desktop.type("#login-username", DesktopFxSupport.ADMIN);
        desktop.type("#login-password", DesktopFxSupport.PASSWORD);
        desktop.click("#login-button");
        desktop.waitFor("#status-user");
        @SuppressWarnings("unchecked")
        ListView<NavigationEntry> navigation = robot.lookup(".nav-list").queryAs(ListView.class);
        for (NavigationEntry entry : NavigationEntry.values()) {
            robot.interact(() -> navigation.getSelectionModel().select(entry));
            pause();
            if (entry == NavigationEntry.SUMMARIES) {
                showDemoYear(robot, desktop);
            }
            if (entry == NavigationEntry.CASE_FILES) {
                // the demo's cases closed in 2022 and 2023
                DatePicker from = robot.lookup("#case-files-from").queryAs(DatePicker.class);
                DatePicker to = robot.lookup("#case-files-to").queryAs(DatePicker.class);
                robot.interact(() -> {
                    from.setValue(LocalDate.of(2022, 1, 1));
                    to.setValue(LocalDate.of(2023, 12, 31));
                });
                robot.clickOn("#case-files-run");
                pause();
            }
            if (entry == NavigationEntry.REPEATS) {
                showRepeatedNeighbour(robot);
            }
            save(robot, out.resolve(entry.name().toLowerCase(Locale.ROOT) + ".png"));
            if (entry == NavigationEntry.DASHBOARD) {
                showAgendaPanel(robot);
                save(robot, out.resolve("dashboard-agenda.png"));
            }
            if (entry == NavigationEntry.REPEATS) {
                showRecurrenceInEditor(robot, out);
            }
            if (entry == NavigationEntry.MONTHLY) {
                // the 月报 tab: the month's figures, its leads and every committee's status
                TabPane monthlyTabs = robot.lookup("#monthly-tabs").queryAs(TabPane.class);
                robot.interact(() -> monthlyTabs.getSelectionModel().select(1));
                pause();
                save(robot, out.resolve("monthly-report.png"));
            }
            if (entry == NavigationEntry.DATA) {
                showOfficeLedgerMapping(robot);
                save(robot, out.resolve("data-import-mapping.png"));
                robot.clickOn("#importCancel");
                pause();
                TabPane tabs = robot.lookup("#dataTabs").queryAs(TabPane.class);
                // the backups last: the restore question below is asked on that tab
                for (var tab : List.of(Map.entry("packageTab", "packages"), Map.entry("sharingTab", "sharing"),
                        Map.entry("backupTab", "backups"))) {
                    robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                            .filter(each -> tab.getKey().equals(each.getId())).findFirst().orElseThrow()));
                    pause();
                    save(robot, out.resolve("data-" + tab.getValue() + ".png"));
                }
                showRestoreQuestion(robot, desktop);
                save(robot, out.resolve("restore-confirm.png"));
                // the question's own 取消: screens behind it have buttons of that name too
                // fired, not clicked: on a small screen the dialog may reach past its edge
                javafx.scene.control.Button cancel = robot.lookup(".dialog-pane .button")
                        .queryAllAs(javafx.scene.control.Button.class).stream()
                        .filter(button -> LANGUAGE.text("gui.backup.cancel").equals(button.getText()))
                        .findFirst().orElseThrow();
                robot.interact(cancel::fire);
                pause();
            }
        }
        openFirstLead(robot, navigation);
        save(robot, out.resolve("lead-editor.png"));
        // the end of the editor: 附件 with its thumbnails and the 卷宗 section
        ScrollPane editorScroll = robot.lookup("#lead-scroll").queryAs(ScrollPane.class);
        Node attachments = robot.lookup("#lead-attachments").query();
        robot.interact(() -> {
            // the 附件 flow near the top of the view, its section's title just above it
            double top = editorScroll.getContent().sceneToLocal(attachments.localToScene(0, 0)).getY() - 80;
            double room = editorScroll.getContent().getBoundsInLocal().getHeight()
                    - editorScroll.getViewportBounds().getHeight();
            editorScroll.setVvalue(Math.min(1, Math.max(0, top / room)));
        });
        pause();
        save(robot, out.resolve("lead-editor-attachments.png"));
        robot.interact(() -> editorScroll.setVvalue(1.0));
        pause();
        save(robot, out.resolve("lead-editor-case-file.png"));
        desktop.stop();
        System.out.println("screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    /** The import wizard's mapping step, for a ledger of an office's own layout (issue 11). */
    private static void showOfficeLedgerMapping(FxRobot robot) throws Exception {
        Path office = Path.of(ScreenshotTour.class.getResource("/ledger/office_ledger_2022_03.csv").toURI());
        javafx.scene.control.TextField file = robot.lookup("#importFile").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> file.setText(office.toString()));
        robot.clickOn("#importNext");
        pause();
    }

    /** The first-run wizard up to its last page: the new database's recovery code. */
    private static void showRecoveryCode(DesktopFxSupport desktop) throws Exception {
        desktop.type("#jurisdiction-name", "石桥镇");
        desktop.click("#wizard-next");
        desktop.type("#admin-username", DesktopFxSupport.ADMIN);
        desktop.type("#admin-display-name", DesktopFxSupport.ADMIN_NAME);
        desktop.type("#admin-password", DesktopFxSupport.PASSWORD);
        desktop.type("#admin-password-repeat", DesktopFxSupport.PASSWORD);
        desktop.click("#wizard-next");
        desktop.waitFor("#start-empty");
        desktop.click("#wizard-next");
        desktop.waitFor("#recovery-code");
        pause();
    }

    /** The question a restore asks once the backup is checked: what it holds, and the safety copy. */
    private static void showRestoreQuestion(FxRobot robot, DesktopFxSupport desktop) throws Exception {
        TableView<?> backups = robot.lookup("#backupTable").queryAs(TableView.class);
        robot.interact(() -> backups.getSelectionModel().select(0));
        robot.clickOn("#backupRestore");
        DesktopFxSupport.waitUntil(() -> desktop.labelled(LANGUAGE.text("gui.backup.restore.header")).isPresent());
        pause();
    }

    /**
     * Two committees' packages, sent back to this database, so that the dashboard shows its reporting
     * panel as a governance office that receives packages sees it.
     */
    private static void receivePackages(Database database, User admin, Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        PackageService packages = new PackageService(database, Clock.systemDefaultZone(), admin);
        for (String committee : List.of("TW002", "TW003")) {
            Path file = folder.resolve(committee + ".mdpkg");
            packages.export(committee, null, null, file);
            packages.importPackage(file, false);
        }
    }

    /** The dashboard scrolled to its agenda panel. */
    private static void showAgendaPanel(FxRobot robot) throws InterruptedException {
        Node panel = robot.lookup("#dashboard-agenda").query();
        ScrollPane dashboard = (ScrollPane) robot.lookup(".scroll-pane").queryAll().stream()
                .filter(n -> n instanceof ScrollPane pane && pane.getContent() != null
                        && pane.getContent().lookup("#dashboard-agenda") != null)
                .findFirst().orElseThrow();
        robot.interact(() -> {
            double top = dashboard.getContent().sceneToLocal(panel.localToScene(0, 0)).getY() - 20;
            double room = dashboard.getContent().getBoundsInLocal().getHeight()
                    - dashboard.getViewportBounds().getHeight();
            dashboard.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, top / room)));
        });
        pause();
    }

    /**
     * A dispute taken up today (the demo's cases all ended long ago): a red-risk case in mediation with two
     * sessions planned, so the agenda shows planned sessions and a risk review beside the late follow-ups.
     */
    private static void planSessions(Database database, User admin) {
        LocalDate today = LocalDate.now();
        Clock clock = Clock.systemDefaultZone();
        long[] organization = database.read(tx -> new long[]{tx.organization().committees().getFirst().id(),
                tx.organization().communities().getFirst().id()});
        var lifecycle = new cn.mediationdesk.logic.lifecycle.LifecycleService(database, clock, admin);
        var lead = lifecycle.register(new cn.mediationdesk.logic.lifecycle.NewLead(organization[0], organization[1], null,
                null, today, "WALK_IN", "NEIGHBOR", "两户因排水沟堵塞互相指责，一方扬言要砸对方围墙", 2, null,
                cn.mediationdesk.model.RiskLevel.RED, true, false, List.of(new cn.mediationdesk.logic.lifecycle.PartyInput(
                "赵某", null, null, null, null, cn.mediationdesk.model.PartyRole.APPLICANT))));
        lead = lifecycle.verify(lead.id(), lead.version(), cn.mediationdesk.model.VerificationResult.GENUINE, today,
                null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), today, List.of(), new cn.mediationdesk.logic.lifecycle
                .ConsentInput(today, cn.mediationdesk.model.ConsentWay.ORAL, today));
        var plans = new cn.mediationdesk.logic.lifecycle.SessionPlanService(database, clock, admin);
        plans.plan(lead.id(), new cn.mediationdesk.logic.lifecycle.SessionPlanInput(today, "15:00", "社区调解室", null));
        plans.plan(lead.id(), new cn.mediationdesk.logic.lifecycle.SessionPlanInput(today.plusDays(3), "09:30", "村委会",
                "请双方带上房产证"));
    }

    /** A photo of a receipt and a scanned court paper on the lead the ledger shows first, so the editor shows thumbnails. */
    private static void attachScans(Database database, User admin) throws java.io.IOException {
        LeadSearchService search = new LeadSearchService(database, admin);
        UUID first = search.page(LeadFilter.all(LocalDate.now()), LeadSort.DEFAULT, 0, 1).getFirst().id();
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(800, 600,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(236, 231, 220), 800, 600,
                new java.awt.Color(200, 190, 170)));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new java.awt.Color(60, 60, 60));
        for (int y = 120; y < 520; y += 48) {
            g.fillRect(90, y, 620 - (y % 96), 10);
        }
        g.setColor(new java.awt.Color(190, 30, 30));
        g.drawOval(520, 380, 160, 160);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "jpg", jpeg);
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.addRect(72, 560, 460, 160);
                content.addRect(72, 120, 460, 400);
                content.stroke();
            }
            document.save(pdf);
        }
        new AttachmentService(database, Clock.systemDefaultZone(), admin).add(first, List.of(
                new NewAttachment("履行收据.jpg", jpeg.toByteArray(), AttachmentKind.PERFORMANCE_PROOF, "首期款收据"),
                new NewAttachment("民事裁定书.pdf", pdf.toByteArray(), AttachmentKind.COURT_PAPER, null)));
    }

    /** A week of backups as an office that uses the application daily has them: morning, evening, now and then by hand. */
    private static void makeBackups(Database database, User admin) {
        LocalDate today = LocalDate.now();
        for (int daysAgo = 6; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            new BackupService(database, at(day, 8, 32), null).automatic(BackupKind.DAILY);
            if (daysAgo == 3) {
                new BackupService(database, at(day, 11, 5), admin).backUp();
            }
            new BackupService(database, at(day, 17, 46), null).automatic(BackupKind.EXIT);
        }
        new BackupService(database, Clock.systemDefaultZone(), admin).backUp();
    }

    private static Clock at(LocalDate day, int hour, int minute) {
        ZoneId zone = ZoneId.systemDefault();
        return Clock.fixed(day.atTime(hour, minute, 12).atZone(zone).toInstant(), zone);
    }

    /** The demo's figures are those of 2022 (the seed report's 87 leads and 64 resolved). */
    private static void showDemoYear(FxRobot robot, DesktopFxSupport desktop) throws Exception {
        List<DatePicker> days = robot.lookup(".date-picker").queryAllAs(DatePicker.class).stream()
                .filter(Node::isVisible).toList();
        robot.interact(() -> {
            days.get(0).setValue(LocalDate.of(2022, 1, 1));
            days.get(1).setValue(LocalDate.of(2022, 12, 31));
            days.get(2).setValue(LocalDate.of(2022, 12, 31));
        });
        desktop.labelled(LANGUAGE.text("gui.summary.run")).ifPresent(button -> robot.clickOn(button));
        pause();
    }

    /** 矛盾反复 over the demo's years, the person with the most leads chosen. */
    private static void showRepeatedNeighbour(FxRobot robot) throws InterruptedException {
        DatePicker from = robot.lookup("#repeats-from").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#repeats-to").queryAs(DatePicker.class);
        robot.interact(() -> {
            from.setValue(LocalDate.of(2022, 1, 1));
            to.setValue(LocalDate.of(2023, 12, 31));
        });
        robot.clickOn("#repeats-run");
        pause();
        TableView<?> people = robot.lookup("#repeats-people").queryAs(TableView.class);
        robot.interact(() -> people.getSelectionModel().select(0));
        pause();
    }

    /**
     * The newest of that person's leads in its editor: 此前纠纷 with its recurrence mark, and 风险评估记录;
     * then its window is closed again.
     */
    private static void showRecurrenceInEditor(FxRobot robot, Path out) throws Exception {
        robot.doubleClickOn(robot.lookup("#repeats-leads .table-row-cell").nth(0).queryAs(Node.class));
        pause();
        ScrollPane editorScroll = robot.lookup("#lead-scroll").queryAs(ScrollPane.class);
        Node earlier = robot.lookup("#lead-section-earlier").query();
        robot.interact(() -> {
            double top = editorScroll.getContent().sceneToLocal(earlier.localToScene(0, 0)).getY() - 12;
            double room = editorScroll.getContent().getBoundsInLocal().getHeight()
                    - editorScroll.getViewportBounds().getHeight();
            editorScroll.setVvalue(Math.min(1, Math.max(0, top / room)));
        });
        pause();
        save(robot, out.resolve("lead-editor-repeats.png"));
        Stage editor = (Stage) Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b).orElseThrow();
        robot.interact(editor::close);
        pause();
    }

    /** Opens the ledger's first lead (the newest) in its editor window, the way a user does: Enter. */
    private static void openFirstLead(FxRobot robot, ListView<NavigationEntry> navigation) throws InterruptedException {
        robot.interact(() -> navigation.getSelectionModel().select(NavigationEntry.LEDGER));
        pause();
        TableView<?> ledger = robot.lookup(".table-view").queryAs(TableView.class);
        robot.interact(() -> {
            ledger.requestFocus();
            ledger.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        pause();
    }

    /** Background loads (tallies, searches) finish within moments on the demo data. */
    private static void pause() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(2500);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void save(FxRobot robot, Path file) throws Exception {
        // The newest window shown: the main window, or a lead editor opened over it.
        Stage stage = (Stage) Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b).orElseThrow();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
        System.out.println(file);
    }
}
