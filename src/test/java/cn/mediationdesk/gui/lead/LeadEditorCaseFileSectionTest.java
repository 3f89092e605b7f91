package cn.mediationdesk.gui.lead;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Retention;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's 卷宗 section: what the file lacks, and the 立卷人's fields saved through the service. */
class LeadEditorCaseFileSectionTest extends LeadEditorTestSupport {

    private LeadEditorViewModel resolvedLead() {
        LeadEditorViewModel editor = acceptedLead();
        editor.outcome().outcomeProperty().set(Outcome.RESOLVED);
        editor.outcome().closedOnProperty().set("2022-12-10");
        editor.outcome().agreementFormProperty().set(AgreementForm.ORAL);
        editor.outcome().agreement().factsProperty().set("两户因排水沟堵塞发生争执");
        editor.outcome().agreement().termsProperty().set("李某当日疏通排水沟");
        editor.outcome().close();
        assertThat(editor.lead().outcome()).isEqualTo(Outcome.RESOLVED);
        return editor;
    }

    @Test
    void anAcceptedCaseShowsWhatItsFileLacks() {
        CaseFileSectionViewModel caseFile = acceptedLead().caseFile();

        assertThat(caseFile.gaps()).contains("没有调查记录（未记录核实步骤）", "没有调解记录")
                .doesNotContain("没有结案报告", "封面未填写完整（立卷人、立卷日期、保管期限）");
        assertThat(caseFile.summaryProperty().get()).isEqualTo("卷宗尚缺 " + caseFile.gaps().size() + " 项：");
    }

    @Test
    void theFilingFieldsAreSavedAndTheGapsTheyFillGoAway() {
        LeadEditorViewModel editor = resolvedLead();
        CaseFileSectionViewModel caseFile = editor.caseFile();
        assertThat(caseFile.gaps()).contains("封面未填写完整（立卷人、立卷日期、保管期限）", "没有结案报告");

        caseFile.filedByProperty().set("李立卷");
        caseFile.filedOnProperty().set("2022-12-09");
        caseFile.retentionProperty().set(Retention.SHORT);
        caseFile.closingReportProperty().set("当场达成口头协议并履行。");
        assertThat(editor.dirtyProperty().get()).isTrue();
        caseFile.record();
        assertThat(caseFile.error(Field.DATE).get()).isEqualTo("立卷日期不能早于结案日期 2022-12-10");

        caseFile.filedOnProperty().set("2022-12-20");
        caseFile.record();

        assertThat(caseFile.error(Field.DATE).get()).isEmpty();
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(caseFile.gaps()).doesNotContain("封面未填写完整（立卷人、立卷日期、保管期限）", "没有结案报告");
        CaseFileInfo stored = database.read(tx -> tx.caseFiles().caseFileInfo(editor.leadIdProperty().get()))
                .orElseThrow();
        assertThat(stored.filedBy()).isEqualTo("李立卷");
        assertThat(stored.filedOn()).isEqualTo(LocalDate.of(2022, 12, 20));
        assertThat(stored.retention()).isEqualTo(Retention.SHORT);
    }

    @Test
    void aDayThatIsNoDateIsRefusedBeforeAskingTheService() {
        LeadEditorViewModel editor = resolvedLead();
        editor.caseFile().filedOnProperty().set("明天");
        editor.caseFile().record();

        assertThat(editor.caseFile().error(Field.DATE).get()).isNotEmpty();
        java.util.Optional<CaseFileInfo> stored = database.read(
                tx -> tx.caseFiles().caseFileInfo(editor.leadIdProperty().get()));
        assertThat(stored).isEmpty();
    }
}
