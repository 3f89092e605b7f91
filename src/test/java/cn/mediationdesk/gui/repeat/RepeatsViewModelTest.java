package cn.mediationdesk.gui.repeat;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.RiskLevel;
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

/** 矛盾反复: the people and addresses with the most leads of a period, and the leads of the one chosen. */
class RepeatsViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final String ID = "11010519491231001" + PartyRules.checkCharacter("11010519491231001");

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

    private Lead register(String foundOn, PartyInput party) {
        Committee district = database.read(tx -> tx.organization().committees().getFirst());
        long community = database.read(tx -> tx.organization().communities().getFirst().id());
        return new LifecycleService(database, clock, User.setup()).register(new NewLead(district.id(), community, null,
                null, LocalDate.parse(foundOn), "WALK_IN", "NEIGHBOR", "院墙滴水纠纷", null, null, RiskLevel.BLUE,
                false, false, List.of(party)));
    }

    private RepeatsViewModel viewModel() {
        return new RepeatsViewModel(new RepeatService(database, clock, User.setup()), CHINESE, clock,
                new CurrentThreadTaskExecutor(), new LeadOpener() {
                    @Override
                    public void open(UUID leadId) {
                        opened.add(leadId);
                    }

                    @Override
                    public void openNew() {
                        throw new AssertionError("the screen opens existing leads only");
                    }
                });
    }

    @Test
    void listsThePersonAndTheAddressOfSeveralLeadsWithTheirLeadsAndOpensOne() {
        Lead first = register("2022-05-01", new PartyInput("张某", null, ID, null, "幸福路3号", PartyRole.APPLICANT));
        Lead second = register("2022-09-01", new PartyInput("张某", null, ID, null, "幸福路3号", PartyRole.APPLICANT));
        register("2022-10-01", new PartyInput("王某", null, null, null, "幸福路3号", PartyRole.APPLICANT));
        RepeatsViewModel viewModel = viewModel();
        assertThat(viewModel.fromProperty().get()).isEqualTo(LocalDate.of(2022, 1, 1));

        viewModel.load();

        assertThat(viewModel.people()).singleElement().satisfies(row -> {
            assertThat(row.who()).isEqualTo("张某（110105********001" + ID.charAt(17) + "）");
            assertThat(row.leads()).isEqualTo("2");
        });
        assertThat(viewModel.addresses()).singleElement().satisfies(row -> {
            assertThat(row.address()).isEqualTo("幸福路3号");
            assertThat(row.leads()).isEqualTo("3");
        });
        assertThat(viewModel.statusProperty().get()).isEqualTo("1 名当事人、1 个住址在两条以上线索中出现");

        viewModel.choose(viewModel.people().getFirst());

        assertThat(viewModel.leads()).extracting(RepeatsViewModel.LeadRow::leadId)
                .containsExactly(second.id(), first.id());
        assertThat(viewModel.chosenProperty().get()).contains("（2 条）");
        viewModel.open(viewModel.leads().getFirst());
        assertThat(opened).containsExactly(second.id());
    }

    @Test
    void aPeriodWithoutRepeatsSaysSo() {
        RepeatsViewModel viewModel = viewModel();
        viewModel.choosePeriod(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

        viewModel.load();

        assertThat(viewModel.people()).isEmpty();
        assertThat(viewModel.addresses()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("期间内没有在两条以上线索中出现的当事人或住址");
    }
}
