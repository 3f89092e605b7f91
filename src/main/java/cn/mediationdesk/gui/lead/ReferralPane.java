package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;

/** 分流 / 诉调对接: the referral log of a lead, a form to add an entry and one to record its reply. Controls only. */
final class ReferralPane {
    private final LeadEditorViewModel editor;
    private final Localization l10n;

    ReferralPane(LeadEditorViewModel editor, Localization l10n) {
        this.editor = editor;
        this.l10n = l10n;
    }

    VBox section() {
        ReferralSectionViewModel vm = editor.referrals();
        String datePrompt = l10n.text("gui.lead.datePrompt");
        VBox list = LeadForms.entries(vm.referrals(), vm::line, l10n.text("gui.lead.referral.none"), "lead-referrals");

        GridPane sending = LeadForms.grid();
        add(sending, field(l10n.text("gui.lead.referral.kind"), LeadForms.combo(
                FXCollections.observableArrayList(vm.kinds()), vm.kindProperty(), vm::kindLabel, "lead-referral-kind"),
                vm.addError(Field.REFERRAL)), 0, 0, 1);
        add(sending, field(l10n.text("gui.lead.referral.toBody"), LeadForms.text(vm.toBodyProperty(),
                "lead-referral-to", l10n.text("gui.lead.referral.toBody.prompt")), vm.addError(Field.TRANSFERRED_TO)),
                1, 0, 2);
        add(sending, field(l10n.text("gui.lead.referral.sentOn"), LeadForms.date(vm.sentOnProperty(),
                "lead-referral-sent-on", datePrompt), vm.addError(Field.SENT_ON)), 3, 0, 1);
        Button send = LeadForms.button(l10n.text("gui.lead.referral.add"), MaterialDesignP.PLUS, "lead-referral-add",
                vm::add, editor.busyProperty());
        send.getStyleClass().add(Styles.ACCENT);

        GridPane reply = LeadForms.grid();
        add(reply, field(l10n.text("gui.lead.referral.entry"), LeadForms.combo(vm.referrals(), vm.chosenProperty(),
                vm::choiceLabel, "lead-referral-entry"), vm.replyError(Field.REFERRAL)), 0, 0, 2);
        add(reply, field(l10n.text("gui.lead.referral.receivedOn"), LeadForms.date(vm.receivedOnProperty(),
                "lead-referral-received-on", datePrompt), vm.replyError(Field.RECEIVED_ON)), 2, 0, 1);
        add(reply, field(l10n.text("gui.lead.referral.feedbackOn"), LeadForms.date(vm.feedbackOnProperty(),
                "lead-referral-feedback-on", datePrompt), vm.replyError(Field.FEEDBACK_ON)), 3, 0, 1);
        add(reply, field(l10n.text("gui.lead.referral.feedback"), LeadForms.area(vm.feedbackProperty(),
                "lead-referral-feedback", l10n.text("gui.lead.referral.feedback.prompt"), 2), null), 0, 1, 4);
        Button answer = LeadForms.button(l10n.text("gui.lead.referral.saveReply"), MaterialDesignC.CHECK,
                "lead-referral-save-reply", vm::recordReply, editor.busyProperty());
        VBox replying = LeadForms.shownWhen(new VBox(10, subTitle("gui.lead.referral.reply"), reply,
                LeadForms.error(vm.replyGeneralError()), LeadForms.actions(answer)),
                Bindings.isNotEmpty(vm.referrals()));

        return LeadForms.section("lead-section-referrals", l10n.text("gui.lead.section.referrals"),
                MaterialDesignS.SEND_OUTLINE, editor.registeredProperty(), LeadForms.muted(l10n.text(
                        "gui.lead.referral.hint")), list, subTitle("gui.lead.referral.new"), sending,
                LeadForms.error(vm.addGeneralError()), LeadForms.actions(send), replying);
    }

    private Label subTitle(String key) {
        Label label = new Label(l10n.text(key));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "lead-subtitle");
        return label;
    }
}
