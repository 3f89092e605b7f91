package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.logic.repeat.MatchKind;
import cn.mediationdesk.logic.repeat.RelatedLead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 此前纠纷 and 风险评估记录 in the lead editor, through the view models. */
class RepeatSectionsViewModelTest extends LeadEditorTestSupport {
    private final List<UUID> opened = new ArrayList<>();

    private LeadEditorViewModel registeredWithParty(String foundOn, String idNumber) {
        LeadEditorViewModel editor = newLead(foundOn);
        editor.useOpener(new LeadOpener() {
            @Override
            public void open(UUID leadId) {
                opened.add(leadId);
            }

            @Override
            public void openNew() {
                throw new AssertionError("the editor opens existing leads only");
            }
        });
        PartyRowViewModel applicant = editor.details().addParty();
        applicant.nameProperty().set("张某");
        applicant.idNumberProperty().set(idNumber);
        editor.details().save();
        return editor;
    }

    @Test
    void registeringALeadWhosePartysIdMatchesAnEarlierLeadShowsThatLeadAndMarksItsRecurrence() {
        LeadEditorViewModel first = registeredWithParty("2022-11-01", VALID_ID);
        UUID earlierId = first.fileProperty().get().lead().id();

        LeadEditorViewModel editor = registeredWithParty("2022-12-20", VALID_ID);
        RepeatSectionViewModel repeats = editor.repeats();

        assertThat(repeats.earlier()).singleElement().satisfies(lead -> {
            assertThat(lead.leadId()).isEqualTo(earlierId);
            assertThat(lead.matchedBy()).containsExactly(MatchKind.ID_NUMBER);
            assertThat(lead.state()).isEqualTo(LeadState.PENDING);
        });
        assertThat(repeats.line(repeats.earlier().getFirst())).contains("2022-11-01", "身份证号相同", "张某");
        assertThat(repeats.recurrenceProperty().get()).isEmpty();

        repeats.open(repeats.earlier().getFirst());
        assertThat(opened).containsExactly(earlierId);

        repeats.mark(repeats.earlier().getFirst());

        assertThat(editor.fileProperty().get().recurrence()).get().extracting(r -> r.earlierLeadId()).isEqualTo(earlierId);
        assertThat(repeats.markedProperty().get()).isTrue();
        assertThat(repeats.recurrenceProperty().get()).isEqualTo("本线索为 2022-11-01 发现的线索 的矛盾反复");
        assertThat(repeats.earlier()).singleElement().extracting(RelatedLead::recurredAfter).isEqualTo(true);

        repeats.unmark();
        assertThat(editor.fileProperty().get().recurrence()).isEmpty();
        assertThat(repeats.recurrenceProperty().get()).isEmpty();
    }

    @Test
    void aLaterLeadIsNotShownAsAnEarlierOne() {
        LeadEditorViewModel first = registeredWithParty("2022-11-01", VALID_ID);
        registeredWithParty("2022-12-20", VALID_ID);

        first.reload();

        assertThat(first.repeats().earlier()).isEmpty();
    }

    @Test
    void aClosedCaseIsReopenedAsANewLeadThatOpensInItsOwnWindow() {
        LeadEditorViewModel editor = acceptedLead();
        editor.useOpener(new LeadOpener() {
            @Override
            public void open(UUID leadId) {
                opened.add(leadId);
            }

            @Override
            public void openNew() {
                throw new AssertionError();
            }
        });
        editor.outcome().outcomeProperty().set(cn.mediationdesk.model.Outcome.FAILED);
        editor.outcome().closedOnProperty().set("2022-12-10");
        editor.outcome().close();
        assertThat(editor.repeats().closedProperty().get()).isTrue();
        long before = leadCount();
        UUID closedId = editor.fileProperty().get().lead().id();

        editor.repeats().reopenNoteProperty().set("回访发现纠纷再起");
        editor.repeats().reopen();

        assertThat(leadCount()).isEqualTo(before + 1);
        assertThat(opened).hasSize(1);
        var reopened = database.read(tx -> tx.leads().find(opened.getFirst())).orElseThrow();
        assertThat(reopened.foundOn()).isEqualTo(TODAY);
        assertThat(reopened.summary()).startsWith("矛盾反复：");
        java.util.Optional<cn.mediationdesk.model.Recurrence> mark = database.read(tx -> tx.caseFiles().recurrence(reopened.id()));
        assertThat(mark).get().satisfies(r -> assertThat(r.earlierLeadId()).isEqualTo(closedId));
        assertThat(editor.repeats().messageProperty().get()).contains("已作为矛盾反复重新立案");
    }

    @Test
    void aReopeningOnADayBeforeTheCaseClosedIsRefusedWithItsReason() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(cn.mediationdesk.model.Outcome.FAILED);
        editor.outcome().closedOnProperty().set("2022-12-10");
        editor.outcome().close();
        long before = leadCount();

        editor.repeats().reopenOnProperty().set("2022-12-09");
        editor.repeats().reopen();

        assertThat(leadCount()).isEqualTo(before);
        assertThat(editor.repeats().messageProperty().get()).isNotEmpty().doesNotContain("已作为");
    }

    @Test
    void theRiskHistoryListsEachAssessmentNewestFirstAndAReassessmentIsRecorded() {
        LeadEditorViewModel editor = registeredWithParty("2022-12-01", VALID_ID);
        RiskHistorySectionViewModel risks = editor.riskHistory();
        assertThat(risks.history()).singleElement().satisfies(a -> {
            assertThat(a.assessedOn()).isEqualTo(LocalDate.of(2022, 12, 1));
            assertThat(risks.assessor(a)).isEqualTo("setup");
        });
        assertThat(risks.assessedOnProperty().get()).isEqualTo("2022-12-31");

        risks.assessedOnProperty().set("2022-12-15");
        risks.riskProperty().set(RiskLevel.RED);
        risks.groupRiskProperty().set(true);
        risks.reasonProperty().set("双方冲突升级");
        risks.reassess();

        assertThat(risks.history()).extracting(RiskAssessment::risk).containsExactly(RiskLevel.RED, RiskLevel.BLUE);
        assertThat(risks.flags(risks.history().getFirst())).isEqualTo("可能引发群体性事件");
        assertThat(risks.history().getFirst().reason()).isEqualTo("双方冲突升级");
        assertThat(editor.fileProperty().get().lead().risk()).isEqualTo(RiskLevel.RED);
        assertThat(risks.reasonProperty().get()).as("the form is ready for the next").isEmpty();

        risks.assessedOnProperty().set("2022-11-30");
        risks.reassess();
        assertThat(risks.error(cn.mediationdesk.model.Problem.Field.DATE).get()).isNotEmpty();
        assertThat(risks.history()).hasSize(2);
    }
}
