package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A real H2 database with the GUI test jurisdiction (two committees, two communities, ten leads),
 * a mediator in each committee, a clock standing on 2022-12-31, and editors that run their work
 * at once on the calling thread.
 */
abstract class LeadEditorTestSupport {
    static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    static final Localization CHINESE = new Localization(Localization.CHINESE);
    /** A valid ID number (GB 11643 check digit) of a man born 1949-12-31: his 17th digit is odd. */
    static final String VALID_ID = "11010519491231001" + PartyRules.checkCharacter("11010519491231001");

    @TempDir
    Path dir;
    Database database;
    Clock clock = GuiTestData.clockOn(TODAY);
    final LedgerEvents events = new LedgerEvents();
    final RecordingDialogService dialogs = new RecordingDialogService();
    long districtMediator;
    long communityMediator;

    @BeforeEach
    void createDatabase() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
        long district = committee("TW001").id();
        long community = committee("TW002").id();
        long[] people = database.write(tx -> {
            return new long[] {
                    tx.organization().insertPerson("王调解", PersonRole.FULL_TIME_MEDIATOR, district, "13800000001"),
                    tx.organization().insertPerson("赵调解", PersonRole.PART_TIME_MEDIATOR, community, null)};
        });
        districtMediator = people[0];
        communityMediator = people[1];
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    Committee committee(String code) {
        return database.read(tx -> tx.organization().committees().stream().filter(c -> c.code().equals(code))
                .findFirst().orElseThrow());
    }

    LeadEditorContext context() {
        return new LeadEditorContext(new LifecycleService(database, clock, User.setup()), database, CHINESE, clock,
                new CurrentThreadTaskExecutor(), events);
    }

    LeadEditorViewModel open(UUID leadId) {
        LeadEditorViewModel editor = new LeadEditorViewModel(context(), dialogs, leadId);
        editor.load();
        return editor;
    }

    long leadCount() {
        return database.read(tx -> tx.leads().count());
    }

    /** A new lead of the district committee in 金宝社区, found on {@code foundOn}, filled but not saved. */
    LeadEditorViewModel newLead(String foundOn) {
        LeadEditorViewModel editor = open(null);
        DetailsSectionViewModel details = editor.details();
        details.committeeProperty().set(details.committees().stream().filter(c -> c.code().equals("TW001"))
                .findFirst().orElseThrow());
        details.communityProperty().set(details.communities().stream().filter(c -> c.code().equals("SQ001"))
                .findFirst().orElseThrow());
        details.foundOnProperty().set(foundOn);
        details.sourceProperty().set(details.sources().stream().filter(e -> e.code().equals("WALK_IN"))
                .findFirst().orElseThrow());
        details.disputeTypeProperty().set(details.disputeTypes().stream().filter(e -> e.code().equals("NEIGHBOR"))
                .findFirst().orElseThrow());
        details.summaryProperty().set("两户因院墙滴水发生争执");
        return editor;
    }

    /** A lead registered, verified genuine and accepted, as its editor shows it. */
    LeadEditorViewModel acceptedLead() {
        LeadEditorViewModel editor = newLead("2022-12-01");
        editor.details().save();
        editor.verification().resultProperty().set(VerificationResult.GENUINE);
        editor.verification().verifiedOnProperty().set("2022-12-02");
        editor.verification().verify();
        editor.acceptance().consentWayProperty().set(ConsentWay.SIGNED_REGISTRATION);
        editor.acceptance().accept();
        return editor;
    }
}
