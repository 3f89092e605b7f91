package cn.mediationdesk.logic.tally;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryCsvTest {
    @Test
    void writesTheContractHeaderOneLinePerGroupAndTheTotal() {
        String csv = SummaryCsv.format(SummaryFormatsTestData.year2022());
        assertThat(csv.lines().toList()).containsExactly(
                "code,name,leads,pending,unfounded,duplicate,transferred,declined,accepted,mediating,resolved,failed,terminated,overdue,resolution_rate",
                "SQ001,东山社区,55,2,3,1,1,2,47,5,35,4,3,2,74.5",
                "SQ002,西岭村,0,0,0,0,0,0,0,0,0,0,0,0,",
                "SQ003,\"Quote \"\"and\"\", comma\",3,0,0,0,0,0,3,0,2,1,0,0,66.7",
                "TOTAL,合计,58,2,3,1,1,2,50,5,37,5,3,2,74.0");
    }

    @Test
    void linesEndWithNewlineAndThereIsNoByteOrderMark() {
        String csv = SummaryCsv.format(SummaryFormatsTestData.year2022());
        assertThat(csv).startsWith("code,").endsWith("74.0\n").doesNotContain("\r");
    }

    @Test
    void theHeaderConstantIsTheFirstLine() {
        assertThat(SummaryCsv.format(SummaryFormatsTestData.year2022())).startsWith(SummaryCsv.HEADER + "\n");
    }
}
