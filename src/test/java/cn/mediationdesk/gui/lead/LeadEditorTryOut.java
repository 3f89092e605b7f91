package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import atlantafx.base.theme.PrimerLight;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.FxTaskExecutor;
import cn.mediationdesk.gui.common.LedgerEvents;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import javafx.application.Application;
import javafx.application.Platform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Opens the lead editor by hand, for looking at it (e.g. under Xvfb for screenshots), on a new
 * database of {@link GuiTestData} with the clock on 2022-12-31:
 * <pre>
 *   java -cp …:target/test-classes cn.mediationdesk.gui.lead.LeadEditorTryOut FOLDER new|invalid|registered|mediating|resolved [en]
 * </pre>
 * All but {@code new} first take a lead that far through the lifecycle service.
 */
public final class LeadEditorTryOut {
    private static final LocalDate TODAY = LocalDate.of(2022, 12, 31);
    private Database database;
    private FxTaskExecutor executor;

    /** Not an {@link Application}: started this way, JavaFX loads from the plain class path. */
    public static void main(String[] args) {
        LeadEditorTryOut tryOut = new LeadEditorTryOut();
        Platform.startup(() -> tryOut.start(List.of(args)));
    }

    private void start(List<String> args) {
        Path folder = Path.of(args.getFirst());
        String what = args.size() > 1 ? args.get(1) : "new";
        Localization l10n = new Localization(args.size() > 2 ? Locale.forLanguageTag(args.get(2)) : Localization.CHINESE);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        database = GuiTestData.createDatabase(folder.resolve("db"));
        Clock clock = GuiTestData.clockOn(TODAY);
        LifecycleService lifecycle = new LifecycleService(database, clock, User.setup());
        executor = new FxTaskExecutor();
        LeadEditorWindows windows = new LeadEditorWindows(null, new LeadEditorContext(lifecycle, database, l10n, clock,
                executor, new LedgerEvents()));
        if (what.equals("new")) {
            windows.openNew();
        } else if (what.equals("invalid")) {
            windows.openNew();
            LeadEditorViewModel editor = windows.viewModelOf(windows.windows().getFirst());
            editor.loadedProperty().addListener((obs, old, loaded) -> fillWrongly(editor));
        } else {
            windows.open(sampleLead(lifecycle, what).id());
        }
        windows.windows().getFirst().setOnHidden(e -> {
            stop();
            Platform.exit();
        });
    }

    /** A new lead with a date in the future and an ID number whose check digit is wrong, saved. */
    private static void fillWrongly(LeadEditorViewModel editor) {
        DetailsSectionViewModel details = editor.details();
        details.committeeProperty().set(details.committees().getFirst());
        details.communityProperty().set(details.communities().getFirst());
        details.foundOnProperty().set("2023-01-05");
        details.sourceProperty().set(details.sources().getFirst());
        details.summaryProperty().set("楼上漏水殃及楼下住户");
        PartyRowViewModel party = details.addParty();
        party.nameProperty().set("张建国");
        party.idNumberProperty().set("510104198503152312");
        details.save();
        party.idNumberProperty().set("510104198503152" + "31" + PartyRules.checkCharacter("51010419850315231"));
        details.save();
        party.idNumberProperty().set("510104198503152312");
        party.check();
    }

    private Lead sampleLead(LifecycleService lifecycle, String stage) {
        long[] ids = database.read(tx -> new long[] {tx.organization().committees().getFirst().id(),
                tx.organization().communities().getFirst().id()});
        database.write(tx -> tx.organization().insertPerson("王芳", PersonRole.FULL_TIME_MEDIATOR, ids[0], null));
        long mediator = database.read(tx -> tx.organization().people().getFirst().id());
        String id = "51010419850315231" + PartyRules.checkCharacter("51010419850315231");
        Lead lead = lifecycle.register(new NewLead(ids[0], ids[1], null, "JB-2022-118", LocalDate.of(2022, 12, 1),
                "WALK_IN", "NEIGHBOR", "三楼住户卫生间漏水，渗到二楼住户天花板，双方就维修和赔偿发生争执", 2,
                new BigDecimal("3500"), RiskLevel.YELLOW, false, false, List.of(
                new PartyInput("张建国", Gender.MALE, id, "13812345678", "金宝社区 3 栋 201", PartyRole.APPLICANT),
                new PartyInput("李秀英", Gender.FEMALE, null, null, "金宝社区 3 栋 301", PartyRole.RESPONDENT))));
        lifecycle.addVerificationStep(lead.id(), LocalDate.of(2022, 12, 2), "走访当事人", "二楼天花板确有水渍", mediator);
        if (stage.equals("registered")) {
            return lead;
        }
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 12, 2), null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(mediator), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 12, 5), "社区调解室", "张建国、李秀英，调解员王芳",
                "双方各自陈述，约定请物业查明漏水原因", "纠纷调解", "记录员", true, true));
        if (stage.equals("resolved")) {
            lifecycle.recordSession(lead.id(), new SessionInput(LocalDate.of(2022, 12, 9), "社区调解室", "张建国、李秀英，调解员王芳",
                    "物业确认系三楼管道老化，双方同意由李秀英承担维修费用", "纠纷调解", "记录员", true, true));
            lead = lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 12, 10),
                    new AgreementInput(AgreementForm.WRITTEN, "经调查核实的纠纷事实", "双方争议事项", null, "李秀英负责更换管道并赔偿天花板修缮费", new BigDecimal("3500"), null, null,
                            LocalDate.of(2022, 12, 20)));
            lifecycle.recordFollowUp(lead.id(), new FollowUpInput(LocalDate.of(2022, 12, 22), "张建国", FollowUpWay.VISIT, "了解协议履行情况", Performance.PERFORMED,
                    Satisfaction.SATISFIED, false, "已修好，双方满意"));
        }
        return lead;
    }

    private void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (database != null) {
            database.close();
        }
    }
}
