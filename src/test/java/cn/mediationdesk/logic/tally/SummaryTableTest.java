package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.l10n.Localization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTableTest {
    @Test
    void chineseTableHasATitleHeadersAlignedColumnsAndTheTotal() {
        String table = SummaryTable.format(SummaryFormatsTestData.year2022(), new Localization(Localization.CHINESE));
        List<String> lines = table.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("按社区汇总：发现日期 2022-01-01 至 2022-12-31，统计截至 2022-12-31");
        assertThat(lines.get(1)).startsWith("编码   名称").contains("线索", "待处理", "调解成功率");
        assertThat(lines.get(3)).startsWith("SQ001  东山社区").endsWith("74.5%");
        assertThat(lines.get(4)).startsWith("SQ002  西岭村").endsWith("-");
        assertThat(lines.getLast()).contains("合计").endsWith("74.0%");
        int width = DisplayWidth.of(lines.get(1));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(width));
    }

    @Test
    void englishTableUsesEnglishHeadersAndNames() {
        String table = SummaryTable.format(SummaryFormatsTestData.result(null, null), new Localization(Localization.ENGLISH));
        assertThat(table).startsWith("Summary by community: found from any to any, as of 2022-12-31\n")
                .contains("code", "resolution rate", "Dongshan", "Total").doesNotContain("东山");
    }
}
