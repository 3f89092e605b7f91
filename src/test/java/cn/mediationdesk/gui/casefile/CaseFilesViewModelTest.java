package cn.mediationdesk.gui.casefile;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.casefile.CaseFileService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 卷宗检查: the incomplete files of the cases closed in a period, each opening its lead. */
class CaseFilesViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;
    Database database;
    final Clock clock = GuiTestData.clockOn(LocalDate.of(2022, 12, 31));
    final List<UUID> opened = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private CaseFilesViewModel viewModel() {
        return new CaseFilesViewModel(new CaseFileService(database, clock, User.setup()), CHINESE, clock,
                new CurrentThreadTaskExecutor(), new LeadOpener() {
                    @Override
                    public void open(UUID leadId) {
                        opened.add(leadId);
                    }

                    @Override
                    public void openNew() {
                        throw new AssertionError("the list opens existing leads only");
                    }
                });
    }

    @Test
    void listsTheYearsClosedCasesWithWhatTheirFilesLackAndOpensOne() {
        CaseFilesViewModel viewModel = viewModel();
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2022, 1, 1));
        viewModel.load();

        // the test jurisdiction closed three cases in 2022 (and one in 2021, outside the period)
        assertThat(viewModel.rows()).extracting(CaseFilesViewModel.Row::closedOn)
                .containsExactly("2022-03-09", "2022-07-20", "2022-09-10");
        assertThat(viewModel.rows()).extracting(CaseFilesViewModel.Row::outcome)
                .containsExactly("调解成功", "调解不成", "终止调解");
        assertThat(viewModel.rows().get(1).lacks()).contains("封面未填写完整", "调解不成，未记录告知当事人其他救济途径",
                "没有结案报告");
        assertThat(viewModel.rows().getFirst().lacks()).contains("调解成功的案件没有回访记录")
                .doesNotContain("调解不成");
        assertThat(viewModel.statusProperty().get()).isEqualTo("共 3 件卷宗不齐全");

        viewModel.open(viewModel.rows().get(2));
        assertThat(opened).containsExactly(viewModel.rows().get(2).leadId());
    }

    @Test
    void aPeriodBackwardsOrWithoutADayListsNothingAndSaysWhy() {
        CaseFilesViewModel viewModel = viewModel();
        viewModel.fromProperty().set(LocalDate.of(2022, 12, 1));
        viewModel.toProperty().set(LocalDate.of(2022, 1, 1));
        viewModel.load();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("期间的结束日期早于开始日期");

        viewModel.toProperty().set(null);
        viewModel.load();
        assertThat(viewModel.statusProperty().get()).isEqualTo("请选择结案日期的期间");

        viewModel.fromProperty().set(LocalDate.of(2022, 10, 1));
        viewModel.toProperty().set(LocalDate.of(2022, 12, 31));
        viewModel.load();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("这一期间办结的案件卷宗都已齐全");
    }
}
