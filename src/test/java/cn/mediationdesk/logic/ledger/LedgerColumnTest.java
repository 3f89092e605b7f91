package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem.Field;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerColumnTest {

    @Test
    void hasTheTwentyColumnsOfTheContractInItsOrderThenTheRefusalColumnsAnExportNeeds() {
        assertThat(Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header)).containsExactly(
                "线索编号", "发现日期", "线索来源", "社区", "网格", "调委会", "纠纷类型", "简要情况", "当事人", "涉及人数",
                "涉及金额", "风险等级", "核实日期", "核实结果", "受理日期", "调解结果", "办结日期", "协议形式",
                "重复线索编号", "移交单位", "拒绝调解日期", "拒绝调解方");
        assertThat(Arrays.stream(LedgerColumn.values()).map(LedgerColumn::alias)).containsExactly(
                "lead_no", "found_on", "source", "community", "grid", "committee", "dispute_type", "summary",
                "parties", "people", "amount", "risk", "verified_on", "verification", "accepted_on", "outcome",
                "closed_on", "agreement_form", "duplicate_of", "transferred_to", "declined_on", "declined_by");
    }

    @Test
    void requiresExactlyTheSixColumnsTheContractRequires() {
        assertThat(Arrays.stream(LedgerColumn.values()).filter(LedgerColumn::required)).containsExactly(
                LedgerColumn.FOUND_ON, LedgerColumn.SOURCE, LedgerColumn.COMMUNITY, LedgerColumn.COMMITTEE,
                LedgerColumn.DISPUTE_TYPE, LedgerColumn.SUMMARY);
    }

    @Test
    void findsAColumnByChineseHeaderOrAliasInAnyCaseIgnoringBlanks() {
        assertThat(LedgerColumn.byHeader("发现日期")).contains(LedgerColumn.FOUND_ON);
        assertThat(LedgerColumn.byHeader(" found_on ")).contains(LedgerColumn.FOUND_ON);
        assertThat(LedgerColumn.byHeader("Found_On")).contains(LedgerColumn.FOUND_ON);
        assertThat(LedgerColumn.byHeader("备注")).isEmpty();
    }

    @Test
    void eachColumnFillsItsOwnField() {
        assertThat(Arrays.stream(LedgerColumn.values()).map(LedgerColumn::field).distinct()).hasSize(22);
        assertThat(LedgerColumn.of(Field.CLOSED_ON)).contains(LedgerColumn.CLOSED_ON);
        assertThat(LedgerColumn.of(Field.DUE_ON)).isEmpty();
    }
}
