package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RowProblemTest {
    private static final Localization ZH = new Localization(Localization.CHINESE);
    private static final Localization EN = new Localization(Localization.ENGLISH);

    @Test
    void aCellProblemNamesItsRowAndTheColumnAsTheFileNamedIt() {
        RowProblem problem = new RowProblem(10000, "found_on", Problem.of(Field.FOUND_ON, "ledger.date.invalid", "2022-02-30"));

        assertThat(problem.describe(EN)).isEqualTo("row 10000, column found_on: \"2022-02-30\" is not a valid date "
                + "(write 2022-03-05, 2022/3/5, 2022.3.5 or 2022年3月5日)");
        assertThat(problem.describe(ZH)).isEqualTo("第 10000 行，“found_on”列：“2022-02-30”不是有效日期"
                + "（可写作 2022-03-05、2022/3/5、2022.3.5 或 2022年3月5日）");
    }

    @Test
    void aRuleProblemSpeaksOfTheFieldsItCompares() {
        RowProblem problem = new RowProblem(5, "核实日期", Problem.of(Field.VERIFIED_ON, "rule.date.beforeEarlier",
                LocalDate.of(2023, 3, 1), Field.FOUND_ON, LocalDate.of(2023, 3, 10)));

        assertThat(problem.describe(ZH)).isEqualTo("第 5 行，“核实日期”列：日期 2023-03-01 早于发现日期（2023-03-10）");
        assertThat(problem.describe(EN)).isEqualTo("row 5, column 核实日期: the date 2023-03-01 is before Found on (2023-03-10)");
    }

    @Test
    void aProblemOfTheWholeRowOrFileNamesNoColumn() {
        RowProblem header = new RowProblem(1, null, Problem.of(Field.COLUMN, "ledger.header.missing", "发现日期", "found_on"));
        RowProblem file = RowProblem.ofFile(Problem.of(Field.FILE, "ledger.file.empty"));

        assertThat(header.describe(ZH)).isEqualTo("第 1 行：缺少必填列“发现日期”（或 found_on）");
        assertThat(header.describe(EN)).isEqualTo("row 1: the required column \"发现日期\" (or found_on) is missing");
        assertThat(file.describe(ZH)).isEqualTo("文件是空的");
        assertThat(file.describe(EN)).isEqualTo("the file is empty");
    }

    @Test
    void aRejectionListsItsProblemsByRowAndNeedsOne() {
        Problem p = Problem.of(Field.SUMMARY, "rule.required");
        LedgerRejectedException rejected = new LedgerRejectedException(List.of(
                new RowProblem(7, "简要情况", p), new RowProblem(3, "简要情况", p), new RowProblem(3, "社区", p)));

        assertThat(rejected.problems()).extracting(RowProblem::row, RowProblem::column)
                .containsExactly(tuple(3, "简要情况"),
                        tuple(3, "社区"), tuple(7, "简要情况"));
        assertThatThrownBy(() -> new LedgerRejectedException(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
