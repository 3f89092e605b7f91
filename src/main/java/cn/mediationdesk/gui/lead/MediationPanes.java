package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Outcome;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;
import static cn.mediationdesk.gui.lead.LeadForms.not;
import static cn.mediationdesk.gui.lead.LeadForms.shownWhen;

/** 调解记录, 延期, 结果与协议, 回访 and 司法确认: the life of an accepted case. Controls and bindings only. */
final class MediationPanes {
    private final LeadEditorViewModel editor;
    private final Localization l10n;

    MediationPanes(LeadEditorViewModel editor, Localization l10n) {
        this.editor = editor;
        this.l10n = l10n;
    }

    private Button button(String text, Ikon icon, String id, Runnable action) {
        return LeadForms.button(text, icon, id, action, editor.busyProperty());
    }

    private String datePrompt() {
        return l10n.text("gui.lead.datePrompt");
    }

    // ---- 调解记录 ----

    VBox sessions() {
        SessionsSectionViewModel vm = editor.sessions();
        VBox list = LeadForms.entries(vm.sessions(), this::sessionLine, l10n.text("gui.lead.sessions.none"),
                "lead-sessions");
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.sessions.heldOn"), LeadForms.date(vm.heldOnProperty(), "lead-session-on",
                datePrompt()), vm.error(Field.DATE)), 0, 0, 1);
        add(form, field(l10n.text("gui.lead.sessions.place"), LeadForms.text(vm.placeProperty(), "lead-session-place",
                l10n.text("gui.lead.sessions.place.prompt")), null), 1, 0, 1);
        add(form, field(l10n.text("gui.lead.sessions.participants"), LeadForms.text(vm.participantsProperty(),
                "lead-session-participants", l10n.text("gui.lead.sessions.participants.prompt")), null), 2, 0, 2);
        add(form, field(l10n.text("gui.lead.sessions.matter"), LeadForms.text(vm.matterProperty(), "lead-session-matter",
                l10n.text("gui.lead.sessions.matter.prompt")), vm.error(Field.SESSION_MATTER)), 0, 1, 2);
        add(form, field(l10n.text("gui.lead.sessions.recorder"), LeadForms.text(vm.recorderProperty(),
                "lead-session-recorder", l10n.text("gui.lead.sessions.recorder.prompt")), vm.error(Field.SESSION_RECORDER)),
                2, 1, 2);
        add(form, field(l10n.text("gui.lead.sessions.notes"), LeadForms.area(vm.notesProperty(), "lead-session-notes",
                l10n.text("gui.lead.sessions.notes.prompt"), 3), vm.error(Field.SESSION)), 0, 2, 4);
        add(form, checkBox(l10n.text("gui.lead.sessions.noticeGiven"), vm.noticeGivenProperty(),
                "lead-session-notice-given"), 0, 3, 2);
        add(form, checkBox(l10n.text("gui.lead.sessions.confirmedByParties"), vm.confirmedByPartiesProperty(),
                "lead-session-confirmed"), 2, 3, 2);
        Button record = button(l10n.text("gui.lead.sessions.add"), MaterialDesignP.PLUS, "lead-session-add", vm::add);
        record.getStyleClass().add(Styles.ACCENT);
        // A closed case keeps its sessions; new ones are recorded while it is being mediated.
        VBox open = shownWhen(new VBox(10, subTitle("gui.lead.sessions.new"), form, LeadForms.error(vm.generalError()),
                LeadForms.actions(record)), editor.mediatingProperty());
        return LeadForms.section("lead-section-sessions", l10n.text("gui.lead.section.sessions"),
                MaterialDesignH.HANDSHAKE_OUTLINE, editor.acceptedProperty(), list, open, plans(vm));
    }

    /** 安排调解: the sessions planned for coming days, each with its change and call-off buttons, and the plan form. */
    private VBox plans(SessionsSectionViewModel vm) {
        VBox list = new VBox(6);
        list.setId("lead-session-plans");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.plans().isEmpty()) {
                Label none = new Label(l10n.text("gui.lead.plans.none"));
                none.getStyleClass().add(Styles.TEXT_MUTED);
                list.getChildren().add(none);
            }
            for (var plan : vm.plans()) {
                Label line = new Label(vm.planLine(plan));
                line.setWrapText(true);
                line.setMaxWidth(Double.MAX_VALUE);
                line.getStyleClass().add("lead-entry");
                javafx.scene.layout.HBox.setHgrow(line, javafx.scene.layout.Priority.ALWAYS);
                Button change = button(l10n.text("gui.lead.plans.change"), MaterialDesignP.PENCIL_OUTLINE,
                        "lead-plan-change", () -> vm.change(plan));
                Button callOff = button(l10n.text("gui.lead.plans.callOff"), MaterialDesignC.CALENDAR_REMOVE_OUTLINE,
                        "lead-plan-call-off", () -> vm.callOff(plan));
                change.setMinWidth(Button.USE_PREF_SIZE);
                callOff.setMinWidth(Button.USE_PREF_SIZE);
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, line, change, callOff);
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                list.getChildren().add(row);
            }
        };
        fill.run();
        vm.plans().addListener((javafx.collections.ListChangeListener<Object>) change -> fill.run());
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.plans.on"), LeadForms.date(vm.planOnProperty(), "lead-plan-on",
                datePrompt()), vm.planError(Field.DATE)), 0, 0, 1);
        add(form, field(l10n.text("field.STARTS_AT"), LeadForms.text(vm.planStartsAtProperty(), "lead-plan-starts-at",
                l10n.text("gui.lead.plans.startsAt.prompt")), vm.planError(Field.STARTS_AT)), 1, 0, 1);
        add(form, field(l10n.text("field.PLACE"), LeadForms.text(vm.planPlaceProperty(), "lead-plan-place",
                l10n.text("gui.lead.sessions.place.prompt")), vm.planError(Field.PLACE)), 2, 0, 2);
        add(form, field(l10n.text("field.NOTE"), LeadForms.text(vm.planNoteProperty(), "lead-plan-note",
                l10n.text("gui.lead.plans.note.prompt")), vm.planError(Field.NOTE)), 0, 1, 4);
        Button plan = button(l10n.text("gui.lead.plans.add"), MaterialDesignC.CALENDAR_PLUS, "lead-plan-add", vm::plan);
        plan.textProperty().bind(Bindings.when(vm.changingPlanProperty()).then(l10n.text("gui.lead.plans.save"))
                .otherwise(l10n.text("gui.lead.plans.add")));
        Button cancel = button(l10n.text("gui.lead.plans.cancel"), MaterialDesignC.CLOSE, "lead-plan-cancel",
                vm::cancelChange);
        cancel.visibleProperty().bind(vm.changingPlanProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        VBox box = new VBox(10, new Separator(), subTitle("gui.lead.plans.title"), list, form,
                LeadForms.error(vm.planGeneralError()), LeadForms.error(vm.planError(Field.SESSION_PLAN)),
                LeadForms.actions(plan, cancel));
        box.setId("lead-session-planning");
        // sessions are planned while the case is being mediated
        return shownWhen(box, editor.mediatingProperty());
    }

    private CheckBox checkBox(String text, javafx.beans.property.BooleanProperty value, String id) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMnemonicParsing(false);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private String sessionLine(MediationSession session) {
        List<String> parts = new ArrayList<>();
        parts.add(session.heldOn().toString());
        if (session.matter() != null && !session.matter().isBlank()) {
            parts.add(session.matter());
        }
        if (session.place() != null && !session.place().isBlank()) {
            parts.add(session.place());
        }
        if (session.participants() != null && !session.participants().isBlank()) {
            parts.add(l10n.text("gui.lead.sessions.participantsLine", session.participants()));
        }
        if (session.recorder() != null && !session.recorder().isBlank()) {
            parts.add(l10n.text("gui.lead.sessions.recorderLine", session.recorder()));
        }
        if (session.noticeGiven()) {
            parts.add(l10n.text("gui.lead.sessions.noticeGivenLine"));
        }
        if (session.confirmedByParties()) {
            parts.add(l10n.text("gui.lead.sessions.confirmedLine"));
        }
        String line = String.join(l10n.text("gui.lead.partSeparator"), parts);
        return session.notes() == null || session.notes().isBlank() ? line
                : l10n.text("gui.lead.entryWithNote", line, session.notes());
    }

    private Label subTitle(String key) {
        Label label = new Label(l10n.text(key));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "lead-subtitle");
        return label;
    }

    // ---- 延期 ----

    VBox extension() {
        ExtensionSectionViewModel vm = editor.extension();
        VBox list = LeadForms.entries(vm.extensions(), this::extensionLine, l10n.text("gui.lead.extension.none"),
                "lead-extensions");
        Label due = LeadForms.shownWhenSet(vm.dueInForceProperty(), Styles.TEXT_BOLD);
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.extension.agreedOn"), LeadForms.date(vm.agreedOnProperty(),
                "lead-extension-agreed-on", datePrompt()), vm.error(Field.DATE)), 0, 0, 1);
        add(form, field(l10n.text("gui.lead.extension.newDueOn"), LeadForms.date(vm.newDueOnProperty(),
                "lead-extension-due-on", datePrompt()), vm.error(Field.DUE_ON)), 1, 0, 1);
        add(form, field(l10n.text("gui.lead.extension.reason"), LeadForms.text(vm.reasonProperty(),
                "lead-extension-reason", l10n.text("gui.lead.extension.reason.prompt")), vm.error(Field.EXTENSION)),
                2, 0, 2);
        Button extend = button(l10n.text("gui.lead.extension.add"), MaterialDesignC.CALENDAR_CLOCK,
                "lead-extension-add", vm::extend);
        VBox open = shownWhen(new VBox(10, LeadForms.muted(l10n.text("gui.lead.extension.hint")), form,
                LeadForms.error(vm.generalError()), LeadForms.actions(extend)), editor.mediatingProperty());
        return LeadForms.section("lead-section-extension", l10n.text("gui.lead.section.extension"),
                MaterialDesignC.CALENDAR_EXPORT, Bindings.createBooleanBinding(
                        () -> editor.mediatingProperty().get() || !vm.extensions().isEmpty(),
                        editor.mediatingProperty(), vm.extensions()), due, list, open);
    }

    private String extensionLine(Extension extension) {
        String line = l10n.text("gui.lead.extension.line", extension.agreedOn(), extension.newDueOn());
        return extension.reason() == null || extension.reason().isBlank() ? line
                : l10n.text("gui.lead.entryWithNote", line, extension.reason());
    }

    // ---- 结果与协议 ----

    VBox outcome() {
        OutcomeSectionViewModel vm = editor.outcome();
        GridPane form = LeadForms.grid();
        new OutcomeFields(vm, l10n).addTo(form, 0, vm.outcomeProperty(), vm.closedOnProperty(), vm.agreement(),
                vm::error, vm.deadlineError(), "lead-close", false);
        BooleanBinding failing = Bindings.createBooleanBinding(() -> vm.outcomeProperty().get() == Outcome.FAILED,
                vm.outcomeProperty());
        int row = OutcomeFields.ROWS;
        add(form, shownWhen(field(l10n.text("gui.lead.routes.notifiedOn"), LeadForms.date(vm.routesNoticeOnProperty(),
                "lead-close-routes-on", datePrompt()), vm.error(Field.ROUTES_NOTICE_ON)), failing), 0, row, 1);
        add(form, shownWhen(field(l10n.text("gui.lead.routes.routes"), LeadForms.checks(vm.otherRoutes(), vm.routes(),
                vm::routeLabel, "lead-close-route"), vm.error(Field.ROUTES_NOTIFIED)), failing), 1, row, 3);
        add(form, field(l10n.text("gui.lead.preventions.title"), LeadForms.checks(vm.preventionKinds(),
                vm.preventions(), vm::preventionLabel, "lead-close-prevention"), vm.error(Field.PREVENTIONS)),
                0, row + 1, 4);
        Button close = button(l10n.text("gui.lead.outcome.close"), MaterialDesignC.CHECK_ALL, "lead-close", vm::close);
        close.getStyleClass().add(Styles.ACCENT);
        VBox open = shownWhen(new VBox(10, LeadForms.muted(l10n.text("gui.lead.routes.hint")), form,
                LeadForms.error(vm.generalError()), LeadForms.actions(close)), editor.mediatingProperty());
        Label recorded = LeadForms.shownWhenSet(vm.recordedProperty(), Styles.TEXT_BOLD);
        recorded.setId("lead-outcome-recorded");
        Label agreement = LeadForms.shownWhenSet(vm.agreementTextProperty());
        agreement.setId("lead-agreement-recorded");
        Label routes = LeadForms.shownWhenSet(vm.routesTextProperty());
        routes.setId("lead-routes-recorded");
        Label prevented = LeadForms.shownWhenSet(vm.preventionsTextProperty());
        prevented.setId("lead-preventions-recorded");

        // after closing: the notice of other routes of a failed case, and the 防止 outcomes of any
        BooleanBinding failed = Bindings.createBooleanBinding(() -> editor.lead() != null
                && editor.lead().outcome() == Outcome.FAILED, editor.fileProperty());
        GridPane routesForm = LeadForms.grid();
        add(routesForm, field(l10n.text("gui.lead.routes.notifiedOn"), LeadForms.date(vm.routesNoticeOnProperty(),
                "lead-routes-on", datePrompt()), vm.afterError(Field.ROUTES_NOTICE_ON)), 0, 0, 1);
        add(routesForm, field(l10n.text("gui.lead.routes.routes"), LeadForms.checks(vm.otherRoutes(), vm.routes(),
                vm::routeLabel, "lead-route"), vm.afterError(Field.ROUTES_NOTIFIED)), 1, 0, 3);
        Button saveRoutes = button(l10n.text("gui.lead.routes.save"), MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "lead-routes-save", vm::recordRoutesNotice);
        VBox routesPart = shownWhen(new VBox(8, subTitle("gui.lead.routes.title"), routesForm,
                LeadForms.actions(saveRoutes)), failed);
        Button savePreventions = button(l10n.text("gui.lead.preventions.save"), MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "lead-preventions-save", vm::recordPreventions);
        VBox preventionsPart = new VBox(8, subTitle("gui.lead.preventions.title"), LeadForms.checks(
                vm.preventionKinds(), vm.preventions(), vm::preventionLabel, "lead-prevention"),
                LeadForms.error(vm.afterError(Field.PREVENTIONS)), LeadForms.actions(savePreventions));
        VBox done = shownWhen(new VBox(6, recorded, agreement, routes, prevented, new Separator(), routesPart,
                preventionsPart, LeadForms.error(vm.afterGeneralError())), not(editor.mediatingProperty()));
        return LeadForms.section("lead-section-outcome", l10n.text("gui.lead.section.outcome"),
                MaterialDesignG.GAVEL, editor.acceptedProperty(), open, done);
    }

    // ---- 回访 ----

    VBox followUps() {
        FollowUpSectionViewModel vm = editor.followUps();
        VBox list = LeadForms.entries(vm.followUps(), this::followUpLine, l10n.text("gui.lead.followUp.none"),
                "lead-follow-ups");
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.followUp.visitedOn"), LeadForms.date(vm.visitedOnProperty(),
                "lead-follow-up-on", datePrompt()), vm.error(Field.DATE)), 0, 0, 1);
        add(form, field(l10n.text("gui.lead.followUp.performance"), LeadForms.radios(vm.performances(),
                vm.performanceProperty(), vm::performanceLabel, "lead-follow-up-performance"),
                vm.error(Field.FOLLOW_UP)), 1, 0, 2);
        ComboBox<?> satisfaction = LeadForms.combo(FXCollections.observableArrayList(
                vm.satisfactions()), vm.satisfactionProperty(), vm::satisfactionLabel, "lead-follow-up-satisfaction");
        add(form, field(l10n.text("gui.lead.followUp.satisfaction"), satisfaction, null), 3, 0, 1);
        ComboBox<String> visited = new ComboBox<>(vm.partyNames());
        visited.setEditable(true);
        visited.setId("lead-follow-up-party-choice");
        visited.getEditor().setId("lead-follow-up-party");
        visited.getEditor().textProperty().bindBidirectional(vm.visitedPartyProperty());
        visited.setPromptText(l10n.text("gui.lead.followUp.party.prompt"));
        visited.setMaxWidth(Double.MAX_VALUE);
        add(form, field(l10n.text("gui.lead.followUp.party"), visited, vm.error(Field.VISITED_PARTY)), 0, 1, 1);
        add(form, field(l10n.text("gui.lead.followUp.way"), LeadForms.radios(vm.ways(), vm.wayProperty(),
                vm::wayLabel, "lead-follow-up-way"), vm.error(Field.FOLLOW_UP_WAY)), 1, 1, 3);
        add(form, field(l10n.text("gui.lead.followUp.reason"), LeadForms.text(vm.reasonProperty(),
                "lead-follow-up-reason", l10n.text("gui.lead.followUp.reason.prompt")), null), 0, 2, 4);
        CheckBox signs = new CheckBox(l10n.text("gui.lead.followUp.escalation"));
        signs.setId("lead-follow-up-escalation");
        signs.selectedProperty().bindBidirectional(vm.escalationSignsProperty());
        add(form, signs, 0, 3, 4);
        add(form, field(l10n.text("gui.lead.followUp.notes"), LeadForms.area(vm.notesProperty(), "lead-follow-up-notes",
                l10n.text("gui.lead.followUp.notes.prompt"), 2), null), 0, 4, 4);
        Button record = button(l10n.text("gui.lead.followUp.add"), MaterialDesignP.PLUS, "lead-follow-up-add", vm::add);
        record.getStyleClass().add(Styles.ACCENT);
        return LeadForms.section("lead-section-follow-ups", l10n.text("gui.lead.section.followUps"),
                MaterialDesignB.BELL_RING_OUTLINE, editor.resolvedProperty(), list, subTitle("gui.lead.followUp.new"),
                form, LeadForms.error(vm.generalError()), LeadForms.actions(record));
    }

    private String followUpLine(FollowUp followUp) {
        List<String> parts = new ArrayList<>();
        parts.add(followUp.visitedOn().toString());
        if (followUp.visitedParty() != null) {
            parts.add(l10n.text("gui.lead.followUp.partyLine", followUp.visitedParty()));
        }
        if (followUp.way() != null) {
            parts.add(editor.followUps().wayLabel(followUp.way()));
        }
        if (followUp.reason() != null) {
            parts.add(followUp.reason());
        }
        parts.add(editor.followUps().performanceLabel(followUp.performance()));
        if (followUp.satisfaction() != null) {
            parts.add(editor.followUps().satisfactionLabel(followUp.satisfaction()));
        }
        if (followUp.escalationSigns()) {
            parts.add(l10n.text("gui.lead.followUp.escalationLine"));
        }
        String line = String.join(l10n.text("gui.lead.partSeparator"), parts);
        return followUp.notes() == null || followUp.notes().isBlank() ? line
                : l10n.text("gui.lead.entryWithNote", line, followUp.notes());
    }

    // ---- 司法确认 ----

    VBox judicial() {
        JudicialSectionViewModel vm = editor.judicial();
        Label recorded = LeadForms.shownWhenSet(vm.recordedProperty(), Styles.TEXT_BOLD);
        recorded.setId("lead-judicial-recorded");
        Label warnings = LeadForms.shownWhenSet(vm.warningsProperty(), Styles.WARNING);
        warnings.setId("lead-judicial-warnings");
        warnings.setWrapText(true);
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.judicial.appliedOn"), LeadForms.date(vm.appliedOnProperty(),
                "lead-judicial-applied-on", datePrompt()), vm.error(Field.DATE)), 0, 0, 1);
        add(form, field(l10n.text("gui.lead.judicial.court"), LeadForms.text(vm.courtProperty(), "lead-judicial-court",
                l10n.text("gui.lead.judicial.court.prompt")), vm.error(Field.JUDICIAL_CONFIRMATION)), 1, 0, 3);
        add(form, field(l10n.text("gui.lead.judicial.courtCaseNumber"), LeadForms.text(vm.courtCaseNumberProperty(),
                "lead-judicial-number", l10n.text("gui.lead.judicial.courtCaseNumber.prompt")),
                vm.error(Field.COURT_CASE_NO)), 0, 1, 2);
        add(form, field(l10n.text("gui.lead.judicial.decision"), LeadForms.combo(
                FXCollections.observableArrayList(vm.decisions()), vm.decisionProperty(),
                vm::decisionLabel, "lead-judicial-decision"), null), 2, 1, 1);
        // The day of a result is asked for once there is one (or a message about it to show).
        add(form, shownWhen(field(l10n.text("gui.lead.judicial.decidedOn"), LeadForms.date(vm.decidedOnProperty(),
                "lead-judicial-decided-on", datePrompt()), vm.decidedOnError()), Bindings.createBooleanBinding(
                        () -> vm.decisionProperty().get() != JudicialSectionViewModel.Decision.PENDING
                                || !vm.decidedOnProperty().get().isBlank() || !vm.decidedOnError().get().isEmpty(),
                        vm.decisionProperty(), vm.decidedOnProperty(), vm.decidedOnError())), 3, 1, 1);
        Button save = button(l10n.text("gui.lead.judicial.save"), MaterialDesignT.TEXT_BOX_CHECK_OUTLINE,
                "lead-judicial-save", vm::record);
        return LeadForms.section("lead-section-judicial", l10n.text("gui.lead.section.judicial"),
                MaterialDesignB.BANK_OUTLINE, editor.resolvedProperty(), LeadForms.muted(vm.deadlineHint()), warnings,
                recorded, form, LeadForms.error(vm.generalError()), LeadForms.actions(save));
    }
}
