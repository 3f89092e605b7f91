package cn.mediationdesk.logic.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A county-sized ledger goes in whole, as one transaction. Its speed is measured by the benchmarks, not here. */
class LedgerImportTenThousandRowsTest {
    private static final int ROWS = 10_000;
    private static final String[] COMMUNITIES = {"南池村", "东岳社区", "西坪社区", "北山村", "金宝社区", "河湾村", "新桥社区", "柳林村"};
    private static final String[] SOURCES = {"主动排查", "网格员上报", "当事人申请", "群众来访", "公安移交", "法院委托"};
    private static final String[] TYPES = {"邻里", "婚姻家庭", "合同", "物业", "劳动争议", "道路交通事故", "医疗"};

    @TempDir
    Path dir;

    @Test
    void importsTenThousandRowsAsOneTransaction() throws IOException {
        Path file = dir.resolve("county.csv");
        writeLedger(file);
        try (LedgerTestDatabase db = LedgerTestDatabase.create(dir)) {
            ImportReport report = db.importFile(file, true);

            assertThat(report.added()).isEqualTo(ROWS);
            assertThat(db.leadCount()).isEqualTo(ROWS);
        }
    }

    /** Every eighth lead pending, the rest verified in turn as genuine (mediating or closed), unfounded or transferred. */
    private static void writeLedger(Path file) throws IOException {
        LocalDate start = LocalDate.of(2021, 1, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,涉及人数,涉及金额,风险等级,"
                    + "核实日期,核实结果,受理日期,调解结果,办结日期,协议形式\n");
            for (int i = 0; i < ROWS; i++) {
                String community = COMMUNITIES[i % COMMUNITIES.length];
                LocalDate found = start.plusDays(i % 1200);
                String verification = switch (i % 8) {
                    case 0 -> ",";
                    case 1 -> found.plusDays(2) + ",不属实";
                    case 2 -> found.plusDays(2) + ",移交";
                    default -> found.plusDays(1) + ",属实";
                };
                String closing = switch (i % 8) {
                    case 3, 4 -> ",调解成功," + found.plusDays(12) + ",口头";
                    case 5 -> ",调解不成," + found.plusDays(20) + ",";
                    case 6 -> ",终止," + found.plusDays(9) + ",";
                    default -> ",,,";
                };
                out.write(String.join(",", "C-" + i, found.toString(), SOURCES[i % SOURCES.length], community,
                        "第" + (i % 6 + 1) + "网格", community + "人民调解委员会", TYPES[i % TYPES.length],
                        "\"第 " + i + " 条线索：\n双方因琐事发生争执\"", "张某" + i + "(申请人);李某(被申请人)",
                        String.valueOf(i % 5 + 1), (i % 3 == 0 ? "" : (i * 7 % 100000) + ".5"), "蓝",
                        verification, "") + closing + "\n");
            }
        }
    }
}
