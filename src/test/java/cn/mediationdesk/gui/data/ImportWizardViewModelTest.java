package cn.mediationdesk.gui.data;

import cn.mediationdesk.model.User;
import cn.mediationdesk.gui.GuiTestData;
import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.DeferredTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.LedgerColumn;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.ledger.LedgerRejectedException;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The import wizard's steps without a screen, on the test ledgers and a real H2 database. */
class ImportWizardViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    /** After every date of the fixtures but bad_rows.csv's one deliberate future date (2025-01-01). */
    private static final Clock CLOCK = GuiTestData.clockOn(LocalDate.of(2024, 6, 30));

    @TempDir
    Path dir;
    private Database database;
    private Committee nanchiCommittee;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicInteger imports = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open(DatabaseLocation.parse(dir.resolve("db").toString()), true);
        nanchiCommittee = database.write(tx -> {
            tx.organization().insertJurisdiction("示例新区", CLOCK.instant());
            Community nanchi = OrganizationService.createCommunity(tx, "南池村");
            return OrganizationService.createCommittee(tx, "南池村人民调解委员会", null, CommitteeKind.COMMUNITY,
                    nanchi.id());
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ImportWizardViewModel wizard(TaskExecutor executor) {
        return new ImportWizardViewModel(database, CHINESE, CLOCK, executor, dialogs, User.setup(), imports::incrementAndGet);
    }

    private ImportWizardViewModel wizard() {
        return wizard(new CurrentThreadTaskExecutor());
    }

    private static Path fixture(String name) {
        try {
            return Path.of(ImportWizardViewModelTest.class.getResource("/ledger/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<Community> communities() {
        return database.read(tx -> tx.organization().communities());
    }

    private long leads() {
        return database.read(tx -> tx.leads().count());
    }

    @Test
    void previewsTheFirstRowsAsTheyWillBeReadAndNamesTheColumnsItRecognised() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("ledger_sample.xlsx").toString());

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.PREVIEW);
        assertThat(wizard.rowCountProperty().get()).isEqualTo(170);
        assertThat(wizard.previewRows()).hasSize(ImportWizardViewModel.PREVIEW_ROWS);
        // English aliases, shuffled, and one column that is no ledger column at all.
        assertThat(wizard.previewColumns()).filteredOn(PreviewColumn::recognised).extracting(PreviewColumn::column)
                .contains(LedgerColumn.FOUND_ON, LedgerColumn.COMMITTEE, LedgerColumn.SUMMARY);
        assertThat(wizard.previewColumns()).filteredOn(c -> c.column() == null).extracting(PreviewColumn::header)
                .containsExactly("备注");
        assertThat(wizard.unknownColumnsProperty().get()).isEqualTo("以下列无法识别，导入时将忽略：备注");
        assertThat(wizard.missingColumnsProperty().get()).isEmpty();
        // Excel date cells read as dates, the way the importer reads them.
        PreviewColumn foundOn = wizard.previewColumns().stream().filter(c -> c.column() == LedgerColumn.FOUND_ON)
                .findFirst().orElseThrow();
        assertThat(wizard.previewRows().getFirst().cell(foundOn.index())).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(wizard.previewRows().getFirst().number()).isEqualTo(2);
        assertThat(leads()).isZero();
    }

    @Test
    void listsEveryProblemWithItsRowAndColumnAsTheCommandLineDoesAndImportsNothing() {
        ImportWizardViewModel wizard = wizard();
        Path file = fixture("bad_rows.csv");
        wizard.fileTextProperty().set(file.toString());

        wizard.next();
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHECK);
        assertThat(wizard.checkPassedProperty().get()).isFalse();
        assertThat(wizard.canGoNextProperty().get()).isFalse();
        LedgerRejectedException engine = catchThrowableOfType(LedgerRejectedException.class, () ->
                new LedgerImporter(database, CLOCK, User.setup()).importLedger(file, new ImportOptions(true, false, null)));
        assertThat(wizard.problems()).extracting(ProblemRow::line)
                .containsExactlyElementsOf(engine.problems().stream().map(p -> p.describe(CHINESE)).toList());
        assertThat(wizard.problems()).allSatisfy(p -> assertThat(p.row()).isGreaterThan(1));
        assertThat(wizard.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("发现日期");
        });
        assertThat(wizard.checkHeadlineProperty().get()).isEqualTo("发现 " + engine.problems().size()
                + " 处问题，整个文件不会导入，也没有写入任何数据。");
        assertThat(wizard.problemsText()).contains("第 3 行，“发现日期”列：");

        wizard.next(); // no import without a passed check
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHECK);
        assertThat(leads()).isZero();
        assertThat(imports.get()).isZero();
    }

    @Test
    void checksWithoutWritingThenImportsOnConfirmationAndReportsTheCount() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());
        wizard.next();
        wizard.next();

        assertThat(wizard.checkPassedProperty().get()).isTrue();
        assertThat(wizard.checkHeadlineProperty().get()).isEqualTo("检查通过，没有发现问题。确认后将：");
        assertThat(wizard.checkSummary()).containsExactly("新增 4 条线索，更新 0 条线索", "新建网格 1 个");
        assertThat(wizard.nextLabel(wizard.stepProperty().get())).isEqualTo("确认导入");
        assertThat(leads()).isZero();

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.IMPORT);
        assertThat(wizard.importedProperty().get().added()).isEqualTo(4);
        assertThat(wizard.importHeadlineProperty().get()).isEqualTo("导入完成：4 条线索已写入台账");
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind, RecordingDialogService.Shown::header)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notice", "导入完成：4 条线索已写入台账"));
        assertThat(wizard.importReport()).contains("新增 4 条线索，更新 0 条线索");
        assertThat(leads()).isEqualTo(4);
        assertThat(imports.get()).isEqualTo(1);
        assertThat(wizard.canCancelProperty().get()).isFalse();

        wizard.startOver();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.fileTextProperty().get()).isEmpty();
    }

    @Test
    void createsMissingCommunitiesAndCommitteesOnlyWhenAsked() {
        Path file = dir.resolve("other.csv");
        writeLedger(file, "东岳社区", "东岳社区人民调解委员会");
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(file.toString());
        wizard.next();
        wizard.next();
        assertThat(wizard.problems()).extracting(ProblemRow::column).contains("社区", "调委会");

        wizard.back();
        wizard.back();
        wizard.createMissingProperty().set(true);
        wizard.next();
        wizard.next();

        assertThat(wizard.checkSummary()).contains("新建社区：东岳社区", "新建调委会：东岳社区人民调解委员会");
        assertThat(communities()).hasSize(1);
        wizard.next();
        assertThat(communities()).extracting(Community::name).containsExactly("南池村", "东岳社区");
        assertThat(leads()).isEqualTo(1);
    }

    @Test
    void offersToCreateTheMissingOrganizationRightFromTheProblems() {
        Path file = dir.resolve("other.csv");
        writeLedger(file, "东岳社区", "东岳社区人民调解委员会");
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(file.toString());
        wizard.next();
        wizard.next();
        assertThat(wizard.organizationMissingProperty().get()).isTrue();

        wizard.createMissingAndRecheck();

        assertThat(wizard.createMissingProperty().get()).isTrue();
        assertThat(wizard.checkPassedProperty().get()).isTrue();
        assertThat(wizard.organizationMissingProperty().get()).isFalse();
        assertThat(communities()).hasSize(1);
    }

    @Test
    void doesNotOfferToCreateOrganizationForOtherProblems() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("missing_required_header.csv").toString());
        wizard.next();
        wizard.next();

        assertThat(wizard.problems()).isNotEmpty();
        assertThat(wizard.organizationMissingProperty().get()).isFalse();
    }

    @Test
    void aFileThatHoldsNoLedgerStaysOnTheFirstStepWithTheReason() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("not_a_ledger.pdf").toString());
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.fileProblems()).containsExactly("这不是 CSV 或 XLSX 文件");

        wizard.fileTextProperty().set("\"" + dir.resolve("gone.csv") + "\"");
        assertThat(wizard.fileProblems()).isEmpty();
        wizard.next();
        assertThat(wizard.fileProblems()).containsExactly("找不到文件 " + dir.resolve("gone.csv"));
    }

    @Test
    void aWrongEncodingIsReportedWithWhereToChangeIt() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("ledger_sample_gbk.csv").toString());
        wizard.encodingProperty().set(ImportEncoding.UTF_8);

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.fileProblems()).last().isEqualTo("提示：可以在下面的“文件编码”中改选 UTF-8 或 GBK 后再试。");

        wizard.encodingProperty().set(ImportEncoding.AUTO);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.PREVIEW);
        assertThat(wizard.previewColumns()).allSatisfy(c -> assertThat(c.recognised()).isTrue());
    }

    @Test
    void cancellingARunningCheckDropsItsResultAndWritesNothing() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        ImportWizardViewModel wizard = wizard(executor);
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());
        wizard.next();
        executor.runNext();
        wizard.next();
        assertThat(wizard.busyProperty().get()).isTrue();
        assertThat(wizard.canCancelProperty().get()).isTrue();

        wizard.cancel();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.busyProperty().get()).isFalse();
        assertThat(wizard.fileTextProperty().get()).endsWith("ledger_small.csv");
        executor.runNext(); // the check finishes in the background, as it must: nobody interrupts it
        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.checkPassedProperty().get()).isFalse();
        assertThat(wizard.checkSummary()).isEmpty();
        assertThat(leads()).isZero();
    }

    @Test
    void onceConfirmedTheImportCannotBeCancelled() {
        DeferredTaskExecutor executor = new DeferredTaskExecutor();
        ImportWizardViewModel wizard = wizard(executor);
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());
        wizard.next();
        executor.runNext();
        wizard.next();
        executor.runNext();
        wizard.next();
        assertThat(wizard.importingProperty().get()).isTrue();
        assertThat(wizard.canCancelProperty().get()).isFalse();

        wizard.cancel();
        wizard.startOver();
        executor.runNext();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.IMPORT);
        assertThat(wizard.importedProperty().get().added()).isEqualTo(4);
        assertThat(leads()).isEqualTo(4);
    }

    @Test
    void goingBackKeepsTheFileAndOptions() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());
        wizard.encodingProperty().set(ImportEncoding.UTF_8);
        wizard.next();
        assertThat(wizard.canGoBackProperty().get()).isTrue();

        wizard.back();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHOOSE_FILE);
        assertThat(wizard.encodingProperty().get()).isEqualTo(ImportEncoding.UTF_8);
        assertThat(wizard.previewRows()).hasSize(4);
        assertThat(wizard.canGoBackProperty().get()).isFalse();
    }

    @Test
    void anImportRefusedBecauseTheDatabaseChangedAfterTheCheckShowsWhyAndWritesNothing() {
        ImportWizardViewModel wizard = wizard();
        wizard.fileTextProperty().set(fixture("ledger_small.csv").toString());
        wizard.next();
        wizard.next();
        assertThat(wizard.checkPassedProperty().get()).isTrue();
        // Someone renames the committee in the meantime: the ledger's name no longer finds it.
        database.write(tx -> OrganizationService.updateCommittee(tx, nanchiCommittee.id(), nanchiCommittee.code(),
                "南池村调委会", nanchiCommittee.shortName(), nanchiCommittee.kind(), nanchiCommittee.communityId()));

        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(ImportStep.CHECK);
        assertThat(wizard.checkPassedProperty().get()).isFalse();
        assertThat(wizard.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.column()).isEqualTo("调委会"));
        assertThat(wizard.checkHeadlineProperty().get()).startsWith("检查之后数据有了变化");
        assertThat(leads()).isZero();
        assertThat(imports.get()).isZero();
    }

    /** ledger_small.csv imported, then an older copy of it that would reopen S-3 and unverify S-4. */
    private Path backwardsLedger() throws java.io.IOException {
        new LedgerImporter(database, CLOCK, User.setup()).importLedger(fixture("ledger_small.csv"),
                new ImportOptions(false, false, null));
        String current = java.nio.file.Files.readString(fixture("ledger_small.csv"));
        Path file = dir.resolve("older.csv");
        java.nio.file.Files.writeString(file, current
                .replace("2023-01-09,属实,2023-01-10,调解成功,2023-02-01,口头", "2023-01-09,属实,2023-01-10,,,")
                .replace(",2023-01-12,不属实,", ",,,"));
        return file;
    }

    private ImportWizardViewModel checked(ImportWizardViewModel wizard, Path file) {
        wizard.fileTextProperty().set(file.toString());
        wizard.next();
        wizard.next();
        return wizard;
    }

    @Test
    void rowsThatChangeClosedCasesAreProblemsWithAnOfferToImportThemAsCorrections() throws java.io.IOException {
        ImportWizardViewModel wizard = checked(wizard(), backwardsLedger());
        String s3Before = database.read(tx -> tx.leads().findByLeadNo(nanchiCommittee.id(), "S-3")).orElseThrow().toString();

        assertThat(wizard.checkPassedProperty().get()).isFalse();
        assertThat(wizard.problems()).extracting(ProblemRow::row).containsExactly(4, 4, 5);
        assertThat(wizard.problems().getFirst().line()).startsWith("第 4 行，“调解结果”列：这个案件已于 2023-02-01 办结（调解成功）");
        assertThat(wizard.correctionsNeededProperty().get()).isTrue();
        assertThat(wizard.correctionRowsProperty().get()).isEqualTo(2);
        assertThat(wizard.mayCorrect()).isTrue();
        assertThat(wizard.organizationMissingProperty().get()).isFalse();

        dialogs.answering(1); // cancel: nothing changes
        wizard.applyCorrectionsAndRecheck();
        assertThat(wizard.allowCorrectionsProperty().get()).isFalse();
        assertThat(wizard.checkPassedProperty().get()).isFalse();

        dialogs.answering(0);
        wizard.applyCorrectionsAndRecheck();

        assertThat(dialogs.shown()).hasSize(2).allSatisfy(d -> {
            assertThat(d.header()).isEqualTo("把这些行作为更正导入？");
            assertThat(d.message()).startsWith("台账中有 2 行会改动已办结的案件");
        });
        assertThat(wizard.allowCorrectionsProperty().get()).isTrue();
        assertThat(wizard.checkPassedProperty().get()).isTrue();
        assertThat(wizard.correctionsNeededProperty().get()).isFalse();
        assertThat(wizard.checkSummary()).containsExactly("新增 0 条线索，更新 4 条线索",
                "其中 2 条更正已办结的案件，每一处改动都作为更正记入审计日志");
        assertThat(database.read(tx -> tx.leads().findByLeadNo(nanchiCommittee.id(), "S-3")).orElseThrow().toString())
                .as("the check wrote nothing").isEqualTo(s3Before);

        wizard.next();

        assertThat(wizard.importedProperty().get().corrected()).isEqualTo(2);
        assertThat(database.read(tx -> tx.leads().findByLeadNo(nanchiCommittee.id(), "S-3")).orElseThrow().outcome())
                .isNull();
        wizard.startOver();
        assertThat(wizard.allowCorrectionsProperty().get()).as("confirmed for that file only").isFalse();
    }

    @Test
    void aMediatorSeesTheRowsButIsNotOfferedToCorrect() throws java.io.IOException {
        Path file = backwardsLedger();
        var users = new cn.mediationdesk.logic.security.UserService(database, CLOCK,
                new cn.mediationdesk.logic.security.PasswordHasher(4));
        User admin = users.createFirstAdmin("admin", "管理员", "admin-2024");
        User mediator = users.addUser(admin, "mediator", "调解员", "mediator-1", cn.mediationdesk.model.Role.MEDIATOR,
                nanchiCommittee.id());
        ImportWizardViewModel wizard = checked(new ImportWizardViewModel(database, CHINESE, CLOCK,
                new CurrentThreadTaskExecutor(), dialogs, mediator, imports::incrementAndGet), file);

        assertThat(wizard.correctionsNeededProperty().get()).isTrue();
        assertThat(wizard.mayCorrect()).isFalse();

        wizard.applyCorrectionsAndRecheck();

        assertThat(dialogs.shown()).isEmpty();
        assertThat(wizard.allowCorrectionsProperty().get()).isFalse();
        assertThat(wizard.checkPassedProperty().get()).isFalse();
    }

    private static void writeLedger(Path file, String community, String committee) {
        try {
            java.nio.file.Files.writeString(file, String.join("\n",
                    "发现日期,线索来源,社区,调委会,纠纷类型,简要情况",
                    "2023-03-01,主动排查," + community + "," + committee + ",邻里,两户因晾晒衣物发生口角",
                    ""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
