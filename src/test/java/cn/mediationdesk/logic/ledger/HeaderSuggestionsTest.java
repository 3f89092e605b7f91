package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Proposals for an office's own headers and values. */
class HeaderSuggestionsTest {
    private static final List<String> OFFICE = List.of("序号", "受理时间", "所属社区", "调委会", "纠纷类别", "事件简述",
            "当事人", "调解协议金（元）", "调解结果", "办结时间");

    @Test
    void proposesOurColumnsForAnOfficesHeadersAndLeavesTheUnknownOnes() {
        ColumnMapping proposal = HeaderSuggestions.propose(OFFICE);

        assertThat(proposal.columns()).containsExactly(
                Map.entry("受理时间", List.of(LedgerColumn.ACCEPTED_ON, LedgerColumn.FOUND_ON, LedgerColumn.VERIFIED_ON)),
                Map.entry("所属社区", List.of(LedgerColumn.COMMUNITY)),
                Map.entry("调委会", List.of(LedgerColumn.COMMITTEE)),
                Map.entry("纠纷类别", List.of(LedgerColumn.DISPUTE_TYPE)),
                Map.entry("事件简述", List.of(LedgerColumn.SUMMARY)),
                Map.entry("当事人", List.of(LedgerColumn.PARTIES)),
                Map.entry("调解协议金（元）", List.of(LedgerColumn.AMOUNT)),
                Map.entry("调解结果", List.of(LedgerColumn.OUTCOME)),
                Map.entry("办结时间", List.of(LedgerColumn.CLOSED_ON)));
        // Their cases were all accepted, so verified as genuine first.
        assertThat(proposal.fixedValues()).containsExactly(Map.entry(LedgerColumn.VERIFICATION, "GENUINE"));
    }

    @Test
    void aSecondHeaderForTheSameColumnIsLeftToTheUser() {
        ColumnMapping proposal = HeaderSuggestions.propose(List.of("申请人", "被申请人", "发现时间", "登记日期", "核实结果"));

        assertThat(proposal.columns()).containsExactly(
                Map.entry("申请人", List.of(LedgerColumn.PARTIES)),
                Map.entry("发现时间", List.of(LedgerColumn.FOUND_ON)),
                Map.entry("登记日期", List.of(LedgerColumn.ACCEPTED_ON)),
                Map.entry("核实结果", List.of(LedgerColumn.VERIFICATION)));
        assertThat(proposal.fixedValues()).isEmpty();
    }

    @Test
    void ourOwnHeadersAndAliasesAreRecognizedAsAlways() {
        assertThat(HeaderSuggestions.column("发现日期")).contains(LedgerColumn.FOUND_ON);
        assertThat(HeaderSuggestions.column("Closed_On")).contains(LedgerColumn.CLOSED_ON);
        assertThat(HeaderSuggestions.column(" 线索 来源 ")).contains(LedgerColumn.SOURCE);
        assertThat(HeaderSuggestions.column("备注")).isEmpty();
        assertThat(HeaderSuggestions.column("序号")).isEmpty();
    }

    @Test
    void proposesOurCodesForTheirValues() {
        List<DictionaryEntry> outcomes = List.of(entry(DictionaryKind.OUTCOME, "RESOLVED", "调解成功", "Resolved"),
                entry(DictionaryKind.OUTCOME, "FAILED", "调解不成", "Failed"),
                entry(DictionaryKind.OUTCOME, "TERMINATED", "终止调解", "Terminated"));
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "已化解", outcomes)).contains("RESOLVED");
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "调解成功", outcomes)).contains("RESOLVED");
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "未化解", outcomes)).contains("FAILED");
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "失败", outcomes)).contains("FAILED");
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "终止", outcomes)).contains("TERMINATED");
        assertThat(HeaderSuggestions.value(LedgerColumn.OUTCOME, "调解中", outcomes)).isEmpty();
        assertThat(HeaderSuggestions.value(LedgerColumn.VERIFICATION, "属实", List.of())).contains("GENUINE");

        List<DictionaryEntry> types = List.of(entry(DictionaryKind.DISPUTE_TYPE, "NEIGHBOR", "邻里", "Neighbours"),
                entry(DictionaryKind.DISPUTE_TYPE, "MARRIAGE_FAMILY", "婚姻家庭", "Marriage and family"),
                entry(DictionaryKind.DISPUTE_TYPE, "OTHER", "其他", "Other"));
        assertThat(HeaderSuggestions.value(LedgerColumn.DISPUTE_TYPE, "邻里纠纷", types)).contains("NEIGHBOR");
        assertThat(HeaderSuggestions.value(LedgerColumn.DISPUTE_TYPE, "婚姻家庭纠纷", types)).contains("MARRIAGE_FAMILY");
        assertThat(HeaderSuggestions.value(LedgerColumn.DISPUTE_TYPE, "土地", types)).isEmpty();
    }

    private static DictionaryEntry entry(DictionaryKind kind, String code, String zh, String en) {
        return new DictionaryEntry(kind, code, zh, en, null, 1, true);
    }
}
