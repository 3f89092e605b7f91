package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The referral log's section: adding an entry, then its receipt and feedback, with the rules at their fields. */
class ReferralSectionViewModelTest extends LeadEditorTestSupport {

    private LeadEditorViewModel registered() {
        LeadEditorViewModel editor = newLead("2022-12-01");
        editor.details().save();
        return editor;
    }

    @Test
    void anEntryIsAddedListedAndTheFormClearedForTheNext() {
        LeadEditorViewModel editor = registered();
        ReferralSectionViewModel referrals = editor.referrals();
        assertThat(referrals.sentOnProperty().get()).as("today by default").isEqualTo("2022-12-31");

        referrals.kindProperty().set(ReferralKind.COURT_LINK);
        referrals.toBodyProperty().set("某县人民法院");
        referrals.sentOnProperty().set("2022-12-05");
        assertThat(referrals.dirtyProperty().get()).isTrue();
        referrals.add();

        assertThat(referrals.referrals()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReferralKind.COURT_LINK);
            assertThat(r.sentOn()).isEqualTo(LocalDate.of(2022, 12, 5));
        });
        assertThat(referrals.line(referrals.referrals().getFirst())).isEqualTo("诉调对接 · 2022-12-05 移送某县人民法院 · 尚未接收");
        assertThat(referrals.toBodyProperty().get()).isEmpty();
        assertThat(referrals.dirtyProperty().get()).isFalse();
        assertThat(editor.fileProperty().get().referrals()).hasSize(1);
    }

    @Test
    void theRulesShowAtTheirFieldsAndNothingIsWritten() {
        LeadEditorViewModel editor = registered();
        ReferralSectionViewModel referrals = editor.referrals();
        referrals.sentOnProperty().set("2022-11-30");
        referrals.add();

        assertThat(referrals.addError(Field.REFERRAL).get()).isEqualTo("请选择分流还是诉调对接");
        assertThat(referrals.addError(Field.TRANSFERRED_TO).get()).isEqualTo("请填写接收单位");
        assertThat(referrals.addError(Field.SENT_ON).get()).contains("2022-11-30", "2022-12-01");
        referrals.sentOnProperty().set("明天");
        referrals.add();
        assertThat(referrals.addError(Field.SENT_ON).get()).isNotEmpty();
        assertThat(editor.fileProperty().get().referrals()).isEmpty();
    }

    @Test
    void theReceiptAndFeedbackOfAChosenEntryAreRecorded() {
        LeadEditorViewModel editor = registered();
        ReferralSectionViewModel referrals = editor.referrals();
        referrals.kindProperty().set(ReferralKind.DIVERSION);
        referrals.toBodyProperty().set("镇综治中心");
        referrals.sentOnProperty().set("2022-12-05");
        referrals.add();

        referrals.recordReply();
        assertThat(referrals.replyError(Field.REFERRAL).get()).isEqualTo("请先选择一条移送记录");

        referrals.chosenProperty().set(referrals.referrals().getFirst());
        referrals.receivedOnProperty().set("2022-12-04");
        referrals.feedbackProperty().set("已化解");
        referrals.recordReply();
        assertThat(referrals.replyError(Field.RECEIVED_ON).get()).contains("2022-12-04", "2022-12-05");
        assertThat(referrals.replyError(Field.FEEDBACK_ON).get()).isEqualTo("反馈意见与反馈日期须同时填写");

        referrals.receivedOnProperty().set("2022-12-06");
        referrals.feedbackOnProperty().set("2022-12-20");
        referrals.recordReply();

        Referral stored = editor.fileProperty().get().referrals().getFirst();
        assertThat(stored.receivedOn()).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(stored.feedback()).isEqualTo("已化解");
        assertThat(referrals.line(stored)).isEqualTo("分流 · 2022-12-05 移送镇综治中心 · 2022-12-06 接收；2022-12-20 反馈：已化解");
        assertThat(referrals.chosenProperty().get()).isEqualTo(stored);
        assertThat(referrals.dirtyProperty().get()).isFalse();
    }
}
