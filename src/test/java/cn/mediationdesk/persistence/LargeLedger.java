package cn.mediationdesk.persistence;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a valid ledger (DESIGN §8) of any size for the file-size and crash tests: Chinese headers,
 * 8 communities with their committees (imported with {@code --create-missing}), every verification
 * result and outcome, parties, amounts and multi-line cells. The same seed gives the same file.
 * <p>
 * {@code main(FILE, ROWS[, SEED])} writes one from the command line, for measuring by hand.
 */
public final class LargeLedger {
    private static final String HEADER = "线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,涉及人数,涉及金额,"
            + "风险等级,核实日期,核实结果,受理日期,调解结果,办结日期,协议形式\n";
    private static final String[] COMMUNITIES = {"南池村", "东岳社区", "西坪社区", "北山村", "金宝社区", "河湾村", "新桥社区", "柳林村"};
    private static final String[] SOURCES = {"主动排查", "网格员上报", "当事人申请", "群众来访", "公安移交", "法院委托", "信访转办",
            "政府指派"};
    private static final String[] TYPES = {"邻里", "婚姻家庭", "合同", "物业", "劳动争议", "道路交通事故", "医疗", "损害赔偿",
            "房屋宅基地"};
    private static final String[] RISKS = {"蓝", "蓝", "蓝", "黄", "橙", "红"};
    private static final String[] SURNAMES = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    /** Leads are found over three years, so that every date stays before today. */
    private static final int DAYS = 3 * 365;

    private LargeLedger() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
    }

    /** Writes {@code rows} leads numbered {@code L-<seed>-1 …}, so that ledgers of different seeds add up. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 1; i <= rows; i++) {
                out.write(row(random, "L-" + seed + "-" + i));
            }
        }
    }

    private static String row(SplittableRandom random, String leadNo) {
        String community = COMMUNITIES[random.nextInt(COMMUNITIES.length)];
        LocalDate found = FIRST_DAY.plusDays(random.nextInt(DAYS));
        String first = SURNAMES[random.nextInt(SURNAMES.length)];
        String second = SURNAMES[random.nextInt(SURNAMES.length)];
        String summary = "\"" + first + "某与" + second + "某因" + TYPES[random.nextInt(TYPES.length)] + "问题发生争执，\n"
                + "经" + community + "网格员了解，双方多次协商未果（" + leadNo + "）\"";
        String parties = first + "某(申请人);" + second + "某某(被申请人)";
        String amount = random.nextInt(3) == 0 ? "" : random.nextInt(200_000) + "." + random.nextInt(10) + "0";
        LocalDate verified = found.plusDays(random.nextInt(5));
        // verified_on, verification, accepted_on, outcome, closed_on, agreement_form
        String lifecycle = switch (random.nextInt(10)) {
            case 0 -> ",,,,,";                                           // pending
            case 1 -> verified + ",不属实,,,,";
            case 2 -> verified + ",移交,,,,";
            case 3 -> verified + ",属实,,,,";                            // mediating
            case 4 -> verified + ",属实,," + "调解不成," + verified.plusDays(5 + random.nextInt(40)) + ",";
            case 5 -> verified + ",属实,," + "终止," + verified.plusDays(1 + random.nextInt(20)) + ",";
            case 6 -> verified + ",属实,," + "调解成功," + verified.plusDays(random.nextInt(30)) + ",口头";
            default -> verified + ",属实," + verified.plusDays(random.nextInt(3)) + ",调解成功,"
                    + verified.plusDays(3 + random.nextInt(40)) + ",书面";
        };
        return String.join(",", leadNo, found.toString(), SOURCES[random.nextInt(SOURCES.length)], community,
                "第" + (random.nextInt(6) + 1) + "网格", community + "人民调解委员会", TYPES[random.nextInt(TYPES.length)],
                summary, parties, String.valueOf(random.nextInt(8) + 1), amount, RISKS[random.nextInt(RISKS.length)],
                lifecycle) + "\n";
    }
}
