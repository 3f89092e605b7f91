package cn.mediationdesk.logic.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The text form of a column mapping: what {@code import --map} takes and a profile stores. */
class ColumnMappingTest {
    @Test
    void readsColumnsValuesAndFixedValuesAsTheDesignWritesThem() {
        ColumnMapping mapping = ColumnMapping.parse(
                "受理时间=accepted_on, 受理时间=found_on,事件简述=简要情况,调解结果=outcome,调解结果:已化解=RESOLVED,"
                        + "调解结果:未化解=调解不成,*source=当事人申请");

        assertThat(mapping.columns()).containsExactly(
                Map.entry("受理时间", List.of(LedgerColumn.ACCEPTED_ON, LedgerColumn.FOUND_ON)),
                Map.entry("事件简述", List.of(LedgerColumn.SUMMARY)),
                Map.entry("调解结果", List.of(LedgerColumn.OUTCOME)));
        assertThat(mapping.valueMaps()).containsExactly(
                Map.entry("调解结果", Map.of("已化解", "RESOLVED", "未化解", "调解不成")));
        assertThat(mapping.fixedValues()).containsExactly(Map.entry(LedgerColumn.SOURCE, "当事人申请"));
        assertThat(mapping.value("调解结果", " 已化解 ")).isEqualTo("RESOLVED");
        assertThat(mapping.value("调解结果", "调解中")).isEqualTo("调解中");
    }

    @Test
    void quotedPartsMayHoldCommasEqualsColonsAndQuotes() {
        ColumnMapping mapping = ColumnMapping.parse("\"金额:元,约\"=amount,\"结果 \"\"最终\"\"\":\"a=b\"=FAILED");

        assertThat(mapping.columnsOf("金额:元,约")).containsExactly(LedgerColumn.AMOUNT);
        assertThat(mapping.valueMaps().get("结果 \"最终\"")).containsExactly(Map.entry("a=b", "FAILED"));
    }

    @Test
    void itsOwnTextFormReadsBackTheSame() {
        ColumnMapping mapping = ColumnMapping.parse("受理时间=accepted_on,受理时间=found_on,\"a,b\"=summary,"
                + "纠纷类别:邻里纠纷=邻里,\"x:y\":\"*1\"=\"q\"\"\",*committee=南池村人民调解委员会,*verification=属实");

        assertThat(mapping.format()).contains("受理时间=accepted_on\n受理时间=found_on\n\"a,b\"=summary");
        assertThat(ColumnMapping.parse(mapping.format())).isEqualTo(mapping);
    }

    @ParameterizedTest
    @ValueSource(strings = {"受理时间", "受理时间=", "=found_on", "a=b=c", "a:b", "a:b=", "*=x", "*source=",
            "a\"b\"=summary", "\"a\"b=summary", "*a:b=c"})
    void anEntryThatDoesNotReadIsNamed(String entry) {
        MappingSyntaxException e = catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("事件简述=summary," + entry + ",调解结果=outcome"));

        assertThat(e.problem().key()).isEqualTo("ledger.mapping.badEntry");
        assertThat(e.problem().args()).containsExactly(entry.strip());
    }

    @Test
    void anUnknownColumnOfOursIsNamedWithTheValidOnes() {
        MappingSyntaxException e = catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("受理时间=accepted,事件简述=summary"));

        assertThat(e.problem().key()).isEqualTo("ledger.mapping.unknownColumn");
        assertThat(e.problem().args().subList(0, 2)).containsExactly("受理时间=accepted", "accepted");
        assertThat((String) e.problem().args().get(2)).startsWith("lead_no, found_on, source").contains("accepted_on");
    }

    @Test
    void anUnclosedQuoteARepeatedEntryAndAnEmptyMappingAreRefused() {
        assertThat(catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("\"受理时间=accepted_on,a=b")).problem().key())
                .isEqualTo("ledger.mapping.unclosedQuote");
        assertThat(catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("a=summary,a=summary")).problem().key()).isEqualTo("ledger.mapping.twice");
        assertThat(catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("*source=a,*source=b")).problem().key()).isEqualTo("ledger.mapping.twice");
        assertThat(catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse("r:x=A,r:x=B")).problem().key()).isEqualTo("ledger.mapping.twice");
        assertThat(catchThrowableOfType(MappingSyntaxException.class,
                () -> ColumnMapping.parse(" , \n")).problem().key()).isEqualTo("ledger.mapping.empty");
    }
}
