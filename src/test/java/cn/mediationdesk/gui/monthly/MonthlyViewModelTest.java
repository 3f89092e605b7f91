package cn.mediationdesk.gui.monthly;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.monthly.MonthlyViewModel.CommitteeChoice;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.monthly.MonthlyReportService;
import cn.mediationdesk.logic.monthly.ScreeningService;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** 月报与排查 without a screen: the month just ended, the register's form, a zero report signed and exported. */
class MonthlyViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);

    @TempDir
    Path dir;
    Database database;
    final Clock clock = GuiTestData.clockOn(LocalDate.of(2022, 4, 10));
    final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void createDatabase() {
        database = GuiTestData.createDatabase(dir.resolve("db"));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private MonthlyViewModel viewModel() {
        MonthlyViewModel viewModel = new MonthlyViewModel(new ScreeningService(database, clock),
                new MonthlyReportService(database, clock), User.setup(), CHINESE, clock,
                new CurrentThreadTaskExecutor(), dialogs);
        viewModel.load();
        return viewModel;
    }

    @Test
    void opensOnTheMonthJustEndedWithEveryCommitteesStatus() {
        MonthlyViewModel viewModel = viewModel();

        assertThat(viewModel.monthProperty().get()).isEqualTo(YearMonth.of(2022, 3));
        assertThat(viewModel.monthTextProperty().get()).isEqualTo("2022年3月");
        assertThat(viewModel.committees()).extracting(CommitteeChoice::name, CommitteeChoice::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("金宝新区人民调解委员会", "已逾期（应于 2022年4月5日 前签发）"),
                org.assertj.core.groups.Tuple.tuple("金宝社区人民调解委员会", "已逾期（应于 2022年4月5日 前签发）"));
        assertThat(viewModel.committeeProperty().get().name()).isEqualTo("金宝新区人民调解委员会");
        assertThat(viewModel.reportTitleProperty().get()).isEqualTo("金宝新区人民调解委员会2022年3月矛盾纠纷排查化解月报");
        assertThat(viewModel.leads()).singleElement().satisfies(lead ->
                assertThat(lead.summary()).isEqualTo("邻居因排水沟堵塞发生争执"));
        assertThat(viewModel.zeroTextProperty().get()).isEmpty();
        assertThat(viewModel.figures()).contains(new MonthlyViewModel.FigureRow("线索", "1"),
                new MonthlyViewModel.FigureRow("重复", "1"), new MonthlyViewModel.FigureRow("调解成功", "1"));
        assertThat(viewModel.canSignProperty().get()).isTrue();
    }

    @Test
    void aRoundIsRecordedFromTheFormAndAFutureDayIsShownAtItsField() {
        MonthlyViewModel viewModel = viewModel();
        viewModel.screenedOnProperty().set(LocalDate.of(2022, 4, 11));
        viewModel.placeProperty().set("金宝花园");
        viewModel.screenedByProperty().set("张丽");
        viewModel.leadsFoundProperty().set("2");
        viewModel.save();

        assertThat(viewModel.error(Field.SCREENED_ON).get()).isEqualTo("排查日期不能晚于今天。");
        assertThat(viewModel.rounds()).isEmpty();

        viewModel.screenedOnProperty().set(LocalDate.of(2022, 3, 15));
        viewModel.save();

        assertThat(viewModel.error(Field.SCREENED_ON).get()).isEmpty();
        assertThat(viewModel.rounds()).singleElement().satisfies(row -> {
            assertThat(row.place()).isEqualTo("金宝花园");
            assertThat(row.leadsFound()).isEqualTo("2");
        });
        assertThat(viewModel.figures()).contains(new MonthlyViewModel.FigureRow("排查纠纷（次）", "1"),
                new MonthlyViewModel.FigureRow("排查发现线索（条）", "2"));
        assertThat(viewModel.placeProperty().get()).as("the form is empty again").isEmpty();
        assertThat(viewModel.messageProperty().get()).isEqualTo("已保存 2022年3月15日 的排查。");

        viewModel.edit(viewModel.rounds().getFirst());
        viewModel.leadsFoundProperty().set("两");
        viewModel.save();
        assertThat(viewModel.error(Field.LEADS_FOUND).get()).isNotEmpty();
    }

    @Test
    void aMonthWithoutLeadsIsSignedAsAZeroReportAndExported() throws Exception {
        MonthlyViewModel viewModel = viewModel();
        viewModel.chooseCommittee(viewModel.committees().get(1));
        assertThat(viewModel.zeroTextProperty().get()).isEqualTo("本月未发现矛盾纠纷，特此零报告。");
        assertThat(viewModel.leads()).isEmpty();

        dialogs.answering(0);
        viewModel.signNoteProperty().set("本月无纠纷");
        viewModel.sign();

        assertThat(viewModel.reportStatusProperty().get()).isEqualTo("已签发：setup，2022年4月10日 签发意见：本月无纠纷");
        assertThat(viewModel.canSignProperty().get()).isFalse();
        assertThat(viewModel.committees().get(1).status()).isEqualTo("已签发");
        assertThat(viewModel.committeeProperty().get().name()).isEqualTo("金宝社区人民调解委员会");

        Path file = dir.resolve("march.xlsx");
        dialogs.savingTo(file);
        viewModel.exportXlsx();
        assertThat(Files.size(file)).isPositive();
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::header).contains("月报已保存。");
    }
}
