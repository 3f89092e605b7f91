package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.VerificationStep;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;
import static cn.mediationdesk.gui.lead.LeadForms.not;
import static cn.mediationdesk.gui.lead.LeadForms.shownWhen;

/** 核实, 受理 and 更正: the steps that decide what becomes of a lead. Controls and bindings only. */
final class CasePanes {
    private final LeadEditorViewModel editor;
    private final Localization l10n;

    CasePanes(LeadEditorViewModel editor, Localization l10n) {
        this.editor = editor;
        this.l10n = l10n;
    }

    private Button button(String text, Ikon icon, String id, Runnable action) {
        return LeadForms.button(text, icon, id, action, editor.busyProperty());
    }

    // ---- 核实 ----

    VBox verification() {
        VerificationSectionViewModel vm = editor.verification();
        Label stepsTitle = subTitle(l10n.text("gui.lead.verification.steps"));
        VBox steps = LeadForms.entries(vm.steps(), this::stepLine, l10n.text("gui.lead.verification.noSteps"),
                "lead-verification-steps");

        GridPane stepForm = LeadForms.grid();
        add(stepForm, field(l10n.text("gui.lead.verification.stepOn"),
                LeadForms.date(vm.stepOnProperty(), "lead-step-on", l10n.text("gui.lead.datePrompt")),
                vm.stepError(Field.DATE)), 0, 0, 1);
        ComboBox<String> method = new ComboBox<>(FXCollections.observableArrayList(vm.methods()));
        method.setEditable(true);
        method.setId("lead-step-method");
        method.getEditor().textProperty().bindBidirectional(vm.methodProperty());
        method.setPromptText(l10n.text("gui.lead.verification.method.prompt"));
        add(stepForm, field(l10n.text("gui.lead.verification.method"), method, vm.stepError(Field.VERIFICATION)), 1, 0, 1);
        ComboBox<?> person = LeadForms.combo(vm.verifiers(), vm.personProperty(), vm::personLabel, "lead-step-person");
        person.setPromptText(l10n.text("gui.lead.verification.person.prompt"));
        add(stepForm, field(l10n.text("gui.lead.verification.person"), person, vm.stepError(Field.MEDIATORS)), 2, 0, 1);
        add(stepForm, field(l10n.text("gui.lead.verification.note"),
                LeadForms.text(vm.noteProperty(), "lead-step-note", l10n.text("gui.lead.verification.note.prompt")),
                null), 3, 0, 1);
        Button addStep = button(l10n.text("gui.lead.verification.addStep"), MaterialDesignP.PLUS, "lead-step-add",
                vm::addStep);

        Label resultTitle = subTitle(l10n.text("gui.lead.verification.result"));
        GridPane resultForm = LeadForms.grid();
        add(resultForm, field(l10n.text("gui.lead.verification.resultChoice"),
                LeadForms.radios(vm.results(), vm.resultProperty(), vm::resultLabel, "lead-result"),
                vm.resultError(Field.VERIFICATION)), 0, 0, 3);
        add(resultForm, field(l10n.text("gui.lead.verification.verifiedOn"),
                LeadForms.date(vm.verifiedOnProperty(), "lead-verified-on", l10n.text("gui.lead.datePrompt")),
                vm.resultError(Field.VERIFIED_ON)), 3, 0, 1);
        BooleanBinding duplicate = Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == VerificationResult.DUPLICATE, vm.resultProperty());
        BooleanBinding transferred = Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == VerificationResult.TRANSFERRED, vm.resultProperty());
        Node repeated = shownWhen(field(l10n.text("gui.lead.verification.duplicateOf"),
                repeatedPicker(vm.repeated(), "lead-repeated"), vm.resultError(Field.DUPLICATE_OF)), duplicate);
        add(resultForm, repeated, 0, 1, 4);
        Node receiver = shownWhen(field(l10n.text("gui.lead.verification.transferredTo"),
                LeadForms.text(vm.transferredToProperty(), "lead-transferred-to",
                        l10n.text("gui.lead.verification.transferredTo.prompt")),
                vm.resultError(Field.TRANSFERRED_TO)), transferred);
        add(resultForm, receiver, 0, 2, 2);
        Button verify = button(l10n.text("gui.lead.verification.save"), MaterialDesignC.CHECK_DECAGRAM_OUTLINE,
                "lead-verify", vm::verify);
        verify.getStyleClass().add(Styles.ACCENT);

        VBox open = shownWhen(new VBox(10, stepsTitle, steps, stepForm, LeadForms.error(vm.stepGeneralError()),
                LeadForms.actions(addStep), new Separator(), resultTitle,
                LeadForms.muted(l10n.text("gui.lead.verification.result.hint")), resultForm,
                LeadForms.error(vm.resultGeneralError()), LeadForms.actions(verify)), not(editor.verifiedProperty()));

        Label recorded = LeadForms.shownWhenSet(vm.recordedProperty(), Styles.TEXT_BOLD, "lead-recorded");
        recorded.setId("lead-verification-recorded");
        Label detail = LeadForms.shownWhenSet(vm.recordedDetailProperty());
        VBox done = shownWhen(new VBox(8, recorded, detail, subTitle(l10n.text("gui.lead.verification.steps")),
                LeadForms.entries(vm.steps(), this::stepLine, l10n.text("gui.lead.verification.noSteps"),
                        "lead-verification-steps-done")), editor.verifiedProperty());

        return LeadForms.section("lead-section-verification", l10n.text("gui.lead.section.verification"),
                MaterialDesignM.MAGNIFY, editor.registeredProperty(), open, done);
    }

    private String stepLine(VerificationStep step) {
        String who = editor.verification().personName(step.personId());
        String line = who.isEmpty() ? l10n.text("gui.lead.verification.stepLine", step.stepOn(), step.method())
                : l10n.text("gui.lead.verification.stepLineBy", step.stepOn(), step.method(), who);
        return step.note() == null || step.note().isBlank() ? line
                : l10n.text("gui.lead.entryWithNote", line, step.note());
    }

    private Label subTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "lead-subtitle");
        return label;
    }

    /** Search field, button and the leads found, to name the lead a duplicate repeats. */
    Node repeatedPicker(RepeatedLeadPicker picker, String id) {
        TextField query = LeadForms.text(picker.queryProperty(), id + "-query",
                l10n.text("gui.lead.repeated.prompt"));
        query.setOnAction(e -> picker.find());
        Button find = new Button(l10n.text("gui.lead.repeated.find"), new FontIcon(MaterialDesignM.MAGNIFY));
        find.setId(id + "-find");
        find.setOnAction(e -> picker.find());
        HBox searchRow = new HBox(8, LeadForms.grow(query), find);

        ListView<LeadListRow> found = new ListView<>(picker.candidates());
        found.setId(id + "-candidates");
        found.setPrefHeight(110);
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LeadListRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : picker.describe(row));
            }
        });
        found.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                picker.chosenProperty().set(now);
            }
        });
        picker.chosenProperty().addListener((obs, old, now) -> {
            if (now == null) {
                found.getSelectionModel().clearSelection();
            } else {
                found.getSelectionModel().select(now);
            }
        });
        found.visibleProperty().bind(Bindings.isNotEmpty(picker.candidates()));
        found.managedProperty().bind(found.visibleProperty());
        Label message = LeadForms.shownWhenSet(picker.messageProperty(), Styles.TEXT_MUTED);
        Label chosen = new Label();
        chosen.getStyleClass().add(Styles.SUCCESS);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> picker.chosenProperty().get() == null ? ""
                : l10n.text("gui.lead.repeated.chosen", picker.describe(picker.chosenProperty().get())),
                picker.chosenProperty()));
        chosen.visibleProperty().bind(chosen.textProperty().isNotEmpty());
        chosen.managedProperty().bind(chosen.visibleProperty());
        chosen.setWrapText(true);
        return new VBox(6, searchRow, message, found, chosen);
    }

    // ---- 申请与报告 ----

    VBox caseRecord() {
        CaseRecordSectionViewModel vm = editor.caseRecord();
        Label reminder = LeadForms.shownWhenSet(vm.policeReminderProperty(), Styles.DANGER, Styles.TEXT_BOLD);
        reminder.setId("lead-police-reminder");
        reminder.setWrapText(true);
        GridPane application = LeadForms.grid();
        add(application, field(l10n.text("gui.lead.application.appliedOn"), LeadForms.date(vm.appliedOnProperty(),
                "lead-applied-on", l10n.text("gui.lead.datePrompt")), vm.error(Field.APPLIED_ON)), 0, 0, 1);
        add(application, field(l10n.text("gui.lead.application.requests"), LeadForms.area(vm.requestsProperty(),
                "lead-application-requests", l10n.text("gui.lead.application.requests.prompt"), 2),
                vm.error(Field.APPLICATION_REQUESTS)), 1, 0, 3);
        Button saveApplication = button(l10n.text("gui.lead.application.save"), MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE,
                "lead-application-save", vm::recordApplication);
        VBox applicationPart = shownWhen(new VBox(8, subTitle(l10n.text("gui.lead.application.title")), application,
                LeadForms.actions(saveApplication)), vm.fromApplicationProperty());
        GridPane police = LeadForms.grid();
        add(police, field(l10n.text("gui.lead.police.reportedOn"), LeadForms.date(vm.policeReportedOnProperty(),
                "lead-police-on", l10n.text("gui.lead.datePrompt")), vm.error(Field.POLICE_REPORTED_ON)), 0, 0, 1);
        add(police, field(l10n.text("gui.lead.police.reportedTo"), LeadForms.text(vm.policeReportedToProperty(),
                "lead-police-to", l10n.text("gui.lead.police.reportedTo.prompt")), vm.error(Field.POLICE_REPORTED_TO)),
                1, 0, 3);
        Button savePolice = button(l10n.text("gui.lead.police.save"), MaterialDesignS.SHIELD_CHECK_OUTLINE,
                "lead-police-save", vm::recordPoliceReport);
        Label recorded = LeadForms.shownWhenSet(vm.policeTextProperty());
        recorded.setId("lead-police-recorded");
        VBox policePart = new VBox(8, subTitle(l10n.text("gui.lead.police.title")),
                LeadForms.muted(l10n.text("gui.lead.police.hint")), recorded, police, LeadForms.actions(savePolice));
        return LeadForms.section("lead-section-case-record", l10n.text("gui.lead.section.caseRecord"),
                MaterialDesignF.FILE_SIGN, editor.registeredProperty(), reminder, applicationPart, policePart,
                LeadForms.error(vm.generalError()));
    }

    // ---- 受理 ----

    VBox acceptance() {
        AcceptanceSectionViewModel vm = editor.acceptance();
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.lead.acceptance.acceptedOn"),
                LeadForms.date(vm.acceptedOnProperty(), "lead-accepted-on", l10n.text("gui.lead.datePrompt")),
                vm.error(Field.ACCEPTED_ON)), 0, 0, 1);
        FlowPane mediators = new FlowPane(16, 6);
        mediators.setId("lead-mediators");
        Runnable fillMediators = () -> {
            mediators.getChildren().clear();
            if (vm.mediators().isEmpty()) {
                mediators.getChildren().add(LeadForms.muted(l10n.text("gui.lead.acceptance.noMediators")));
            }
            for (AcceptanceSectionViewModel.MediatorChoice choice : vm.mediators()) {
                CheckBox box = new CheckBox(choice.person().name());
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(choice.selectedProperty());
                mediators.getChildren().add(box);
            }
        };
        fillMediators.run();
        vm.mediators().addListener((ListChangeListener<AcceptanceSectionViewModel.MediatorChoice>) c -> fillMediators.run());
        add(form, field(l10n.text("gui.lead.acceptance.mediators"), mediators, vm.error(Field.MEDIATORS)), 1, 0, 3);
        // 人民调解法 Art. 17: no case without the parties' consent
        add(form, field(l10n.text("gui.lead.consent.on"), LeadForms.date(vm.consentOnProperty(), "lead-consent-on",
                l10n.text("gui.lead.datePrompt")), vm.error(Field.CONSENT_ON)), 0, 1, 1);
        add(form, field(l10n.text("gui.lead.consent.way"), LeadForms.radios(vm.consentWays(), vm.consentWayProperty(),
                vm::consentWayLabel, "lead-consent-way"), vm.error(Field.CONSENT_WAY)), 1, 1, 2);
        add(form, field(l10n.text("gui.lead.consent.rightsNoticeOn"), LeadForms.date(vm.rightsNoticeOnProperty(),
                "lead-rights-notice-on", l10n.text("gui.lead.consent.rightsNoticeOn.prompt")),
                vm.error(Field.RIGHTS_NOTICE_ON)), 3, 1, 1);
        Button accept = button(l10n.text("gui.lead.acceptance.accept"), MaterialDesignF.FOLDER_CHECK_OUTLINE,
                "lead-accept", vm::accept);
        accept.getStyleClass().add(Styles.ACCENT);
        // 拒绝调解: instead of accepting, record that a party refused (人民调解法 Art. 17).
        GridPane refusal = LeadForms.grid();
        add(refusal, field(l10n.text("gui.lead.acceptance.declinedOn"),
                LeadForms.date(vm.declinedOnProperty(), "lead-declined-on", l10n.text("gui.lead.datePrompt")),
                vm.error(Field.DECLINED_ON)), 0, 0, 1);
        add(refusal, field(l10n.text("gui.lead.acceptance.declinedBy"), LeadForms.text(vm.declinedByProperty(),
                "lead-declined-by", l10n.text("gui.lead.acceptance.declinedBy.prompt")), vm.error(Field.DECLINED_BY)),
                1, 0, 3);
        Button decline = button(l10n.text("gui.lead.acceptance.decline"), MaterialDesignA.ACCOUNT_CANCEL_OUTLINE,
                "lead-decline", vm::decline);
        VBox open = shownWhen(new VBox(10, LeadForms.muted(l10n.text("gui.lead.acceptance.hint")), form,
                LeadForms.error(vm.generalError()), LeadForms.actions(accept), new Separator(),
                subTitle(l10n.text("gui.lead.acceptance.refusal")), refusal, LeadForms.actions(decline)),
                Bindings.createBooleanBinding(() -> !editor.acceptedProperty().get() && !editor.declinedProperty().get(),
                        editor.acceptedProperty(), editor.declinedProperty()));
        Label refused = LeadForms.shownWhenSet(vm.declinedTextProperty(), Styles.WARNING, Styles.TEXT_BOLD);
        refused.setId("lead-declined");

        Label caption = new Label(l10n.text("gui.lead.acceptance.caseNumber"));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        Label number = new Label();
        number.setId("lead-case-number");
        number.textProperty().bind(vm.caseNumberProperty());
        number.getStyleClass().addAll(Styles.TITLE_2, "case-number");
        Label fresh = new Label(l10n.text("gui.lead.acceptance.justAccepted"), new FontIcon(MaterialDesignC.CHECK_CIRCLE));
        fresh.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
        shownWhen(fresh, vm.justAcceptedProperty());
        VBox numberBox = new VBox(2, caption, number, fresh);
        numberBox.getStyleClass().add("case-number-box");
        Label due = LeadForms.shownWhenSet(vm.dueTextProperty(), Styles.TEXT_BOLD);
        due.setId("lead-due");
        Label mediatorNames = LeadForms.shownWhenSet(vm.mediatorNamesProperty());
        mediatorNames.setId("lead-mediator-names");
        Label consent = LeadForms.shownWhenSet(vm.consentTextProperty());
        consent.setId("lead-consent-recorded");
        GridPane consentForm = LeadForms.grid();
        add(consentForm, field(l10n.text("gui.lead.consent.on"), LeadForms.date(vm.consentOnProperty(),
                "lead-consent-on-recorded", l10n.text("gui.lead.datePrompt")), vm.error(Field.CONSENT_ON)), 0, 0, 1);
        add(consentForm, field(l10n.text("gui.lead.consent.way"), LeadForms.radios(vm.consentWays(),
                vm.consentWayProperty(), vm::consentWayLabel, "lead-consent-way-recorded"), vm.error(Field.CONSENT_WAY)),
                1, 0, 2);
        add(consentForm, field(l10n.text("gui.lead.consent.rightsNoticeOn"), LeadForms.date(vm.rightsNoticeOnProperty(),
                "lead-rights-notice-on-recorded", l10n.text("gui.lead.consent.rightsNoticeOn.prompt")),
                vm.error(Field.RIGHTS_NOTICE_ON)), 3, 0, 1);
        Button saveConsent = button(l10n.text("gui.lead.consent.save"), MaterialDesignC.CONTENT_SAVE_OUTLINE,
                "lead-consent-save", vm::recordConsent);
        VBox consentPart = shownWhen(new VBox(8, subTitle(l10n.text("gui.lead.consent.title")), consentForm,
                LeadForms.error(vm.generalError()), LeadForms.actions(saveConsent)), editor.acceptedProperty());
        VBox facts = new VBox(6, LeadForms.shownWhenSet(vm.acceptedTextProperty()), due, mediatorNames, consent);
        HBox done = shownWhen(new HBox(32, numberBox, facts), editor.acceptedProperty());

        // after acceptance, a director or an administrator may change the mediators (DESIGN §9)
        FlowPane assigned = new FlowPane(16, 6);
        assigned.setId("lead-assign-mediators");
        Runnable fillAssigned = () -> {
            assigned.getChildren().clear();
            for (AcceptanceSectionViewModel.MediatorChoice choice : vm.mediators()) {
                CheckBox box = new CheckBox(choice.person().name());
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(choice.selectedProperty());
                assigned.getChildren().add(box);
            }
        };
        fillAssigned.run();
        vm.mediators().addListener((ListChangeListener<AcceptanceSectionViewModel.MediatorChoice>) c -> fillAssigned.run());
        ComboBox<Person> principal = LeadForms.combo(FXCollections.observableArrayList(vm.mediators().stream()
                .map(AcceptanceSectionViewModel.MediatorChoice::person).toList()), vm.principalProperty(), Person::name,
                "lead-principal-mediator");
        vm.mediators().addListener((ListChangeListener<AcceptanceSectionViewModel.MediatorChoice>) c -> principal
                .getItems().setAll(vm.mediators().stream().map(AcceptanceSectionViewModel.MediatorChoice::person).toList()));
        GridPane assignment = LeadForms.grid();
        add(assignment, field(l10n.text("gui.lead.acceptance.mediators"), assigned, vm.assignmentError()), 0, 0, 3);
        add(assignment, field(l10n.text("gui.lead.mediators.principal"), principal, null), 3, 0, 1);
        Button assign = button(l10n.text("gui.lead.mediators.assign"), MaterialDesignA.ACCOUNT_SWITCH_OUTLINE,
                "lead-assign", vm::assignMediators);
        VBox reassign = shownWhen(new VBox(8, subTitle(l10n.text("gui.lead.mediators.title")), assignment,
                LeadForms.error(vm.assignmentGeneralError()), LeadForms.actions(assign)), Bindings.createBooleanBinding(
                        () -> vm.mayAssignMediators() && editor.acceptedProperty().get(), editor.acceptedProperty()));

        return LeadForms.section("lead-section-acceptance", l10n.text("gui.lead.section.acceptance"),
                MaterialDesignF.FOLDER_ACCOUNT_OUTLINE, Bindings.createBooleanBinding(
                        () -> editor.genuineProperty().get() || editor.acceptedProperty().get(),
                        editor.genuineProperty(), editor.acceptedProperty()), open, done, consentPart, reassign, refused);
    }

    // ---- 更正 ----

    VBox correction() {
        CorrectionViewModel vm = editor.correction();
        OutcomeFields outcomeFields = new OutcomeFields(editor.outcome(), l10n);
        GridPane form = LeadForms.grid();
        Hyperlink clearResult = new Hyperlink(l10n.text("gui.lead.correction.clearResult"));
        clearResult.setId("lead-correct-result-clear");
        clearResult.setOnAction(e -> vm.resultProperty().set(null));
        add(form, field(l10n.text("gui.lead.verification.resultChoice"),
                new HBox(12, LeadForms.radios(editor.verification().results(), vm.resultProperty(),
                        editor.verification()::resultLabel, "lead-correct-result"), clearResult),
                vm.error(Field.VERIFICATION)), 0, 0, 3);
        add(form, field(l10n.text("gui.lead.verification.verifiedOn"),
                LeadForms.date(vm.verifiedOnProperty(), "lead-correct-verified-on", l10n.text("gui.lead.datePrompt")),
                vm.error(Field.VERIFIED_ON)), 3, 0, 1);
        BooleanBinding duplicate = Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == VerificationResult.DUPLICATE, vm.resultProperty());
        BooleanBinding transferred = Bindings.createBooleanBinding(
                () -> vm.resultProperty().get() == VerificationResult.TRANSFERRED, vm.resultProperty());
        add(form, shownWhen(field(l10n.text("gui.lead.verification.duplicateOf"),
                repeatedPicker(vm.repeated(), "lead-correct-repeated"), vm.error(Field.DUPLICATE_OF)), duplicate), 0, 1, 4);
        add(form, shownWhen(field(l10n.text("gui.lead.verification.transferredTo"),
                LeadForms.text(vm.transferredToProperty(), "lead-correct-transferred-to", null),
                vm.error(Field.TRANSFERRED_TO)), transferred), 0, 2, 2);
        add(form, field(l10n.text("gui.lead.acceptance.acceptedOn"),
                LeadForms.date(vm.acceptedOnProperty(), "lead-correct-accepted-on", l10n.text("gui.lead.correction.emptyUndoes")),
                vm.error(Field.ACCEPTED_ON)), 0, 3, 1);
        add(form, field(l10n.text("field.DECLINED_ON"),
                LeadForms.date(vm.declinedOnProperty(), "lead-correct-declined-on", l10n.text("gui.lead.correction.emptyUndoes")),
                vm.error(Field.DECLINED_ON)), 1, 3, 1);
        add(form, field(l10n.text("field.DECLINED_BY"), LeadForms.text(vm.declinedByProperty(),
                "lead-correct-declined-by", null), vm.error(Field.DECLINED_BY)), 2, 3, 2);
        outcomeFields.addTo(form, 4, vm.outcomeProperty(), vm.closedOnProperty(), vm.agreement(), vm::error,
                vm.deadlineError(), "lead-correct", true);
        add(form, field(l10n.text("gui.lead.correction.reason"), LeadForms.area(vm.reasonProperty(),
                "lead-correct-reason", l10n.text("gui.lead.correction.reason.prompt"), 2), vm.error(Field.LEAD)),
                0, 4 + OutcomeFields.ROWS, 4);
        Button save = button(l10n.text("gui.lead.correction.save"), MaterialDesignC.CONTENT_SAVE_EDIT_OUTLINE,
                "lead-correct-save", vm::correct);
        save.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button(l10n.text("gui.lead.correction.cancel"));
        cancel.setId("lead-correct-cancel");
        cancel.setOnAction(e -> vm.cancel());
        VBox section = LeadForms.section("lead-section-correction", l10n.text("gui.lead.section.correction"),
                MaterialDesignA.ALERT_OUTLINE, vm.activeProperty(),
                LeadForms.muted(l10n.text("gui.lead.correction.hint")), form, LeadForms.error(vm.generalError()),
                LeadForms.actions(save, cancel));
        section.getStyleClass().add("lead-correction");
        return section;
    }
}
