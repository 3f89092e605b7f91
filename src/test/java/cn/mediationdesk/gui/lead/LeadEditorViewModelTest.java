package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The editor as a whole: registering, the basic facts and parties, conflicts and closing the window. */
class LeadEditorViewModelTest extends LeadEditorTestSupport {

    @Test
    void aNewLeadOpensWithTodayAndOnlyItsFirstSections() {
        LeadEditorViewModel editor = open(null);
        assertThat(editor.loadedProperty().get()).isTrue();
        assertThat(editor.details().foundOnProperty().get()).isEqualTo("2022-12-31");
        assertThat(editor.details().riskProperty().get()).isEqualTo(RiskLevel.BLUE);
        assertThat(editor.details().committees()).extracting(c -> c.code()).containsExactly("TW001", "TW002");
        assertThat(editor.registeredProperty().get()).isFalse();
        assertThat(editor.verifiedProperty().get()).isFalse();
        assertThat(editor.titleProperty().get()).isEqualTo("新线索");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void registeringWritesTheLeadWithItsPartiesAndAnnouncesIt() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        DetailsSectionViewModel details = editor.details();
        details.peopleProperty().set("3");
        details.amountProperty().set("12,000.50元");
        details.riskProperty().set(RiskLevel.ORANGE);
        details.criminalRiskProperty().set(true);
        PartyRowViewModel applicant = details.addParty();
        applicant.nameProperty().set("张某");
        applicant.idNumberProperty().set(VALID_ID);
        applicant.phoneProperty().set("13912345678");
        PartyRowViewModel respondent = details.addParty();
        respondent.nameProperty().set("李某");
        details.addParty(); // left empty: no party
        long before = leadCount();
        assertThat(editor.dirtyProperty().get()).isTrue();

        details.save();

        assertThat(leadCount()).isEqualTo(before + 1);
        LeadFile file = editor.fileProperty().get();
        Lead lead = file.lead();
        assertThat(lead.foundOn()).isEqualTo(LocalDate.of(2022, 12, 20));
        assertThat(lead.peopleCount()).isEqualTo(3);
        assertThat(lead.amount()).isEqualByComparingTo(new BigDecimal("12000.50"));
        assertThat(lead.risk()).isEqualTo(RiskLevel.ORANGE);
        assertThat(lead.criminalRisk()).isTrue();
        assertThat(file.parties()).extracting(Party::name, Party::role)
                .containsExactly(tuple("张某", PartyRole.APPLICANT),
                        tuple("李某", PartyRole.RESPONDENT));
        assertThat(file.parties().getFirst().idNumber()).isEqualTo(VALID_ID);
        assertThat(details.parties()).hasSize(2);
        assertThat(editor.leadIdProperty().get()).isEqualTo(lead.id());
        assertThat(editor.registeredProperty().get()).isTrue();
        assertThat(editor.stateTextProperty().get()).isEqualTo("待核实");
        assertThat(editor.reachedProperty().get()).isEqualTo(LeadEditorViewModel.Step.REGISTERED);
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(events.changesProperty().get()).isEqualTo(1);
        assertThat(events.lastChangedLeadProperty().get()).isEqualTo(lead.id());
        assertThat(editor.statusProperty().get()).isEqualTo("已保存");
    }

    @Test
    void aValidIdNumberTellsTheGenderWhenNoneWasChosen() {
        PartyRowViewModel row = newLead("2022-12-20").details().addParty();
        row.nameProperty().set("张某");
        row.idNumberProperty().set(VALID_ID);
        assertThat(row.check()).isTrue();
        assertThat(row.genderProperty().get()).isEqualTo(Gender.MALE);
    }

    @Test
    void aBadIdNumberIsShownInItsRowAndNothingIsWritten() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel party = editor.details().addParty();
        party.nameProperty().set("张某");
        String wrongCheckDigit = VALID_ID.substring(0, 17) + (VALID_ID.charAt(17) == '1' ? '2' : '1');
        party.idNumberProperty().set(wrongCheckDigit);
        long before = leadCount();

        editor.details().save();

        assertThat(leadCount()).isEqualTo(before);
        assertThat(party.idNumberError().get()).isEqualTo("身份证号码“" + wrongCheckDigit + "”无效（须为 18 位，出生日期和校验码正确）");
        assertThat(editor.details().error(Field.PARTIES).get()).isEqualTo("请改正当事人中标红的内容");
        assertThat(editor.registeredProperty().get()).isFalse();
        assertThat(events.changesProperty().get()).isZero();
        assertThat(editor.statusProperty().get()).startsWith("没有保存");
    }

    @Test
    void aBadPhoneNumberIsShownInItsRow() {
        LeadEditorViewModel editor = newLead("2022-12-20");
        PartyRowViewModel party = editor.details().addParty();
        party.nameProperty().set("张某");
        party.phoneProperty().set("12345");

        editor.details().save();

        assertThat(party.phoneError().get()).contains("电话号码“12345”无效");
        assertThat(editor.registeredProperty().get()).isFalse();
    }

    @Test
    void aFutureFoundDateIsShownAtItsField() {
        LeadEditorViewModel editor = newLead("2023-01-05");
        long before = leadCount();

        editor.details().save();

        assertThat(leadCount()).isEqualTo(before);
        assertThat(editor.details().error(Field.FOUND_ON).get()).isEqualTo("日期 2023-01-05 晚于今天（2022-12-31）");
    }

    @Test
    void textThatIsNoDateStaysAndIsShownAtItsField() {
        LeadEditorViewModel editor = newLead("2022-13-45");

        editor.details().save();

        assertThat(editor.details().foundOnProperty().get()).isEqualTo("2022-13-45");
        assertThat(editor.details().error(Field.FOUND_ON).get()).startsWith("“2022-13-45”不是有效日期");
        assertThat(editor.registeredProperty().get()).isFalse();
    }

    @Test
    void missingChoicesAndSummaryAreShownAtTheirFields() {
        LeadEditorViewModel editor = open(null);
        editor.details().committeeProperty().set(null);
        editor.details().peopleProperty().set("两个");

        editor.details().save();

        assertThat(editor.details().error(Field.COMMITTEE).get()).isEqualTo("必须填写");
        assertThat(editor.details().error(Field.PEOPLE).get()).isEqualTo("“两个”不是整数");

        editor.details().committeeProperty().set(editor.details().committees().getFirst());
        editor.details().communityProperty().set(editor.details().communities().getFirst());
        editor.details().peopleProperty().set("");
        editor.details().save();

        assertThat(editor.details().error(Field.SUMMARY).get()).isEqualTo("必须填写");
        assertThat(editor.details().error(Field.SOURCE).get()).isEqualTo("必须填写");
        assertThat(editor.details().error(Field.DISPUTE_TYPE).get()).isEqualTo("必须填写");
        assertThat(editor.details().error(Field.COMMITTEE).get()).isEmpty();
    }

    @Test
    void aFieldsMessageGoesAsSoonAsTheFieldIsValidAndStaysWhileItIsNot() {
        LeadEditorViewModel editor = open(null);
        editor.details().committeeProperty().set(null);
        editor.details().peopleProperty().set("两个");
        editor.details().foundOnProperty().set("2022-13-45");
        editor.details().save();
        assertThat(editor.details().error(Field.COMMITTEE).get()).isEqualTo("必须填写");

        editor.details().peopleProperty().set("两");
        assertThat(editor.details().error(Field.PEOPLE).get()).as("still no number").isEqualTo("“两”不是整数");
        editor.details().peopleProperty().set("2");
        assertThat(editor.details().error(Field.PEOPLE).get()).isEmpty();

        editor.details().foundOnProperty().set("");
        assertThat(editor.details().error(Field.FOUND_ON).get()).isEqualTo("必须填写");
        editor.details().foundOnProperty().set("2022-12-01");
        assertThat(editor.details().error(Field.FOUND_ON).get()).isEmpty();

        editor.details().committeeProperty().set(editor.details().committees().getFirst());
        assertThat(editor.details().error(Field.COMMITTEE).get()).isEmpty();
        assertThat(editor.details().error(Field.SUMMARY).get()).as("never shown, nothing to take back").isEmpty();
    }

    @Test
    void aFieldNeverSavedShowsNoMessageWhileItIsTyped() {
        LeadEditorViewModel editor = open(null);
        editor.details().peopleProperty().set("两个");
        assertThat(editor.details().error(Field.PEOPLE).get()).isEmpty();
    }

    @Test
    void changedDetailsOfAnExistingLeadAreSavedAndRetypedDatesAreNoChange() {
        LeadEditorViewModel first = newLead("2022-12-20");
        first.details().save();
        LeadEditorViewModel editor = open(first.leadIdProperty().get());
        assertThat(editor.details().summaryProperty().get()).isEqualTo("两户因院墙滴水发生争执");
        editor.details().foundOnProperty().set("2022/12/20");
        assertThat(editor.dirtyProperty().get()).as("the same day, written otherwise").isFalse();

        editor.details().summaryProperty().set("两户因院墙滴水发生争执，已调解一次");
        editor.details().save();

        assertThat(editor.fileProperty().get().lead().summary()).isEqualTo("两户因院墙滴水发生争执，已调解一次");
        assertThat(editor.fileProperty().get().lead().version()).isEqualTo(1);
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void aCommunityCommitteeSuggestsItsCommunityAndGridsFollowTheCommunity() {
        database.write(tx -> tx.organization().insertGrid(tx.organization().communities().getFirst().id(), "一网格", null));
        LeadEditorViewModel editor = open(null);
        DetailsSectionViewModel details = editor.details();
        details.communityProperty().set(null);
        details.committeeProperty().set(details.committees().stream().filter(c -> c.code().equals("TW002"))
                .findFirst().orElseThrow());
        assertThat(details.communityProperty().get().code()).isEqualTo("SQ001");
        assertThat(details.grids()).extracting(g -> g.name()).containsExactly("一网格");
        details.gridProperty().set(details.grids().getFirst());

        details.communityProperty().set(details.communities().stream().filter(c -> c.code().equals("SQ002"))
                .findFirst().orElseThrow());

        assertThat(details.grids()).isEmpty();
        assertThat(details.gridProperty().get()).isNull();
    }

    @Test
    void aCaseNumberFixesTheCommittee() {
        LeadEditorViewModel editor = acceptedLead();
        assertThat(editor.details().committeeFixedProperty().get()).isTrue();
    }

    @Test
    void aStaleVersionIsReportedAndReloadingShowsTheOtherChange() {
        LeadEditorViewModel mine = newLead("2022-12-20");
        mine.details().save();
        var id = mine.leadIdProperty().get();
        LeadEditorViewModel theirs = open(id);
        theirs.details().summaryProperty().set("别人改过的简要情况");
        theirs.details().save();
        int changes = (int) events.changesProperty().get();

        mine.details().summaryProperty().set("我改的简要情况");
        dialogs.answering(0); // reload
        mine.details().save();

        assertThat(dialogs.shown()).extracting(s -> s.header()).containsExactly("这条线索刚被别人修改过");
        assertThat(mine.conflictProperty().get()).isFalse();
        assertThat(mine.details().summaryProperty().get()).isEqualTo("别人改过的简要情况");
        assertThat(mine.fileProperty().get().lead().version()).isEqualTo(1);
        assertThat(events.changesProperty().get()).as("nothing was written").isEqualTo(changes);
        assertThat(mine.statusProperty().get()).isEqualTo("已重新载入最新内容");
    }

    @Test
    void aStaleVersionKeptOpenShowsTheConflictUntilReloaded() {
        LeadEditorViewModel mine = acceptedLead();
        LeadEditorViewModel theirs = open(mine.leadIdProperty().get());
        theirs.details().summaryProperty().set("别人改过");
        theirs.details().save();

        mine.outcome().outcomeProperty().set(Outcome.FAILED);
        mine.outcome().close(); // answers "not now"

        assertThat(mine.conflictProperty().get()).isTrue();
        assertThat(mine.statusProperty().get()).isEqualTo("没有保存：这条线索刚被别人修改过");
        assertThat(mine.outcome().outcomeProperty().get()).as("the entry stays").isEqualTo(Outcome.FAILED);

        mine.reload();
        mine.outcome().close();

        assertThat(mine.conflictProperty().get()).isFalse();
        assertThat(mine.fileProperty().get().lead().outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void closingWithoutChangesClosesAtOnce() {
        AtomicInteger closed = new AtomicInteger();
        open(null).close(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void closingWithChangesAsksAndCancelKeepsTheWindow() {
        AtomicInteger closed = new AtomicInteger();
        LeadEditorViewModel editor = newLead("2022-12-20");
        editor.close(closed::incrementAndGet); // no answer given: the last one, cancel
        assertThat(dialogs.shown()).extracting(s -> s.header()).containsExactly("有尚未保存的修改");
        assertThat(closed).hasValue(0);
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void closingWithChangesAndDiscardWritesNothing() {
        AtomicInteger closed = new AtomicInteger();
        long before = leadCount();
        dialogs.answering(1);
        newLead("2022-12-20").close(closed::incrementAndGet);
        assertThat(closed).hasValue(1);
        assertThat(leadCount()).isEqualTo(before);
    }

    @Test
    void closingWithChangesAndSaveWritesEveryFormThenCloses() {
        AtomicInteger closed = new AtomicInteger();
        LeadEditorViewModel editor = acceptedLead();
        editor.details().summaryProperty().set("补充了情况");
        editor.sessions().placeProperty().set("社区调解室");
        editor.sessions().notesProperty().set("双方各自陈述");
        editor.sessions().matterProperty().set("漏水纠纷调解");
        editor.sessions().recorderProperty().set("王调解");
        dialogs.answering(0);

        editor.close(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        LeadFile file = context().lifecycle().file(editor.leadIdProperty().get());
        assertThat(file.lead().summary()).isEqualTo("补充了情况");
        assertThat(file.sessions()).extracting(s -> s.place()).containsExactly("社区调解室");
    }

    @Test
    void closingWithChangesThatBreakARuleStaysOpenWithTheMessage() {
        AtomicInteger closed = new AtomicInteger();
        LeadEditorViewModel editor = newLead("2023-02-01");
        dialogs.answering(0);

        editor.close(closed::incrementAndGet);

        assertThat(closed).hasValue(0);
        assertThat(editor.details().error(Field.FOUND_ON).get()).contains("晚于今天");
    }

    @Test
    void aLeadThatDoesNotExistSaysSo() {
        LeadEditorViewModel editor = open(UUID.randomUUID());
        assertThat(editor.loadProblemProperty().get()).isEqualTo("没有这条线索（可能已被删除）");
        assertThat(editor.loadedProperty().get()).isFalse();
    }

    @Test
    void anExistingLeadOpensInItsStateWithItsCaseNumberAndDueDate() {
        LifecycleService lifecycle = context().lifecycle();
        Lead lead = lifecycle.register(new NewLead(committee("TW001").id(), database.read(tx ->
                tx.organization().communities().getFirst().id()), null, "JB-7", LocalDate.of(2022, 11, 1), "SCREENING",
                "CONTRACT", "合同纠纷", null, null, null, false, false, List.of()));
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE,
                LocalDate.of(2022, 11, 2), null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));

        LeadEditorViewModel editor = open(lead.id());

        assertThat(editor.titleProperty().get()).isEqualTo(lead.caseNumber().text());
        assertThat(editor.caseNumberProperty().get()).isEqualTo(lead.caseNumber().text());
        assertThat(editor.stateTextProperty().get()).isEqualTo("调解中");
        assertThat(editor.overdueProperty().get()).isTrue();
        assertThat(editor.dueTextProperty().get()).isEqualTo("办理期限 2022-12-02，已超期 29 天");
        assertThat(editor.acceptance().dueTextProperty().get()).isEqualTo("办理期限：2022-12-02");
        assertThat(editor.mediatingProperty().get()).isTrue();
        assertThat(editor.reachedProperty().get()).isEqualTo(LeadEditorViewModel.Step.ACCEPTED);
    }
}
