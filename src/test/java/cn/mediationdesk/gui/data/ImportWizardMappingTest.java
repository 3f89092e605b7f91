package cn.mediationdesk.gui.data;

import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.OurColumn;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.TheirColumn;
import cn.mediationdesk.gui.data.ColumnMappingViewModel.TheirValue;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.ColumnMapping;
import cn.mediationdesk.logic.ledger.ImportProfileService;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.PasswordHasher;
import cn.mediationdesk.logic.security.UserService;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's mapping step for an office's own ledger, without a screen, on a real H2 database. */
class ImportWizardMappingTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2024, 6, 30));

    @TempDir
    Path dir;
    private Database database;
    private long committeeId;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseLocation.parse(dir.resolve("db").toString()), true);
        committeeId = database.write(tx -> {
            tx.organization().insertJurisdiction("示例新区", CLOCK.instant());
            Community nanchi = OrganizationService.createCommunity(tx, "南池村");
            return OrganizationService.createCommittee(tx, "南池村人民调解委员会", null, CommitteeKind.COMMUNITY,
                    nanchi.id()).id();
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ImportWizardViewModel wizard(User actor) {
        return new ImportWizardViewModel(database, CHINESE, CLOCK, new CurrentThreadTaskExecutor(),
                new RecordingDialogService(), actor, () -> { });
    }

    private static Path fixture(String name) {
        try {
            return Path.of(ImportWizardMappingTest.class.getResource("/ledger/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private long leads() {
        return database.read(tx -> tx.leads().count());
    }

    private static TheirColumn their(ColumnMappingViewModel mapping, String header) {
        return mapping.theirColumns().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
    }

    private static OurColumn our(ColumnMappingViewModel mapping, LedgerColumn column) {
        return mapping.ourColumns().stream().filter(c -> c.column() == column).findFirst().orElseThrow();
    }

    private static TheirValue value(ColumnMappingViewModel mapping, String word) {
        return mapping.values().stream().filter(v -> v.value().equals(word)).findFirst().orElseThrow();
    }

    @Test
    void anOfficeLedgerGoesThroughTheMappingStepWithProposalsAndImports() {
        ImportWizardViewModel wizard = wizard(User.setup());
        wizard.fileTextProperty().set(fixture("office_ledger_2022_03.csv").toString());

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.MAP_COLUMNS);
        ColumnMappingViewModel mapping = wizard.mapping();
        assertThat(their(mapping, "序号").columnProperty().get()).isNull();
        assertThat(their(mapping, "受理时间").columnProperty().get()).isEqualTo(LedgerColumn.ACCEPTED_ON);
        assertThat(their(mapping, "受理时间").samples()).isEqualTo("2022.3.5、2022.3.7、2022.3.10");
        assertThat(their(mapping, "纠纷类别").columnProperty().get()).isEqualTo(LedgerColumn.DISPUTE_TYPE);
        assertThat(our(mapping, LedgerColumn.FOUND_ON).sameAsProperty().get()).isEqualTo("受理时间");
        assertThat(our(mapping, LedgerColumn.VERIFICATION).fixedValueProperty().get()).isEqualTo("属实");
        // Our own words (终止) need no mapping; theirs are proposed.
        assertThat(mapping.values()).extracting(TheirValue::value)
                .containsExactly("邻里纠纷", "婚姻家庭纠纷", "物业纠纷", "合同纠纷", "损害赔偿纠纷", "已化解", "未化解");
        assertThat(value(mapping, "已化解").oursProperty().get()).isEqualTo("RESOLVED");
        assertThat(value(mapping, "邻里纠纷").oursProperty().get()).isEqualTo("NEIGHBOR");
        assertThat(mapping.missingProperty().get()).isEqualTo("还缺少必填列：线索来源。请在下面选择对应的列或填写固定值。");

        our(mapping, LedgerColumn.SOURCE).fixedValueProperty().set("当事人申请");
        assertThat(mapping.missingProperty().get()).isEmpty();
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.PREVIEW);
        assertThat(wizard.missingColumnsProperty().get()).isEmpty();
        assertThat(wizard.unknownColumnsProperty().get()).contains("序号");
        wizard.next();
        assertThat(wizard.checkPassedProperty().get()).as(wizard.problemsText()).isTrue();
        wizard.next();
        assertThat(wizard.importedProperty().get().added()).isEqualTo(7);
        assertThat(leads()).isEqualTo(7);
    }

    @Test
    void aWordLeftAsWrittenIsAProblemNamingTheirColumnAndGoingBackKeepsTheMapping() {
        ImportWizardViewModel wizard = wizard(User.setup());
        wizard.fileTextProperty().set(fixture("office_ledger_2022_03.csv").toString());
        wizard.next();
        ColumnMappingViewModel mapping = wizard.mapping();
        our(mapping, LedgerColumn.SOURCE).fixedValueProperty().set("当事人申请");
        value(mapping, "未化解").oursProperty().set(null);

        wizard.next();
        wizard.next();

        assertThat(wizard.checkPassedProperty().get()).isFalse();
        assertThat(wizard.problems()).extracting(ProblemRow::column).containsOnly("调解结果");
        assertThat(leads()).isZero();
        wizard.back();
        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.MAP_COLUMNS);
        value(mapping, "未化解").oursProperty().set("FAILED");
        wizard.next();
        wizard.next();
        assertThat(wizard.checkPassedProperty().get()).as(wizard.problemsText()).isTrue();
    }

    @Test
    void switchingAColumnAwayAndBackKeepsItsChosenValues() {
        ImportWizardViewModel wizard = wizard(User.setup());
        wizard.fileTextProperty().set(fixture("office_ledger_2022_03.csv").toString());
        wizard.next();
        ColumnMappingViewModel mapping = wizard.mapping();
        value(mapping, "已化解").oursProperty().set("TERMINATED");

        their(mapping, "调解结果").columnProperty().set(null);
        assertThat(mapping.values()).extracting(TheirValue::value).doesNotContain("已化解");
        their(mapping, "调解结果").columnProperty().set(LedgerColumn.OUTCOME);

        assertThat(value(mapping, "已化解").oursProperty().get()).isEqualTo("TERMINATED");
    }

    @Test
    void aMappingSavedAsAProfileIsAppliedToNextMonthsFile() {
        ImportWizardViewModel march = wizard(User.setup());
        march.fileTextProperty().set(fixture("office_ledger_2022_03.csv").toString());
        march.next();
        our(march.mapping(), LedgerColumn.SOURCE).fixedValueProperty().set("当事人申请");
        march.profileNameProperty().set("南池村月报");
        march.saveProfile();
        assertThat(march.profileMessageProperty().get()).isEqualTo("已保存为方案“南池村月报”。");
        assertThat(march.profileNames()).containsExactly("南池村月报");
        ColumnMapping saved = new ImportProfileService(database, CLOCK).find(User.setup(), "南池村月报").orElseThrow();
        assertThat(saved.fixedValues()).containsEntry(LedgerColumn.SOURCE, "当事人申请");

        ImportWizardViewModel april = wizard(User.setup());
        april.fileTextProperty().set(fixture("office_ledger_2022_04.csv").toString());
        april.next();
        assertThat(april.profileNames()).containsExactly("南池村月报");
        april.applyProfile("南池村月报");

        assertThat(april.mapping().mapping().fixedValues()).containsEntry(LedgerColumn.SOURCE, "当事人申请");
        april.next();
        april.next();
        assertThat(april.checkPassedProperty().get()).as(april.problemsText()).isTrue();
        april.next();
        assertThat(april.importedProperty().get().added()).isEqualTo(4);
    }

    @Test
    void aFileInOurFormatSkipsTheMappingStep() {
        ImportWizardViewModel wizard = wizard(User.setup());
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.PREVIEW);
        assertThat(wizard.mapping().theirColumns()).isEmpty();
        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
    }

    @Test
    void aDirectorMapsAndImportsButIsOfferedNoProfiles() {
        UserService users = new UserService(database, CLOCK, new PasswordHasher(4));
        User admin = users.createFirstAdmin("admin", "管理员", "admin-2024");
        User director = users.addUser(admin, "director", "主任", "director-1", Role.DIRECTOR, committeeId);
        ImportWizardViewModel wizard = wizard(director);
        wizard.fileTextProperty().set(fixture("office_ledger_2022_03.csv").toString());

        wizard.next();
        wizard.profileNameProperty().set("月报");
        wizard.saveProfile();

        assertThat(wizard.mayUseProfiles()).isFalse();
        assertThat(wizard.profileNames()).isEmpty();
        assertThat(new ImportProfileService(database, CLOCK).names(admin)).isEmpty();
        our(wizard.mapping(), LedgerColumn.SOURCE).fixedValueProperty().set("当事人申请");
        wizard.next();
        wizard.next();
        assertThat(wizard.checkPassedProperty().get()).as(wizard.problemsText()).isTrue();
    }

    @Test
    void writesTheTemplateOffTheScreensThread() throws Exception {
        ImportWizardViewModel wizard = wizard(User.setup());
        Path xlsx = dir.resolve("台账模板.xlsx");

        wizard.writeTemplate(xlsx);

        assertThat(wizard.templateMessageProperty().get()).isEqualTo("模板已保存到 " + xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("台账");
        }
        wizard.writeTemplate(dir.resolve("missing-folder").resolve("t.csv"));
        assertThat(wizard.templateMessageProperty().get()).isNotEqualTo("模板已保存到 " + xlsx).isNotEmpty();
    }
}
